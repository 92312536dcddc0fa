package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/attest"
	"github.com/dgcheck/dgcheck/audits"
	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/reports"
	"github.com/dgcheck/dgcheck/rules"
)

// Signed results: check --attest and audit --attest sign what they concluded (attest), keygen
// makes the keys, verify checks an attestation offline and the files it is about.

// attestSigner is the signer --attest names, nil when it names none.
func attestSigner(spec string) (*attest.Signer, error) {
	if spec == "" {
		return nil, nil
	}
	signer, err := attest.LoadSigner(spec)
	if err != nil {
		return nil, fmt.Errorf("--attest: %w", err)
	}
	return signer, nil
}

const attestUsage = "sign the result with the private key `KEY` into an in-toto attestation (a file only its owner reads, env:VAR for a key in an environment variable, fd:N for one on a file descriptor)"

func keygenCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "keygen",
		Usage:     "make a key pair for signing results (check --attest) and verifying them (verify)",
		ArgsUsage: " ",
		Description: "Writes NAME.key, the private key (PKCS#8 PEM, mode 0600: keep it secret), and NAME.pub, the\n" +
			"public key (PKIX PEM) to give to whoever verifies. Ed25519 by default; sm2 makes an SM2 key\n" +
			"(GM/T 0003), signing over SM3, as Chinese government systems require. Existing files are kept.\n\n" +
			"Examples:\n" +
			"   dgcheck keygen -o owner\n" +
			"   dgcheck keygen --alg sm2 -o bureau-2025",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "alg", Value: string(attest.Ed25519), Validator: oneOf("alg", attest.Algorithms),
				Usage: "key algorithm: " + strings.Join(attest.Algorithms, " or ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true, Usage: "write `NAME`.key and NAME.pub"},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() != 0 {
				return fmt.Errorf("keygen takes no arguments, got %q (the name is -o NAME)", c.Args().Slice())
			}
			name := c.String("output")
			priv, pub, err := attest.GenerateKey(attest.Algorithm(c.String("alg")))
			if err != nil {
				return err
			}
			for _, f := range []struct {
				path string
				data []byte
				mode os.FileMode
			}{{name + ".key", priv, 0o600}, {name + ".pub", pub, 0o644}} {
				// O_EXCL: an existing key is never overwritten, nor a link followed to one.
				out, err := os.OpenFile(f.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, f.mode)
				if err != nil {
					return fmt.Errorf("%w (keygen keeps existing keys: choose another -o)", err)
				}
				if _, err := out.Write(f.data); err != nil {
					out.Close()
					return err
				}
				if err := out.Close(); err != nil {
					return err
				}
			}
			v, err := attest.ParsePublicKey(pub)
			if err != nil {
				return err
			}
			id, _ := v.KeyID()
			fmt.Fprintf(env.stderr, "%s key %s: private key %s.key (keep it secret), public key %s.pub\n", c.String("alg"), id, name, name)
			return nil
		},
	}
}

// attestationPath is where check writes its attestation: --attestation, else beside the first
// report (its name without the extension), else in the working directory by the dataset's name.
func attestationPath(o checkOptions, datasetName string) string {
	if o.attestation != "" {
		return o.attestation
	}
	if len(o.outputs) > 0 {
		first := o.outputs[0]
		return strings.TrimSuffix(first, filepath.Ext(first)) + ".attestation.json"
	}
	return strings.TrimSuffix(datasetName, filepath.Ext(datasetName)) + ".attestation.json"
}

// attestCheck signs the check's result: its subjects are the dataset's files and the metadata
// file (for a table or objects in storage, which are no files here, the profile's digest under
// the source's name), and the predicate names each report written by its digest.
func attestCheck(ctx context.Context, signer *attest.Signer, o checkOptions, path string, report *reports.Report, rulesDigest, configDigest string) (string, error) {
	subjects, err := attest.DatasetSubjects(path, report)
	if err != nil {
		return "", err
	}
	var written []attest.File
	for _, out := range o.outputs {
		f, err := attest.HashFile(filepath.Base(out), out)
		if err != nil {
			return "", err
		}
		written = append(written, f)
	}
	pred := attest.NewConformance(report, rulesDigest, configDigest, written)
	env, err := attest.Sign(ctx, signer, subjects, attest.ConformanceType, pred)
	if err != nil {
		return "", err
	}
	out := attestationPath(o, report.Dataset.Name)
	return out, os.WriteFile(out, env, 0o644)
}

