package audits

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"

	"github.com/dgcheck/dgcheck/reports"
)

// Roles of the files an audit reads, as its stamps name them.
const (
	RoleData     = "data"
	RoleMetadata = "metadata"
	RoleManifest = "manifest"
	RoleConfig   = "config"
	RoleBaseline = "baseline"
)

// hashFile reads a file once and describes it as a stamp's input.
func hashFile(role, path string) (reports.Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return reports.Input{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return reports.Input{}, fmt.Errorf("reading %s: %w", path, err)
	}
	return reports.Input{Role: role, Path: path, SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}, nil
}

// ConfigDigest is the SHA-256 of the configuration files' contents, concatenated in the order
// they apply: for one file, that file's own SHA-256 (which sha256sum confirms); for none, the
// SHA-256 of nothing.
func ConfigDigest(paths ...string) (string, error) {
	h := sha256.New()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return "", err
		}
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", fmt.Errorf("reading %s: %w", p, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
