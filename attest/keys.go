// Package attest signs conformance results as in-toto Statements (v1) in DSSE envelopes, and
// verifies them offline with the signer's public key: a verdict becomes a statement about
// exact bytes (the dataset's files, its metadata, the reports written) that anyone holding the
// key can check. Keys are Ed25519 or SM2 with SM3 (GM/T 0003, GM/T 0004; the signer ID is
// GM/T 0009's default, 1234567812345678; OpenSSL 3 verifies with -pkeyopt
// distid:1234567812345678), in PKCS#8 and PKIX PEM.
package attest

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/emmansun/gmsm/sm2"
	"github.com/emmansun/gmsm/smx509"
)

// Algorithm is a signature algorithm of a key.
type Algorithm string

const (
	Ed25519 Algorithm = "ed25519"
	SM2     Algorithm = "sm2" // SM2 signatures over SM3 (Z_A with the default signer ID)
)

// Algorithms are the algorithms keygen makes and verify accepts.
var Algorithms = []string{string(Ed25519), string(SM2)}

// sm2UID is the signer ID hashed into an SM2 signature's Z_A: GM/T 0009's default. OpenSSL
// 3.0's pkeyutl hashes an empty ID unless given -pkeyopt distid:1234567812345678.
var sm2UID = []byte("1234567812345678")

// GenerateKey makes a key pair: the private key as PKCS#8 PEM, the public key as PKIX PEM.
func GenerateKey(alg Algorithm) (private, public []byte, err error) {
	var priv, pub any
	switch alg {
	case Ed25519:
		pk, sk, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, nil, err
		}
		priv, pub = sk, pk
	case SM2:
		sk, err := sm2.GenerateKey(rand.Reader)
		if err != nil {
			return nil, nil, err
		}
		priv, pub = sk, &sk.PublicKey
	default:
		return nil, nil, fmt.Errorf("unknown key algorithm %q (want one of %s)", alg, strings.Join(Algorithms, ", "))
	}
	der, err := smx509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, err
	}
	pubDER, err := smx509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER}), nil
}

// Signer signs with a private key (dsse.Signer).
type Signer struct {
	alg   Algorithm
	ed    ed25519.PrivateKey
	sm    *sm2.PrivateKey
	keyID string
}

// Sign signs data, DSSE's pre-authentication encoding of a payload: Ed25519 over the bytes
// themselves, SM2 over their SM3 digest with Z_A.
func (s *Signer) Sign(_ context.Context, data []byte) ([]byte, error) {
	if s.alg == Ed25519 {
		return ed25519.Sign(s.ed, data), nil
	}
	return s.sm.SignWithSM2(rand.Reader, sm2UID, data)
}

// KeyID is the key's id: the SHA-256 of its public key's PKIX DER, in hex.
func (s *Signer) KeyID() (string, error) { return s.keyID, nil }

// Algorithm is the key's algorithm.
func (s *Signer) Algorithm() Algorithm { return s.alg }

// Verifier verifies what s signs: its public key.
func (s *Signer) Verifier() *Verifier {
	if s.alg == Ed25519 {
		return &Verifier{alg: s.alg, pub: s.ed.Public(), keyID: s.keyID}
	}
	return &Verifier{alg: s.alg, pub: &s.sm.PublicKey, keyID: s.keyID}
}

// Verifier verifies with a public key (dsse.Verifier).
type Verifier struct {
	alg   Algorithm
	pub   crypto.PublicKey
	keyID string
}

func (v *Verifier) Verify(_ context.Context, data, sig []byte) error {
	ok := false
	switch k := v.pub.(type) {
	case ed25519.PublicKey:
		ok = ed25519.Verify(k, data, sig)
	case *ecdsa.PublicKey:
		ok = sm2.VerifyASN1WithSM2(k, sm2UID, data, sig)
	}
	if !ok {
		return errors.New("the signature does not verify")
	}
	return nil
}

func (v *Verifier) KeyID() (string, error)   { return v.keyID, nil }
func (v *Verifier) Public() crypto.PublicKey { return v.pub }

