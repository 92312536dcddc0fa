package datasets

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// A directory of Parquet files is one dataset, as Spark, Hive, DuckDB and Arrow write a
// large table: its files, read one after another in the order of their paths, are its rows,
// and each Hive-style folder on the way (year=2024/region=420111/) gives every row of the
// files below it a column of that name and value. The files must agree on their columns;
// hidden files and those Spark and Hadoop leave beside the data (_SUCCESS, _metadata, .crc)
// are not data.

// hiveNull is the folder value Hive writes for a null partition key.
const hiveNull = "__HIVE_DEFAULT_PARTITION__"

// parquetPart is one file of a directory dataset and its partition values, one per key.
type parquetPart struct {
	path   string
	values []*string // nil: null
	size   int64
	etag   string // an object's version, which every range request asks for (objectstore.go)
}

// parquetParts lists dir's Parquet files in path order with their partition values, and the
// partition keys in the order they are nested.
func parquetParts(dir string) (parts []parquetPart, keys []string, size int64, err error) {
	var ps partSet
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && notData(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".parquet") {
			return nil
		}
		rel, err := filepath.Rel(dir, filepath.Dir(p))
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		return ps.add(parquetPart{path: p, size: st.Size()}, filepath.ToSlash(rel))
	})
	if err == nil && len(ps.parts) == 0 {
		err = fmt.Errorf("%s: a directory without a .parquet file: a directory is read as one Parquet dataset of the files in it", dir)
	}
	return ps.parts, ps.keys, ps.size, err
}

