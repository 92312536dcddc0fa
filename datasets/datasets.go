// Package datasets opens CSV and Parquet files as streams of Arrow record batches and reads
// the metadata that describes them (dgcheck sidecars, validated against their JSON Schema;
// Frictionless datapackage.json; DCAT-AP and DCAT-US JSON-LD records) into one Metadata model. It knows nothing of rules: it reads, repairs what can be repaired (and says
// where), and fails with a located error on what cannot.
package datasets

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Format is a dataset file format.
type Format string

const (
	CSV     Format = "csv"
	Parquet Format = "parquet"
)

// Source is what a reader learned about the file it reads. Rows grows as batches are read.
type Source struct {
	Path      string   `json:"path"`
	Name      string   `json:"name"`
	Format    Format   `json:"format"`
	Encoding  string   `json:"encoding,omitempty"`  // CSV only: utf-8, utf-8-bom, gb18030, utf-16le, utf-16be, big5, iso-8859-1 or windows-1252
	Delimiter string   `json:"delimiter,omitempty"` // CSV only
	Columns   []string `json:"columns"`
	Size      int64    `json:"size"`
	Rows      int64    `json:"rows"`
	// HeaderIssues are the header's blank, repeated and undecodable names and stray quotes,
	// each located at the header field (Issue.Column is the name the column was read under)
	// and, in a CSV, line 1; a Parquet schema's blank and repeated names have Line 0. They
	// are known once the reader is open.
	HeaderIssues []Issue `json:"-"`
	// EndIssues are found after the last row: blank lines at the end of a CSV file. They are
	// known once Next has returned false.
	EndIssues []Issue `json:"-"`
	// BytesRead is how much of a CSV file has been read so far, of Size: a progress line's
	// measure, since a CSV's row count is unknown until its end. 0 for Parquet.
	BytesRead int64 `json:"-"`
	// TotalRows is the row count a Parquet file's footer declares, known once it is open, or
	// a table's when it is read in parts; 0 for CSV.
	TotalRows int64 `json:"-"`
}

// IssueKind names a problem the reader repaired instead of aborting on.
type IssueKind string

const (
	// Ragged: a row with more or fewer fields than the header. Missing fields are read as
	// nulls and extra fields are dropped, so every row still counts.
	Ragged IssueKind = "ragged"
	// Undecodable: bytes that are not valid in the file's encoding; they are replaced by
	// U+FFFD so the rest of the value is still measured.
	Undecodable IssueKind = "undecodable"
	// BlankHeader: a header field with no name; the column is named column_<n>.
	BlankHeader IssueKind = "blank_header"
	// DuplicateHeader: a header field repeating an earlier field's name; the column is named
	// "<name> (column <n>)" so that both columns are still measured.
	DuplicateHeader IssueKind = "duplicate_header"
	// BareQuote: a quote where the CSV dialect allows none (a " inside an unquoted field, as
	// in 37°36'37.8"N, or text after a closing quote). The record is re-read with the quote
	// taken as a character, so the row is still measured. A quote never closed is one too:
	// the rest of the file, from the line it opens on, is read with quotes as characters.
	BareQuote IssueKind = "bare_quote"
	// BlankRow: an empty line, which encoding/csv skips (Row is the data row that follows
	// it), or a row whose fields are all empty (Row is that row).
	BlankRow IssueKind = "blank_row"
	// NULByte: a value holding a NUL byte, which is kept but truncates the value in C-based
	// tools and databases.
	NULByte IssueKind = "nul_byte"
)

// Issue locates one repaired problem. Row is the 1-based data row (the header is not a row,
// and header issues have Row 0); Line is the file line the row starts on. Detail says what
// was found in English and DetailZh in Chinese: the reader is the only one that knows, and
// the rules quote whichever the report's language asks for.
type Issue struct {
	Kind     IssueKind
	Row      int64
	Line     int64
	Column   string
	Detail   string
	DetailZh string
}

// Batch is a run of consecutive rows. The receiver owns Record and must Release it. A CSV's
// columns are strings; a Parquet file's keep their types, and a text column whose every
// page is dictionary-encoded arrives as an arrow Dictionary of its values.
type Batch struct {
	Record   arrow.RecordBatch
	FirstRow int64 // data row number of the batch's first row
	Issues   []Issue
}

