package audits

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/internal/synth"
	"github.com/dgcheck/dgcheck/reports"
)

// Every dataset of a catalogue is accounted for, the unreadable ones as errors naming their
// file, the GBK roll read as GB18030, each with its reports on disk. (Acceptance 1, with 200
// datasets and the exit code, is cmd/dgcheck's TestAuditOfACatalogue.)
func TestCatalogueAudit(t *testing.T) {
	dir, sets := writeCatalogue(t, 48, 1)
	out := t.TempDir()
	res, err := Run(context.Background(), testChecker(t), resolve(t, dir), Options{Out: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Portfolio
	if len(p.Datasets) != len(sets) || res.Checked != len(sets) || res.Reused != 0 {
		t.Fatalf("%d entries, %d checked, %d reused; want %d checked", len(p.Datasets), res.Checked, res.Reused, len(sets))
	}
	byName := map[string]Entry{}
	for _, e := range p.Datasets {
		byName[e.Dataset] = e
	}
	unreadable := 0
	for _, d := range sets {
		e, ok := byName[d.Path]
		if !ok {
			t.Errorf("%s is not in the portfolio", d.Path)
			continue
		}
		if d.Unreadable() {
			unreadable++
			if e.Status != Failed || !strings.Contains(e.Error, filepath.Base(d.Path[:len(d.Path)-len(filepath.Ext(d.Path))])) {
				t.Errorf("%s (%s): status %s, error %q; want an error naming its file", d.Path, d.Damage, e.Status, e.Error)
			}
			continue
		}
		if e.Status == Failed {
			t.Errorf("%s: could not be checked: %s", d.Path, e.Error)
			continue
		}
		if e.Rows != int64(d.Config.Rows) || e.Format != d.Format {
			t.Errorf("%s: %d rows of %s, want %d of %s", d.Path, e.Rows, e.Format, d.Config.Rows, d.Format)
		}
		if d.Damage == synth.GBKData && e.Encoding != "gb18030" {
			t.Errorf("%s: read as %q, want gb18030", d.Path, e.Encoding)
		}
		// The raw rolls carry defects the rules must find; none may pass.
		if !d.Config.Masked && e.Status != NonConformant {
			t.Errorf("%s: a raw roll with defects is %s", d.Path, e.Status)
		}
		for _, f := range []string{"json", "html"} {
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(e.Reports[f]))); err != nil {
				t.Errorf("%s: %s report: %v", d.Path, f, err)
			}
		}
		if len(e.Inputs) != 2 || e.Inputs[0].Role != RoleData || e.Inputs[1].Role != RoleMetadata || len(e.Inputs[0].SHA256) != 64 {
			t.Errorf("%s: inputs %+v, want the data and its sidecar hashed", d.Path, e.Inputs)
		}
	}
	s := p.Summary
	if unreadable != 3 || s.Errors != unreadable || s.Conformant+s.NonConformant+s.Errors != len(sets) {
		t.Errorf("summary %+v with %d unreadable rolls", s, unreadable)
	}
	for _, f := range PortfolioFormats {
		if _, err := os.Stat(filepath.Join(out, PortfolioFile(f))); err != nil {
			t.Errorf("portfolio %s: %v", f, err)
		}
	}
}