func verifyCommand(env *environment) *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "verify a signed result (an attestation) offline, and the files it is about",
		ArgsUsage: "ATTESTATION",
		Description: "Checks the attestation's signature with the signer's public key, then that each file given\n" +
			"is one it attests (by SHA-256): the dataset (a file or folder) and metadata among its subjects,\n" +
			"reports among the reports it lists. Prints what was attested. A portfolio attestation (audit\n" +
			"--attest) is verified with every dataset attestation it lists.\n\n" +
			"--rerun checks the dataset again, with rules and configuration whose digests must be the\n" +
			"attested ones, and says whether the verdict and failed rules are reproduced.\n\n" +
			"Exit status: 0 verified and conformant, 1 verified but not conformant, 2 a signature or\n" +
			"digest that does not match (the reason is printed), a malformed attestation, or a verdict\n" +
			"not reproduced.\n\n" +
			"Examples:\n" +
			"   dgcheck verify --key owner.pub --dataset roll.csv --metadata roll.meta.yaml --report report.html report.attestation.json\n" +
			"   dgcheck verify --key bureau.pub audit/portfolio.attestation.json\n" +
			"   dgcheck verify --key owner.pub --dataset roll.csv --rerun report.attestation.json",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "key", Required: true, Usage: "the signer's public key `FILE` (PEM, as keygen writes NAME.pub)"},
			&cli.StringFlag{Name: "dataset", Usage: "the dataset `PATH` (file or folder) that must be the one attested"},
			&cli.StringFlag{Name: "metadata", Aliases: []string{"m"}, Usage: "the metadata `FILE` that must be the one attested"},
			&cli.StringSliceFlag{Name: "report", Usage: "a report `FILE` that must be one the check wrote (repeatable)"},
			&cli.BoolFlag{Name: "rerun", Usage: "check --dataset again and say whether the attested verdict is reproduced"},
			&cli.StringSliceFlag{Name: "rules", Aliases: []string{"r"}, Usage: "with --rerun: the extra rule pack `DIR`s the check used (repeatable)"},
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "with --rerun: the gate configuration `FILE` the check used"},
		},
		Action: func(ctx context.Context, c *cli.Command) error {
			if c.NArg() != 1 {
				return fmt.Errorf("verify takes one ATTESTATION, got %d arguments (see dgcheck verify --help)", c.NArg())
			}
			if c.Bool("rerun") && c.String("dataset") == "" {
				return errors.New("--rerun checks the dataset again: give it with --dataset")
			}
			raw, err := os.ReadFile(c.String("key"))
			if err != nil {
				return err
			}
			key, err := attest.ParsePublicKey(raw)
			if err != nil {
				return fmt.Errorf("--key %s: %w", c.String("key"), err)
			}
			return runVerify(ctx, env, c, key, c.Args().First())
		},
	}
}

// errNotConformantAttested ends a verification whose attestation verified but attests a
// dataset that does not conform: exit 1, as a check of it would.
var errNotConformantAttested = fmt.Errorf("%w (as attested)", errNonConformant)

func runVerify(ctx context.Context, env *environment, c *cli.Command, key *attest.Verifier, path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	v, err := attest.Verify(ctx, raw, key)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(env.stdout, "verified: %s, signed by %s key %s\n", path, key.Algorithm(), v.KeyID)
	if v.PredicateType == attest.PortfolioType {
		return verifyPortfolio(ctx, env, key, path, v)
	}
	pred, err := v.Conformance()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	printConformance(env.stdout, pred, v)
	if p := c.String("dataset"); p != "" {
		files, err := datasets.DataFiles(p)
		if err != nil {
			return err
		}
		if files == nil {
			return fmt.Errorf("--dataset %s: a table or objects in storage are not files to compare; verify it with --rerun", datasets.RedactURL(p))
		}
		for _, f := range files {
			s, err := v.MatchSubject("dataset file", f)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "matched: dataset file %s is subject %s\n", f, s.Name)
		}
	}
	if m := c.String("metadata"); m != "" {
		s, err := v.MatchSubject("metadata", m)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "matched: metadata %s is subject %s\n", m, s.Name)
	}
	for _, r := range c.StringSlice("report") {
		got, err := attest.HashFile(r, r)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(pred.Reports, func(f attest.File) bool { return f.SHA256 == got.SHA256 })
		if i < 0 {
			return fmt.Errorf("report %s: its SHA-256 %s is no report the attestation lists: it is not the report written, or was changed", r, got.SHA256)
		}
		fmt.Fprintf(env.stdout, "matched: report %s is %s\n", r, pred.Reports[i].Name)
	}
	if c.Bool("rerun") {
		if err := rerun(ctx, env, c, pred); err != nil {
			return err
		}
	}
	if pred.Verdict != "conformant" {
		return errNotConformantAttested
	}
	return nil
}

func printConformance(w io.Writer, p *attest.Conformance, v *attest.Verified) {
	fmt.Fprintf(w, "dataset: %s (%s, %s, %d rows)\n", p.Dataset.Name, p.Dataset.Path, p.Dataset.Format, p.Dataset.Rows)
	failed := "none"
	if len(p.FailedRules) > 0 {
		failed = strings.Join(p.FailedRules, ", ")
	}
	fmt.Fprintf(w, "verdict: %s (fail on %s; failing rules: %s)\n", p.Verdict, p.FailOn, failed)
	fmt.Fprintf(w, "checked: %s by %s %s; rules %s, configuration %s\n", p.CheckedAt, p.Tool.Name, p.Tool.Version, p.RulesDigest, p.ConfigDigest)
	for _, s := range v.Subjects {
		fmt.Fprintf(w, "subject: %s sha256:%s\n", s.Name, s.SHA256)
	}
	for _, r := range p.Reports {
		fmt.Fprintf(w, "report: %s sha256:%s\n", r.Name, r.SHA256)
	}
}

