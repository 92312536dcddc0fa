package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/internal/synth"
)

func TestBadFlagsExit2(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-rows", "many"},
		{"-rows", "-5"},
		{"-seed", "1.5"},
		{"-nosuchflag"},
		{"-o", filepath.Join(dir, "roll.xlsx")},
		{"-o", filepath.Join(dir, "roll")},
		{"-rows", "3"}, // too few rows for one of each defect after the always-sound first row
		{"extra"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
		if stdout.Len() != 0 || !strings.Contains(stderr.String(), "usage: dgsynth") {
			t.Errorf("%q: stdout %q, stderr %q; want nothing written and the usage shown", args, stdout.String(), stderr.String())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a rejected run left %d files behind", len(entries))
	}
}

func TestWritesTheSynthOutput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args  []string
		path  string // "" for stdout
		write func(io.Writer, synth.Config) (synth.Stats, error)
		cfg   synth.Config
	}{
		{[]string{"-rows", "500", "-seed", "3"}, "", synth.WriteCSV, synth.Defective(500, 3)},
		{[]string{"-rows", "500", "-seed", "3", "-clean", "-o", filepath.Join(dir, "a.csv")}, filepath.Join(dir, "a.csv"), synth.WriteCSV, synth.Clean(500, 3)},
		{[]string{"-rows", "500", "-o", filepath.Join(dir, "b.PARQUET")}, filepath.Join(dir, "b.PARQUET"), synth.WriteParquet, synth.Defective(500, 2025)},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tc.args, &stdout, &stderr); code != exitOK {
			t.Fatalf("%q: exit %d: %s", tc.args, code, stderr.String())
		}
		got := stdout.Bytes()
		if tc.path != "" {
			var err error
			if got, err = os.ReadFile(tc.path); err != nil {
				t.Fatal(err)
			}
		}
		var want bytes.Buffer
		wantStats, err := tc.write(&want, tc.cfg)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%q: output differs from synth's", tc.args)
		}
		if strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%q: stderr is not one line: %q", tc.args, stderr.String())
		}
		var stats synth.Stats
		if err := json.Unmarshal(stderr.Bytes(), &stats); err != nil || stats != wantStats {
			t.Errorf("%q: stderr %q, want the Stats %+v", tc.args, stderr.String(), wantStats)
		}
	}
}

func TestUnwritableOutputExit1(t *testing.T) {
	var stdout, stderr bytes.Buffer
	path := filepath.Join(t.TempDir(), "missing", "roll.csv")
	if code := run([]string{"-o", path}, &stdout, &stderr); code != exitWrite {
		t.Fatalf("exit %d, want %d: %s", code, exitWrite, stderr.String())
	}
}
