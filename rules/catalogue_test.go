package rules

import (
	"bufio"
	"context"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// catalogueFile is the project's catalogue of checkable requirements (STANDARDS.md §2), kept
// beside the repository in the workspace rather than in it: DGCHECK_STANDARDS names another.
const catalogueFile = "../../shared/STANDARDS.md"

// catalogueRow is a requirement row: "| ID | ... | severity | ... |", whose severity cell
// opens with a severity and may name others for other cases ("error / warning", "warning
// (error for export / open)", "error (CN-gov profile)").
var (
	catalogueRow = regexp.MustCompile(`^\| ([A-Z]+-\d{3}) \|`)
	severityCell = regexp.MustCompile(`^(error|warning|info)\b`)
	severityWord = regexp.MustCompile(`\b(error|warning|info)\b`)
)

// The built-in rules are the catalogue's requirements: each catalogue id has a rule of its
// severity, and each rule but dgcheck's own configuration checks (area config) a catalogue id.
// The rules themselves are the list: adding one touches only its folder, and this test holds
// it to the catalogue where the catalogue is at hand.
func TestRulesMatchTheStandardsCatalogue(t *testing.T) {
	path := os.Getenv("DGCHECK_STANDARDS")
	if path == "" {
		path = catalogueFile
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no catalogue at %s (set DGCHECK_STANDARDS to STANDARDS.md to compare the rules with it)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	severitiesOf := map[string][]string{}
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		m := catalogueRow.FindStringSubmatch(lines.Text())
		if m == nil {
			continue
		}
		for _, cell := range strings.Split(lines.Text(), "|") {
			if cell = strings.TrimSpace(cell); severityCell.MatchString(cell) {
				severitiesOf[m[1]] = severityWord.FindAllString(cell, -1)
			}
		}
	}
	if err := lines.Err(); err != nil {
		t.Fatal(err)
	}
	if len(severitiesOf) == 0 {
		t.Fatalf("%s: no requirement rows", path)
	}
	engine, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ruled := map[string]bool{}
	for _, r := range engine.Rules() {
		ruled[r.ID] = true
		want, listed := severitiesOf[r.ID]
		switch {
		case r.Area == "config":
		case !listed:
			t.Errorf("%s (%s) is not a requirement of %s", r.ID, r.Package, path)
		case !slices.Contains(want, string(r.Severity)):
			t.Errorf("%s: severity %s, the catalogue says %s", r.ID, r.Severity, strings.Join(want, " or "))
		}
	}
	for id := range severitiesOf {
		if !ruled[id] {
			t.Errorf("%s: the catalogue's requirement has no rule", id)
		}
	}
}
