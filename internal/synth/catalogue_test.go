package synth

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

func exampleSidecars(t *testing.T) CatalogueConfig {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(exampleDir, "hongshan_dibao_2025.meta.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	clean, err := os.ReadFile(filepath.Join(exampleDir, "hongshan_dibao_2025_clean.meta.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return CatalogueConfig{RawSidecar: raw, CleanSidecar: clean}
}

// Every kind of damage falls on exactly one roll, of the format it needs, and the layout is a
// function of the config.
func TestCatalogueLayout(t *testing.T) {
	for _, n := range []int{8, 9, 10, 11, 13, 200} {
		sets, err := Catalogue(CatalogueConfig{Datasets: n, Seed: 1})
		if err != nil {
			t.Fatalf("%d datasets: %v", n, err)
		}
		again, _ := Catalogue(CatalogueConfig{Datasets: n, Seed: 1})
		if !reflect.DeepEqual(sets, again) {
			t.Errorf("%d datasets: two layouts of one config differ", n)
		}
		damaged := map[string]CatalogueDataset{}
		paths := map[string]bool{}
		for _, d := range sets {
			if d.Damage != "" {
				damaged[d.Damage] = d
			}
			paths[d.Path] = true
		}
		if len(damaged) != 4 || len(paths) != n {
			t.Errorf("%d datasets: %d kinds of damage on %d paths, want 4 on %d", n, len(damaged), len(paths), n)
		}
		if damaged[TruncatedParquet].Format != "parquet" || damaged[GBKData].Format != "csv" {
			t.Errorf("%d datasets: truncated %s, GBK data in %s", n, damaged[TruncatedParquet].Format, damaged[GBKData].Format)
		}
	}
	if _, err := Catalogue(CatalogueConfig{Datasets: 7}); err == nil {
		t.Error("a catalogue too small for its damage must be refused")
	}
}

// The damage is real: the unreadable rolls fail where a reader fails, and the GBK roll reads
// as GB18030 with every row. The sound rolls' sidecars say what their files hold.
func TestWrittenCatalogue(t *testing.T) {
	dir := t.TempDir()
	c := exampleSidecars(t)
	c.Datasets, c.Seed = 12, 7
	sets, err := WriteCatalogue(dir, c)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i, d := range sets {
		dataPath := filepath.Join(dir, filepath.FromSlash(d.Path))
		metaPath := datasets.FindMetadata(dataPath)
		if metaPath != filepath.Join(dir, filepath.FromSlash(d.Sidecar)) {
			t.Fatalf("%s: sidecar %q is not found beside the data", d.Path, metaPath)
		}
		meta, metaErr := datasets.ReadMetadata(metaPath, dataPath)
		src, readErr := readThrough(ctx, dataPath)
		switch d.Damage {
		case SidecarSyntax, GBKSidecar:
			if metaErr == nil {
				t.Errorf("%s: the %s sidecar was read", d.Path, d.Damage)
			}
			continue
		case TruncatedParquet:
			if readErr == nil {
				t.Errorf("%s: the truncated Parquet was read", d.Path)
			}
			continue
		}
		if metaErr != nil || readErr != nil {
			t.Errorf("%s: %v, %v", d.Path, metaErr, readErr)
			continue
		}
		m := meta.Metadata
		if src.Rows != int64(d.Config.Rows) || m.RecordCount == nil || *m.RecordCount != src.Rows {
			t.Errorf("%s: %d rows, sidecar says %v", d.Path, src.Rows, m.RecordCount)
		}
		if !strings.HasSuffix(m.Identifier, fmt.Sprintf("-%03d", i+1)) {
			t.Errorf("%s: identifier %q is not the roll's own", d.Path, m.Identifier)
		}
		if len(meta.Unknown) > 0 || m.PI == nil || *m.PI.ContainsPI != d.Config.Masked {
			t.Errorf("%s: unknown keys %q, PI %+v for masked=%v", d.Path, meta.Unknown, m.PI, d.Config.Masked)
		}
		if d.Damage == GBKData && (m.Encoding != "gb18030" || src.Encoding != "gb18030") {
			t.Errorf("%s: sidecar declares %q, read as %q", d.Path, m.Encoding, src.Encoding)
		}
	}
}

// readThrough reads a dataset to its end and says what the reader learned of it.
func readThrough(ctx context.Context, path string) (datasets.Source, error) {
	r, err := datasets.Open(ctx, path)
	if err != nil {
		return datasets.Source{}, err
	}
	defer r.Close()
	for r.Next() {
		b := r.Batch()
		b.Record.Release()
	}
	return *r.Source(), r.Err()
}
