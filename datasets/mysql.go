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
// for a Unix socket. A query without parameters comes back in MySQL's text protocol: every
// value as the server writes it in a CSV export.

func openMySQL(ctx context.Context, raw string, c config) (Reader, error) {
	shown := RedactURL(raw)
	u, name, err := tableURL(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, err)
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
		return nil, fmt.Errorf("%s: %w", shown, redactErr(err, raw))
	}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: connecting: %w", shown, redactErr(err, raw))
	}
	quoted := "`" + strings.ReplaceAll(name, "`", "``") + "`"
	rows, err := db.QueryContext(ctx, "SELECT * FROM "+quoted)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: reading %s: %w", shown, name, redactErr(err, raw))
	}
	names, err := rows.Columns()
	if err != nil {
		rows.Close()
		db.Close()
		return nil, fmt.Errorf("%s: reading %s: %w", shown, name, err)
	}
	mr := &mysqlRows{db: db, rows: rows, raw: make([]sql.RawBytes, len(names)), dest: make([]any, len(names))}
	for i := range mr.raw {
		mr.dest[i] = &mr.raw[i]
	}
	return newSQLReader(mr, names, Source{Path: shown, Name: name, Format: MySQL}, c)
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
