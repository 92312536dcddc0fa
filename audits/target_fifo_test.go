package audits

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe called like a dataset is that dataset's problem, found without opening it:
// opening a FIFO with no writer blocks forever, and so would the audit.
func TestFIFOInAFolderIsAProblemNotAHang(t *testing.T) {
	dir := tree(t, map[string]string{"roll.csv": "x\n1\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.csv"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan struct{})
	var tg *Target
	var err error
	go func() { tg, err = Resolve(dir, ResolveOptions{}); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Resolve blocked on a named pipe")
	}
	if err != nil {
		t.Fatal(err)
	}
	problems := map[string]string{}
	for _, d := range tg.Datasets {
		problems[d.Name] = d.Problem
	}
	if p := problems["pipe.csv"]; !strings.Contains(p, "pipe.csv") || !strings.Contains(p, "not a regular file") {
		t.Errorf("pipe.csv: problem %q, want it named as not a regular file", p)
	}
	if p, ok := problems["roll.csv"]; !ok || p != "" {
		t.Errorf("roll.csv: listed %v, problem %q; want it checked as usual", ok, p)
	}
}

// A manifest naming a FIFO is refused the same way.
func TestManifestNamingAFIFOIsAProblem(t *testing.T) {
	dir := tree(t, map[string]string{"audit.yaml": "datasets:\n  - path: pipe.csv\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.csv"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	tg, err := Resolve(filepath.Join(dir, "audit.yaml"), ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tg.Datasets) != 1 || !strings.Contains(tg.Datasets[0].Problem, "not a regular file") {
		t.Errorf("datasets %+v, want pipe.csv with a not-a-regular-file problem", tg.Datasets)
	}
}
