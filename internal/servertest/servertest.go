// Package servertest holds what the tests that start real servers share: skipping
// when the server is not installed (failing under CI=true, where .ci/run installs it) and a
// data directory the server's own user may write.
package servertest

import (
	"os"
	"os/user"
	"strconv"
	"testing"
)

// Missing skips the test because what is named is not installed, or fails it under CI=true;
// install is the command that installs it.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed, which .ci/run installs (%s)", what, install)
	}
	t.Skipf("%s is not installed (%s): no server to test against", what, install)
}

// Dir is a new temporary directory for a server's data, removed after the test. Servers will
// not run as root: when the test is root, the directory belongs to account (the user the
// Debian package makes) and runAs is true, for the caller to start the server as it.
func Dir(t testing.TB, account string) (dir string, runAs bool) {
	t.Helper()
	dir, err := os.MkdirTemp("", "dgcheck-"+account+"-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() != 0 {
		return dir, false
	}
	u, err := user.Lookup(account)
	if err != nil {
		t.Fatalf("running as root, and no %s user to run the server as: %v", account, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		t.Fatal(err)
	}
	return dir, true
}
