package audits

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

func TestHistoryTrends(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), HistoryFile)
	if _, err := ReadHistory(ctx, db, HistoryQuery{}); err == nil || !strings.Contains(err.Error(), "no history yet") {
		t.Errorf("reading a history that does not exist: %v", err)
	}

	// Three audits: the golden portfolio, then one where roll-002 was repaired, then one
	// where roll-001 could not be read.
	first := goldenPortfolio()
	second := goldenPortfolio()
	second.Stamp.Started = "2026-12-25T08:00:00Z"
	second.Datasets[1].Status, second.Datasets[1].Findings = Conformant, nil
	second.Datasets[1].Verdict = &reports.Verdict{Conformant: true, FailOn: reports.Error}
	second.Datasets[1].Summary = &reports.Summary{ByArea: map[string]int{}}
	third := goldenPortfolio()
	third.Stamp.Started = "2027-01-25T08:00:00Z"
	third.Datasets[0] = Entry{Dataset: third.Datasets[0].Dataset, Status: Failed, Error: "truncated"}
	for _, p := range []*Portfolio{first, second, third} {
		if err := AppendHistory(ctx, db, p); err != nil {
			t.Fatal(err)
		}
	}

	trends, err := ReadHistory(ctx, db, HistoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(trends) != 4 {
		t.Fatalf("%d datasets in the history, want 4", len(trends))
	}
	roll1, roll2 := trends[0], trends[1]
	if roll1.Dataset != "bureau-01/roll-001.csv" || len(roll1.Points) != 3 {
		t.Fatalf("first trend %+v", roll1)
	}
	p0 := roll1.Points[0]
	if p0.Status != Conformant || p0.Overall == nil || *p0.Overall != 92.5 || p0.Grade != "A" ||
		p0.Scores["accuracy"] != 85.5 || p0.ByArea["quality"] != 1 || p0.Started != "2026-11-25T08:00:00Z" {
		t.Errorf("roll-001 in the first audit: %+v", p0)
	}
	if p2 := roll1.Points[2]; p2.Status != Failed || p2.Error != "truncated" || p2.Overall != nil {
		t.Errorf("roll-001 in the third audit: %+v", p2)
	}
	var failing []int
	for _, p := range roll2.Points {
		failing = append(failing, p.Failing)
	}
	if len(failing) != 3 || failing[0] != 2 || failing[1] != 0 || roll2.Points[0].ByArea["release"] != 1 || len(roll2.Points[1].ByArea) != 0 {
		t.Errorf("roll-002 over time: failing %v, areas %v then %v", failing, roll2.Points[0].ByArea, roll2.Points[1].ByArea)
	}

	// The portfolio's trend lays the same history out by audit.
	tr := historyTrend(ctx, db)
	if tr == nil || len(tr.Audits) != 3 || len(tr.Datasets) != 4 {
		t.Fatalf("trend: %+v", tr)
	}
	if a := tr.Audits; a[0] != (AuditPoint{Started: "2026-11-25T08:00:00Z", Datasets: 4, Conformant: 1, Unchecked: 1}) ||
		a[1].Conformant != 2 || a[2] != (AuditPoint{Started: "2027-01-25T08:00:00Z", Datasets: 4, Conformant: 0, Unchecked: 2}) {
		t.Errorf("the catalogue over time: %+v", a)
	}
	var series []string
	for _, f := range tr.Datasets[1].Failing {
		if f == nil {
			series = append(series, "-")
		} else {
			series = append(series, strconv.Itoa(*f))
		}
	}
	if tr.Datasets[1].Dataset != "bureau-02/roll-002.parquet" || strings.Join(series, " ") != "2 0 2" {
		t.Errorf("roll-002's trend: %s %v", tr.Datasets[1].Dataset, series)
	}
	if f := tr.Datasets[0].Failing; f[2] != nil {
		t.Errorf("roll-001 could not be read in the third audit, but its trend has %d failing", *f[2])
	}

	last, err := ReadHistory(ctx, db, HistoryQuery{Dataset: "bureau-0[12]/**", Last: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(last) != 2 || len(last[0].Points) != 2 || last[0].Points[0].Started != "2026-12-25T08:00:00Z" {
		t.Errorf("the last two audits of two bureaus: %+v", last)
	}

	// A database from a future dgcheck is refused, not misread.
	if err := os.WriteFile(db, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	future, err := openHistory(ctx, db, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := future.Exec("PRAGMA user_version = 7"); err != nil {
		t.Fatal(err)
	}
	future.Close()
	if _, err := ReadHistory(ctx, db, HistoryQuery{}); err == nil || !strings.Contains(err.Error(), "version 7") {
		t.Errorf("a version-7 history: %v", err)
	}
}

// A damaged history never fails the audit: it is moved aside, a new one is started, and the
// notices say both; reading it says what was found and how to recover.
func TestRecordHistoryMovesADamagedDatabaseAside(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, db string)
	}{
		{"garbage", func(t *testing.T, db string) {
			if err := os.WriteFile(db, []byte(strings.Repeat("not a database ", 400)), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"truncated", func(t *testing.T, db string) {
			if err := AppendHistory(ctx, db, goldenPortfolio()); err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			// Keep the header page and cut into the second: the tables it names are gone.
			if err := os.WriteFile(db, raw[:len(raw)/2+100], 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), HistoryFile)
			tc.damage(t, db)
			damagedBytes, _ := os.ReadFile(db)
			if _, err := ReadHistory(ctx, db, HistoryQuery{}); !errors.Is(err, ErrHistoryDamaged) ||
				!strings.Contains(err.Error(), "moves it aside") {
				t.Errorf("reading the damaged history: %v; want ErrHistoryDamaged with the way forward", err)
			}
			notices := RecordHistory(ctx, db, goldenPortfolio(), checkedAt)
			aside := db + ".corrupt-20261125T080000Z"
			if len(notices) != 1 || !strings.Contains(notices[0], "moved aside to "+aside) || !strings.Contains(notices[0], "a new history was started") {
				t.Fatalf("notices %q", notices)
			}
			if kept, err := os.ReadFile(aside); err != nil || string(kept) != string(damagedBytes) {
				t.Errorf("the damaged database was not kept as it was at %s (%v)", aside, err)
			}
			trends, err := ReadHistory(ctx, db, HistoryQuery{})
			if err != nil || len(trends) != 4 || len(trends[0].Points) != 1 {
				t.Errorf("the new history: %d trends, %v; want the one audit just recorded", len(trends), err)
			}
		})
	}
}

// A history that cannot be written for another reason (a directory in its place) is a notice
// too, and nothing is moved.
func TestRecordHistoryReportsAnUnwritableHistory(t *testing.T) {
	db := filepath.Join(t.TempDir(), HistoryFile)
	if err := os.Mkdir(db, 0o755); err != nil {
		t.Fatal(err)
	}
	notices := RecordHistory(context.Background(), db, goldenPortfolio(), checkedAt)
	if len(notices) != 1 || !strings.Contains(notices[0], "was not appended to the history "+db) {
		t.Errorf("notices %q", notices)
	}
	if st, err := os.Stat(db); err != nil || !st.IsDir() {
		t.Errorf("the directory in the history's place was moved (%v)", err)
	}
}
