package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/checkers"
	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/rules"
)

// BenchmarkJudgeWideDataset judges the profile of a table of n declared columns (a third
// text, the rest integers; 500 rows) with every built-in rule. Judging should grow with the
// columns, not with their square: rules look a column's field-dictionary entry up by name
// (data.dgcheck.lib.meta.field_of) instead of scanning the dictionary for each column. Compare
// the per-column cost of the sub-benchmarks in one run.
func BenchmarkJudgeWideDataset(b *testing.B) {
	ctx := context.Background()
	engine, err := rules.Load(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{20, 200} {
		in := wideInput(b, n)
		b.Run(fmt.Sprintf("columns=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := engine.Judge(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n), "ms/column")
		})
	}
}

func wideInput(b *testing.B, n int) rules.Input {
	var text strings.Builder
	meta := &datasets.Metadata{Schema: datasets.SidecarSchema, Title: datasets.Text{"zh": "wide"}}
	for i := range n {
		if i > 0 {
			text.WriteByte(',')
		}
		fmt.Fprintf(&text, "c%d", i)
		kind := "integer"
		if i%3 == 0 {
			kind = "string"
		}
		meta.Fields = append(meta.Fields, datasets.Field{Name: fmt.Sprintf("c%d", i), Datatype: kind, Description: "a column"})
	}
	text.WriteByte('\n')
	for row := range 500 {
		for i := range n {
			if i > 0 {
				text.WriteByte(',')
			}
			if i%3 == 0 {
				fmt.Fprintf(&text, "v%d", (row*7+i)%50)
			} else {
				fmt.Fprint(&text, (row*31+i*17)%1000+1)
			}
		}
		text.WriteByte('\n')
	}
	path := filepath.Join(b.TempDir(), "wide.csv")
	if err := os.WriteFile(path, []byte(text.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	profile, err := checkers.Scan(context.Background(), r, checkers.Plan{Metadata: meta})
	if err != nil {
		b.Fatal(err)
	}
	return rules.Input{Dataset: map[string]any{"path": path, "format": "csv"}, Metadata: meta, Profile: profile,
		Options: map[string]any{"now": "2026-11-25T00:00:00Z"}}
}
