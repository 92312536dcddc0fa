package attest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	ita1 "github.com/in-toto/attestation/go/v1"
	"github.com/secure-systems-lab/go-securesystemslib/dsse"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/reports"
)

// PayloadType is the DSSE payload type of an in-toto Statement.
const PayloadType = "application/vnd.in-toto+json"

// The predicate types of this project, versioned: a check's conformance result, and an
// audit's portfolio, whose subjects are its datasets' attestations. Their JSON Schemas are
// docs/attestation-*.schema.json.
const (
	ConformanceType = "https://github.com/dgcheck/dgcheck/attestation/conformance/v1"
	PortfolioType   = "https://github.com/dgcheck/dgcheck/attestation/portfolio/v1"
)

// Conformance is the predicate of a check's attestation: what was judged, with what, and the
// outcome. Profile is the measured evidence as the reports show it (samples masked).
type Conformance struct {
	Verdict      string         `json:"verdict"` // conformant, nonconformant or incomplete
	FailOn       string         `json:"fail_on"`
	Counts       map[string]int `json:"counts"`       // findings by severity, waived ones included
	FailedRules  []string       `json:"failed_rules"` // ids of the findings that fail the verdict
	RulesDigest  string         `json:"rules_digest"`
	ConfigDigest string         `json:"config_digest"`
	Tool         reports.Tool   `json:"tool"`
	CheckedAt    string         `json:"checked_at"`
	Dataset      Dataset        `json:"dataset"`
	Profile      any            `json:"profile"`
	Reports      []File         `json:"reports"` // each report written, by name and digest
}

// Dataset is the attested dataset as the report names it.
type Dataset struct {
	Path     string `json:"path"`
	Name     string `json:"name"`
	Format   string `json:"format"`
	Rows     int64  `json:"rows"`
	Metadata string `json:"metadata,omitempty"`
}

// Portfolio is the predicate of an audit's attestation; its subjects are the datasets'
// attestations and the portfolio itself.
type Portfolio struct {
	Datasets     int          `json:"datasets"`
	Conformant   int          `json:"conformant"`
	RulesDigest  string       `json:"rules_digest"`
	ConfigDigest string       `json:"config_digest"`
	Tool         reports.Tool `json:"tool"`
	Started      string       `json:"started"`
	Ended        string       `json:"ended"`
}

// File is a file by name and SHA-256 (hex).
type File struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// HashFile is path's SHA-256, named name.
func HashFile(name, path string) (File, error) {
	f, err := os.Open(path)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return File{}, fmt.Errorf("reading %s: %w", path, err)
	}
	return File{Name: name, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// HashBytes is b's SHA-256, named name.
func HashBytes(name string, b []byte) File {
	sum := sha256.Sum256(b)
	return File{Name: name, SHA256: hex.EncodeToString(sum[:])}
}

// VerdictOf is a report's verdict as a word.
func VerdictOf(v reports.Verdict) string {
	switch {
	case v.Incomplete:
		return "incomplete"
	case v.Conformant:
		return "conformant"
	}
	return "nonconformant"
}

// NewConformance is the predicate of report, judged with rules and configuration of these
// digests, whose written reports are files.
func NewConformance(r *reports.Report, rulesDigest, configDigest string, files []File) Conformance {
	c := Conformance{Verdict: VerdictOf(r.Verdict), FailOn: string(r.Verdict.FailOn), Counts: map[string]int{},
		FailedRules: []string{}, RulesDigest: rulesDigest, ConfigDigest: configDigest, Tool: r.Tool,
		CheckedAt: r.CheckedAt, Profile: r.Profile, Reports: slices.Clone(files),
		Dataset: Dataset{Path: r.Dataset.Path, Name: r.Dataset.Name, Format: r.Dataset.Format, Rows: r.Dataset.Rows, Metadata: r.Dataset.MetadataPath}}
	if c.Reports == nil {
		c.Reports = []File{}
	}
	for _, f := range r.Findings {
		c.Counts[string(f.Severity)]++
		if f.Waived == nil && f.Severity.Rank() >= r.Verdict.FailOn.Rank() && !slices.Contains(c.FailedRules, f.ID) {
			c.FailedRules = append(c.FailedRules, f.ID)
		}
	}
	slices.Sort(c.FailedRules)
	return c
}

// Sign makes the in-toto Statement of predicate (of predicateType) about subjects and signs
// it into a DSSE envelope, returned as JSON.
func Sign(ctx context.Context, s *Signer, subjects []File, predicateType string, predicate any) ([]byte, error) {
	raw, err := json.Marshal(predicate)
	if err != nil {
		return nil, err
	}
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, err
	}
	pred, err := structpb.NewStruct(fields)
	if err != nil {
		return nil, err
	}
	st := &ita1.Statement{Type: ita1.StatementTypeUri, PredicateType: predicateType, Predicate: pred}
	for _, f := range subjects {
		st.Subject = append(st.Subject, &ita1.ResourceDescriptor{Name: f.Name, Digest: map[string]string{"sha256": f.SHA256}})
	}
	if err := st.Validate(); err != nil {
		return nil, fmt.Errorf("the statement: %w", err)
	}
	payload, err := protojson.Marshal(st)
	if err != nil {
		return nil, err
	}
	signer, err := dsse.NewEnvelopeSigner(s)
	if err != nil {
		return nil, err
	}
	env, err := signer.SignPayload(ctx, PayloadType, payload)
	if err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(env, "", "  ")
	return append(out, '\n'), err
}

// Verified is an attestation whose signature verified: its statement's subjects, its
// predicate's type and raw JSON, and the key that signed it.
type Verified struct {
	Subjects      []File
	PredicateType string
	Predicate     json.RawMessage
	KeyID         string
}

