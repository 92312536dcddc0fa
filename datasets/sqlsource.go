package datasets

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// Database tables as datasets: a URL names the server, the database and, in table=, the table
// (postgres.go, mysql.go). Each dialect runs one query whose values arrive as text, the form
// the table's CSV export holds, and sqlReader turns its rows into batches of text columns, as
// the CSV reader does: a table is profiled as its export would be. A dialect is one file: its
// URL scheme in databaseSchemes and an opener returning textRows.

// textRows are a query's rows, each value as the server's text (nil: NULL).
type textRows interface {
	Next() bool
	Values() ([][]byte, error)
	Err() error
	Close() error
}

// databaseSchemes are the URL schemes of the dialects, and their openers.
var databaseSchemes = map[string]func(ctx context.Context, raw string, c config) (Reader, error){
	"postgres":   openPostgres,
	"postgresql": openPostgres,
	"mysql":      openMySQL,
}

// IsDatabaseURL reports whether path names a database table rather than a file.
func IsDatabaseURL(path string) bool {
	scheme, _, ok := strings.Cut(path, "://")
	return ok && databaseSchemes[scheme] != nil
}

func openDatabase(ctx context.Context, raw string, c config) (Reader, error) {
	scheme, _, _ := strings.Cut(raw, "://")
	return databaseSchemes[scheme](ctx, raw, c)
}

// RedactURL is a database URL as it may be printed: without its password.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(a database URL that does not parse)"
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// redactErr keeps a password out of an error that quotes the connection string.
func redactErr(err error, raw string) error {
	u, perr := url.Parse(raw)
	if perr != nil {
		return err
	}
	if pw, has := u.User.Password(); has && pw != "" && strings.Contains(err.Error(), pw) {
		return errors.New(strings.ReplaceAll(err.Error(), pw, "xxxxx"))
	}
	return err
}

// tableURL parses a table URL and takes its table= parameter out of it.
func tableURL(raw string) (u *url.URL, table string, err error) {
	u, err = url.Parse(raw)
	if err != nil {
		return nil, "", errors.New("not a database URL")
	}
	q := u.Query()
	table = q.Get("table")
	if table == "" {
		return nil, "", errors.New("no table: name it with ?table=schema.name")
	}
	q.Del("table")
	u.RawQuery = q.Encode()
	return u, table, nil
}

// sqlReader batches a query's text rows into text columns.
type sqlReader struct {
	rows    textRows
	schema  *arrow.Schema
	columns []*textColumn
	batchN  int
	row     int64
	src     Source
	batch   Batch
	err     error
}

// newSQLReader reads rows, whose columns are named names, as the dataset src.
func newSQLReader(rows textRows, names []string, src Source, c config) (Reader, error) {
	if len(names) > MaxColumns {
		rows.Close()
		return nil, &ParseError{File: src.Path, Err: tooManyColumns(len(names))}
	}
	r := &sqlReader{rows: rows, src: src}
	namer := columnNamer{field: "column", fieldZh: "列", seen: map[string]int{}}
	fields := make([]arrow.Field, len(names))
	for i, name := range names {
		n := namer.name(i, name, &r.src.HeaderIssues)
		r.src.Columns = append(r.src.Columns, n)
		fields[i] = arrow.Field{Name: n, Type: arrow.BinaryTypes.String, Nullable: true}
		r.columns = append(r.columns, newTextColumn(c.mem))
	}
	r.schema = arrow.NewSchema(fields, nil)
	r.batchN = batchRows(c.batchSize, len(fields))
	return r, nil
}

func (r *sqlReader) Source() *Source { return &r.src }
func (r *sqlReader) Batch() Batch    { return r.batch }
func (r *sqlReader) Err() error      { return r.err }

func (r *sqlReader) Next() bool {
	r.batch = Batch{}
	if r.err != nil {
		return false
	}
	for _, c := range r.columns {
		c.reset(r.batchN)
	}
	first, n := r.row+1, 0
	for n < r.batchN && r.rows.Next() {
		values, err := r.rows.Values()
		if err != nil {
			r.err = &ParseError{File: r.src.Path, Err: fmt.Errorf("reading row %d: %w", r.row+1, err)}
			break
		}
		for i, v := range values {
			if v == nil {
				r.columns[i].appendNull()
			} else {
				r.columns[i].append(string(v))
			}
		}
		r.row++
		n++
	}
	if err := r.rows.Err(); err != nil && r.err == nil {
		r.err = &ParseError{File: r.src.Path, Err: fmt.Errorf("reading row %d: %w", r.row+1, err)}
	}
	if r.err != nil || n == 0 {
		for _, c := range r.columns {
			c.release()
		}
		return false
	}
	rec := finishBatch(r.schema, r.columns, n)
	r.src.Rows = r.row
	r.batch = Batch{Record: rec, FirstRow: first}
	return true
}

func (r *sqlReader) Close() error { return r.rows.Close() }
