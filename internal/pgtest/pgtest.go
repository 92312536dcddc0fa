// Package pgtest starts a real PostgreSQL server for tests: the system's own binaries (Debian's
// postgresql package, which .ci/run installs), a cluster in a temporary directory, reached only
// through a Unix socket. No mock: the tests read what a server sends.
package pgtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/dgcheck/dgcheck/internal/servertest"
)

// Start starts a server for the test and returns the URL of its postgres database, to which
// ?table=... or &... may be appended. Without the binaries the test is skipped, except under
// CI=true, where their absence is a failure.
func Start(t testing.TB) string {
	t.Helper()
	bin := binDir()
	if bin == "" {
		servertest.Missing(t, "PostgreSQL's initdb and pg_ctl", "apt-get install postgresql")
	}
	dir, root := servertest.Dir(t, "postgres")
	var as []string
	if root {
		as = []string{"runuser", "-u", "postgres", "--"}
	}
	run := func(name string, args ...string) {
		t.Helper()
		argv := append(append(as, filepath.Join(bin, name)), args...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
			t.Fatalf("%s: %v\n%s\n%s", name, err, out, log)
		}
	}
	data := filepath.Join(dir, "data")
	run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
	run("pg_ctl", "-D", data, "-w", "-l", filepath.Join(dir, "server.log"),
		"-o", fmt.Sprintf("-c listen_addresses='' -k %s -p 5432 -c fsync=off", dir), "start")
	t.Cleanup(func() {
		argv := append(append(as, filepath.Join(bin, "pg_ctl")), "-D", data, "-m", "immediate", "stop")
		exec.Command(argv[0], argv[1:]...).Run()
	})
	return "postgres://postgres@/postgres?host=" + dir + "&port=5432"
}

// binDir is where initdb and pg_ctl are: on PATH, else Debian's versioned folder.
func binDir() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p)
		}
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) == 0 {
		return ""
	}
	return filepath.Dir(matches[len(matches)-1])
}
