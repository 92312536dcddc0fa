package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// signedCheck makes a key of alg and a copy of the example roll (raw or clean) with its
// sidecar in a folder, checks it with --attest, and returns the folder and the attestation.
func signedCheck(t *testing.T, alg, base string) (dir, attestation string) {
	t.Helper()
	dir = t.TempDir()
	for _, ext := range []string{".csv", ".meta.yaml"} {
		raw, err := os.ReadFile("../../examples/dibao/" + base + ext)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, base+ext), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := runCLI(t, "keygen", "--alg", alg, "-o", filepath.Join(dir, "owner"))
	if code != 0 {
		t.Fatalf("keygen: exit %d, %s", code, stderr)
	}
	priv, _ := os.ReadFile(filepath.Join(dir, "owner.key"))
	if st, _ := os.Stat(filepath.Join(dir, "owner.key")); st.Mode().Perm() != 0o600 {
		t.Errorf("the private key has mode %v, want 0600", st.Mode().Perm())
	}
	body := strings.Join(strings.Split(string(priv), "\n")[1:2], "")
	if strings.Contains(stdout+stderr, "PRIVATE") || strings.Contains(stdout+stderr, body) {
		t.Errorf("keygen printed the private key: %s%s", stdout, stderr)
	}
	_, stderr, code = runCLI(t, "check", "--attest", filepath.Join(dir, "owner.key"),
		"-o", filepath.Join(dir, "report.json"), "-o", filepath.Join(dir, "report.html"), filepath.Join(dir, base+".csv"))
	if code > 1 || strings.Contains(stderr, body) {
		t.Fatalf("check --attest: exit %d, %s", code, stderr)
	}
	return dir, filepath.Join(dir, "report.attestation.json")
}

// A signed check verifies with the owner's public key and the very files it read and wrote,
// under either algorithm; verify exits as the attested verdict does: 1 for the raw roll, 0
// for the clean one. --rerun reproduces the verdict.
func TestAttestedCheckVerifies(t *testing.T) {
	for _, alg := range []string{"ed25519", "sm2"} {
		t.Run(alg, func(t *testing.T) {
			for base, want := range map[string]int{"hongshan_dibao_2025": exitNonConformant, "hongshan_dibao_2025_clean": exitConformant} {
				dir, att := signedCheck(t, alg, base)
				stdout, stderr, code := runCLI(t, "verify", "--key", filepath.Join(dir, "owner.pub"),
					"--dataset", filepath.Join(dir, base+".csv"), "--metadata", filepath.Join(dir, base+".meta.yaml"),
					"--report", filepath.Join(dir, "report.html"), "--report", filepath.Join(dir, "report.json"), "--rerun", att)
				if code != want {
					t.Errorf("%s: verify exit %d, want %d\n%s%s", base, code, want, stdout, stderr)
				}
				for _, line := range []string{"verified: ", "signed by " + alg + " key ", "dataset: " + base + ".csv", "matched: metadata", "matched: report", "rerun: reproduced"} {
					if !strings.Contains(stdout, line) {
						t.Errorf("%s: verify printed no %q:\n%s", base, line, stdout)
					}
				}
			}
		})
	}
}

// One byte changed in the dataset, the metadata, a report, the envelope's payload or its
// signature fails verification (exit 2), and the error names which.
func TestTamperingIsDetectedAndNamed(t *testing.T) {
	const base = "hongshan_dibao_2025"
	for _, tc := range []struct {
		what, file, want string
	}{
		{"dataset", base + ".csv", "dataset file"},
		{"metadata", base + ".meta.yaml", "meta.yaml: its SHA-256"},
		{"report", "report.html", "is no report the attestation lists"},
		{"payload", "payload", "the signature does not verify"},
		{"signature", "signature", "the signature does not verify"},
	} {
		t.Run(tc.what, func(t *testing.T) {
			dir, att := signedCheck(t, "ed25519", base)
			switch tc.file {
			case "payload", "signature":
				var env map[string]any
				raw, _ := os.ReadFile(att)
				json.Unmarshal(raw, &env)
				field := &env
				key := "payload"
				if tc.file == "signature" {
					field, key = &map[string]any{}, "sig"
					*field = env["signatures"].([]any)[0].(map[string]any)
				}
				b, _ := base64.StdEncoding.DecodeString((*field)[key].(string))
				b[len(b)/3] ^= 0x20
				(*field)[key] = base64.StdEncoding.EncodeToString(b)
				raw, _ = json.Marshal(env)
				os.WriteFile(att, raw, 0o644)
			default:
				p := filepath.Join(dir, tc.file)
				b, _ := os.ReadFile(p)
				b[len(b)/2] ^= 0x01
				os.WriteFile(p, b, 0o644)
			}
			_, stderr, code := runCLI(t, "verify", "--key", filepath.Join(dir, "owner.pub"),
				"--dataset", filepath.Join(dir, base+".csv"), "--metadata", filepath.Join(dir, base+".meta.yaml"),
				"--report", filepath.Join(dir, "report.html"), att)
			if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) {
				t.Errorf("one byte of the %s changed: exit %d, %q; want 2 naming %q", tc.what, code, stderr, tc.want)
			}
		})
	}
}

