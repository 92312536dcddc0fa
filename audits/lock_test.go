package audits

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLockOutIsExclusive(t *testing.T) {
	dir := t.TempDir()
	release, notice, err := lockOut(dir, checkedAt)
	if err != nil || notice != "" {
		t.Fatalf("first lock: %v, notice %q", err, notice)
	}
	_, _, err = lockOut(dir, checkedAt)
	if !errors.Is(err, ErrOutputLocked) || !strings.Contains(err.Error(), fmt.Sprintf("pid %d", os.Getpid())) ||
		!strings.Contains(err.Error(), "2026-11-25T08:00:00Z") {
		t.Fatalf("second lock: %v; want ErrOutputLocked naming this pid and its start", err)
	}
	release()
	if _, err := os.Stat(filepath.Join(dir, lockFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("release left the lock file (%v)", err)
	}
	release2, _, err := lockOut(dir, checkedAt)
	if err != nil {
		t.Fatalf("locking after release: %v", err)
	}
	release2()
}

// deadPID is the pid of a process that has exited on this host.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.Pid()
}

func TestLockOutTakesOverOnlyADeadLocalAudit(t *testing.T) {
	host, _ := os.Hostname()
	for _, tc := range []struct {
		name   string
		holder lockHolder
		raw    string
		want   string // the notice; "" when the lock must be refused
	}{
		{name: "dead on this host", holder: lockHolder{PID: deadPID(t), Host: host, Started: checkedAt},
			want: "which is no longer running"},
		{name: "alive on this host", holder: lockHolder{PID: os.Getppid(), Host: host, Started: checkedAt}},
		{name: "on another host", holder: lockHolder{PID: deadPID(t), Host: "elsewhere.example", Started: checkedAt}},
		{name: "damaged", raw: "{\"pi", want: "unreadable lock file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, lockFile)
			if tc.raw != "" {
				if err := os.WriteFile(path, []byte(tc.raw), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if err := writeLock(path, tc.holder); err != nil {
				t.Fatal(err)
			}
			release, notice, err := lockOut(dir, time.Now())
			if tc.want == "" {
				if !errors.Is(err, ErrOutputLocked) || !strings.Contains(err.Error(), tc.holder.Host) {
					t.Fatalf("lock held by %+v: %v; want it refused, naming the host", tc.holder, err)
				}
				return
			}
			if err != nil || !strings.Contains(notice, tc.want) {
				t.Fatalf("notice %q, err %v; want %q", notice, err, tc.want)
			}
			defer release()
			if held, err := readLock(path); err != nil || held.PID != os.Getpid() {
				t.Errorf("after the takeover the lock holds %+v (%v), want this process", held, err)
			}
		})
	}
}

// A directory with only a stale lock in it is still a new audit's to claim.
func TestPrepareOutIgnoresItsOwnLock(t *testing.T) {
	dir := t.TempDir()
	release, _, err := prepareOut(dir, false, checkedAt)
	if err != nil {
		t.Fatal(err)
	}
	release()
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := prepareOut(other, false, checkedAt); err == nil || !strings.Contains(err.Error(), "not a dgcheck audit's") {
		t.Errorf("a folder of other files: %v", err)
	}
	if _, err := os.Stat(filepath.Join(other, lockFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused directory keeps the lock (%v)", err)
	}
}
