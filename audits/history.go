package audits

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"time"

	// The pure-Go SQLite driver: no cgo, so dgcheck still cross-compiles to one static binary.
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dgcheck/dgcheck/reports"
)

// historySchema is the history database's layout. user_version numbers it, so that a later
// dgcheck can tell an older database and migrate it rather than misread it.
const historySchema = `
CREATE TABLE IF NOT EXISTS audits (
	id INTEGER PRIMARY KEY,
	started TEXT NOT NULL,
	ended TEXT NOT NULL,
	version TEXT NOT NULL,
	rules_digest TEXT NOT NULL,
	config_digest TEXT NOT NULL,
	target TEXT NOT NULL,
	fail_on TEXT NOT NULL,
	datasets INTEGER NOT NULL,
	conformant INTEGER NOT NULL,
	nonconformant INTEGER NOT NULL,
	errors INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS results (
	audit_id INTEGER NOT NULL REFERENCES audits(id),
	dataset TEXT NOT NULL,
	status TEXT NOT NULL,
	failing INTEGER NOT NULL,
	findings INTEGER NOT NULL,
	overall REAL,
	grade TEXT,
	error TEXT NOT NULL,
	PRIMARY KEY (audit_id, dataset)
);
CREATE TABLE IF NOT EXISTS area_findings (
	audit_id INTEGER NOT NULL REFERENCES audits(id),
	dataset TEXT NOT NULL,
	area TEXT NOT NULL,
	findings INTEGER NOT NULL,
	PRIMARY KEY (audit_id, dataset, area)
);
CREATE TABLE IF NOT EXISTS indicator_scores (
	audit_id INTEGER NOT NULL REFERENCES audits(id),
	dataset TEXT NOT NULL,
	indicator TEXT NOT NULL,
	score REAL NOT NULL,
	PRIMARY KEY (audit_id, dataset, indicator)
);
PRAGMA user_version = 1;
`

// historyFindings is version 2's addition: each dataset's findings, so that an audit can be
// compared with the previous one (PreviousAudit) as with a --baseline portfolio. Audits
// appended by version 1 have none recorded; findings_recorded lists those that do, so that
// "no finding" is not read as "fixed".
const historyFindings = `
CREATE TABLE IF NOT EXISTS findings (
	audit_id INTEGER NOT NULL REFERENCES audits(id),
	dataset TEXT NOT NULL,
	rule TEXT NOT NULL,
	title TEXT NOT NULL,
	standard TEXT NOT NULL,
	clause TEXT NOT NULL,
	area TEXT NOT NULL,
	severity TEXT NOT NULL,
	column_name TEXT NOT NULL,
	message TEXT NOT NULL,
	a INTEGER,
	b INTEGER,
	x REAL,
	waived INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS findings_recorded (audit_id INTEGER PRIMARY KEY REFERENCES audits(id));
PRAGMA user_version = 2;
`

const historyVersion = 2