// A private key others may read is refused before any scan; keygen keeps an existing key.
func TestKeysAreKeptSafe(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "owner")
	if _, stderr, code := runCLI(t, "keygen", "-o", key); code != 0 {
		t.Fatal(stderr)
	}
	before, _ := os.ReadFile(key + ".key")
	if _, stderr, code := runCLI(t, "keygen", "-o", key); code != exitUsageOrInput || !strings.Contains(stderr, "keeps existing keys") {
		t.Errorf("keygen over an existing key: exit %d, %s", code, stderr)
	}
	if after, _ := os.ReadFile(key + ".key"); string(after) != string(before) {
		t.Error("keygen replaced an existing private key")
	}
	os.Chmod(key+".key", 0o640)
	_, stderr, code := runCLI(t, "check", "-q", "--attest", key+".key", example)
	if code != exitUsageOrInput || !strings.Contains(stderr, "others may read") {
		t.Errorf("check --attest with a key of mode 0640: exit %d, %s", code, stderr)
	}
	if _, stderr, code := runCLI(t, "keygen", "--alg", "rsa", "-o", filepath.Join(dir, "x")); code != exitUsageOrInput || !strings.Contains(stderr, "ed25519") {
		t.Errorf("keygen --alg rsa: exit %d, %s", code, stderr)
	}
}