// Reader streams a dataset as batches, in arrow's iterator shape:
//
//	for r.Next() { b := r.Batch(); ...; b.Record.Release() }
//	if err := r.Err(); err != nil { ... }
type Reader interface {
	Source() *Source
	Next() bool
	Batch() Batch
	Err() error
	Close() error
}

// ParseError is damage after which nothing more can be read from a file. It names the file
// and, where known, the line and column (1-based) of the damage.
type ParseError struct {
	File   string
	Line   int64
	Column int64
	Err    error
}

func (e *ParseError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrUnsupportedFormat is returned for files that are neither CSV nor Parquet.
var ErrUnsupportedFormat = errors.New("unsupported format")

// DefaultBatchSize is about 32k rows: large enough that per-batch overhead vanishes, small
// enough that a batch of a dozen text columns stays a few megabytes. Five or so batches are
// in memory at once (being read, queued, measured); at 64k rows, a 50M-row CSV check with
// keys declared peaked 24 MiB higher (472 against 448 MiB) in no less time.
const DefaultBatchSize = 1 << 15

// batchCells bounds the cells of one CSV batch: each column's builder is sized for the batch's
// rows up front (offsets and validity), so a 10,000-column file read 64k rows at a time took
// 2.7 GB of buffers for a 119 KB file. A dozen columns still get whole batches.
const batchCells = 1 << 22

// minBatchRows keeps batches of very wide files long enough that per-batch work stays small.
const minBatchRows = 64

// batchRows is how many rows a batch of a file with the given columns holds.
func batchRows(batchSize, columns int) int {
	return min(batchSize, max(minBatchRows, batchCells/max(columns, 1)))
}

type config struct {
	encoding  string
	delimiter rune
	batchSize int
	mem       memory.Allocator
	format    Format
	// part of parts (from 1) is the slice of a Parquet dataset read (WithPart); groupBase is
	// the number of row groups of the files before this one, in a directory.
	part, parts int
	groupBase   int
	schemaOnly  bool
}

// Option configures Open.
type Option func(*config)

// WithEncoding forces the CSV encoding instead of sniffing it: utf-8, utf-8-bom, gb18030
// (gbk and gb2312 are read as gb18030, their superset), utf-16le, utf-16be (a BOM, when
// present, wins over the named byte order), big5, iso-8859-1 (latin1) or windows-1252.
func WithEncoding(name string) Option { return func(c *config) { c.encoding = name } }

// WithDelimiter forces the CSV delimiter instead of sniffing it.
func WithDelimiter(r rune) Option { return func(c *config) { c.delimiter = r } }

// WithBatchSize sets the rows per batch.
func WithBatchSize(n int) Option { return func(c *config) { c.batchSize = n } }

// WithAllocator sets the allocator for the batches' buffers.
func WithAllocator(mem memory.Allocator) Option { return func(c *config) { c.mem = mem } }

// WithFormat overrides the format otherwise taken from the file name extension.
func WithFormat(f Format) Option { return func(c *config) { c.format = f } }

// WithPart reads only part (from 1) of parts slices of a Parquet dataset, for measuring one
// dataset on several machines: the row groups whose number across the dataset's files, from
// 0, leaves part-1 divided by parts, or of a table, the part-th of parts ranges of its primary
// key's order (readTable). Rows keep their numbers in the whole dataset, and the Source's
// TotalRows is the whole's. A CSV, and a table without a primary key, are refused unless
// parts is 1.
func WithPart(part, parts int) Option { return func(c *config) { c.part, c.parts = part, parts } }

// WithSchemaOnly opens a dataset for its description alone (columns, size, header issues):
// a Parquet reader then decodes no row group in the background, as it otherwise starts to
// at once. For a check that merges partial profiles instead of reading rows.
func WithSchemaOnly() Option { return func(c *config) { c.schemaOnly = true } }

// FormatOf tells the format from a file name: .csv, .tsv and .txt are CSV; .parquet and .pq
// are Parquet.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv", ".txt":
		return CSV, nil
	case ".parquet", ".pq":
		return Parquet, nil
	}
	return "", fmt.Errorf("%s: %w (want .csv or .parquet)", path, ErrUnsupportedFormat)
}

// isParquetName says whether path's extension names Parquet.
func isParquetName(path string) bool {
	f, err := FormatOf(path)
	return err == nil && f == Parquet
}

