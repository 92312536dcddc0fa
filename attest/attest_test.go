package attest

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"
)

// keyPair makes a key pair of alg and returns its signer and verifier.
func keyPair(t *testing.T, alg Algorithm) (*Signer, *Verifier, []byte) {
	t.Helper()
	priv, pub, err := GenerateKey(alg)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParsePrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	v, err := ParsePublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if s.Algorithm() != alg || v.Algorithm() != alg {
		t.Fatalf("keys read as %s and %s, want %s", s.Algorithm(), v.Algorithm(), alg)
	}
	if sid, _ := s.KeyID(); sid != v.keyID || len(sid) != 64 {
		t.Fatalf("key ids %q and %q: want the same SHA-256", sid, v.keyID)
	}
	return s, v, pub
}

var subjects = []File{{Name: "roll.csv", SHA256: strings.Repeat("ab", 32)}, {Name: "roll.meta.yaml", SHA256: strings.Repeat("cd", 32)}}

func signed(t *testing.T, s *Signer) []byte {
	t.Helper()
	env, err := Sign(context.Background(), s, subjects, ConformanceType,
		Conformance{Verdict: "nonconformant", FailOn: "error", Counts: map[string]int{"error": 2}, FailedRules: []string{"ID-002"}, RulesDigest: "r", ConfigDigest: "c", Reports: []File{}})
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// An attestation verifies with its key, under either algorithm, and gives back its subjects
// and predicate; with another key, or with one byte of its payload or signature changed, it
// does not.
func TestSignedStatementVerifiesAndTamperingDoesNot(t *testing.T) {
	for _, alg := range []Algorithm{Ed25519, SM2} {
		t.Run(string(alg), func(t *testing.T) {
			s, v, _ := keyPair(t, alg)
			env := signed(t, s)
			got, err := Verify(context.Background(), env, v)
			if err != nil {
				t.Fatal(err)
			}
			c, err := got.Conformance()
			if err != nil || c.Verdict != "nonconformant" || c.FailedRules[0] != "ID-002" || len(got.Subjects) != 2 || got.Subjects[1] != subjects[1] {
				t.Errorf("verified %+v, %+v, %v", got, c, err)
			}
			_, other, _ := keyPair(t, alg)
			if _, err := Verify(context.Background(), env, other); err != ErrSignature {
				t.Errorf("another key: %v, want ErrSignature", err)
			}
			var e dsse.Envelope
			json.Unmarshal(env, &e)
			for _, field := range []string{"payload", "signature"} {
				t.Run(field, func(t *testing.T) {
					tampered := e
					tampered.Signatures = append([]dsse.Signature(nil), e.Signatures...)
					target := &tampered.Payload
					if field == "signature" {
						target = &tampered.Signatures[0].Sig
					}
					raw, _ := base64.StdEncoding.DecodeString(*target)
					raw[len(raw)/2] ^= 1
					*target = base64.StdEncoding.EncodeToString(raw)
					b, _ := json.Marshal(tampered)
					if _, err := Verify(context.Background(), b, v); err != ErrSignature {
						t.Errorf("one bit of the %s flipped: %v, want ErrSignature", field, err)
					}
				})
			}
		})
	}
}

// Malformed envelopes, other payload types and unknown predicate versions are refused, each
// saying so.
func TestMalformedAttestationsAreRefused(t *testing.T) {
	s, v, _ := keyPair(t, Ed25519)
	unknown, err := Sign(context.Background(), s, subjects, "https://github.com/dgcheck/dgcheck/attestation/conformance/v9", map[string]any{"verdict": "conformant"})
	if err != nil {
		t.Fatal(err)
	}
	var e dsse.Envelope
	json.Unmarshal(signed(t, s), &e)
	e.PayloadType = "text/plain"
	otherType, _ := json.Marshal(e)
	for _, tc := range []struct {
		name     string
		envelope []byte
		want     string
	}{
		{"not JSON", []byte("{"), "not a DSSE envelope"},
		{"an unknown field", []byte(`{"payloadType":"x","payload":"","signatures":[],"extra":1}`), "not a DSSE envelope"},
		{"no signature", []byte(`{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[]}`), "no signature"},
		{"another payload type", otherType, `payload type "text/plain"`},
		{"an unknown predicate version", unknown, "predicate type https://github.com/dgcheck/dgcheck/attestation/conformance/v9"},
	} {
		if _, err := Verify(context.Background(), tc.envelope, v); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.want)
		}
	}
	if _, err := ParsePublicKey([]byte("-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n")); err == nil {
		t.Error("a certificate was read as a public key")
	}
}

