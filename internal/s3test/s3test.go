// Package s3test starts a real S3-compatible server for tests: versitygw (github.com/versity/
// versitygw, Apache 2.0), a gateway that serves a folder of the local filesystem over the S3
// protocol, which .ci/run builds from the Go module proxy. No mock: the tests read what a
// server sends, through the AWS SDK as a user's run does.
package s3test

import (
	"context"
	"fmt"
	"go/build"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/dgcheck/dgcheck/internal/servertest"
)

// Version is the versitygw release .ci/run installs.
const Version = "v1.8.0"

// Server is a running gateway: its endpoint, the root account's keys, and a client for
// setting up buckets and objects.
type Server struct {
	Endpoint      string
	Access        string
	Secret        string
	Client        *s3.Client
	root, sidecar string
}

// Start starts a gateway on a free loopback port over a temporary folder, stopped when the
// test ends. Without the binary the test is skipped, except under CI=true, where its absence
// is a failure.
func Start(t testing.TB) *Server {
	t.Helper()
	bin := binary()
	if bin == "" {
		servertest.Missing(t, "versitygw", "go install github.com/versity/versitygw/cmd/versitygw@"+Version)
	}
	dir := t.TempDir()
	s := &Server{Access: "dgcheck-test", Secret: "dgcheck-test-secret",
		root: filepath.Join(dir, "root"), sidecar: filepath.Join(dir, "meta")}
	for _, d := range []string{s.root, s.sidecar} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	addr := freePort(t)
	s.Endpoint = "http://" + addr
	log, err := os.Create(filepath.Join(dir, "gateway.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	// Metadata in a sidecar folder rather than extended attributes, which a test's temporary
	// filesystem may not support.
	cmd := exec.Command(bin, "--access", s.Access, "--secret", s.Secret, "--port", addr, "--quiet",
		"posix", "--sidecar", s.sidecar, s.root)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting versitygw: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(log.Name())
			t.Fatalf("versitygw did not listen on %s: %v\n%s", addr, err, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.Client = s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(s.Endpoint), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(s.Access, s.Secret, "")})
	return s
}

// Env points the AWS SDK of the process at the server for the test: its endpoint and the
// root account's keys, through the variables a user sets.
func (s *Server) Env(t testing.TB) {
	t.Helper()
	t.Setenv("AWS_ENDPOINT_URL_S3", s.Endpoint)
	t.Setenv("AWS_ACCESS_KEY_ID", s.Access)
	t.Setenv("AWS_SECRET_ACCESS_KEY", s.Secret)
	t.Setenv("AWS_REGION", "us-east-1")
	// No shared files of the machine's user: the test sees only what it sets.
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

// Upload makes bucket and puts every file under dir in it, keyed by its path under dir after
// prefix.
func (s *Server) Upload(t testing.TB, bucket, prefix, dir string) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: &bucket}); err != nil && !strings.Contains(err.Error(), "BucketAlreadyOwnedByYou") {
		t.Fatalf("creating bucket %s: %v", bucket, err)
	}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		key := prefix + filepath.ToSlash(rel)
		if _, err := s.Client.PutObject(ctx, &s3.PutObjectInput{Bucket: &bucket, Key: &key, Body: f}); err != nil {
			return fmt.Errorf("putting %s: %w", key, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// binary is versitygw's path: on PATH, else in Go's bin folder, where .ci/run installs it.
func binary() string {
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p
	}
	p := filepath.Join(build.Default.GOPATH, "bin", "versitygw")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

// freePort is a loopback address no one listens on now.
func freePort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