// notData says whether a file or folder of a dataset's directory is not its data: hidden, or
// left beside the data by Spark and Hadoop (_SUCCESS, _metadata, _temporary).
func notData(name string) bool { return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") }

// partSet gathers a dataset's files, in path order, with their partition values.
type partSet struct {
	parts []parquetPart
	keys  []string
	size  int64
}

// add adds part, whose folder under the dataset's is rel (slash-separated, "." for none).
// Files whose folders name different keys, or the same keys in another order, are an error
// naming the file: they are not one table.
func (ps *partSet) add(part parquetPart, rel string) error {
	fileKeys, byKey := partitionValues(rel)
	if len(ps.parts) == 0 {
		ps.keys = fileKeys
	} else if !sameKeys(ps.keys, fileKeys) {
		return fmt.Errorf("%s: its folders name the partition keys [%s], other files' [%s]: one dataset's files are partitioned alike",
			part.path, strings.Join(fileKeys, ", "), strings.Join(ps.keys, ", "))
	}
	part.values = make([]*string, len(ps.keys))
	for i, k := range ps.keys {
		part.values[i] = byKey[k]
	}
	ps.size += part.size
	ps.parts = append(ps.parts, part)
	return nil
}

// partitionValues reads the key=value folders of rel, a file's folder under the dataset's:
// the keys in the order they first appear and each one's value (nil for Hive's null). A key
// named twice takes its first value, as DuckDB reads it; a folder without "=" is no partition.
func partitionValues(rel string) (keys []string, values map[string]*string) {
	values = map[string]*string{}
	if rel == "." {
		return nil, values
	}
	for _, seg := range strings.Split(rel, "/") {
		k, v, ok := strings.Cut(seg, "=")
		if _, seen := values[k]; !ok || k == "" || seen {
			continue
		}
		if uv, err := url.PathUnescape(v); err == nil {
			v = uv
		}
		keys = append(keys, k)
		if v == hiveNull {
			values[k] = nil
		} else {
			values[k] = &v
		}
	}
	return keys, values
}

// sameKeys reports whether two files' partition keys are the same, in whatever order their
// folders nest them.
func sameKeys(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(b, func(k string) bool { return !slices.Contains(a, k) })
}

// parquetDirReader reads a directory dataset's files in turn (each with the file reader, its
// row groups in parallel), numbering rows across them and adding the partition columns.
type parquetDirReader struct {
	ctx   context.Context
	c     config
	parts []parquetPart
	// openPart reads one part: a local file, or an object in storage.
	openPart func(ctx context.Context, part parquetPart, c config) (Reader, error)
	keys     []string
	// columns are the first file's columns, which every other file must have.
	columns []string
	next    int // the part to open after cur
	cur     Reader
	base    int64 // rows of the files before cur
	groups  int   // row groups of the files up to cur's, numbered across them for WithPart
	src     Source
	batch   Batch
	err     error
}

func openParquetDir(ctx context.Context, dir string, c config) (Reader, error) {
	parts, keys, size, err := parquetParts(dir)
	if err != nil {
		return nil, err
	}
	return openParts(&parquetDirReader{ctx: ctx, c: c, parts: parts, keys: keys,
		openPart: func(ctx context.Context, part parquetPart, c config) (Reader, error) {
			return openParquet(ctx, part.path, c)
		},
		src: Source{Path: dir, Name: filepath.Base(filepath.Clean(dir)), Format: Parquet, Size: size}})
}

// openParts opens r's first part, whose schema is the dataset's.
func openParts(r *parquetDirReader) (Reader, error) {
	keys, parts := r.keys, r.parts
	// The first file is opened now: its schema is the dataset's, known once the reader is.
	if err := r.open(); err != nil {
		return nil, err
	}
	first := r.cur.Source()
	r.columns = first.Columns
	r.src.HeaderIssues = first.HeaderIssues
	r.src.Columns = append(slices.Clone(first.Columns), keys...)
	for _, k := range keys {
		if slices.Contains(first.Columns, k) {
			r.cur.Close()
			return nil, &ParseError{File: parts[0].path, Err: fmt.Errorf("the partition key %s is also a column of the file: its rows would have two values of it", k)}
		}
	}
	return r, nil
}

// open opens the next part.
func (r *parquetDirReader) open() error {
	part := r.parts[r.next]
	c := r.c
	c.groupBase = r.groups
	cur, err := r.openPart(r.ctx, part, c)
	if err != nil {
		return err
	}
	if r.columns != nil && !slices.Equal(cur.Source().Columns, r.columns) {
		cur.Close()
		return &ParseError{File: part.path, Err: fmt.Errorf("its columns [%s] are not the dataset's [%s] (%s's): one dataset's files share their columns",
			strings.Join(cur.Source().Columns, ", "), strings.Join(r.columns, ", "), r.parts[0].path)}
	}
	r.cur, r.next = cur, r.next+1
	r.src.TotalRows += cur.Source().TotalRows
	if pr, ok := cur.(*parquetReader); ok {
		r.groups += pr.pf.NumRowGroups()
	}
	return nil
}

func (r *parquetDirReader) Source() *Source { return &r.src }
func (r *parquetDirReader) Batch() Batch    { return r.batch }
func (r *parquetDirReader) Err() error      { return r.err }

func (r *parquetDirReader) Next() bool {
	r.batch = Batch{}
	for r.err == nil {
		if r.cur == nil {
			if r.next == len(r.parts) {
				return false
			}
			if r.err = r.open(); r.err != nil {
				return false
			}
		}
		if r.cur.Next() {
			r.batch = r.withPartitions(r.cur.Batch(), r.parts[r.next-1])
			r.src.Rows = r.base + r.cur.Source().Rows
			return true
		}
		if r.err = r.cur.Err(); r.err != nil {
			return false
		}
		// The rows the file holds, not those read: a part (WithPart) skips some, and every
		// row keeps its number in the whole dataset.
		r.base += r.cur.Source().TotalRows
		r.cur.Close()
		r.cur = nil
	}
	return false
}

// withPartitions numbers a file's batch among the dataset's rows and adds its partition
// columns, each the part's value on every row.
func (r *parquetDirReader) withPartitions(b Batch, part parquetPart) Batch {
	b.FirstRow += r.base
	for i := range b.Issues {
		b.Issues[i].Row += r.base
	}
	if len(r.keys) == 0 {
		return b
	}
	rec := b.Record
	n := int(rec.NumRows())
	fields := slices.Clone(rec.Schema().Fields())
	cols := slices.Clone(rec.Columns())
	for i, k := range r.keys {
		sb := array.NewStringBuilder(r.c.mem)
		if v := part.values[i]; v == nil {
			sb.AppendNulls(n)
		} else {
			sb.Reserve(n)
			for range n {
				sb.Append(*v)
			}
		}
		col := sb.NewArray()
		sb.Release()
		fields = append(fields, arrow.Field{Name: k, Type: arrow.BinaryTypes.String, Nullable: true})
		cols = append(cols, col)
		defer col.Release()
	}
	b.Record = array.NewRecordBatch(arrow.NewSchema(fields, nil), cols, int64(n))
	rec.Release()
	return b
}

func (r *parquetDirReader) Close() error {
	if r.cur != nil {
		return r.cur.Close()
	}
	return nil
}

// isDir reports whether path names a directory.
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// DataFiles are the files a dataset's rows are read from, for digests of exactly what was
// read: the file itself, or a directory's Parquet files in path order; none for a source
// named by URL, whose rows are not files.
func DataFiles(path string) ([]string, error) {
	switch {
	case IsURL(path):
		return nil, nil
	case isDir(path):
		parts, _, _, err := parquetParts(path)
		var files []string
		for _, p := range parts {
			files = append(files, p.path)
		}
		return files, err
	}
	return []string{path}, nil
}