// ErrSignature is an envelope whose signature does not verify with the key: the payload or
// the signature changed, or another key signed it.
var ErrSignature = errors.New("the signature does not verify with this key: the payload or the signature was changed, or another key signed it")

// Verify checks an envelope's signature with v and reads its statement. A malformed
// envelope, another payload type, a statement that is not in-toto v1 and a predicate type
// of an unknown version are errors saying which.
func Verify(ctx context.Context, envelope []byte, v *Verifier) (*Verified, error) {
	var env dsse.Envelope
	dec := json.NewDecoder(bytes.NewReader(envelope))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return nil, fmt.Errorf("not a DSSE envelope: %w", err)
	}
	if env.PayloadType != PayloadType {
		return nil, fmt.Errorf("payload type %q, not an in-toto statement (%s)", env.PayloadType, PayloadType)
	}
	if len(env.Signatures) == 0 {
		return nil, errors.New("the envelope has no signature")
	}
	if _, err := base64.StdEncoding.DecodeString(env.Payload); err != nil {
		return nil, fmt.Errorf("the envelope's payload is not base64: %w", err)
	}
	verifier, err := dsse.NewEnvelopeVerifier(v)
	if err != nil {
		return nil, err
	}
	accepted, err := verifier.Verify(ctx, &env)
	if err != nil || len(accepted) == 0 {
		return nil, ErrSignature
	}
	payload, err := env.DecodeB64Payload()
	if err != nil {
		return nil, err
	}
	var st ita1.Statement
	if err := protojson.Unmarshal(payload, &st); err != nil {
		return nil, fmt.Errorf("the payload is not an in-toto statement: %w", err)
	}
	if err := st.Validate(); err != nil {
		return nil, fmt.Errorf("the payload is not an in-toto v1 statement: %w", err)
	}
	if st.PredicateType != ConformanceType && st.PredicateType != PortfolioType {
		return nil, fmt.Errorf("predicate type %s: this dgcheck knows %s and %s", st.PredicateType, ConformanceType, PortfolioType)
	}
	pred, err := protojson.Marshal(st.Predicate)
	if err != nil {
		return nil, err
	}
	out := &Verified{PredicateType: st.PredicateType, Predicate: pred, KeyID: accepted[0].KeyID}
	for _, s := range st.Subject {
		out.Subjects = append(out.Subjects, File{Name: s.Name, SHA256: s.Digest["sha256"]})
	}
	return out, nil
}

// Conformance decodes a conformance predicate.
func (v *Verified) Conformance() (*Conformance, error) {
	if v.PredicateType != ConformanceType {
		return nil, fmt.Errorf("predicate type %s, not a check's (%s)", v.PredicateType, ConformanceType)
	}
	var c Conformance
	if err := json.Unmarshal(v.Predicate, &c); err != nil {
		return nil, fmt.Errorf("the conformance predicate: %w", err)
	}
	return &c, nil
}

// Portfolio decodes a portfolio predicate.
func (v *Verified) Portfolio() (*Portfolio, error) {
	if v.PredicateType != PortfolioType {
		return nil, fmt.Errorf("predicate type %s, not an audit's (%s)", v.PredicateType, PortfolioType)
	}
	var p Portfolio
	if err := json.Unmarshal(v.Predicate, &p); err != nil {
		return nil, fmt.Errorf("the portfolio predicate: %w", err)
	}
	return &p, nil
}

// Subject is the subject with digest sha ("" and false when none).
func (v *Verified) Subject(sha string) (File, bool) {
	i := slices.IndexFunc(v.Subjects, func(f File) bool { return f.SHA256 == sha })
	if i < 0 {
		return File{}, false
	}
	return v.Subjects[i], true
}

// MatchSubject checks that the file at path is one of the subjects, saying which role it
// was given as when it is not.
func (v *Verified) MatchSubject(role, path string) (File, error) {
	got, err := HashFile(path, path)
	if err != nil {
		return File{}, err
	}
	if f, ok := v.Subject(got.SHA256); ok {
		return f, nil
	}
	var names []string
	for _, s := range v.Subjects {
		names = append(names, s.Name)
	}
	return File{}, fmt.Errorf("%s %s: its SHA-256 %s is no subject of the attestation (%s): the file is not the one attested, or was changed",
		role, path, got.SHA256, strings.Join(names, ", "))
}

// DatasetSubjects are the files a check of the dataset at path read, by digest: the
// dataset's files (datasets.DataFiles; a folder's named under its name), then the metadata
// file the report names. A table or objects in storage are no files here: their subject is
// the digest of the profile measured, named by the source's URL.
func DatasetSubjects(path string, r *reports.Report) ([]File, error) {
	files, err := datasets.DataFiles(path)
	if err != nil {
		return nil, err
	}
	var subjects []File
	for _, p := range files {
		name := filepath.Base(p)
		if p != path {
			rel, err := filepath.Rel(path, p)
			if err != nil {
				return nil, err
			}
			name = filepath.ToSlash(filepath.Join(filepath.Base(filepath.Clean(path)), rel))
		}
		f, err := HashFile(name, p)
		if err != nil {
			return nil, err
		}
		subjects = append(subjects, f)
	}
	if files == nil {
		profile, err := json.Marshal(r.Profile)
		if err != nil {
			return nil, err
		}
		subjects = append(subjects, HashBytes(r.Dataset.Path+"#profile", profile))
	}
	if m := r.Dataset.MetadataPath; m != "" {
		f, err := HashFile(filepath.Base(m), m)
		if err != nil {
			return nil, err
		}
		subjects = append(subjects, f)
	}
	return subjects, nil
}
