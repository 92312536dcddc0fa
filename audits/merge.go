package audits

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/dgcheck/dgcheck/attest"
)

// MergeOptions say where a merge writes besides its output directory.
type MergeOptions struct {
	PortfolioFormats []string
	// History is the database the merged audit's summary is appended to; "" appends to none.
	History string
	// Signer, if set, signs the merged portfolio (portfolio.attestation.json) over the
	// datasets' attestations, which every shard must have signed with the same key.
	Signer *attest.Signer
}

// Merge combines the output directories of a sharded audit's shards into out: the portfolio
// an unsharded audit of the same target would have made (timings apart), with every
// dataset's entry and reports. The shards must be one audit's: the same target, version,
// rules, configuration, baseline and fail-on, each shard exactly once, every dataset once.
func Merge(ctx context.Context, dirs []string, out string, o MergeOptions) (*Portfolio, error) {
	if len(dirs) == 0 {
		return nil, fmt.Errorf("merge needs the output directories of the shards")
	}
	outReal, _ := filepath.Abs(out)
	var shards []*Portfolio
	for _, dir := range dirs {
		if real, _ := filepath.Abs(dir); real == outReal {
			return nil, fmt.Errorf("merge: the output directory %s is one of the shards; write the merge elsewhere", out)
		}
		p, err := ReadPortfolio(filepath.Join(dir, PortfolioFile("json")))
		if err != nil {
			return nil, fmt.Errorf("merge: %w", err)
		}
		shards = append(shards, p)
	}
	merged, err := mergePortfolios(dirs, shards)
	if err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	release, notice, err := prepareOut(out, false, time.Now())
	if err != nil {
		return nil, err
	}
	defer release()
	if notice != "" {
		merged.Notices = append(merged.Notices, notice)
	}
	var key *attest.Verifier // the merge's, which every dataset's attestation must verify with
	if o.Signer != nil {
		key = o.Signer.Verifier()
	}
	for i, p := range shards {
		for _, e := range p.Datasets {
			if err := copyDatasetDir(dirs[i], out, e); err != nil {
				return nil, err
			}
			if key != nil {
				if err := copyAttestation(ctx, dirs[i], out, e, key); err != nil {
					return nil, fmt.Errorf("merge --attest: %w", err)
				}
			}
		}
	}
	if o.History != "" {
		merged.Notices = append(merged.Notices, RecordHistory(ctx, o.History, merged, time.Now())...)
		merged.Views.Trend = historyTrend(ctx, o.History)
	}
	if err := WritePortfolio(out, merged, o.PortfolioFormats); err != nil {
		return nil, err
	}
	if o.Signer != nil {
		if err := attestPortfolio(ctx, Options{Out: out, Signer: o.Signer}, merged); err != nil {
			return nil, fmt.Errorf("merge --attest: %w", err)
		}
	}
	return merged, nil
}

