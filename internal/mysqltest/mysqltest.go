// Package mysqltest starts a real MariaDB server for tests: Debian's mariadb-server binaries
// (which .ci/run installs), a data directory in a temporary folder, reached only through a
// Unix socket. No mock: the tests read what a server sends.
package mysqltest

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/dgcheck/dgcheck/internal/servertest"
)

// Start starts a server for the test with an empty database dgtest, and returns its URL
// (mysql://root@/dgtest?socket=...), to which &table=... may be appended, and a handle on it.
// Without the binaries the test is skipped, except under CI=true, where their absence is a
// failure.
func Start(t testing.TB) (string, *sql.DB) {
	t.Helper()
	install, err1 := exec.LookPath("mariadb-install-db")
	server, err2 := exec.LookPath("mariadbd")
	if err2 != nil {
		server, err2 = exec.LookPath("/usr/sbin/mariadbd")
	}
	if err1 != nil || err2 != nil {
		servertest.Missing(t, "MariaDB's mariadb-install-db and mariadbd", "apt-get install mariadb-server")
	}
	dir, root := servertest.Dir(t, "mysql")
	args := []string{"--no-defaults"}
	if root {
		args = append(args, "--user=mysql")
	}
	data, socket := filepath.Join(dir, "data"), filepath.Join(dir, "mysqld.sock")
	init := exec.Command(install, append(args, "--datadir="+data, "--auth-root-authentication-method=normal", "--skip-test-db")...)
	if out, err := init.CombinedOutput(); err != nil {
		t.Fatalf("mariadb-install-db: %v\n%s", err, out)
	}
	log, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		t.Fatal(err)
	}
	srv := exec.Command(server, append(args, "--datadir="+data, "--socket="+socket, "--skip-networking",
		"--pid-file="+filepath.Join(dir, "mysqld.pid"), "--innodb-flush-log-at-trx-commit=0")...)
	srv.Stdout, srv.Stderr = log, log
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		srv.Process.Kill()
		srv.Wait()
		log.Close()
	})
	cfg := mysql.NewConfig()
	cfg.User, cfg.Net, cfg.Addr = "root", "unix", socket
	cfg.MultiStatements = true
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(connector)
	t.Cleanup(func() { db.Close() })
	for deadline := time.Now().Add(30 * time.Second); db.Ping() != nil; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(filepath.Join(dir, "server.log"))
			t.Fatalf("mariadbd did not answer on %s within 30 s:\n%s", socket, out)
		}
	}
	if _, err := db.Exec("CREATE DATABASE dgtest CHARACTER SET utf8mb4"); err != nil {
		t.Fatal(err)
	}
	return "mysql://root@/dgtest?socket=" + socket, db
}