// Every report is stamped: the dataset's own with its inputs and the rules' digest.
func TestReportsAreStamped(t *testing.T) {
	dir, _ := writeCatalogue(t, 8, 2)
	out := t.TempDir()
	res, err := Run(context.Background(), testChecker(t), resolve(t, dir), Options{Out: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	st := res.Portfolio.Stamp
	if st.Version != "test" || st.RulesDigest != testChecker(t).RulesDigest() || st.Started == "" || st.Ended == "" || st.TargetDatasets != 8 {
		t.Errorf("portfolio stamp %+v", st)
	}
	for _, e := range res.Portfolio.Datasets {
		if e.Status == Failed {
			continue
		}
		var r reports.Report
		if err := readJSON(filepath.Join(out, filepath.FromSlash(e.Reports["json"])), &r); err != nil {
			t.Fatal(err)
		}
		if r.Stamp == nil || r.Stamp.RulesDigest != st.RulesDigest || r.Stamp.ConfigDigest != st.ConfigDigest ||
			!slices.Equal(r.Stamp.Inputs, e.Inputs) || r.Stamp.Started == "" {
			t.Errorf("%s: report stamp %+v, entry inputs %+v", e.Dataset, r.Stamp, e.Inputs)
		}
	}
}

// Acceptance 2: an audit interrupted halfway and resumed checks only the datasets that were
// not finished, and ends with the portfolio an uninterrupted audit makes.
func TestResumeChecksOnlyUnfinishedDatasets(t *testing.T) {
	dir, sets := writeCatalogue(t, 40, 3)
	target := resolve(t, dir)
	full := t.TempDir()
	if _, err := Run(context.Background(), testChecker(t), target, Options{Out: full, Version: "test", History: filepath.Join(full, HistoryFile)}); err != nil {
		t.Fatal(err)
	}

	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := &countingChecker{Checker: testChecker(t), cancelAfter: int64(len(sets) / 2), cancel: cancel}
	_, err := Run(ctx, first, target, Options{Out: out, Version: "test", Workers: 2, History: filepath.Join(out, HistoryFile)})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted audit: %v, want context.Canceled", err)
	}
	if _, err := os.Stat(filepath.Join(out, PortfolioFile("json"))); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an interrupted audit wrote a portfolio: %v", err)
	}
	finished := finishedDatasets(t, out)
	if len(finished) == 0 || len(finished) >= len(sets) {
		t.Fatalf("%d of %d datasets finished before the interruption; want some, not all", len(finished), len(sets))
	}

	t.Logf("interrupted after %d of %d datasets were finished", len(finished), len(sets))
	second := &countingChecker{Checker: testChecker(t)}
	res, err := Run(context.Background(), second, target, Options{Out: out, Version: "test", Resume: true, History: filepath.Join(out, HistoryFile)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Reused != len(finished) || res.Checked != len(sets)-len(finished) {
		t.Errorf("resumed: %d checked, %d reused; want %d and %d", res.Checked, res.Reused, len(sets)-len(finished), len(finished))
	}
	for _, p := range second.checked {
		name, _ := filepath.Rel(filepath.ToSlash(dir), p)
		if slices.Contains(finished, name) {
			t.Errorf("%s was finished before the interruption but checked again", name)
		}
	}
	// Datasets that cannot be read are finished too: they were checked only if unfinished.
	if got, want := untimedFile(t, filepath.Join(out, PortfolioFile("json"))), untimedFile(t, filepath.Join(full, PortfolioFile("json"))); got != want {
		t.Errorf("the resumed portfolio differs from the uninterrupted one:\n%s", firstDiff(got, want))
	}

	// A changed input is not reused: it is checked again, and only it.
	changed := filepath.Join(dir, filepath.FromSlash(sets[4].Sidecar))
	raw, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, append(raw, "# reviewed\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	third := &countingChecker{Checker: testChecker(t)}
	if res, err = Run(context.Background(), third, target, Options{Out: out, Version: "test", Resume: true}); err != nil {
		t.Fatal(err)
	}
	if res.Checked != 1 || len(third.checked) != 1 || !strings.HasSuffix(third.checked[0], sets[4].Path) {
		t.Errorf("after changing one sidecar, resume checked %q", third.checked)
	}
}

// finishedDatasets are the datasets whose entries an audit has written.
func finishedDatasets(t *testing.T, out string) []string {
	t.Helper()
	var names []string
	root := filepath.Join(out, datasetsDir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == entryFile {
			rel, _ := filepath.Rel(root, filepath.Dir(p))
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return names
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "got  " + al[i] + "\nwant " + bl[i]
		}
	}
	return "lengths differ"
}

// Acceptance 3: three shards merged are the unsharded audit, timings apart.
func TestShardsMergeIntoTheUnshardedPortfolio(t *testing.T) {
	dir, sets := writeCatalogue(t, 30, 4)
	target := resolve(t, dir)
	ctx := context.Background()
	base := t.TempDir()
	baseline, err := Run(ctx, testChecker(t), target, Options{Out: base, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	// With a baseline, so that the classification must survive the merge too.
	replaceRoll(t, dir, sets[3], synth.Defective(sets[3].Config.Rows, sets[3].Config.Seed))
	opts := Options{Version: "test", Baseline: baseline.Portfolio, BaselinePath: filepath.Join(base, PortfolioFile("json"))}

	whole := opts
	whole.Out = t.TempDir()
	if _, err := Run(ctx, testChecker(t), target, whole); err != nil {
		t.Fatal(err)
	}
	var shardDirs []string
	held := 0
	for i := 1; i <= 3; i++ {
		o := opts
		o.Out, o.Shard = t.TempDir(), Shard{Index: i, Count: 3}
		res, err := Run(ctx, testChecker(t), target, o)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(res.Portfolio.Datasets); n == 0 || n == len(sets) {
			t.Errorf("shard %d/3 holds %d of %d datasets", i, n, len(sets))
		}
		held += len(res.Portfolio.Datasets)
		shardDirs = append(shardDirs, o.Out)
	}
	if held != len(sets) {
		t.Errorf("the shards hold %d datasets between them, want %d", held, len(sets))
	}
	merged := t.TempDir()
	// Shards given in any order merge alike.
	slices.Reverse(shardDirs)
	if _, err := Merge(ctx, shardDirs, merged, MergeOptions{}); err != nil {
		t.Fatal(err)
	}
	got, want := untimedFile(t, filepath.Join(merged, PortfolioFile("json"))), untimedFile(t, filepath.Join(whole.Out, PortfolioFile("json")))
	if got != want {
		t.Errorf("merged portfolio differs from the unsharded one:\n%s", firstDiff(got, want))
	}
	if !strings.Contains(got, `"change": "new"`) {
		t.Error("the merged portfolio lost the baseline's classification")
	}
	for _, e := range resolveEntries(t, merged) {
		for _, r := range e.Reports {
			if _, err := os.Stat(filepath.Join(merged, filepath.FromSlash(r))); err != nil {
				t.Errorf("merged output lacks %s: %v", r, err)
			}
		}
	}
}

func resolveEntries(t *testing.T, out string) []Entry {
	t.Helper()
	p, err := ReadPortfolio(filepath.Join(out, PortfolioFile("json")))
	if err != nil {
		t.Fatal(err)
	}
	return p.Datasets
}

func TestMergeRefusesWhatIsNotOneAudit(t *testing.T) {
	dir, _ := writeCatalogue(t, 8, 5)
	target := resolve(t, dir)
	ctx := context.Background()
	shard := func(i, n int, version string) string {
		out := t.TempDir()
		if _, err := Run(ctx, testChecker(t), target, Options{Out: out, Version: version, Shard: Shard{i, n}}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	one, two := shard(1, 2, "test"), shard(2, 2, "test")
	other := shard(2, 2, "other")
	unsharded := t.TempDir()
	if _, err := Run(ctx, testChecker(t), target, Options{Out: unsharded, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		dirs []string
		want string
	}{
		{"a missing shard", []string{one}, "1 directories given for an audit in 2 shards"},
		{"a shard twice", []string{one, one}, "both hold shard 1/2"},
		{"another version", []string{one, other}, "dgcheck versions differ"},
		{"not a shard", []string{unsharded, one}, "not a shard's output"},
		{"into a shard", []string{one, two}, "is one of the shards"},
	} {
		out := t.TempDir()
		if tc.name == "into a shard" {
			out = two
		}
		_, err := Merge(ctx, tc.dirs, out, MergeOptions{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.want)
		}
	}
}

// replaceRoll rewrites a catalogue roll's data as cfg generates it, in the roll's format.
func replaceRoll(t *testing.T, dir string, d synth.CatalogueDataset, cfg synth.Config) {
	t.Helper()
	write := synth.WriteCSV
	if d.Format == "parquet" {
		write = synth.WriteParquet
	}
	f, err := os.Create(filepath.Join(dir, filepath.FromSlash(d.Path)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := write(f, cfg); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// A dataset's failure is its own: the others are checked, and the audit goes on.
func TestOneFailureDoesNotStopTheAudit(t *testing.T) {
	dir, sets := writeCatalogue(t, 10, 6)
	out := t.TempDir()
	broken := &failingChecker{Checker: testChecker(t), fail: sets[2].Path}
	res, err := Run(context.Background(), broken, resolve(t, dir), Options{Out: out, Version: "test", Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Portfolio.Datasets {
		if (e.Status == Failed) != (e.Dataset == sets[2].Path || slices.ContainsFunc(sets, func(d synth.CatalogueDataset) bool {
			return d.Path == e.Dataset && d.Unreadable()
		})) {
			t.Errorf("%s: status %s (%s)", e.Dataset, e.Status, e.Error)
		}
		if e.Dataset == sets[2].Path && e.Error != "disk on fire" {
			t.Errorf("%s: error %q, want the checker's", e.Dataset, e.Error)
		}
	}
}

type failingChecker struct {
	Checker
	fail string
}

func (c *failingChecker) Check(ctx context.Context, req dgcheck.Request) (*reports.Report, error) {
	if strings.HasSuffix(filepath.ToSlash(req.Path), c.fail) {
		return nil, errors.New("disk on fire")
	}
	return c.Checker.Check(ctx, req)
}

// The memory bound holds: the data files being checked at once never add up to more than
// the budget, except one file larger than the budget, which runs alone.
func TestMemoryBudgetBoundsConcurrentFiles(t *testing.T) {
	dir, _ := writeCatalogue(t, 16, 7)
	target := resolve(t, dir)
	var largest int64
	for _, d := range target.Datasets {
		if st, err := os.Stat(d.Path); err == nil {
			largest = max(largest, st.Size())
		}
	}
	budget := largest + largest/2 // room for one large file, not two
	gauge := &memoryGauge{Checker: testChecker(t), budget: budget}
	if _, err := Run(context.Background(), gauge, target, Options{Out: t.TempDir(), Version: "test", Workers: 4, MemoryBudget: budget}); err != nil {
		t.Fatal(err)
	}
	if gauge.peak > budget {
		t.Errorf("%d bytes of data checked at once, over the budget of %d", gauge.peak, budget)
	}
	if gauge.peakFiles < 2 {
		t.Errorf("at most %d file at once: the budget left room for small files together", gauge.peakFiles)
	}
}

type memoryGauge struct {
	Checker
	budget           int64
	mu               sync.Mutex
	inFlight, peak   int64
	files, peakFiles int
}

func (g *memoryGauge) Check(ctx context.Context, req dgcheck.Request) (*reports.Report, error) {
	st, err := os.Stat(req.Path)
	if err != nil {
		return g.Checker.Check(ctx, req)
	}
	size := min(st.Size(), g.budget)
	g.mu.Lock()
	g.inFlight += size
	g.files++
	g.peak, g.peakFiles = max(g.peak, g.inFlight), max(g.peakFiles, g.files)
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		g.inFlight -= size
		g.files--
		g.mu.Unlock()
	}()
	return g.Checker.Check(ctx, req)
}

func TestOutputDirectoryThatIsNotAnAuditsIsRefused(t *testing.T) {
	dir, _ := writeCatalogue(t, 8, 8)
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(context.Background(), testChecker(t), resolve(t, dir), Options{Out: out, Version: "test"})
	if err == nil || !strings.Contains(err.Error(), "not a dgcheck audit's") {
		t.Errorf("writing into a directory of other files: %v", err)
	}
}

// A dataset that names a profile is checked by that profile's checker, made once however many
// datasets name it; the others by the audit's own.
func TestDatasetsAreCheckedUnderTheirProfiles(t *testing.T) {
	dir, sets := writeCatalogue(t, 8, 10)
	target := resolve(t, dir)
	for i := range target.Datasets {
		if i%2 == 0 {
			target.Datasets[i].Profile = "pipeline"
		}
	}
	base := &countingChecker{Checker: testChecker(t)}
	pipeline := &countingChecker{Checker: testChecker(t)}
	var made []string
	forProfile := func(_ context.Context, profile string) (Checker, error) {
		made = append(made, profile)
		return pipeline, nil
	}
	if _, err := Run(context.Background(), base, target, Options{Out: t.TempDir(), Version: "test", ForProfile: forProfile}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(made, []string{"pipeline"}) {
		t.Errorf("checkers made for profiles %q, want one for pipeline", made)
	}
	for _, c := range []*countingChecker{base, pipeline} {
		for _, p := range c.checked {
			name, _ := filepath.Rel(filepath.ToSlash(dir), p)
			i := slices.IndexFunc(target.Datasets, func(d Dataset) bool { return d.Name == name })
			if wantPipeline := i%2 == 0; (c == pipeline) != wantPipeline {
				t.Errorf("%s (profile %q) was checked by the wrong checker", name, target.Datasets[i].Profile)
			}
		}
	}
	if len(base.checked) == 0 || len(pipeline.checked) == 0 || len(base.checked)+len(pipeline.checked) != len(sets) {
		t.Errorf("%d checked by the audit's checker, %d by the profile's; want all %d between them", len(base.checked), len(pipeline.checked), len(sets))
	}
	// Without a way to make them, profiles are refused before anything is checked.
	if _, err := Run(context.Background(), base, target, Options{Out: t.TempDir(), Version: "test"}); err == nil || !strings.Contains(err.Error(), `names profile "pipeline"`) {
		t.Errorf("profiles without ForProfile: %v", err)
	}
}

// A sidecar beside the data that links out of the audit root is not read: the dataset is an
// error saying so.
func TestSidecarLinkedFromOutsideIsRefused(t *testing.T) {
	dir, sets := writeCatalogue(t, 8, 11)
	victim := sets[0]
	sidecar := filepath.Join(dir, filepath.FromSlash(victim.Sidecar))
	outside := filepath.Join(t.TempDir(), "elsewhere.meta.yaml")
	if err := os.Rename(sidecar, outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, sidecar); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), testChecker(t), resolve(t, dir), Options{Out: t.TempDir(), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Portfolio.Datasets {
		if e.Dataset == victim.Path && (e.Status != Failed || !strings.Contains(e.Error, "outside the audit root")) {
			t.Errorf("%s with a sidecar linked from outside: %s %q", e.Dataset, e.Status, e.Error)
		}
	}
}
