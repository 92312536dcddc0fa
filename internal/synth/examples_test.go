package synth

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/datasets"
)

// exampleDir holds the shipped example roll; examples/README.md says how it is generated.
const exampleDir = "../../examples/dibao"

// TestExamplesAreRegenerable keeps the shipped example files from drifting away from the
// generator: each must be byte-identical to what its documented command produces.
func TestExamplesAreRegenerable(t *testing.T) {
	for _, ex := range []struct {
		file  string
		write func(io.Writer, Config) (Stats, error)
		c     Config
	}{
		{"hongshan_dibao_2025.csv", WriteCSV, Defective(2000, 2025)},
		{"hongshan_dibao_2025.parquet", WriteParquet, Defective(2000, 2025)},
		{"hongshan_dibao_2025_clean.csv", WriteCSV, Clean(2000, 2025)},
		{"hongshan_dibao_2025_clean.parquet", WriteParquet, Clean(2000, 2025)},
	} {
		shipped, err := os.ReadFile(filepath.Join(exampleDir, ex.file))
		if err != nil {
			t.Fatal(err)
		}
		if fresh, _ := generate(t, ex.write, ex.c); !bytes.Equal(shipped, fresh) {
			t.Errorf("examples/dibao/%s is not what the generator makes of %+v; if the generator changed on purpose, regenerate the examples as examples/README.md says", ex.file, ex.c)
		}
	}
}

// TestExampleSidecars reads the sidecars strictly into the metadata model (an unknown key is
// an error, as dgcheck reports it) and checks that they describe their rolls.
func TestExampleSidecars(t *testing.T) {
	for _, sc := range []struct {
		file       string
		c          Config
		containsPI bool
	}{
		{"hongshan_dibao_2025.meta.yaml", Defective(2000, 2025), false}, // the owner's mistake
		{"hongshan_dibao_2025_clean.meta.yaml", Clean(2000, 2025), true},
	} {
		t.Run(sc.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(exampleDir, sc.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			dec := yaml.NewDecoder(f)
			dec.KnownFields(true)
			var md datasets.Metadata
			if err := dec.Decode(&md); err != nil {
				t.Fatal(err)
			}
			if md.Schema != "dgcheck/metadata/v1" {
				t.Errorf("schema %q", md.Schema)
			}
			if md.RecordCount == nil || *md.RecordCount != int64(sc.c.Rows) {
				t.Errorf("record_count %v, want %d", md.RecordCount, sc.c.Rows)
			}
			if !slices.Equal(md.PrimaryKey, []string{"household_id"}) {
				t.Errorf("primary_key %q", md.PrimaryKey)
			}
			if md.PI == nil || md.PI.ContainsPI == nil || *md.PI.ContainsPI != sc.containsPI {
				t.Errorf("pi.contains_pi is not %v", sc.containsPI)
			}
			var names []string
			for _, fd := range md.Fields {
				names = append(names, fd.Name)
				// The release form declares how each direct identifier is masked; the raw roll's
				// sidecar declares one masking, falsely (sfzh, the owner's mistake).
				direct := fd.IdentifierRole == "direct"
				switch {
				case sc.c.Masked && direct && fd.Masking["pattern"] == nil:
					t.Errorf("field %s: a direct identifier of the release form without a masking pattern", fd.Name)
				case !sc.c.Masked && fd.Masking != nil && fd.Name != "sfzh":
					t.Errorf("field %s: masking %v in the raw roll", fd.Name, fd.Masking)
				}
			}
			if !slices.Equal(names, columns[:]) {
				t.Errorf("fields %q, want the columns %q", names, columns)
			}
		})
	}
}