// openHistory opens (creating when create is set) a history database and checks its version.
func openHistory(ctx context.Context, path string, create bool) (*sql.DB, error) {
	if !create {
		if _, err := os.Stat(path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	switch version {
	case historyVersion:
	case 0, 1:
		// A new database gets every table; one of version 1 gets the findings' (its audits
		// keep none).
		schema := historyFindings
		if version == 0 {
			schema = historySchema + historyFindings
		}
		if _, err := db.ExecContext(ctx, schema); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: creating the history tables: %w", path, err)
		}
	default:
		db.Close()
		return nil, fmt.Errorf("%s: history database version %d; this dgcheck reads version %d", path, version, historyVersion)
	}
	return db, nil
}

// AppendHistory appends the audit's summary to the history database at path, creating it:
// the audit, and per dataset its status, finding counts per area and indicator scores. It is
// one transaction, so an interrupted append leaves no half audit.
func AppendHistory(ctx context.Context, path string, p *Portfolio) (err error) {
	db, err := openHistory(ctx, path, true)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, db.Close()) }()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	s, st := p.Summary, p.Stamp
	res, err := tx.ExecContext(ctx, `INSERT INTO audits (started, ended, version, rules_digest, config_digest,
		target, fail_on, datasets, conformant, nonconformant, errors) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		st.Started, st.Ended, st.Version, st.RulesDigest, st.ConfigDigest, st.Target, string(st.FailOn),
		s.Datasets, s.Conformant, s.NonConformant, s.Errors)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for _, e := range p.Datasets {
		failing := 0
		if e.Verdict != nil {
			failing = e.Verdict.Failing
		}
		var overall sql.NullFloat64
		var grade sql.NullString
		if e.Scores != nil {
			overall = sql.NullFloat64{Float64: e.Scores.Overall, Valid: true}
			grade = sql.NullString{String: e.Scores.Grade, Valid: true}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO results VALUES (?,?,?,?,?,?,?,?)`,
			id, e.Dataset, string(e.Status), failing, len(e.Findings), overall, grade, e.Error); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if e.Summary != nil {
			for area, n := range e.Summary.ByArea {
				if _, err := tx.ExecContext(ctx, `INSERT INTO area_findings VALUES (?,?,?,?)`, id, e.Dataset, area, n); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
			}
		}
		if e.Scores != nil {
			for ind, score := range e.Scores.Indicators {
				if _, err := tx.ExecContext(ctx, `INSERT INTO indicator_scores VALUES (?,?,?,?)`, id, e.Dataset, ind, score.Score); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
			}
		}
		for _, f := range e.Findings {
			var a, b sql.NullInt64
			var x sql.NullFloat64
			if m := f.Measure; m != nil {
				a, b, x = sql.NullInt64{Int64: m.A, Valid: true}, sql.NullInt64{Int64: m.B, Valid: true}, sql.NullFloat64{Float64: m.X, Valid: true}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, id, e.Dataset, f.ID, f.Title,
				f.Standard, f.Clause, f.Area, string(f.Severity), f.Column, f.Message, a, b, x, f.Waived); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO findings_recorded VALUES (?)`, id); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return tx.Commit()
}

// PreviousAudit is the last audit of target in the history at path whose findings were
// recorded, as a portfolio of its datasets' statuses and findings, to compare an audit with
// when no --baseline is given; nil when there is none (or no history yet).
func PreviousAudit(ctx context.Context, path, target string) (_ *Portfolio, err error) {
	db, err := openHistory(ctx, path, false)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, db.Close()) }()
	var id int64
	p := &Portfolio{SchemaVersion: PortfolioSchemaVersion}
	err = db.QueryRowContext(ctx, `SELECT a.id, a.started FROM audits a JOIN findings_recorded r ON r.audit_id = a.id
		WHERE a.target = ? ORDER BY a.started DESC, a.id DESC LIMIT 1`, target).Scan(&id, &p.Stamp.Started)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	rows, err := db.QueryContext(ctx, `SELECT dataset, status FROM results WHERE audit_id = ? ORDER BY dataset`, id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	at := map[string]int{}
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.Dataset, &e.Status); err != nil {
			rows.Close()
			return nil, err
		}
		at[e.Dataset] = len(p.Datasets)
		p.Datasets = append(p.Datasets, e)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	rows, err = db.QueryContext(ctx, `SELECT dataset, rule, title, standard, clause, area, severity, column_name, message, a, b, x, waived
		FROM findings WHERE audit_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var dataset string
		var f Finding
		var a, b sql.NullInt64
		var x sql.NullFloat64
		if err := rows.Scan(&dataset, &f.ID, &f.Title, &f.Standard, &f.Clause, &f.Area, &f.Severity, &f.Column, &f.Message, &a, &b, &x, &f.Waived); err != nil {
			return nil, err
		}
		if x.Valid {
			f.Measure = &reports.Measure{A: a.Int64, B: b.Int64, X: x.Float64}
		}
		if i, ok := at[dataset]; ok {
			p.Datasets[i].Findings = append(p.Datasets[i].Findings, f)
		}
	}
	return p, rows.Err()
}

// Trend is one dataset's results over the audits in a history, oldest first.
type Trend struct {
	Dataset string  `json:"dataset"`
	Points  []Point `json:"points"`
}

// Point is one dataset in one audit.
type Point struct {
	Audit    int64              `json:"audit"`
	Started  string             `json:"started"`
	Status   Status             `json:"status"`
	Failing  int                `json:"failing"`
	Findings int                `json:"findings"`
	ByArea   map[string]int     `json:"by_area"`
	Overall  *float64           `json:"overall,omitempty"`
	Grade    string             `json:"grade,omitempty"`
	Scores   map[string]float64 `json:"scores,omitempty"`
	Error    string             `json:"error,omitempty"`
}

// lastAudits selects the ids of the last ? audits by start.
const lastAudits = `(SELECT id FROM audits ORDER BY started DESC, id DESC LIMIT ?)`

// HistoryQuery selects trends: datasets whose names match Dataset (a glob, "**" for any
// depth; "" for all), over the Last audits (0 for all).
type HistoryQuery struct {
	Dataset string
	Last    int
}

// ErrHistoryDamaged is a history database SQLite cannot read: truncated, overwritten, or not
// a database at all.
var ErrHistoryDamaged = errors.New("the history database is damaged")

