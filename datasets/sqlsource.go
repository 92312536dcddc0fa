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
// URL scheme in databaseSchemes and an opener returning a tableConn; what is read, and in
// which order, is the same for every dialect (readTable).

// textRows are a query's rows, each value as the server's text (nil: NULL).
type textRows interface {
	Next() bool
	Values() ([][]byte, error)
	Err() error
	Close() error
}

// tableConn is one dialect's connection to one table.
type tableConn interface {
	// table is the table's name quoted for a query; quote quotes a column's name.
	table() string
	quote(column string) string
	// primaryKey is the table's primary key's columns in the key's order; none without one.
	primaryKey(ctx context.Context) ([]string, error)
	// count runs a query whose one row is one integer.
	count(ctx context.Context, query string) (int64, error)
	// rows runs the query that reads the table, with its columns' names; closing the rows
	// closes the connection.
	rows(ctx context.Context, query string) (textRows, []string, error)
	Close() error
}

// readTable reads the table conn is connected to. A table with a primary key is read in the
// key's order, so that its row numbers (the findings' samples) are the same at every check;
// one without is read in the order the server returns it. A part (WithPart) is the part-th of
// parts ranges of the key's order, numbered as rows of the whole.
func readTable(ctx context.Context, conn tableConn, src Source, c config) (Reader, error) {
	fail := func(err error) (Reader, error) {
		conn.Close()
		return nil, fmt.Errorf("%s: reading %s: %w", src.Path, src.Name, err)
	}
	key, err := conn.primaryKey(ctx)
	if err != nil {
		return fail(err)
	}
	query := "SELECT * FROM " + conn.table()
	var first int64  // rows before the part
	if c.parts > 0 { // WithPart: the whole's rows are known, as a Parquet footer tells them
		if len(key) == 0 && c.parts > 1 {
			return fail(errors.New("a table is read in parts by ranges of its primary key, and it has none"))
		}
		if src.TotalRows, err = conn.count(ctx, "SELECT count(*) FROM "+conn.table()); err != nil {
			return fail(err)
		}
		first = src.TotalRows * int64(c.part-1) / int64(c.parts)
		query += keyRange(conn, key, first, src.TotalRows*int64(c.part)/int64(c.parts), src.TotalRows)
	}
	if len(key) > 0 {
		query += " ORDER BY " + quoteAll(conn, key)
	}
	if c.schemaOnly {
		query += " LIMIT 0"
	}
	rows, names, err := conn.rows(ctx, query)
	if err != nil {
		return fail(err)
	}
	return newSQLReader(rows, names, first, src, c)
}

// keyRange is the WHERE clause of the rows from offset lo to hi (exclusive) of total in the
// order of key: between the keys at those offsets, found by the server, so that no key's
// value is written into the query.
func keyRange(conn tableConn, key []string, lo, hi, total int64) string {
	cols := quoteAll(conn, key)
	at := func(offset int64) string {
		return fmt.Sprintf("(SELECT %s FROM %s ORDER BY %s LIMIT 1 OFFSET %d)", cols, conn.table(), cols, offset)
	}
	var bounds []string
	if lo > 0 {
		bounds = append(bounds, "("+cols+") >= "+at(lo))
	}
	if hi < total {
		bounds = append(bounds, "("+cols+") < "+at(hi))
	}
	if len(bounds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(bounds, " AND ")
}

func quoteAll(conn tableConn, columns []string) string {
	quoted := make([]string, len(columns))
	for i, c := range columns {
		quoted[i] = conn.quote(c)
	}
	return strings.Join(quoted, ", ")
}

// databaseSchemes are the URL schemes of the dialects, and their openers.
var databaseSchemes = map[string]func(ctx context.Context, raw string) (tableConn, Source, error){
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
	conn, src, err := databaseSchemes[scheme](ctx, raw)
	if err != nil {
		return nil, err
	}
	return readTable(ctx, conn, src, c)
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
	first   int64 // the table's rows before these (a part's)
	schema  *arrow.Schema
	columns []*textColumn
	batchN  int
	row     int64
	src     Source
	batch   Batch
	err     error
}

// newSQLReader reads rows, whose columns are named names, as the dataset src, numbering them
// after the first rows of the table that come before them.
func newSQLReader(rows textRows, names []string, first int64, src Source, c config) (Reader, error) {
	if len(names) > MaxColumns {
		rows.Close()
		return nil, &ParseError{File: src.Path, Err: tooManyColumns(len(names))}
	}
	r := &sqlReader{rows: rows, src: src, first: first, row: first}
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
	r.src.Rows = r.row - r.first
	r.batch = Batch{Record: rec, FirstRow: first}
	return true
}

func (r *sqlReader) Close() error { return r.rows.Close() }
