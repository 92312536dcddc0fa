package audits

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"
)

// The output directory of an audit:
//
//	.dgcheck-audit              marks the directory as an audit's, so that it may be reused
//	.dgcheck-audit.lock         the running audit (pid, host, start), while it runs
//	portfolio.json, portfolio.md, portfolio.junit.xml, index.html
//	history.db                  every completed audit's summary (SQLite)
//	datasets/<name>/entry.json  the dataset's portfolio entry, written when it is finished
//	datasets/<name>/report.*    the dataset's own reports
const (
	markerFile  = ".dgcheck-audit"
	datasetsDir = "datasets"
	entryFile   = "entry.json"
	// HistoryFile is the SQLite database in the output directory that audits append to.
	HistoryFile = "history.db"
)

// prepareOut makes dir ready for an audit's output: locked for the audit's lifetime
// (lockOutDir) and claimed (claimOut). release unlocks it, and notice says when a dead
// audit's lock was taken over. The lock comes first, so what claimOut removes is never a
// running audit's.
func prepareOut(dir string, resume bool, now time.Time) (release func(), notice string, err error) {
	release, notice, err = lockOutDir(dir, now)
	if err != nil {
		return nil, "", err
	}
	if err := claimOut(dir, resume); err != nil {
		release()
		return nil, "", err
	}
	return release, notice, nil
}

// lockOutDir creates dir if need be and takes its lock (lockOut).
func lockOutDir(dir string, now time.Time) (release func(), notice string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", err
	}
	return lockOut(dir, now)
}

// claimOut marks dir as an audit's, or refuses it when it holds files of something else, and
// without resume removes an earlier audit's datasets, so that none can be mistaken for this
// one's; the history stays.
func claimOut(dir string, resume bool) error {
	marker := filepath.Join(dir, markerFile)
	if _, err := os.Stat(marker); errors.Is(err, fs.ErrNotExist) {
		names, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(names, func(e fs.DirEntry) bool { return e.Name() != lockFile }) {
			return fmt.Errorf("output directory %s holds files and is not a dgcheck audit's; choose a new or empty one", dir)
		}
		if err := os.WriteFile(marker, []byte("dgcheck audit output: dgcheck may rewrite this directory\n"), 0o644); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if !resume {
		return os.RemoveAll(filepath.Join(dir, datasetsDir))
	}
	return nil
}

// datasetDir is where a dataset's entry and reports go, relative to the output directory,
// with forward slashes: datasets/<name>. A name that leaves the root (an audit with
// --allow-outside) is kept inside by a digest of it.
func datasetDir(name string) string {
	if filepath.IsLocal(filepath.FromSlash(name)) {
		return path.Join(datasetsDir, name)
	}
	sum := sha256.Sum256([]byte(name))
	return path.Join(datasetsDir, "_outside", hex.EncodeToString(sum[:6]), path.Base(name))
}

// writeFileAtomic writes a file whole or not at all: a killed audit leaves either the old
// file or the new one, never half of one, which is what lets --resume trust what it finds.
func writeFileAtomic(name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// writeJSON writes v as indented JSON, atomically.
func writeJSON(name string, v any) error {
	return writeFileAtomic(name, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	})
}

// readJSON decodes a file strictly: an unknown field means the file is not what it claims.
func readJSON(name string, v any) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
