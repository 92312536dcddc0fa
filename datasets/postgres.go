package datasets

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/jackc/pgx/v5"
)

// A PostgreSQL table is a dataset: postgres://user@host:5432/db?table=schema.name (also
// postgresql://; the connection's other parameters as libpq takes them, sslmode, host=/socket
// for a Unix socket). Its rows stream through one query in PostgreSQL's text format, the form
// COPY TO CSV writes, so that the profile sees the values the CSV export of the table holds.
// Servers that speak PostgreSQL's protocol (openGauss, KingbaseES, GaussDB) read the same way.

// PostgreSQL is the Format of a PostgreSQL table.
const PostgreSQL Format = "postgresql"

// IsDatabaseURL reports whether path names a database table rather than a file.
func IsDatabaseURL(path string) bool {
	return strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://")
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

// pgTable splits a table URL into the connection string (without table=) and the table's
// quoted name.
func pgTable(raw string) (conn, table, name string, err error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", "", "", errors.New("not a database URL")
	}
	q := u.Query()
	name = q.Get("table")
	if name == "" {
		return "", "", "", errors.New("no table: name it with ?table=schema.name")
	}
	q.Del("table")
	u.RawQuery = q.Encode()
	schema, rel, qualified := strings.Cut(name, ".")
	if !qualified {
		schema, rel = "public", name
	}
	return u.String(), pgx.Identifier{schema, rel}.Sanitize(), name, nil
}

// pgReader streams a table's rows into text columns.
type pgReader struct {
	conn    *pgx.Conn
	rows    pgx.Rows
	schema  *arrow.Schema
	columns []*textColumn
	batchN  int
	row     int64
	src     Source
	batch   Batch
	err     error
}

func openPostgres(ctx context.Context, raw string, c config) (Reader, error) {
	shown := RedactURL(raw)
	connString, table, name, err := pgTable(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	conn, err := pgx.Connect(ctx, connString)
	if err != nil {
		return nil, fmt.Errorf("%s: connecting: %w", shown, redactErr(err, raw))
	}
	// The simple protocol returns every value as PostgreSQL's text output, which the reader
	// keeps as it is: dates as ISO dates, numerics as written, booleans as t and f.
	rows, err := conn.Query(ctx, "SELECT * FROM "+table, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("%s: reading %s: %w", shown, name, redactErr(err, raw))
	}
	r := &pgReader{conn: conn, rows: rows, batchN: c.batchSize,
		src: Source{Path: shown, Name: name, Format: PostgreSQL}}
	fds := rows.FieldDescriptions()
	if len(fds) > MaxColumns {
		r.Close()
		return nil, &ParseError{File: shown, Err: tooManyColumns(len(fds))}
	}
	names := columnNamer{field: "column", fieldZh: "列", seen: map[string]int{}}
	fields := make([]arrow.Field, len(fds))
	for i, fd := range fds {
		n := names.name(i, fd.Name, &r.src.HeaderIssues)
		r.src.Columns = append(r.src.Columns, n)
		fields[i] = arrow.Field{Name: n, Type: arrow.BinaryTypes.String, Nullable: true}
		r.columns = append(r.columns, newTextColumn(c.mem))
	}
	r.schema = arrow.NewSchema(fields, nil)
	r.batchN = batchRows(c.batchSize, len(fields))
	return r, nil
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

func (r *pgReader) Source() *Source { return &r.src }
func (r *pgReader) Batch() Batch    { return r.batch }
func (r *pgReader) Err() error      { return r.err }

func (r *pgReader) Next() bool {
	r.batch = Batch{}
	if r.err != nil || r.rows == nil {
		return false
	}
	for _, c := range r.columns {
		c.reset(r.batchN)
	}
	first, n := r.row+1, 0
	for n < r.batchN && r.rows.Next() {
		for i, v := range r.rows.RawValues() {
			if v == nil {
				r.columns[i].appendNull()
			} else {
				r.columns[i].append(string(v))
			}
		}
		r.row++
		n++
	}
	if err := r.rows.Err(); err != nil {
		r.err = &ParseError{File: r.src.Path, Err: fmt.Errorf("reading row %d: %w", r.row+1, err)}
	}
	if r.err != nil || n == 0 {
		for _, c := range r.columns {
			c.release()
		}
		return false
	}
	cols := make([]arrow.Array, len(r.columns))
	for i, c := range r.columns {
		cols[i] = c.finish()
	}
	rec := array.NewRecordBatch(r.schema, cols, int64(n))
	for _, c := range cols {
		c.Release()
	}
	r.src.Rows = r.row
	r.batch = Batch{Record: rec, FirstRow: first}
	return true
}

func (r *pgReader) Close() error {
	if r.rows != nil {
		r.rows.Close()
		r.rows = nil
	}
	return r.conn.Close(context.Background())
}
