// Package audits runs batch audits: many datasets, from a directory or a manifest, checked
// concurrently with one dgcheck.Checker, into an output directory holding each dataset's
// reports and a portfolio report over all of them. Audits resume after an interruption
// without re-checking finished datasets, split into shards that merge into the portfolio an
// unsharded audit would have made, compare themselves with a baseline audit, and append their
// summary to a history database.
package audits

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/attest"
	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/reports"
)

// Checker checks one dataset; *dgcheck.Checker is one. An error means the dataset could not
// be checked.
type Checker interface {
	Check(ctx context.Context, req dgcheck.Request) (*reports.Report, error)
	RulesDigest() string
}

// Options say how to run an audit.
type Options struct {
	Out string // output directory
	// Workers bounds the datasets checked at once (default GOMAXPROCS).
	Workers int
	// MemoryBudget bounds the total size of the data files being checked at once, in bytes,
	// since a scan's memory grows with its file's rows; a file larger than the budget is
	// checked alone. Default DefaultMemoryBudget().
	MemoryBudget int64
	FailOn       reports.Severity
	// Resume reuses the finished datasets of an earlier run into Out whose fingerprints
	// (inputs, rules, configuration, options) are unchanged, and checks the rest.
	Resume bool
	// Baseline, when set, is the previous audit each finding is classed against (new,
	// unchanged, regressed, fixed); BaselinePath is its file, for the stamp. Unset, an
	// unsharded audit with a History is classed against the previous audit of its target
	// there (PreviousAudit), if the history holds its findings.
	Baseline     *Portfolio
	BaselinePath string
	Shard        Shard
	// ConfigFiles are the effective configuration files, in the order they apply: their
	// digest goes into every stamp and every fingerprint.
	ConfigFiles []string
	// Formats are the formats of each dataset's own reports (reports.Formats); json is
	// always written, since the portfolio is rebuilt from it.
	Formats []string
	// PortfolioFormats are the portfolio's formats (PortfolioFormats); default all of them.
	PortfolioFormats []string
	// History is the SQLite database the audit's summary is appended to; "" appends to none.
	// A shard appends nothing: its merge does, once, for the whole audit.
	History string
	// Profile names the conformance profile the checker runs, for the stamp ("" for every
	// rule). ForProfile makes the checker of another profile, for the datasets a manifest
	// gives one; each is made once, before any dataset is checked.
	Profile    string
	ForProfile func(ctx context.Context, profile string) (Checker, error)
	// Lang is the language of the datasets' HTML reports (reports.Langs; default en).
	Lang    string
	Version string
	// Now is the wall clock, for the stamps and timings (default time.Now).
	Now func() time.Time
	// Progress, if set, is called after each dataset is finished, from one goroutine.
	Progress func(Progress)
	// Signer, if set, signs each dataset's result (attestation.json beside its reports) and
	// the portfolio (portfolio.attestation.json, whose subjects are the portfolio and every
	// dataset's attestation): attest.go.
	Signer *attest.Signer
}

// Progress is how far an audit has got.
type Progress struct {
	Total, Done, Failed, Reused int
	Elapsed                     time.Duration
}

// Result is a finished audit: its portfolio and how much of it was checked afresh.
type Result struct {
	Portfolio *Portfolio
	// Checked counts the datasets checked in this run; Reused those taken from an earlier
	// run by --resume.
	Checked, Reused int
	// Notices are what happened to the audit's own files that its user should hear of: a dead
	// audit's lock taken over, a damaged history moved aside. The portfolio's notices hold
	// them too.
	Notices []string
}

// DefaultMemoryBudget is half the Go memory limit when one is set (GOMEMLIMIT), else 1 GiB.
func DefaultMemoryBudget() int64 {
	if limit := debug.SetMemoryLimit(-1); limit > 0 && limit < math.MaxInt64 {
		return limit / 2
	}
	return 1 << 30
}

