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

// pgTable splits a table URL into the connection string (without table=) and the table's
// quoted name.
func pgTable(raw string) (conn, table, name string, err error) {
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
	var columns []string
	for _, fd := range rows.FieldDescriptions() {
		columns = append(columns, fd.Name)
	}
	return newSQLReader(&pgRows{conn, rows}, columns, Source{Path: shown, Name: name, Format: PostgreSQL}, c)
}
