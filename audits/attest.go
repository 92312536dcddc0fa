package audits

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/dgcheck/dgcheck/attest"
	"github.com/dgcheck/dgcheck/reports"
)

// AttestationFile is the name of a dataset's attestation beside its reports, and
// PortfolioAttestation the portfolio's, in the audit's folder.
const (
	AttestationFile      = "attestation.json"
	PortfolioAttestation = "portfolio.attestation.json"
)

// attestDataset signs a dataset's result, as check --attest does: its files and metadata
// are the subjects, and each of its reports is named by its digest.
func (a *auditor) attestDataset(ctx context.Context, d Dataset, e Entry, report *reports.Report) error {
	if a.o.Signer == nil {
		return nil
	}
	subjects, err := attest.DatasetSubjects(d.Path, report)
	if err != nil {
		return fmt.Errorf("attesting %s: %w", d.Name, err)
	}
	var written []attest.File
	for _, format := range a.o.Formats {
		name := e.Reports[format]
		f, err := attest.HashFile(path.Base(name), filepath.Join(a.o.Out, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		written = append(written, f)
	}
	env, err := attest.Sign(ctx, a.o.Signer, subjects, attest.ConformanceType,
		attest.NewConformance(report, a.stamp.RulesDigest, a.stamp.ConfigDigest, written))
	if err != nil {
		return fmt.Errorf("attesting %s: %w", d.Name, err)
	}
	out := filepath.Join(a.o.Out, filepath.FromSlash(path.Join(datasetDir(d.Name), AttestationFile)))
	return writeFileAtomic(out, func(w io.Writer) error { _, err := w.Write(env); return err })
}

// attestResumed signs a dataset an earlier run finished, from the report it wrote.
func (a *auditor) attestResumed(ctx context.Context, d Dataset, e Entry) error {
	if a.o.Signer == nil || e.Reports["json"] == "" {
		return nil
	}
	raw, err := os.ReadFile(filepath.Join(a.o.Out, filepath.FromSlash(e.Reports["json"])))
	if err != nil {
		return err
	}
	var report reports.Report
	if err := json.Unmarshal(raw, &report); err != nil {
		return fmt.Errorf("%s: %w", e.Reports["json"], err)
	}
	return a.attestDataset(ctx, d, e, &report)
}

// attestPortfolio signs the audit: the portfolio's JSON and every dataset's attestation are
// the subjects, by their paths in the audit's folder, so that one verification walks them all.
func attestPortfolio(ctx context.Context, o Options, p *Portfolio) error {
	portfolio, err := attest.HashFile("portfolio.json", filepath.Join(o.Out, "portfolio.json"))
	if err != nil {
		return err
	}
	subjects := []attest.File{portfolio}
	conformant := 0
	for _, e := range p.Datasets {
		if e.Status == Conformant {
			conformant++
		}
		if e.Reports["json"] == "" {
			continue // not checked: no result to attest
		}
		name := path.Join(datasetDir(e.Dataset), AttestationFile)
		f, err := attest.HashFile(name, filepath.Join(o.Out, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		subjects = append(subjects, f)
	}
	env, err := attest.Sign(ctx, o.Signer, subjects, attest.PortfolioType, attest.Portfolio{
		Datasets: len(p.Datasets), Conformant: conformant, RulesDigest: p.Stamp.RulesDigest,
		ConfigDigest: p.Stamp.ConfigDigest, Tool: reports.Tool{Name: "dgcheck", Version: p.Stamp.Version},
		Started: p.Stamp.Started, Ended: p.Stamp.Ended})
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(o.Out, PortfolioAttestation), func(w io.Writer) error { _, err := w.Write(env); return err })
}
