package checkers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/internal/synth"
)

// slice reads every n-th batch of a reader from the i-th: one machine's share of a dataset.
type slice struct {
	datasets.Reader
	i, n, at int
}

func (s *slice) Next() bool {
	for s.Reader.Next() {
		s.at++
		if (s.at-1)%s.n == s.i {
			return true
		}
		s.Batch().Record.Release()
	}
	return false
}

// The accumulators of slices, written down, read back and merged, finish into the profile one
// scan of the whole gives, byte for byte: with the example's metadata (keys, quasi-identifiers,
// masking, field and row checks, entities), rows enough for the sketches, and row sets made
// to spill to files before they are written.
func TestPartsMergeIntoTheWholeProfile(t *testing.T) {
	var buf bytes.Buffer
	if _, err := synth.WriteCSV(&buf, synth.Defective(40_000, 7)); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "roll.csv", buf.String())
	meta, err := datasets.ReadMetadata("../examples/dibao/hongshan_dibao_2025.meta.yaml", path)
	if err != nil {
		t.Fatal(err)
	}
	plan := PlanFor(&meta.Metadata)
	spillBudget, spillDir = 64<<10, t.TempDir()
	t.Cleanup(func() { spillBudget, spillDir = 0, "" })

	open := func() datasets.Reader {
		r, err := datasets.Open(context.Background(), path, datasets.WithBatchSize(1000))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close() })
		return r
	}
	whole, err := Scan(context.Background(), open(), plan)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(whole)
	for n := 1; n <= 3; n++ {
		t.Run(fmt.Sprintf("%d parts", n), func(t *testing.T) {
			var merged *Part
			var rows int64
			for i := range n {
				r := open()
				state := encodedPart(t, &slice{Reader: r, i: i, n: n}, plan)
				back, err := DecodePart(context.Background(), bytes.NewReader(state), int64(len(state)), r.Source().Columns, plan)
				if err != nil {
					t.Fatalf("part %d: %v", i, err)
				}
				rows += back.Rows()
				if merged == nil {
					merged = back
				} else if err := merged.Merge(back); err != nil {
					t.Fatal(err)
				}
			}
			defer merged.Release()
			if rows != whole.Rows {
				t.Fatalf("the parts measured %d rows, the whole %d", rows, whole.Rows)
			}
			got, err := merged.Profile(nil)
			if err != nil {
				t.Fatal(err)
			}
			if g, _ := json.Marshal(got); !bytes.Equal(g, want) {
				t.Errorf("merged profile differs from the whole's:\n got %.600s\nwant %.600s", g, want)
			}
		})
	}
}

// A state cut short or followed by more bytes is refused, not read as a smaller profile.
func TestDamagedPartStateIsRefused(t *testing.T) {
	var buf bytes.Buffer
	if _, err := synth.WriteCSV(&buf, synth.Defective(500, 3)); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "roll.csv", buf.String())
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	state := encodedPart(t, r, Plan{})
	for _, bad := range [][]byte{state[:len(state)/2], state[:len(state)-1], append(state[:len(state):len(state)], 0)} {
		if p, err := DecodePart(context.Background(), bytes.NewReader(bad), int64(len(bad)), r.Source().Columns, Plan{}); err == nil {
			p.Release()
			t.Errorf("a state of %d bytes (of %d) was read", len(bad), len(state))
		}
	}
}

// A partial profile's state comes from a file: whatever its bytes, decoding, merging and
// finishing it is a result or an error, never a crash.
func FuzzDecodePart(f *testing.F) {
	var buf bytes.Buffer
	if _, err := synth.WriteCSV(&buf, synth.Defective(300, 5)); err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(f.TempDir(), "roll.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		f.Fatal(err)
	}
	meta, err := datasets.ReadMetadata("../examples/dibao/hongshan_dibao_2025.meta.yaml", path)
	if err != nil {
		f.Fatal(err)
	}
	plan := PlanFor(&meta.Metadata)
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		f.Fatal(err)
	}
	defer r.Close()
	state, cols := encodedPart(f, r, plan), r.Source().Columns
	f.Add(state)
	f.Fuzz(func(t *testing.T, damaged []byte) {
		part, err := DecodePart(context.Background(), bytes.NewReader(damaged), int64(len(damaged)), cols, plan)
		if err != nil {
			return
		}
		defer part.Release()
		whole, err := DecodePart(context.Background(), bytes.NewReader(state), int64(len(state)), cols, plan)
		if err != nil {
			t.Fatal(err)
		}
		if err := part.Merge(whole); err != nil {
			return
		}
		part.Profile(nil)
	})
}

// encodedPart is what Measure measures of r, encoded.
func encodedPart(t testing.TB, r datasets.Reader, plan Plan) []byte {
	t.Helper()
	part, err := Measure(context.Background(), r, plan)
	if err != nil {
		t.Fatal(err)
	}
	defer part.Release()
	var state bytes.Buffer
	if err := part.WriteState(&state); err != nil {
		t.Fatal(err)
	}
	return state.Bytes()
}
