// Package pgtest starts a real PostgreSQL server for tests: the system's own binaries (Debian's
// postgresql package, which .ci/run installs), a cluster in a temporary directory, reached only
// through a Unix socket. No mock: the tests read what a server sends.
package pgtest

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
)

// Start starts a server for the test and returns the URL of its postgres database, to which
// ?table=... or &... may be appended. Without the binaries the test is skipped, except under
// CI=true, where their absence is a failure.
func Start(t testing.TB) string {
	t.Helper()
	bin := binDir()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PostgreSQL's initdb and pg_ctl are not installed, which .ci/run installs (postgresql)")
		}
		t.Skip("PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql): no server to test against")
	}
	dir, err := os.MkdirTemp("", "dgcheck-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// initdb refuses to run as root: run the server as the postgres user the package makes.
	var as []string
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("running as root, and no postgres user to run the server as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
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