// rollCatalogue is a catalogue in dir of the example roll and its clean twin, with their
// metadata: one dataset that fails, one that conforms.
func rollCatalogue(t *testing.T, dir string) string {
	t.Helper()
	cat := filepath.Join(dir, "catalogue")
	if err := os.Mkdir(cat, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"hongshan_dibao_2025.csv", "hongshan_dibao_2025.meta.yaml", "hongshan_dibao_2025_clean.csv", "hongshan_dibao_2025_clean.meta.yaml"} {
		raw, err := os.ReadFile("../../examples/dibao/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(cat, name), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return cat
}

// An audit signed with --attest is verified whole from its portfolio's attestation: every
// dataset's attestation and its reports; a changed report in one dataset fails it, naming it.
func TestAttestedAuditVerifiesWhole(t *testing.T) {
	dir := t.TempDir()
	cat := rollCatalogue(t, dir)
	runCLI(t, "keygen", "--alg", "sm2", "-o", filepath.Join(dir, "bureau"))
	out := filepath.Join(dir, "audit")
	if _, stderr, code := runCLI(t, "audit", "-q", "--attest", filepath.Join(dir, "bureau.key"), "-o", out, cat); code != exitNonConformant {
		t.Fatalf("audit --attest: exit %d, %s", code, stderr)
	}
	portfolio := filepath.Join(out, "portfolio.attestation.json")
	stdout, stderr, code := runCLI(t, "verify", "--key", filepath.Join(dir, "bureau.pub"), portfolio)
	if code != exitNonConformant || strings.Count(stdout, "/attestation.json: ") != 2 || !strings.Contains(stdout, "matched: portfolio.json") {
		t.Errorf("verify the audit: exit %d\n%s%s", code, stdout, stderr)
	}
	report := filepath.Join(out, "datasets", "hongshan_dibao_2025_clean.csv", "report.html")
	b, _ := os.ReadFile(report)
	os.WriteFile(report, append(b, ' '), 0o644)
	if _, stderr, code := runCLI(t, "verify", "--key", filepath.Join(dir, "bureau.pub"), portfolio); code != exitUsageOrInput || !strings.Contains(stderr, "report.html") {
		t.Errorf("a changed report: exit %d, %s", code, stderr)
	}
}

// A sharded audit signed shard by shard is signed as one by merge --attest: the merged
// portfolio's attestation verifies every dataset of every shard. A shard that was not signed,
// or signed with another key, is refused, naming the dataset and why.
func TestMergedShardsAreSigned(t *testing.T) {
	dir := t.TempDir()
	cat := rollCatalogue(t, dir)
	for _, k := range []string{"bureau", "other"} {
		if _, stderr, code := runCLI(t, "keygen", "-o", filepath.Join(dir, k)); code != 0 {
			t.Fatalf("keygen: %s", stderr)
		}
	}
	shard := func(i int, args ...string) string {
		out := filepath.Join(dir, fmt.Sprintf("shard-%d-%d", i, len(args)))
		argv := append([]string{"audit", "-q", "--no-history", "--shard", fmt.Sprintf("%d/2", i), "-o", out}, args...)
		if _, stderr, code := runCLI(t, append(argv, cat)...); code == exitUsageOrInput {
			t.Fatalf("audit --shard %d/2: %s", i, stderr)
		}
		return out
	}
	key := filepath.Join(dir, "bureau.key")
	signed := []string{shard(1, "--attest", key), shard(2, "--attest", key)}
	merged := filepath.Join(dir, "merged")
	if _, stderr, code := runCLI(t, append([]string{"merge", "--no-history", "--attest", key, "-o", merged}, signed...)...); code != exitNonConformant {
		t.Fatalf("merge --attest: exit %d, %s", code, stderr)
	}
	stdout, stderr, code := runCLI(t, "verify", "--key", filepath.Join(dir, "bureau.pub"), filepath.Join(merged, "portfolio.attestation.json"))
	if code != exitNonConformant || strings.Count(stdout, "/attestation.json: ") != 2 || !strings.Contains(stdout, "audit: 2 datasets, 1 conformant") {
		t.Errorf("verify the merged audit: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, tc := range []struct {
		shards []string
		want   string
	}{
		{[]string{signed[0], shard(2)}, "has no attestation in"},
		{[]string{signed[0], shard(2, "--attest", filepath.Join(dir, "other.key"))}, "every shard must be signed with the merge's key"},
	} {
		argv := append([]string{"merge", "--no-history", "--attest", key, "-o", filepath.Join(t.TempDir(), "m")}, tc.shards...)
		if _, stderr, code := runCLI(t, argv...); code != exitUsageOrInput || !strings.Contains(stderr, tc.want) {
			t.Errorf("merge --attest of %v: exit %d, %q; want 2 saying %q", tc.shards, code, stderr, tc.want)
		}
	}
}

// The predicates signed are what docs/attestation-*.schema.json describe, and the statement
// around them is an in-toto v1 Statement with the predicate type of its version.
func TestAttestationPredicatesMatchTheirSchemas(t *testing.T) {
	predicate := func(path string) (string, map[string]any) {
		t.Helper()
		var env struct{ Payload string }
		raw, _ := os.ReadFile(path)
		json.Unmarshal(raw, &env)
		payload, _ := base64.StdEncoding.DecodeString(env.Payload)
		var st struct {
			Type          string         `json:"_type"`
			PredicateType string         `json:"predicateType"`
			Predicate     map[string]any `json:"predicate"`
		}
		if err := json.Unmarshal(payload, &st); err != nil || st.Type != "https://in-toto.io/Statement/v1" {
			t.Fatalf("%s: not an in-toto v1 statement (%v): %.200s", path, err, payload)
		}
		return st.PredicateType, st.Predicate
	}
	_, att := signedCheck(t, "ed25519", "hongshan_dibao_2025")
	typ, pred := predicate(att)
	if typ != "https://github.com/dgcheck/dgcheck/attestation/conformance/v1" {
		t.Errorf("predicate type %s", typ)
	}
	if errs := schemaErrors(t, readJSONFile(t, "../../docs/attestation-conformance.schema.json"), pred); len(errs) > 0 {
		t.Errorf("the conformance predicate does not match its schema:\n%s", strings.Join(errs, "\n"))
	}
	pred["verdict"] = "fine"
	if errs := schemaErrors(t, readJSONFile(t, "../../docs/attestation-conformance.schema.json"), pred); len(errs) == 0 {
		t.Error("the schema let a verdict of \"fine\" through")
	}

	dir := t.TempDir()
	runCLI(t, "keygen", "-o", filepath.Join(dir, "k"))
	cat := filepath.Join(dir, "catalogue")
	os.Mkdir(cat, 0o755)
	raw, _ := os.ReadFile("../../examples/dibao/hongshan_dibao_2025_clean.csv")
	os.WriteFile(filepath.Join(cat, "roll.csv"), raw, 0o644)
	out := filepath.Join(dir, "audit")
	if _, stderr, code := runCLI(t, "audit", "-q", "--attest", filepath.Join(dir, "k.key"), "-o", out, cat); code > 1 {
		t.Fatalf("audit --attest: exit %d, %s", code, stderr)
	}
	typ, pred = predicate(filepath.Join(out, "portfolio.attestation.json"))
	if typ != "https://github.com/dgcheck/dgcheck/attestation/portfolio/v1" {
		t.Errorf("portfolio predicate type %s", typ)
	}
	if errs := schemaErrors(t, readJSONFile(t, "../../docs/attestation-portfolio.schema.json"), pred); len(errs) > 0 {
		t.Errorf("the portfolio predicate does not match its schema:\n%s", strings.Join(errs, "\n"))
	}
}
