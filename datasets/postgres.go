package datasets

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// A PostgreSQL table is a dataset: postgres://user@host:5432/db?table=schema.name (also
// postgresql://; the connection's other parameters as libpq takes them, sslmode, host=/socket
// for a Unix socket). Its rows stream through one query in PostgreSQL's text format, the form
// COPY TO CSV writes, so that the profile sees the values the CSV export of the table holds.
// Servers that speak PostgreSQL's protocol (openGauss, KingbaseES, GaussDB) read the same way.

// PostgreSQL is the Format of a PostgreSQL table.
const PostgreSQL Format = "postgresql"

// pgTableName splits a table URL into the connection string (without table=) and the
// table's quoted name.
func pgTableName(raw string) (conn, table, name string, err error) {
	u, name, err := tableURL(raw)
	if err != nil {
		return "", "", "", err
	}
	schema, rel, qualified := strings.Cut(name, ".")
	if !qualified {
		schema, rel = "public", name
	}
	return u.String(), pgx.Identifier{schema, rel}.Sanitize(), name, nil
}

// pgTable is a connection to one PostgreSQL table.
type pgTable struct {
	conn   *pgx.Conn
	quoted string // the table's name, quoted
}

func (t *pgTable) table() string              { return t.quoted }
func (t *pgTable) quote(column string) string { return pgx.Identifier{column}.Sanitize() }
func (t *pgTable) Close() error               { return t.conn.Close(context.Background()) }

func (t *pgTable) primaryKey(ctx context.Context) ([]string, error) {
	rows, err := t.conn.Query(ctx, `SELECT a.attname FROM pg_index i
		JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
		WHERE i.indrelid = $1::regclass AND i.indisprimary
		ORDER BY array_position(i.indkey::int2[], a.attnum)`, pgx.QueryExecModeSimpleProtocol, t.quoted)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func (t *pgTable) count(ctx context.Context, query string) (n int64, err error) {
	err = t.conn.QueryRow(ctx, query, pgx.QueryExecModeSimpleProtocol).Scan(&n)
	return n, err
}

// rows reads with the simple protocol, which returns every value as PostgreSQL's text output,
// kept as it is: dates as ISO dates, numerics as written, booleans as t and f.
func (t *pgTable) rows(ctx context.Context, query string) (textRows, []string, error) {
	rows, err := t.conn.Query(ctx, query, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return nil, nil, err
	}
	var columns []string
	for _, fd := range rows.FieldDescriptions() {
		columns = append(columns, fd.Name)
	}
	return &pgRows{t.conn, rows}, columns, nil
}

// pgRows are a PostgreSQL query's rows as textRows.
type pgRows struct {
	conn *pgx.Conn
	rows pgx.Rows
}

func (r *pgRows) Next() bool                { return r.rows.Next() }
func (r *pgRows) Values() ([][]byte, error) { return r.rows.RawValues(), nil }
func (r *pgRows) Err() error                { return r.rows.Err() }
func (r *pgRows) Close() error {
	r.rows.Close()
	return r.conn.Close(context.Background())
}

func openPostgres(ctx context.Context, raw string) (tableConn, Source, error) {
	shown := RedactURL(raw)
	connString, table, name, err := pgTableName(raw)
	if err != nil {
		return nil, Source{}, fmt.Errorf("%s: %w", shown, err)
	}
	conn, err := pgx.Connect(ctx, connString)
	if err != nil {
		return nil, Source{}, fmt.Errorf("%s: connecting: %w", shown, redactErr(err, raw))
	}
	return &pgTable{conn: conn, quoted: table}, Source{Path: shown, Name: name, Format: PostgreSQL}, nil
}
