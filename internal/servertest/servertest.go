// Package servertest holds what the tests that start real database servers share: skipping
// when the server is not installed (failing under CI=true, where .ci/run installs it) and a
// data directory the server's own user may write.
package servertest

import (
	"os"
	"os/user"
	"strconv"
	"testing"
)

// Missing skips the test because what is named is not installed, or fails it under CI=true.
func Missing(t testing.TB, what, pkg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed, which .ci/run installs (%s)", what, pkg)
	}
	t.Skipf("%s is not installed (apt-get install %s): no server to test against", what, pkg)
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
