package dgcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A partial profile comes from a file: whatever its bytes, reading its envelope and then its
// state is a result or an error, never a crash, and a state that is read is the one written.
func FuzzReadPartialProfile(f *testing.F) {
	ctx := context.Background()
	c, err := NewChecker(ctx, WithVersion("fuzz"))
	if err != nil {
		f.Fatal(err)
	}
	measured, err := c.MeasurePart(ctx, Request{Path: "examples/dibao/hongshan_dibao_2025.parquet",
		Metadata: "examples/dibao/hongshan_dibao_2025.meta.yaml"}, 1, 1)
	if err != nil {
		f.Fatal(err)
	}
	defer measured.Release()
	var written bytes.Buffer
	if _, err := measured.WriteTo(&written); err != nil {
		f.Fatal(err)
	}
	// The state as a JSON decoder reads it: the same bytes readState must stream.
	var whole struct {
		State []byte `json:"state"`
	}
	if err := json.Unmarshal(written.Bytes(), &whole); err != nil {
		f.Fatal(err)
	}
	f.Add(written.Bytes())
	// The state amid the other fields, as a tool that sorts keys leaves it.
	f.Add(bytes.Replace(written.Bytes(), []byte(`{"format"`), []byte(`{"dataset":{},"state":"AAAA","format"`), 1))
	f.Add([]byte(`{"format":"dgcheck/partial-profile/v1","state":"QUJD\"}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, raw []byte) {
		path := filepath.Join(dir, "part.profile.json")
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := ReadPartialProfile(path)
		if err != nil {
			return
		}
		var got bytes.Buffer
		err = p.readState(func(r io.Reader, limit int64) error {
			_, err := io.Copy(&got, io.LimitReader(r, limit+1))
			return err
		})
		if bytes.Equal(raw, written.Bytes()) && (err != nil || !bytes.Equal(got.Bytes(), whole.State)) {
			t.Errorf("the state read back (%d bytes, %v) is not the one written (%d)", got.Len(), err, len(whole.State))
		}
	})
}
