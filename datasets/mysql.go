package datasets

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/go-sql-driver/mysql"
)

// A MySQL-compatible table (MySQL, MariaDB, TiDB, OceanBase) is a dataset:
// mysql://user:password@host:3306/db?table=name, or mysql://user@/db?socket=/run/mysqld/mysqld.sock&table=name
// for a Unix socket.

func openMySQL(ctx context.Context, raw string) (tableConn, Source, error) {
	shown := RedactURL(raw)
	u, name, err := tableURL(raw)
	if err != nil {
		return nil, Source{}, fmt.Errorf("%s: %w", shown, err)
	}
	cfg := mysql.NewConfig()
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	cfg.Net, cfg.Addr = "tcp", u.Host
	if socket := u.Query().Get("socket"); socket != "" {
		cfg.Net, cfg.Addr = "unix", socket
	}
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, Source{}, fmt.Errorf("%s: %w", shown, redactErr(err, raw))
	}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, Source{}, fmt.Errorf("%s: connecting: %w", shown, redactErr(err, raw))
	}
	return &mysqlTable{db: db, name: name}, Source{Path: shown, Name: name, Format: MySQL}, nil
}

// mysqlTable is a connection to one table of a MySQL-compatible server.
type mysqlTable struct {
	db   *sql.DB
	name string
}

func (t *mysqlTable) table() string { return t.quote(t.name) }
func (t *mysqlTable) quote(column string) string {
	return "`" + strings.ReplaceAll(column, "`", "``") + "`"
}
func (t *mysqlTable) Close() error { return t.db.Close() }

func (t *mysqlTable) primaryKey(ctx context.Context) ([]string, error) {
	rows, err := t.db.QueryContext(ctx, `SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE
		WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'
		ORDER BY ORDINAL_POSITION`, t.name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var key []string
	for rows.Next() {
		var column string
		if err := rows.Scan(&column); err != nil {
			return nil, err
		}
		key = append(key, column)
	}
	return key, rows.Err()
}

func (t *mysqlTable) count(ctx context.Context, query string) (n int64, err error) {
	err = t.db.QueryRowContext(ctx, query).Scan(&n)
	return n, err
}

// rows runs a query without parameters, which comes back in MySQL's text protocol: every
// value as the server writes it in a CSV export.
func (t *mysqlTable) rows(ctx context.Context, query string) (textRows, []string, error) {
	rows, err := t.db.QueryContext(ctx, query)
	if err != nil {
		return nil, nil, err
	}
	names, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, nil, err
	}
	mr := &mysqlRows{db: t.db, rows: rows, raw: make([]sql.RawBytes, len(names)), dest: make([]any, len(names))}
	for i := range mr.raw {
		mr.dest[i] = &mr.raw[i]
	}
	return mr, names, nil
}

// MySQL is the Format of a table read from a MySQL-compatible server.
const MySQL Format = "mysql"

// mysqlRows are a MySQL query's rows as textRows.
type mysqlRows struct {
	db   *sql.DB
	rows *sql.Rows
	raw  []sql.RawBytes
	dest []any
	vals [][]byte
}

func (r *mysqlRows) Next() bool { return r.rows.Next() }

func (r *mysqlRows) Values() ([][]byte, error) {
	if err := r.rows.Scan(r.dest...); err != nil {
		return nil, err
	}
	r.vals = r.vals[:0]
	for _, v := range r.raw {
		r.vals = append(r.vals, v) // nil for NULL; valid until the next row, which is after the copy
	}
	return r.vals, nil
}

func (r *mysqlRows) Err() error { return r.rows.Err() }

func (r *mysqlRows) Close() error {
	r.rows.Close()
	return r.db.Close()
}
