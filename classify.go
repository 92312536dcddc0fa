package dgcheck

import (
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"time"

	"github.com/dgcheck/dgcheck/checkers"
	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/reports"
	"github.com/dgcheck/dgcheck/rules"
)

// ClassifyRequest names one dataset to classify.
type ClassifyRequest struct {
	Path     string
	Metadata string // metadata file; "" looks beside the data (datasets.FindMetadata)
	Encoding string // CSV encoding; "" sniffs it
	// Model names the grading model (gbt43697, jrt0197, or one a rule pack adds); "" lets the
	// metadata choose (financial data: jrt0197), else the default.
	Model    string
	Progress func(datasets.Source)
}

// Classification is what the data says about a dataset's classification and grading: per
// column, the detected type with its evidence and the grade the grading model gives it, and
// the level the dataset should have.
type Classification struct {
	Dataset  string `json:"dataset"`
	Metadata string `json:"metadata,omitempty"` // the metadata file read, if any
	Rows     int64  `json:"rows"`
	// Columns are in file order.
	Columns []ClassifiedColumn `json:"columns"`
	Grading *rules.Grading     `json:"grading"`
	// metadata and path are kept for SuggestedMetadata.
	metadata *datasets.MetadataFile
	path     string
}

// ClassifiedColumn is one column's detected type and suggested grade.
type ClassifiedColumn struct {
	Name  string   `json:"name"`
	Hints []string `json:"hints"`
	// Detected is absent when no type reached checkers.MinConfidence.
	Detected *checkers.Classification `json:"detected,omitempty"`
	// ShapedLike is the identifier the values have the structure of when the classifier
	// refused it: implausible values, or check characters mostly wrong.
	ShapedLike *checkers.ShapedLike `json:"shaped_like,omitempty"`
	// Embedded is, per identifier, how many values hold one inside other text: personal data
	// in a free-text column.
	Embedded map[string]EmbeddedShare `json:"embedded,omitempty"`
	// Grade is absent when neither the detected type nor the name gives one.
	Grade *rules.ColumnGrade `json:"grade,omitempty"`
	// Declared is what the metadata's field already says, for comparison.
	Declared *datasets.Field `json:"declared,omitempty"`
}

// EmbeddedShare is how many of a column's non-null values hold an identifier inside other
// text, and their share.
type EmbeddedShare struct {
	Values int64   `json:"values"`
	Rate   float64 `json:"rate"`
}

// Classify reads and measures one dataset and grades it with the grading model. It runs no
// rule: it says what the data suggests, for a person (or SuggestedMetadata) to declare.
func (c *Checker) Classify(ctx context.Context, req ClassifyRequest) (*Classification, error) {
	// Classify measures no declared check, so the only file its metadata can name that is read
	// is a data dictionary: read within the dataset's folder, as check does by default.
	r, meta, _, err := openDataset(ctx, req.Path, req.Metadata, req.Encoding, filepath.Dir(req.Path))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// Only the columns are needed: no declared keys, constraints or risk figures.
	profile, err := checkers.Scan(ctx, r, checkers.Plan{Progress: req.Progress})
	if err != nil {
		return nil, err
	}
	opts := map[string]any{"now": c.now().UTC().Format(time.RFC3339)}
	if req.Model != "" {
		opts["grading_model"] = req.Model
	}
	src := r.Source()
	grading, err := c.engine.Grade(ctx, ruleInput(describe(src, meta), meta, profile, opts))
	if err != nil {
		return nil, err
	}
	out := &Classification{Dataset: src.Path, Rows: profile.Rows, Grading: grading, metadata: meta, path: req.Path}
	if meta != nil {
		out.Metadata = meta.Path
	}
	for _, col := range profile.Columns {
		cc := ClassifiedColumn{Name: col.Name, Hints: col.Hints, Detected: col.Classification, ShapedLike: col.ShapedLike}
		for det, dc := range col.Detectors {
			if present := col.Rows - col.Nulls - col.Blanks; dc.Embedded > 0 {
				if cc.Embedded == nil {
					cc.Embedded = map[string]EmbeddedShare{}
				}
				cc.Embedded[det] = EmbeddedShare{Values: dc.Embedded, Rate: math.Round(float64(dc.Embedded)/float64(present)*1e4) / 1e4}
			}
		}
		if g, ok := grading.Columns[col.Name]; ok {
			cc.Grade = &g
		}
		if meta != nil {
			cc.Declared = meta.Metadata.Field(col.Name)
		}
		out.Columns = append(out.Columns, cc)
	}
	return out, nil
}

// Redacted is the classification as it may be shown: a copy with every identifier in its
// column names, hints, grades and declared fields masked (detect.Redact), as in a check's
// report. The classification itself keeps the raw names, which SuggestedMetadata writes into the
// sidecar, where they must match the data's header.
func (cl *Classification) Redacted() *Classification {
	out := *cl
	// A deep copy through JSON, so that redacting never touches the caller's values.
	var copied struct {
		Columns []ClassifiedColumn `json:"columns"`
		Grading *rules.Grading     `json:"grading"`
	}
	raw, err := json.Marshal(cl)
	if err == nil {
		err = json.Unmarshal(raw, &copied)
	}
	if err != nil {
		// Every field marshals; should one ever not, show no column rather than a raw name.
		copied.Columns, copied.Grading = nil, &rules.Grading{Model: cl.Grading.Model}
	}
	out.Columns = reports.RedactStrings(copied.Columns, detect.Redact)
	out.Grading = reports.RedactStrings(copied.Grading, detect.Redact)
	return &out
}