func mergePortfolios(dirs []string, shards []*Portfolio) (*Portfolio, error) {
	first := shards[0]
	want, err := ParseShard(first.Stamp.Shard)
	if err != nil {
		return nil, fmt.Errorf("%s is not a shard's output (its stamp has no shard i/n): %w", dirs[0], err)
	}
	if len(shards) != want.Count {
		return nil, fmt.Errorf("%d directories given for an audit in %d shards", len(shards), want.Count)
	}
	seen := make([]string, want.Count)
	merged := &Portfolio{SchemaVersion: PortfolioSchemaVersion, Stamp: first.Stamp,
		Notices: first.Notices, Removed: first.Removed}
	merged.Stamp.Shard = ""
	for i, p := range shards {
		s, err := ParseShard(p.Stamp.Shard)
		if err != nil || s.Count != want.Count {
			return nil, fmt.Errorf("%s holds shard %q, not one of %d", dirs[i], p.Stamp.Shard, want.Count)
		}
		if seen[s.Index-1] != "" {
			return nil, fmt.Errorf("%s and %s both hold shard %s", seen[s.Index-1], dirs[i], s)
		}
		seen[s.Index-1] = dirs[i]
		if diff := sameAudit(first, p); diff != "" {
			return nil, fmt.Errorf("%s and %s are not shards of one audit: their %s differ", dirs[0], dirs[i], diff)
		}
		merged.Stamp.Started = min(merged.Stamp.Started, p.Stamp.Started)
		merged.Stamp.Ended = max(merged.Stamp.Ended, p.Stamp.Ended)
		merged.Datasets = append(merged.Datasets, p.Datasets...)
	}
	slices.SortFunc(merged.Datasets, func(a, b Entry) int { return strings.Compare(a.Dataset, b.Dataset) })
	for i := 1; i < len(merged.Datasets); i++ {
		if merged.Datasets[i].Dataset == merged.Datasets[i-1].Dataset {
			return nil, fmt.Errorf("dataset %s is in two shards", merged.Datasets[i].Dataset)
		}
	}
	if n := len(merged.Datasets); n != first.Stamp.TargetDatasets {
		return nil, fmt.Errorf("the shards hold %d datasets, the target %d", n, first.Stamp.TargetDatasets)
	}
	merged.Summary, merged.Views = summarise(merged.Datasets, first.Summary.Changes != nil), viewsOf(merged.Datasets, first.Summary.Changes != nil)
	return merged, nil
}

// sameAudit names what differs between two shards' audits (apart from timings and the
// shard itself), or returns "".
func sameAudit(a, b *Portfolio) string {
	x, y := a.Stamp, b.Stamp
	switch {
	case x.Version != y.Version:
		return "dgcheck versions"
	case x.RulesDigest != y.RulesDigest:
		return "rules"
	case x.ConfigDigest != y.ConfigDigest:
		return "configurations"
	case !reflect.DeepEqual(x.Inputs, y.Inputs):
		return "manifests, configuration files or baselines"
	case x.Target != y.Target:
		return "targets"
	case x.FailOn != y.FailOn:
		return "fail-on thresholds"
	case x.Profile != y.Profile:
		return "profiles"
	case x.TargetDatasets != y.TargetDatasets:
		return "numbers of target datasets"
	case (a.Summary.Changes == nil) != (b.Summary.Changes == nil):
		return "baselines"
	case !slices.Equal(a.Notices, b.Notices) || !slices.Equal(a.Removed, b.Removed):
		return "notices"
	}
	return ""
}

// copyDatasetDir copies a dataset's entry and reports from a shard's output to the merge's.
func copyDatasetDir(from, to string, e Entry) error {
	dir := datasetDir(e.Dataset)
	names := []string{path.Join(dir, entryFile)}
	for _, r := range e.Reports {
		names = append(names, r)
	}
	for _, name := range names {
		if err := copyFile(filepath.Join(from, filepath.FromSlash(name)), filepath.Join(to, filepath.FromSlash(name))); err != nil {
			return err
		}
	}
	return nil
}

// copyAttestation copies a checked dataset's attestation from its shard, once it verifies
// with the key that signs the merge: a portfolio's signature vouches for what it lists.
func copyAttestation(ctx context.Context, from, to string, e Entry, key *attest.Verifier) error {
	if e.Reports["json"] == "" {
		return nil // not checked: nothing was attested
	}
	name := path.Join(datasetDir(e.Dataset), AttestationFile)
	shard := filepath.Join(from, filepath.FromSlash(name))
	raw, err := os.ReadFile(shard)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s has no attestation in %s: run every shard with audit --attest", e.Dataset, from)
	}
	if err != nil {
		return err
	}
	if _, err := attest.Verify(ctx, raw, key); err != nil {
		return fmt.Errorf("%s: %w (every shard must be signed with the merge's key)", shard, err)
	}
	return copyFile(shard, filepath.Join(to, filepath.FromSlash(name)))
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	return writeFileAtomic(to, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
}
