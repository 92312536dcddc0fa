// Package dgcheck checks datasets against data-resource standards: it reads a dataset and its
// metadata (package datasets), measures the data in one pass (checkers), judges the
// measurements with Rego rules (rules) and returns a report (reports). The dgcheck command and
// batch audits are built on Checker.
package dgcheck

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/dgcheck/dgcheck/checkers"
	"github.com/dgcheck/dgcheck/checkers/detect"
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
	host    string
	failOn  reports.Severity // the configuration's, for requests that give none
}

// Option configures a Checker.
type Option func(*config)

type config struct {
	rules   []string
	version string
	now     func() time.Time
	host    string
	gate    *rules.Config
	limits  rules.Limits
}

// WithRules adds user rule packs (directories) to the built-in rules.
func WithRules(dirs ...string) Option { return func(c *config) { c.rules = append(c.rules, dirs...) } }

// WithVersion sets the version reports name.
func WithVersion(v string) Option { return func(c *config) { c.version = v } }

// WithClock sets the clock that dates reports and that rules see as input.options.now.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithHost sets the machine name reports record (default: the host name; "" records none).
func WithHost(name string) Option { return func(c *config) { c.host = name } }

// WithConfig applies a gate configuration (dgcheck.yaml, see rules.ReadConfig): the rules it
// selects run with its severities, thresholds and waivers, and its fail_on applies to
// requests that set no FailOn.
func WithConfig(cfg *rules.Config) Option { return func(c *config) { c.gate = cfg } }

// WithPackLimits bounds the time and memory each user rule pack may spend judging a dataset
// (rules.Limits; a zero field keeps rules.DefaultPackLimits' value).
func WithPackLimits(l rules.Limits) Option { return func(c *config) { c.limits = l } }

// NewChecker loads and prepares the rules. Broken user rules are an error naming the file.
func NewChecker(ctx context.Context, opts ...Option) (*Checker, error) {
	c := config{version: "dev", now: time.Now}
	c.host, _ = os.Hostname()
	for _, o := range opts {
		o(&c)
	}
	engine, err := rules.Load(ctx, rules.WithUserRules(c.rules...), rules.WithConfig(c.gate), rules.WithPackLimits(c.limits))
	if err != nil {
		return nil, err
	}
	ch := &Checker{engine: engine, version: c.version, now: c.now, host: c.host, failOn: reports.Error}
	if c.gate != nil && c.gate.FailOn != "" {
		ch.failOn = c.gate.FailOn
	}
	return ch, nil
}

// Request names one dataset to check and how.
type Request struct {
	Path     string
	Metadata string // metadata file; "" looks beside the data (datasets.FindMetadata)
	Encoding string // CSV encoding; "" sniffs it
	// FailOn is the lowest severity that fails the dataset; "" takes the configuration's
	// fail_on, else error.
	FailOn reports.Severity
	// Progress, if set, is called as the scan goes with what the reader has learned so far:
	// rows read, and bytes read of the file's size (CSV) or the rows the file declares (Parquet).
	Progress func(datasets.Source)
	// SkipDetection scans without identifier detection (checkers.Plan.SkipDetection): the
	// rules that judge personal information then see no evidence of it. For measuring what
	// detection costs, and for data known to hold none.
	SkipDetection bool
	// Within is the folder the files the metadata names (foreign keys' datasets, a data
	// dictionary) must lie in to be read (datasets.WithinRoot); one outside is refused, and
	// QUAL-002 reports it. "" reads them wherever they are.
	Within string
	// Profiles, if set, are the partial profiles of every part of the dataset (MeasurePart):
	// the check merges them instead of reading the data's rows.
	Profiles []string
}

// plan is what the scan measures for the request, given the dataset's metadata (nil: none).
func (req Request) plan(meta *datasets.MetadataFile) checkers.Plan {
	var metadata *datasets.Metadata
	if meta != nil {
		metadata = &meta.Metadata
	}
	plan := checkers.PlanFor(metadata)
	plan.Progress = req.Progress
	plan.SkipDetection = req.SkipDetection
	return plan
}

// Check reads, measures and judges one dataset. An error means the dataset could not be
// checked (unreadable data or metadata); findings, however severe, are in the report.
func (c *Checker) Check(ctx context.Context, req Request) (*reports.Report, error) {
	started := c.now()
	var m *Measured
	var err error
	if len(req.Profiles) > 0 {
		m, err = c.measureParts(ctx, req)
	} else {
		m, err = Measure(ctx, req)
	}
	if err != nil {
		return nil, err
	}
	return c.judge(ctx, m, started)
}

// Measured is a dataset read and measured (Measure), to be judged (Checker.Judge).
type Measured struct {
	req     Request
	source  datasets.Source
	meta    *datasets.MetadataFile
	notice  string // why metadata beside the data was passed over, if it was
	profile *checkers.Profile
}

// Measure reads and measures one dataset, as Check does, without rules: a caller may load
// them (NewChecker) meanwhile, and judge the measurement once both are done (Judge). Compiling
// the rules takes a third of a second, most of a small file's check. Requests that merge
// partial profiles are measured by Check, which checks their rules digest.
func Measure(ctx context.Context, req Request) (*Measured, error) {
	if len(req.Profiles) > 0 {
		return nil, errors.New("partial profiles are merged by Checker.Check, which checks that they were measured for its rules")
	}
	return measure(ctx, req, func(r datasets.Reader, meta *datasets.MetadataFile) (*checkers.Profile, error) {
		return checkers.Scan(ctx, r, req.plan(meta))
	})
}