// openFile opens a data file and states it, for its size; the file is closed on an error.
func openFile(path string) (*os.File, os.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// ErrNotRegular is returned for a path that is a named pipe, socket, device or directory:
// reading one would block or make no sense as a table.
var ErrNotRegular = errors.New("not a regular file")

// CheckRegular stats path, following links, and fails unless it is a regular file. It never
// opens the file, so a named pipe with no writer cannot block it.
func CheckRegular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if m := st.Mode(); !m.IsRegular() {
		return fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, describeMode(m))
	}
	return nil
}

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// Open starts reading a dataset. The context bounds Parquet's parallel column decoding.
func Open(ctx context.Context, path string, opts ...Option) (Reader, error) {
	c := config{batchSize: DefaultBatchSize, mem: defaultAllocator}
	for _, o := range opts {
		o(&c)
	}
	if c.batchSize <= 0 {
		c.batchSize = DefaultBatchSize
	}
	if c.parts > 0 && (c.part < 1 || c.part > c.parts) {
		return nil, fmt.Errorf("part %d of %d: a part is numbered from 1 to the number of parts", c.part, c.parts)
	}
	sliced := c.parts > 1
	if sliced && !IsDatabaseURL(path) && !IsObjectURL(path) && !isDir(path) && c.format != Parquet && !isParquetName(path) {
		return nil, fmt.Errorf("%s: only a Parquet dataset or a table is read in parts (by row groups, or ranges of its primary key); a CSV is measured whole", path)
	}
	if IsDatabaseURL(path) {
		return openDatabase(ctx, path, c)
	}
	if IsObjectURL(path) {
		if c.format != "" && c.format != Parquet {
			return nil, fmt.Errorf("%s: objects in storage are read as Parquet, not %s", path, c.format)
		}
		return openObjects(ctx, path, c)
	}
	if isDir(path) && (c.format == "" || c.format == Parquet) {
		return openParquetDir(ctx, path, c)
	}
	format := c.format
	if format == "" {
		var err error
		if format, err = FormatOf(path); err != nil {
			return nil, err
		}
	}
	// A FIFO, socket or device would block the open or the first read until something
	// writes to it, which for a file found in a folder is never: refuse it before opening.
	if err := CheckRegular(path); err != nil {
		return nil, err
	}
	switch format {
	case CSV:
		return openCSV(path, c)
	case Parquet:
		return openParquet(ctx, path, c)
	}
	return nil, fmt.Errorf("%s: %w %q", path, ErrUnsupportedFormat, format)
}

// columnNamer names a table's columns from its header (CSV) or schema (Parquet): a blank or
// repeated name is a finding, not a reason to stop reading, since every row is still there to
// measure and a person fixing the file wants all its problems at once. A blank field is named
// column_<n>, a repeat "<name> (column <n>)", so that every column is measured apart.
type columnNamer struct {
	line    int64  // the header's line (1 in a CSV, 0 in a Parquet schema)
	field   string // what the issues call a field: "header field", "schema field"
	fieldZh string // and in Chinese: "表头字段", "模式字段"
	seen    map[string]int
}

// name is the name column i (0-based) is read under, given the name it has; its issues go to
// issues.
func (n *columnNamer) name(i int, name string, issues *[]Issue) string {
	blank := name == ""
	if blank {
		name = fmt.Sprintf("column_%d", i+1)
		*issues = append(*issues, Issue{Kind: BlankHeader, Line: n.line, Column: name,
			Detail:   fmt.Sprintf("%s %d is blank", n.field, i+1),
			DetailZh: fmt.Sprintf("第 %d 个%s为空", i+1, n.fieldZh)})
	}
	if j, dup := n.seen[name]; dup {
		renamed := fmt.Sprintf("%s (column %d)", name, i+1)
		// A blank field whose made-up name is taken is still one field with one problem:
		// QUAL-002 counts header fields, A of B columns.
		if blank {
			(*issues)[len(*issues)-1].Column = renamed
		} else {
			*issues = append(*issues, Issue{Kind: DuplicateHeader, Line: n.line, Column: renamed,
				Detail:   fmt.Sprintf("%s %d repeats the name %q of field %d", n.field, i+1, name, j+1),
				DetailZh: fmt.Sprintf("第 %d 个%s与第 %d 个字段重名 %q", i+1, n.fieldZh, j+1, name)})
		}
		name = renamed
	}
	n.seen[name] = i
	return name
}