// A private key file others may read is refused, as ssh refuses one; the key is read from an
// environment variable or a file descriptor as well.
func TestPrivateKeysAreReadSafely(t *testing.T) {
	priv, _, err := GenerateKey(SM2)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	loose, tight := filepath.Join(dir, "loose.key"), filepath.Join(dir, "tight.key")
	os.WriteFile(loose, priv, 0o644)
	os.WriteFile(tight, priv, 0o600)
	if _, err := LoadSigner(loose); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a key of mode 0644: %v, want a refusal", err)
	}
	if _, err := LoadSigner(tight); err != nil {
		t.Errorf("a key of mode 0600: %v", err)
	}
	t.Setenv("DGCHECK_TEST_KEY", string(priv))
	if _, err := LoadSigner("env:DGCHECK_TEST_KEY"); err != nil {
		t.Errorf("env: %v", err)
	}
	if _, err := LoadSigner("env:DGCHECK_TEST_UNSET"); err == nil || !strings.Contains(err.Error(), "not set") {
		t.Errorf("an unset variable: %v", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() { w.Write(priv); w.Close() }()
	// LoadSigner closes the descriptor it reads, as a CI secret's should be; it gets its own
	// copy, or r's finalizer would close the number again, by then another file's.
	fd, err := syscall.Dup(int(r.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSigner("fd:" + strconv.Itoa(fd)); err != nil {
		t.Errorf("fd: %v", err)
	}
}

// OpenSSL 3, an implementation this project did not write, verifies the signatures over
// DSSE's pre-authentication encoding: Ed25519 directly, SM2 with SM3 and GM/T 0009's signer ID.
func TestOpenSSLVerifiesTheSignatures(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("openssl is not installed, which .ci/run installs")
		}
		t.Skip("openssl is not installed (apt-get install openssl)")
	}
	for _, tc := range []struct {
		alg  Algorithm
		args []string
	}{
		{Ed25519, nil},
		{SM2, []string{"-digest", "sm3", "-pkeyopt", "distid:1234567812345678"}},
	} {
		t.Run(string(tc.alg), func(t *testing.T) {
			s, _, pub := keyPair(t, tc.alg)
			var e dsse.Envelope
			if err := json.Unmarshal(signed(t, s), &e); err != nil {
				t.Fatal(err)
			}
			payload, _ := base64.StdEncoding.DecodeString(e.Payload)
			sig, _ := base64.StdEncoding.DecodeString(e.Signatures[0].Sig)
			dir := t.TempDir()
			files := map[string][]byte{"pub.pem": pub, "pae.bin": dsse.PAE(e.PayloadType, payload), "sig.bin": sig}
			for name, b := range files {
				if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			verify := func() (string, error) {
				args := append([]string{"pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "pae.bin", "-sigfile", "sig.bin"}, tc.args...)
				cmd := exec.Command(openssl, args...)
				cmd.Dir = dir
				out, err := cmd.CombinedOutput()
				return string(out), err
			}
			if out, err := verify(); err != nil || !strings.Contains(out, "Verified Successfully") {
				t.Fatalf("openssl: %v\n%s", err, out)
			}
			pae := files["pae.bin"]
			pae[len(pae)-1] ^= 1
			os.WriteFile(filepath.Join(dir, "pae.bin"), pae, 0o600)
			if out, err := verify(); err == nil {
				t.Errorf("openssl verified a changed payload:\n%s", out)
			}
		})
	}
}
