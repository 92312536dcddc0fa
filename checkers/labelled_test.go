package checkers

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/internal/synth"
)

// labelledRows is large enough for every label to occur many times (the rarest, 1%, about 50
// times), small enough to scan in well under a second.
const labelledRows = 5000

// The acceptance test of detection and classification: on the generator's labelled table the
// classifier types every column the generator labels and no other (precision and recall 1.0),
// and every detector count equals the generator's per-value labels.
func TestLabelledTable(t *testing.T) {
	var buf bytes.Buffer
	truth, err := synth.WriteLabelledCSV(&buf, labelledRows, 7)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "labelled.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p, err := Scan(context.Background(), r, Plan{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Columns) != len(truth.Columns) {
		t.Fatalf("%d columns, truth has %d", len(p.Columns), len(truth.Columns))
	}

	var tp, fp, fn int
	for i, want := range truth.Columns {
		col := &p.Columns[i]
		got := ""
		if col.Classification != nil {
			got = col.Classification.Type
		}
		switch {
		case got == want.Type && got != "":
			tp++
		case got != want.Type:
			if got != "" {
				fp++
			}
			if want.Type != "" {
				fn++
			}
			t.Errorf("column %s: classified %q (%+v), labelled %q", want.Name, got, col.Classification, want.Type)
		}
		if got != "" && col.Classification.Confidence < 0.8 {
			t.Errorf("column %s: confidence %v below the rules' default 0.8", want.Name, col.Classification.Confidence)
		}

		if col.Nulls+col.Blanks != want.Empty {
			t.Errorf("column %s: %d empty, labelled %d", want.Name, col.Nulls+col.Blanks, want.Empty)
		}
		for det, n := range want.Embedded {
			if e := col.Detectors[det].Embedded; e != n {
				t.Errorf("column %s: %d values embed %s, labelled %d", want.Name, e, det, n)
			}
		}
		for det, dc := range col.Detectors {
			if _, labelled := want.Embedded[det]; !labelled && dc.Embedded != 0 {
				t.Errorf("column %s: %d values embed %s, labelled none", want.Name, dc.Embedded, det)
			}
		}
		if want.Detector == "" {
			continue
		}
		dc := col.Detectors[want.Detector]
		if dc.Matched != want.Matched || dc.Valid != want.Valid || dc.Masked != want.Masked {
			t.Errorf("column %s: %s matched %d valid %d masked %d, labelled %d, %d, %d", want.Name, want.Detector,
				dc.Matched, dc.Valid, dc.Masked, want.Matched, want.Valid, want.Masked)
		}
		traits := maps.Clone(want.Traits)
		for name, n := range dc.Traits {
			if n != traits[name] {
				t.Errorf("column %s: %s trait %s on %d values, labelled %d", want.Name, want.Detector, name, n, traits[name])
			}
			delete(traits, name)
		}
		if len(traits) > 0 {
			t.Errorf("column %s: labelled traits %v the detector does not name", want.Name, traits)
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("column classification: precision %.3f, recall %.3f (%d typed columns)", precision, recall, tp)
	if precision != 1 || recall != 1 {
		t.Errorf("precision %.3f, recall %.3f; want 1 and 1", precision, recall)
	}
}