// damaged reports whether err is SQLite's word that the file is not a readable database.
func damaged(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// RecordHistory appends the audit to the history at path as AppendHistory does, but never
// fails the audit: the verdict and the portfolio stand whatever happens to the history, and
// what did happen is in the notices. A damaged database is moved aside to
// <path>.corrupt-<time> and a new one is started, so that the next audit's trends begin again
// rather than every audit failing on it.
func RecordHistory(ctx context.Context, path string, p *Portfolio, now time.Time) (notices []string) {
	err := AppendHistory(ctx, path, p)
	if err == nil {
		return nil
	}
	if !damaged(err) {
		return []string{fmt.Sprintf("the audit was not appended to the history %s: %v", path, err)}
	}
	aside := path + ".corrupt-" + now.UTC().Format("20060102T150405Z")
	if err := os.Rename(path, aside); err != nil {
		return []string{fmt.Sprintf("the history %s is damaged and could not be moved aside (%v): the audit was not appended to it", path, err)}
	}
	// A journal left beside the damaged file belongs to it, not to the new database.
	for _, suffix := range []string{"-journal", "-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			os.Rename(path+suffix, aside+suffix)
		}
	}
	notices = append(notices, fmt.Sprintf("the history %s was damaged (%v): it was moved aside to %s and a new history was started", path, err, aside))
	if err := AppendHistory(ctx, path, p); err != nil {
		notices = append(notices, fmt.Sprintf("the audit was not appended to the new history %s either: %v", path, err))
	}
	return notices
}

// historyTrend is the portfolio's trend from the history at path, which the audit has just
// been appended to; nil when it cannot be read (RecordHistory's notices say why).
func historyTrend(ctx context.Context, path string) *TrendView {
	trends, err := ReadHistory(ctx, path, HistoryQuery{Last: trendAudits})
	if err != nil {
		return nil
	}
	return trendOf(trends)
}

// ReadHistory reads per-dataset trends from the history database at path.
func ReadHistory(ctx context.Context, path string, q HistoryQuery) (trends []Trend, err error) {
	defer func() {
		if damaged(err) {
			err = fmt.Errorf("%w: %s (%v). The next audit into its directory moves it aside to history.db.corrupt-<time> "+
				"and starts a new one; to start afresh now, move it aside yourself; its earlier trends may be "+
				"recoverable with sqlite3's .recover", ErrHistoryDamaged, path, err)
		}
	}()
	db, err := openHistory(ctx, path, false)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no history yet (an audit writes it into its output directory)", path)
	}
	if err != nil {
		return nil, err
	}
	defer db.Close()

	var pattern []string
	if q.Dataset != "" {
		pattern = strings.Split(q.Dataset, "/")
	}
	// The audits to show: the last q.Last by start; SQLite reads a negative LIMIT as none.
	limit := -1
	if q.Last > 0 {
		limit = q.Last
	}
	points := map[string][]Point{}
	index := map[[2]any]*Point{}
	rows, err := db.QueryContext(ctx, `SELECT a.id, a.started, r.dataset, r.status, r.failing, r.findings, r.overall, r.grade, r.error
		FROM results r JOIN audits a ON a.id = r.audit_id WHERE a.id IN `+lastAudits+`
		ORDER BY r.dataset, a.started, a.id`, limit)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var pt Point
		var name string
		var overall sql.NullFloat64
		var grade sql.NullString
		if err := rows.Scan(&pt.Audit, &pt.Started, &name, &pt.Status, &pt.Failing, &pt.Findings, &overall, &grade, &pt.Error); err != nil {
			rows.Close()
			return nil, err
		}
		if pattern != nil && !matchSegments(pattern, strings.Split(name, "/")) {
			continue
		}
		if overall.Valid {
			pt.Overall = &overall.Float64
		}
		pt.Grade = grade.String
		pt.ByArea = map[string]int{}
		points[name] = append(points[name], pt)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	for name, ps := range points {
		for i := range ps {
			index[[2]any{ps[i].Audit, name}] = &ps[i]
		}
	}
	if err := fillPoints(ctx, db, limit, `SELECT audit_id, dataset, area, findings FROM area_findings WHERE audit_id IN `+lastAudits, index,
		func(p *Point, key string, v float64) { p.ByArea[key] = int(v) }); err != nil {
		return nil, err
	}
	if err := fillPoints(ctx, db, limit, `SELECT audit_id, dataset, indicator, score FROM indicator_scores WHERE audit_id IN `+lastAudits, index,
		func(p *Point, key string, v float64) {
			if p.Scores == nil {
				p.Scores = map[string]float64{}
			}
			p.Scores[key] = v
		}); err != nil {
		return nil, err
	}
	trends = make([]Trend, 0, len(points))
	for name, ps := range points {
		trends = append(trends, Trend{Dataset: name, Points: ps})
	}
	slices.SortFunc(trends, func(a, b Trend) int { return cmp.Compare(a.Dataset, b.Dataset) })
	return trends, nil
}

// fillPoints adds the (audit, dataset, key, value) rows of a query to the points they belong to.
func fillPoints(ctx context.Context, db *sql.DB, limit int, query string, index map[[2]any]*Point, set func(*Point, string, float64)) error {
	rows, err := db.QueryContext(ctx, query, limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var audit int64
		var name, key string
		var v float64
		if err := rows.Scan(&audit, &name, &key, &v); err != nil {
			return err
		}
		if p := index[[2]any{audit, name}]; p != nil {
			set(p, key, v)
		}
	}
	return rows.Err()
}