// Algorithm is the key's algorithm.
func (v *Verifier) Algorithm() Algorithm { return v.alg }

// keyID is the SHA-256 of a public key's PKIX DER, in hex.
func keyID(pub any) (string, error) {
	der, err := smx509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:]), nil
}

// ParsePrivateKey reads a PKCS#8 PEM private key, Ed25519 or SM2.
func ParsePrivateKey(raw []byte) (*Signer, error) {
	block, _ := pem.Decode(raw)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, errors.New("not a PKCS#8 PEM private key (want -----BEGIN PRIVATE KEY-----, as dgcheck keygen writes)")
	}
	key, err := smx509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("not a PKCS#8 private key: %w", err)
	}
	s := &Signer{}
	var pub any
	switch k := key.(type) {
	case ed25519.PrivateKey:
		s.alg, s.ed, pub = Ed25519, k, k.Public()
	case *sm2.PrivateKey:
		s.alg, s.sm, pub = SM2, k, &k.PublicKey
	default:
		return nil, fmt.Errorf("a %T key: dgcheck signs with %s keys", key, strings.Join(Algorithms, " or "))
	}
	if s.keyID, err = keyID(pub); err != nil {
		return nil, err
	}
	return s, nil
}

// ParsePublicKey reads a PKIX PEM public key, Ed25519 or SM2.
func ParsePublicKey(raw []byte) (*Verifier, error) {
	block, _ := pem.Decode(raw)
	if block == nil || block.Type != "PUBLIC KEY" {
		return nil, errors.New("not a PEM public key (want -----BEGIN PUBLIC KEY-----, as dgcheck keygen writes)")
	}
	key, err := smx509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("not a PKIX public key: %w", err)
	}
	v := &Verifier{pub: key}
	switch k := key.(type) {
	case ed25519.PublicKey:
		v.alg = Ed25519
	case *ecdsa.PublicKey:
		if !sm2.IsSM2PublicKey(k) {
			return nil, errors.New("an ECDSA key on another curve than SM2's: dgcheck verifies Ed25519 and SM2 signatures")
		}
		v.alg = SM2
	default:
		return nil, fmt.Errorf("a %T key: dgcheck verifies %s signatures", key, strings.Join(Algorithms, " and "))
	}
	if v.keyID, err = keyID(key); err != nil {
		return nil, err
	}
	return v, nil
}

// LoadSigner reads the private key spec names: env:NAME, the PEM in an environment variable
// (a CI secret); fd:N, the PEM read from an open file descriptor (a secret piped in); else a
// file, which only its owner may read, as ssh requires of a private key.
func LoadSigner(spec string) (*Signer, error) {
	raw, err := readKey(spec)
	if err != nil {
		return nil, err
	}
	s, err := ParsePrivateKey(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", spec, err)
	}
	return s, nil
}

func readKey(spec string) ([]byte, error) {
	if name, ok := strings.CutPrefix(spec, "env:"); ok {
		v, set := os.LookupEnv(name)
		if !set || v == "" {
			return nil, fmt.Errorf("%s: the environment variable %s is not set", spec, name)
		}
		return []byte(v), nil
	}
	if n, ok := strings.CutPrefix(spec, "fd:"); ok {
		fd, err := strconv.Atoi(n)
		if err != nil || fd < 0 {
			return nil, fmt.Errorf("%s: not a file descriptor number", spec)
		}
		f := os.NewFile(uintptr(fd), spec)
		if f == nil {
			return nil, fmt.Errorf("%s: no such file descriptor", spec)
		}
		defer f.Close()
		raw, err := io.ReadAll(io.LimitReader(f, 1<<16))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", spec, err)
		}
		return raw, nil
	}
	st, err := os.Stat(spec)
	if err != nil {
		return nil, err
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		return nil, fmt.Errorf("%s: a private key others may read (mode %04o): chmod 600 %s", spec, perm, spec)
	}
	return os.ReadFile(spec)
}
