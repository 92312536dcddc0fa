// Package dgcheck checks datasets against data-resource standards: it reads a dataset and its
// metadata (package datasets), measures the data in one pass (checkers), judges the
// measurements with Rego rules (rules) and returns a report (reports). The dgcheck command and
// batch audits are built on Checker.
package dgcheck

import (
	"context"
	"fmt"
	"time"

	"github.com/dgcheck/dgcheck/checkers"
	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/reports"
	"github.com/dgcheck/dgcheck/rules"
)

// Checker checks datasets with one set of prepared rules, so that checking many datasets
// compiles the rules once.
type Checker struct {
	engine  *rules.Engine
	version string
	now     func() time.Time
}

// Option configures a Checker.
type Option func(*config)

type config struct {
	rules   []string
	version string
	now     func() time.Time
}

// WithRules adds user rule packs (directories) to the built-in rules.
func WithRules(dirs ...string) Option { return func(c *config) { c.rules = append(c.rules, dirs...) } }

// WithVersion sets the version reports name.
func WithVersion(v string) Option { return func(c *config) { c.version = v } }

// WithClock sets the clock that dates reports and that rules see as input.options.now.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// NewChecker loads and prepares the rules. Broken user rules are an error naming the file.
func NewChecker(ctx context.Context, opts ...Option) (*Checker, error) {
	c := config{version: "dev", now: time.Now}
	for _, o := range opts {
		o(&c)
	}
	engine, err := rules.Load(ctx, rules.WithUserRules(c.rules...))
	if err != nil {
		return nil, err
	}
	return &Checker{engine: engine, version: c.version, now: c.now}, nil
}

// Request names one dataset to check and how.
type Request struct {
	Path     string
	Metadata string // metadata file; "" looks beside the data (datasets.FindMetadata)
	Encoding string // CSV encoding; "" sniffs it
	FailOn   reports.Severity
	// Progress, if set, is called with the rows read so far as the scan goes.
	Progress func(rows int64)
}

// Check reads, measures and judges one dataset. An error means the dataset could not be
// checked (unreadable data or metadata); findings, however severe, are in the report.
func (c *Checker) Check(ctx context.Context, req Request) (*reports.Report, error) {
	started := c.now()
	var readOpts []datasets.Option
	if req.Encoding != "" {
		readOpts = append(readOpts, datasets.WithEncoding(req.Encoding))
	}
	r, err := datasets.Open(ctx, req.Path, readOpts...)
	if err != nil {
		return nil, err
	}
	defer r.Close()

	metaPath := req.Metadata
	if metaPath == "" {
		metaPath = datasets.FindMetadata(req.Path)
	}
	var meta *datasets.MetadataFile
	var metadata *datasets.Metadata
	if metaPath != "" {
		if meta, err = datasets.ReadMetadata(metaPath, req.Path); err != nil {
			return nil, err
		}
		metadata = &meta.Metadata
	}

	plan := checkers.PlanFor(metadata)
	plan.Progress = req.Progress
	profile, err := checkers.Scan(ctx, r, plan)
	if err != nil {
		return nil, err
	}

	src := r.Source()
	report := &reports.Report{SchemaVersion: reports.SchemaVersion,
		Tool:      reports.Tool{Name: "dgcheck", Version: c.version},
		CheckedAt: started.UTC().Format(time.RFC3339),
		Dataset: reports.Dataset{Path: src.Path, Name: src.Name, Format: string(src.Format),
			Encoding: src.Encoding, Delimiter: src.Delimiter, Size: src.Size, Rows: src.Rows, Columns: src.Columns},
		Profile: profile}
	var metaInput any
	if meta != nil {
		report.Dataset.MetadataPath, report.Dataset.MetadataKind = meta.Path, meta.Kind
		metaInput = meta.Metadata
		for _, u := range meta.Unknown {
			report.Notices = append(report.Notices, fmt.Sprintf("%s: unknown metadata key %s", meta.Path, u))
		}
	}
	report.Findings, err = c.engine.Evaluate(ctx, rules.Input{
		Dataset:  report.Dataset,
		Metadata: metaInput,
		Profile:  profile,
		Options:  map[string]any{"now": report.CheckedAt},
	})
	if err != nil {
		return nil, err
	}
	report.Conclude(req.FailOn)
	return report, nil
}