// Run audits the target's datasets (the shard's slice of them) into o.Out. One dataset's
// failure is recorded as its error and the others go on. When ctx is cancelled, Run stops
// starting datasets, lets none of the unfinished ones count as failed, and returns ctx's
// error: every dataset finished so far is on disk, ready for Resume.
func Run(ctx context.Context, checker Checker, t *Target, o Options) (*Result, error) {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MemoryBudget <= 0 {
		o.MemoryBudget = DefaultMemoryBudget()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.FailOn == "" {
		o.FailOn = reports.Error
	}
	if !slices.Contains(o.Formats, "json") {
		o.Formats = append([]string{"json"}, o.Formats...)
	}
	writers := map[string]reports.Writer{}
	for _, f := range o.Formats {
		w, err := reports.WriterFor(f, reports.WithLang(cmp.Or(o.Lang, "en")))
		if err != nil {
			return nil, err
		}
		writers[f] = w
	}
	started := o.Now()
	stamp, err := newStamp(checker, t, o, started)
	if err != nil {
		return nil, err
	}
	var compared string // the notice of a baseline taken from the history
	if o.Baseline == nil && o.History != "" && o.Shard.Count == 0 {
		// A history that cannot be read gives no baseline; appending to it says why.
		if prev, err := PreviousAudit(ctx, o.History, stamp.Target); err == nil && prev != nil {
			o.Baseline = prev
			compared = fmt.Sprintf("compared with the previous audit of %s in the history %s, started %s", stamp.Target, o.History, prev.Stamp.Started)
		}
	}
	// The lock first, so that a second audit is refused at once; the directory is claimed
	// (an earlier audit's results removed) only once the rules have compiled.
	release, notice, err := lockOutDir(o.Out, started)
	if err != nil {
		return nil, err
	}
	defer release()
	checkers, err := profileCheckers(ctx, checker, t, o)
	if err != nil {
		return nil, err
	}
	if err := claimOut(o.Out, o.Resume); err != nil {
		return nil, err
	}
	notices := slices.Clone(t.Notices)
	if notice != "" {
		notices = append(notices, notice)
	}
	if compared != "" {
		notices = append(notices, compared)
	}

	var names []string
	var selected []Dataset
	for _, d := range t.Datasets {
		names = append(names, d.Name)
		if o.Shard.Holds(d.Name) {
			selected = append(selected, d)
		}
	}
	a := &auditor{checkers: checkers, target: t, o: o, stamp: stamp, writers: writers,
		memory: semaphore.NewWeighted(o.MemoryBudget)}
	entries, res, err := a.runAll(ctx, selected, started)
	if err != nil {
		return nil, err
	}
	stamp.Ended = utc(o.Now())
	res.Portfolio = assemble(stamp, entries, names, notices, o.Baseline)
	if notice != "" {
		res.Notices = append(res.Notices, notice)
	}
	// The history comes before the portfolio, so that what befell it is in the portfolio's
	// notices; it cannot fail the audit (RecordHistory).
	if o.History != "" && o.Shard.Count == 0 {
		recorded := RecordHistory(ctx, o.History, res.Portfolio, o.Now())
		res.Notices = append(res.Notices, recorded...)
		res.Portfolio.Notices = append(res.Portfolio.Notices, recorded...)
		res.Portfolio.Views.Trend = historyTrend(ctx, o.History)
	}
	if err := WritePortfolio(o.Out, res.Portfolio, o.PortfolioFormats); err != nil {
		return nil, err
	}
	if o.Signer != nil {
		if err := attestPortfolio(ctx, o, res.Portfolio); err != nil {
			return nil, err
		}
	}
	return res, nil
}

func utc(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// newStamp stamps the audit with what it will judge with and the files that say how.
func newStamp(checker Checker, t *Target, o Options, started time.Time) (Stamp, error) {
	configDigest, err := ConfigDigest(o.ConfigFiles...)
	if err != nil {
		return Stamp{}, fmt.Errorf("configuration: %w", err)
	}
	s := Stamp{
		Stamp: reports.Stamp{Version: o.Version, RulesDigest: checker.RulesDigest(),
			ConfigDigest: configDigest, Inputs: []reports.Input{}, Started: utc(started)},
		Target: filepath.ToSlash(cmp.Or(t.Manifest, t.Root)), FailOn: o.FailOn, Profile: o.Profile,
		Shard: o.Shard.String(), TargetDatasets: len(t.Datasets), Lang: o.Lang,
	}
	var files [][2]string
	if t.Manifest != "" {
		files = append(files, [2]string{RoleManifest, t.Manifest})
	}
	for _, c := range o.ConfigFiles {
		files = append(files, [2]string{RoleConfig, c})
	}
	if o.BaselinePath != "" {
		files = append(files, [2]string{RoleBaseline, o.BaselinePath})
	}
	for _, f := range files {
		in, err := hashFile(f[0], f[1])
		if err != nil {
			return Stamp{}, err
		}
		s.Inputs = append(s.Inputs, in)
	}
	return s, nil
}

// profileCheckers makes a checker for each profile the target's datasets name, keyed by
// profile ("" is the given checker). Every checker must judge with the same rules: a profile
// selects among them, it does not change them.
func profileCheckers(ctx context.Context, checker Checker, t *Target, o Options) (map[string]Checker, error) {
	// The audit's own profile needs no second checker.
	checkers := map[string]Checker{"": checker, o.Profile: checker}
	for _, d := range t.Datasets {
		if _, made := checkers[d.Profile]; made {
			continue
		}
		if o.ForProfile == nil {
			return nil, fmt.Errorf("dataset %s names profile %q, but this audit cannot apply profiles", d.Name, d.Profile)
		}
		c, err := o.ForProfile(ctx, d.Profile)
		if err != nil {
			return nil, fmt.Errorf("%s: profile %q of dataset %s: %w", cmp.Or(t.Manifest, t.Root), d.Profile, d.Name, err)
		}
		if c.RulesDigest() != checker.RulesDigest() {
			return nil, fmt.Errorf("profile %q judges with other rules than the audit's", d.Profile)
		}
		checkers[d.Profile] = c
	}
	return checkers, nil
}

// auditor holds what every dataset of one run shares.
type auditor struct {
	checkers map[string]Checker // by profile
	target   *Target
	o        Options
	stamp    Stamp
	writers  map[string]reports.Writer // by format
	memory   *semaphore.Weighted
}

// outcome is one dataset's end: its entry, or the cancellation that left it unfinished.
type outcome struct {
	entry  Entry
	reused bool
	err    error
}

func (a *auditor) runAll(parent context.Context, selected []Dataset, started time.Time) ([]Entry, *Result, error) {
	// An error that stops the audit (its output cannot be written) stops the other workers too.
	ctx, stop := context.WithCancel(parent)
	defer stop()
	jobs := make(chan Dataset)
	outcomes := make(chan outcome)
	var wg sync.WaitGroup
	for range min(a.o.Workers, max(len(selected), 1)) {
		wg.Go(func() {
			for d := range jobs {
				e, reused, err := a.audit(ctx, d)
				outcomes <- outcome{e, reused, err}
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, d := range selected {
			select {
			case jobs <- d:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(outcomes)
	}()

	res := &Result{}
	progress := Progress{Total: len(selected)}
	var entries []Entry
	var errs []error
	for out := range outcomes {
		if out.err != nil {
			if !errors.Is(out.err, context.Canceled) {
				errs = append(errs, out.err)
			}
			stop()
			continue
		}
		entries = append(entries, out.entry)
		progress.Done++
		if out.reused {
			progress.Reused++
			res.Reused++
		} else {
			res.Checked++
		}
		if out.entry.Status == Failed {
			progress.Failed++
		}
		if a.o.Progress != nil {
			progress.Elapsed = a.o.Now().Sub(started)
			a.o.Progress(progress)
		}
	}
	if err := parent.Err(); err != nil {
		return nil, nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	return entries, res, nil
}

// audit checks one dataset, or reuses its finished entry, and writes its entry and reports.
// The error is for what stops the audit (cancellation, an output directory that cannot be
// written); a dataset that cannot be checked is an entry with status error.
func (a *auditor) audit(ctx context.Context, d Dataset) (Entry, bool, error) {
	e := Entry{Dataset: d.Name, Owner: d.Owner, Profile: d.Profile, Inputs: []reports.Input{},
		Findings: []Finding{}}
	dir := filepath.Join(a.o.Out, filepath.FromSlash(datasetDir(d.Name)))
	entryPath := filepath.Join(dir, entryFile)
	fail := func(err error) (Entry, bool, error) {
		e.Status, e.Error = Failed, err.Error()
		return e, false, writeJSON(entryPath, e)
	}
	if d.Problem != "" {
		return fail(errors.New(d.Problem))
	}
	// A table's rows, or objects', have no digest: they are named by their URL, and checked
	// again on --resume.
	table := datasets.IsURL(d.Path)
	data := reports.Input{Role: RoleData, Path: datasets.RedactURL(d.Path)}
	if !table {
		var err error
		if data, err = hashFile(RoleData, d.Path); err != nil {
			return fail(err)
		}
	}
	e.Inputs = append(e.Inputs, data)
	meta := d.Metadata
	if meta == "" && !table {
		// A sidecar found beside the data may be a link out of the root, which the target
		// allows only when it allows everything outside.
		meta = datasets.FindMetadata(d.Path)
		if meta != "" {
			if err := a.target.within(meta); err != nil {
				return fail(err)
			}
		}
	}
	if meta != "" {
		in, err := hashFile(RoleMetadata, meta)
		if err != nil {
			return fail(err)
		}
		e.Inputs = append(e.Inputs, in)
	}
	e.Fingerprint = a.fingerprint(d, e.Inputs)
	if a.o.Resume && !table {
		if prev, ok := a.finished(dir, e.Fingerprint); ok {
			// Signed again from its report: the earlier run may have had no key, or another.
			return prev, true, a.attestResumed(ctx, d, prev)
		}
	}

	// The inputs were hashed before they are read: a file replaced in between is checked as
	// replaced but stamped as it was, which a later --resume corrects by its new hash.
	if err := a.memory.Acquire(ctx, min(data.Size, a.o.MemoryBudget)); err != nil {
		return Entry{}, false, err
	}
	begun := a.o.Now()
	report, err := a.checkers[d.Profile].Check(ctx, dgcheck.Request{Path: d.Path, Metadata: meta,
		Encoding: d.Encoding, FailOn: a.o.FailOn, Within: a.target.readRoot()})
	ended := a.o.Now()
	a.memory.Release(min(data.Size, a.o.MemoryBudget))
	e.Timing = Timing{Started: utc(begun), Ended: utc(ended), Seconds: ended.Sub(begun).Seconds()}
	if ctx.Err() != nil {
		return Entry{}, false, ctx.Err()
	}
	if err != nil {
		return fail(err)
	}

	report.Stamp = &reports.Stamp{Version: a.stamp.Version, RulesDigest: a.stamp.RulesDigest,
		ConfigDigest: a.stamp.ConfigDigest, Inputs: append(slices.Clone(e.Inputs), a.configInputs()...),
		Started: utc(begun), Ended: utc(ended)}
	a.describe(&e, report)
	e.Reports = map[string]string{}
	for _, format := range a.o.Formats {
		w := a.writers[format]
		f, _ := reports.FormatNamed(format) // known: a.writers has a writer for it
		name := path.Join(datasetDir(d.Name), f.File)
		if err := writeFileAtomic(filepath.Join(a.o.Out, filepath.FromSlash(name)), func(out io.Writer) error {
			return w.Write(out, report)
		}); err != nil {
			return Entry{}, false, err
		}
		e.Reports[format] = name
	}
	if err := a.attestDataset(ctx, d, e, report); err != nil {
		return Entry{}, false, err
	}
	return e, false, writeJSON(entryPath, e)
}

// configInputs are the stamp's configuration files.
func (a *auditor) configInputs() []reports.Input {
	var out []reports.Input
	for _, in := range a.stamp.Inputs {
		if in.Role == RoleConfig {
			out = append(out, in)
		}
	}
	return out
}

// describe fills an entry from the dataset's report.
func (a *auditor) describe(e *Entry, r *reports.Report) {
	switch {
	case r.Verdict.Incomplete:
		e.Status, e.ToolErrors = Incomplete, r.ToolErrors
	case r.Verdict.Conformant:
		e.Status = Conformant
	default:
		e.Status = NonConformant
	}
	e.Format, e.Encoding, e.Rows = r.Dataset.Format, r.Dataset.Encoding, r.Dataset.Rows
	verdict, summary := r.Verdict, r.Summary
	e.Verdict, e.Summary, e.Scores = &verdict, &summary, r.Scores
	e.Findings = findingsOf(r)
	for _, rule := range r.Rules {
		e.Rules = append(e.Rules, rule.ID)
	}
	if m := metadataOf(r); m != nil {
		if m.Classification != nil {
			e.Level = m.Classification.Level
		}
		if m.CN != nil {
			e.OpenType = m.CN.OpenType
		}
	}
}

// fingerprint is the SHA-256 of everything a dataset's result depends on. Owner and profile
// are included because the entry shows them.
func (a *auditor) fingerprint(d Dataset, inputs []reports.Input) string {
	h := sha256.New()
	fmt.Fprintf(h, "dgcheck audit entry v1\nversion %q\nrules %s\nconfig %s\nfail-on %s\n",
		a.stamp.Version, a.stamp.RulesDigest, a.stamp.ConfigDigest, a.o.FailOn)
	fmt.Fprintf(h, "dataset %q\nprofile %q\nowner %q\nencoding %q\n", d.Name, d.Profile, d.Owner, d.Encoding)
	for _, in := range inputs {
		fmt.Fprintf(h, "input %s %q %s %d\n", in.Role, in.Path, in.SHA256, in.Size)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// finished reads the entry an earlier run left in dir, if it has the same fingerprint and
// every report this run asks for.
func (a *auditor) finished(dir, fingerprint string) (Entry, bool) {
	var prev Entry
	if err := readJSON(filepath.Join(dir, entryFile), &prev); err != nil || prev.Fingerprint != fingerprint {
		return Entry{}, false
	}
	if prev.Status != Failed {
		for _, f := range a.o.Formats {
			name, ok := prev.Reports[f]
			if !ok {
				return Entry{}, false
			}
			if _, err := os.Stat(filepath.Join(a.o.Out, filepath.FromSlash(name))); err != nil {
				return Entry{}, false
			}
		}
	}
	return prev, true
}

// metadataOf is the metadata a report carries (reports.Report.Metadata holds the datasets
// model as the checker read it, or its JSON form when the report was decoded from a file),
// or nil.
func metadataOf(r *reports.Report) *datasets.Metadata {
	switch m := r.Metadata.(type) {
	case nil:
		return nil
	case datasets.Metadata:
		return &m
	case *datasets.Metadata:
		return m
	}
	raw, err := json.Marshal(r.Metadata)
	if err != nil {
		return nil
	}
	var m datasets.Metadata
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	return &m
}