// rerun checks the dataset again with the rules and configuration given, which must be the
// attested ones by digest, and compares the outcome with the attested one.
func rerun(ctx context.Context, env *environment, c *cli.Command, p *attest.Conformance) error {
	cfg, err := gateConfig(c.String("config"), "")
	if err != nil {
		return err
	}
	checker, err := dgcheck.NewChecker(ctx, dgcheck.WithRules(c.StringSlice("rules")...), dgcheck.WithConfig(cfg), dgcheck.WithVersion(env.version))
	if err != nil {
		return err
	}
	configDigest, err := configDigestOf(cfg)
	if err != nil {
		return err
	}
	switch {
	case checker.RulesDigest() != p.RulesDigest:
		return fmt.Errorf("--rerun: these rules (%s) are not the attested ones (%s): give the --rules the check used, with the dgcheck version that made it (%s)", checker.RulesDigest(), p.RulesDigest, p.Tool.Version)
	case configDigest != p.ConfigDigest:
		return fmt.Errorf("--rerun: this configuration (%s) is not the attested one (%s): give the --config the check used", configDigest, p.ConfigDigest)
	}
	report, err := checker.Check(ctx, dgcheck.Request{Path: c.String("dataset"), Metadata: c.String("metadata"), FailOn: reports.Severity(p.FailOn),
		Within: checkOptions{metadata: c.String("metadata")}.within(c.String("dataset"))})
	if err != nil {
		return err
	}
	again := attest.NewConformance(report, p.RulesDigest, p.ConfigDigest, nil)
	if again.Verdict != p.Verdict || !slices.Equal(again.FailedRules, p.FailedRules) {
		return fmt.Errorf("--rerun: NOT reproduced: attested %s failing %v, checked again %s failing %v", p.Verdict, p.FailedRules, again.Verdict, again.FailedRules)
	}
	fmt.Fprintf(env.stdout, "rerun: reproduced at %s: %s, failing rules %v\n", env.now().UTC().Format(time.RFC3339), again.Verdict, again.FailedRules)
	return nil
}

// configDigestOf is the digest of the configuration file a check read (audits.ConfigDigest),
// or of none for a check without one.
func configDigestOf(cfg *rules.Config) (string, error) {
	if cfg == nil || cfg.Path == "" {
		return audits.ConfigDigest()
	}
	return audits.ConfigDigest(cfg.Path)
}

// verifyPortfolio verifies an audit's attestation (v, at path, already verified) and walks
// its subjects: each must be in the audit's folder with the attested digest, and each dataset
// attestation among them must verify with the same key.
func verifyPortfolio(ctx context.Context, env *environment, key *attest.Verifier, path string, v *attest.Verified) error {
	p, err := v.Portfolio()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(env.stdout, "audit: %d datasets, %d conformant; %s to %s by %s %s; rules %s, configuration %s\n",
		p.Datasets, p.Conformant, p.Started, p.Ended, p.Tool.Name, p.Tool.Version, p.RulesDigest, p.ConfigDigest)
	dir := filepath.Dir(path)
	nonconformant := 0
	for _, s := range v.Subjects {
		file := filepath.Join(dir, filepath.FromSlash(s.Name))
		got, err := attest.HashFile(s.Name, file)
		if err != nil {
			return fmt.Errorf("subject %s: %w", s.Name, err)
		}
		if got.SHA256 != s.SHA256 {
			return fmt.Errorf("subject %s: its SHA-256 is %s, the attested %s: it was changed", file, got.SHA256, s.SHA256)
		}
		if filepath.Base(s.Name) != audits.AttestationFile {
			fmt.Fprintf(env.stdout, "matched: %s\n", s.Name)
			continue
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		dv, err := attest.Verify(ctx, raw, key)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		c, err := dv.Conformance()
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		// The dataset's reports lie beside its attestation.
		for _, r := range c.Reports {
			report := filepath.Join(filepath.Dir(file), r.Name)
			got, err := attest.HashFile(r.Name, report)
			if err != nil {
				return fmt.Errorf("%s: report %s: %w", file, r.Name, err)
			}
			if got.SHA256 != r.SHA256 {
				return fmt.Errorf("report %s: its SHA-256 is %s, the attested %s: it was changed", report, got.SHA256, r.SHA256)
			}
		}
		if c.Verdict != "conformant" {
			nonconformant++
		}
		fmt.Fprintf(env.stdout, "verified: %s: %s, %s, with its %d reports\n", s.Name, c.Dataset.Name, c.Verdict, len(c.Reports))
	}
	if nonconformant > 0 {
		return errNotConformantAttested
	}
	return nil
}