// measureParts is Measure for a request that merges the partial profiles of its parts.
func (c *Checker) measureParts(ctx context.Context, req Request) (*Measured, error) {
	return measure(ctx, req, func(r datasets.Reader, meta *datasets.MetadataFile) (*checkers.Profile, error) {
		return c.mergeParts(ctx, req.Profiles, r.Source(), meta, req, req.plan(meta))
	}, datasets.WithSchemaOnly()) // the rows are in the profiles
}

// measure opens req's dataset with opts and profiles it.
func measure(ctx context.Context, req Request, profile func(datasets.Reader, *datasets.MetadataFile) (*checkers.Profile, error), opts ...datasets.Option) (*Measured, error) {
	r, meta, notice, err := openDataset(ctx, req.Path, req.Metadata, req.Encoding, req.Within, opts...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	p, err := profile(r, meta)
	if err != nil {
		return nil, err
	}
	return &Measured{req: req, source: *r.Source(), meta: meta, notice: notice, profile: p}, nil
}

// Judge judges a measured dataset (Measure) into its report, as Check does.
func (c *Checker) Judge(ctx context.Context, m *Measured) (*reports.Report, error) {
	return c.judge(ctx, m, c.now())
}

// judge is Judge for a check that started at started.
func (c *Checker) judge(ctx context.Context, m *Measured, started time.Time) (*reports.Report, error) {
	meta, profile := m.meta, m.profile
	report := &reports.Report{SchemaVersion: reports.SchemaVersion,
		Tool:      reports.Tool{Name: "dgcheck", Version: c.version},
		CheckedAt: started.UTC().Format(time.RFC3339),
		Dataset:   describe(&m.source, meta),
		Profile:   profile, Host: c.host}
	// The rows measured: the reader's count, or the parts' when they were merged.
	report.Dataset.Rows = profile.Rows
	for _, r := range c.engine.Selected() {
		report.Rules = append(report.Rules, r.Rule)
	}
	if m.notice != "" {
		report.Notices = append(report.Notices, m.notice)
	}
	if meta != nil {
		report.Metadata = meta.Metadata
		for _, u := range meta.Unknown {
			report.Notices = append(report.Notices, fmt.Sprintf("%s: unknown metadata key %s", meta.Path, u))
		}
		report.Notices = append(report.Notices, meta.Notices...)
	}
	// fail_on is the threshold the verdict uses (Conclude), so that the scores' grade cap
	// agrees with it.
	failOn := cmp.Or(m.req.FailOn, c.failOn)
	judgement, err := c.engine.Judge(ctx, ruleInput(report.Dataset, meta, profile,
		map[string]any{"now": report.CheckedAt, "fail_on": string(failOn)}))
	if err != nil {
		return nil, err
	}
	report.Findings, report.Scores, report.ToolErrors = judgement.Findings, judgement.Scores, judgement.ToolErrors
	report.Conclude(failOn)
	// After judging, since the rules match metadata fields by the columns' raw names; before
	// any writer, so that each prints the same masked names and text (DESIGN: one masked form).
	report.Redact(detect.Redact)
	return report, nil
}

// RulesDigest is the SHA-256 of the rules this Checker judges with (rules.Engine.Digest):
// audits stamp it on their reports so that a result can be traced to the rules that made it.
func (c *Checker) RulesDigest() string { return c.engine.Digest() }

// describe is the dataset as reports and rules see it: the source as read, and where its
// metadata came from and what of it was refused (meta nil: none).
func describe(src *datasets.Source, meta *datasets.MetadataFile) reports.Dataset {
	d := reports.Dataset{Path: src.Path, Name: src.Name, Format: string(src.Format),
		Encoding: src.Encoding, Delimiter: src.Delimiter, Size: src.Size, Rows: src.Rows, Columns: src.Columns}
	if meta != nil {
		d.MetadataPath, d.MetadataKind = meta.Path, meta.Kind
		for _, rp := range meta.Refused {
			d.Refused = append(d.Refused, reports.RefusedPath(rp))
		}
	}
	return d
}

// ruleInput is what the rules judge, for Check and Classify alike: the dataset (describe),
// its metadata (absent when there is none), the profile and the run's options.
func ruleInput(d reports.Dataset, meta *datasets.MetadataFile, profile *checkers.Profile, options map[string]any) rules.Input {
	in := rules.Input{Dataset: d, Profile: profile, Options: options}
	if meta != nil {
		in.Metadata = meta.Metadata
	}
	return in
}

// openDataset opens a dataset and reads its metadata: metaPath, else the file
// LookupMetadata finds beside the data (nil when there is none; notice says why metadata
// beside it was passed over), reading what it names only within within ("" anywhere). The
// caller closes the reader.
func openDataset(ctx context.Context, path, metaPath, encoding, within string, opts ...datasets.Option) (r datasets.Reader, meta *datasets.MetadataFile, notice string, err error) {
	r, err = openData(ctx, path, encoding, opts...)
	if err != nil {
		return nil, nil, "", err
	}
	if metaPath == "" {
		metaPath, notice = datasets.LookupMetadata(path)
	}
	if metaPath == "" {
		return r, nil, notice, nil
	}
	var metaOpts []datasets.ReadOption
	if within != "" {
		metaOpts = append(metaOpts, datasets.WithinRoot(within))
	}
	meta, err = datasets.ReadMetadata(metaPath, path, metaOpts...)
	if err != nil {
		r.Close()
		return nil, nil, "", err
	}
	return r, meta, "", nil
}

// openData opens a dataset's data in encoding ("" sniffs it).
func openData(ctx context.Context, path, encoding string, opts ...datasets.Option) (datasets.Reader, error) {
	if encoding != "" {
		opts = append(opts, datasets.WithEncoding(encoding))
	}
	return datasets.Open(ctx, path, opts...)
}
