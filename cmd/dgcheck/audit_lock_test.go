package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgcheck/dgcheck/audits"
)

// Two audits into one output directory, as two people on one share would start them: the
// second is refused at once, naming the first, and the first's portfolio links only to
// reports that exist. Real processes: the lock is between processes.
func TestASecondAuditIntoTheSameDirectoryIsRefused(t *testing.T) {
	big, _ := catalogue(t, 40, 20)
	small := t.TempDir()
	roll, err := os.ReadFile("../../examples/dibao/hongshan_dibao_2025.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(small, "roll.csv"), roll, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "audit")

	var aOut, aErr bytes.Buffer
	a := dgcheckProcess(t, "audit", "-q", "-j", "1", "-o", out, big)
	a.Stdout, a.Stderr = &aOut, &aErr
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	defer a.Process.Kill()
	lock := filepath.Join(out, ".dgcheck-audit.lock")
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(lock); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("audit A never locked %s; stderr %s", out, aErr.String())
		}
	}
	for _, target := range []string{small, big} { // another catalogue, and the same one twice
		b := dgcheckProcess(t, "audit", "-q", "-o", out, target)
		var bErr bytes.Buffer
		b.Stderr = &bErr
		err := b.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitUsageOrInput ||
			!strings.Contains(bErr.String(), fmt.Sprintf("in use by another audit: pid %d", a.Process.Pid)) {
			t.Errorf("audit B of %s: %v, stderr %q; want exit 2 naming audit A's pid", target, err, bErr.String())
		}
	}
	err = a.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitNonConformant {
		t.Fatalf("audit A: %v, stderr %s; want exit 1 (its catalogue has failing datasets)", err, aErr.String())
	}
	p, err := audits.ReadPortfolio(filepath.Join(out, "portfolio.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Datasets) != 40 {
		t.Errorf("audit A's portfolio lists %d datasets, want 40", len(p.Datasets))
	}
	for _, e := range p.Datasets {
		for format, rel := range e.Reports {
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); err != nil {
				t.Errorf("%s: its %s report %s: %v", e.Dataset, format, rel, err)
			}
		}
	}
	if _, err := os.Stat(lock); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("audit A left its lock behind (%v)", err)
	}
}

// The lock of an audit that was killed is taken over, with a notice, not left to block the
// directory for ever.
func TestAnAuditTakesOverTheLockOfAKilledOne(t *testing.T) {
	dir, _ := catalogue(t, 30, 22)
	out := filepath.Join(t.TempDir(), "audit")
	a := dgcheckProcess(t, "audit", "-q", "-j", "1", "-o", out, dir)
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	lock := filepath.Join(out, ".dgcheck-audit.lock")
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(lock); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("audit A never locked its output directory")
		}
	}
	a.Process.Kill() // kill -9: no chance to release the lock
	a.Wait()
	if _, err := os.Stat(lock); err != nil {
		t.Fatalf("the killed audit's lock is gone (%v): nothing to take over", err)
	}
	_, stderr, code := runCLI(t, "audit", "-q", "--resume", "-o", out, dir)
	if code != exitNonConformant || !strings.Contains(stderr, fmt.Sprintf("took over the output directory from audit pid %d", a.Process.Pid)) {
		t.Errorf("resumed audit: exit %d, stderr %q; want 1 and the takeover notice", code, stderr)
	}
}

// A damaged history.db does not hide the verdict: the audit exits as its datasets say, and
// the notice says where the damaged file went.
func TestADamagedHistoryDoesNotChangeTheVerdict(t *testing.T) {
	dir, _ := catalogue(t, 8, 23)
	out := filepath.Join(t.TempDir(), "audit")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, code := runCLI(t, "audit", "-q", "-o", out, dir); code != exitNonConformant {
		t.Fatalf("first audit: exit %d", code)
	}
	db := filepath.Join(out, audits.HistoryFile)
	if err := os.WriteFile(db, []byte("garbage, not SQLite"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "audit", "-o", out, dir)
	if code != exitNonConformant || !strings.Contains(stderr, "notice: the history "+db+" was damaged") ||
		!strings.Contains(stdout, "8 datasets") {
		t.Errorf("audit over a damaged history: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	matches, _ := filepath.Glob(db + ".corrupt-*")
	if len(matches) != 1 {
		t.Errorf("damaged history moved aside to %q, want one file", matches)
	}
	if _, stderr, code := runCLI(t, "history", out); code != 0 {
		t.Errorf("history after the recovery: exit %d, %s", code, stderr)
	}
	if _, stderr, code := runCLI(t, "history", matches[0]); code != exitUsageOrInput || !strings.Contains(stderr, "damaged") || !strings.Contains(stderr, "move it aside") {
		t.Errorf("history of the damaged file: exit %d, %q; want 2 and how to recover", code, stderr)
	}
}
