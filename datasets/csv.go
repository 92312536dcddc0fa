package datasets

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Encodings a CSV file can be read in.
const (
	UTF8    = "utf-8"
	UTF8BOM = "utf-8-bom"
	GB18030 = "gb18030"
)

// sniffSize is how much of a file encoding and delimiter sniffing look at. 64 KiB holds
// hundreds of rows of a typical table: enough to see Chinese text if there is any.
const sniffSize = 64 << 10

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// csvReader parses with encoding/csv, not arrow's CSV reader: arrow's infers types from the
// first row, aborts on the first bad value or ragged row and maps columns by position, while
// dgcheck must read every row of a damaged file and say where the damage is. Every column is
// utf8; typing values is the profiler's job.
type csvReader struct {
	f       *os.File
	read    *byteCounter // the file's bytes read so far, for Source.BytesRead
	r       *csv.Reader
	src     Source
	cfg     config
	schema  *arrow.Schema
	columns []*textColumn
	batch   Batch
	err     error
	row     int64 // data rows read so far
	done    bool
	// gb marks GB18030 input, whose decoder has already turned undecodable bytes into
	// U+FFFD; UTF-8 input passes through encoding/csv as is, so utf8.ValidString finds them.
	gb bool
}

func openCSV(path string, c config) (Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	read := &byteCounter{r: f}
	br := bufio.NewReaderSize(read, 1<<20)
	sample, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	enc := c.encoding
	if enc == "" {
		enc = sniffEncoding(sample, len(sample) < sniffSize)
	}
	var in io.Reader = br
	switch normaliseEncoding(enc) {
	case UTF8:
		enc = UTF8
		if bytes.HasPrefix(sample, utf8BOM) {
			enc = UTF8BOM
			br.Discard(len(utf8BOM))
		}
	case UTF8BOM:
		if bytes.HasPrefix(sample, utf8BOM) {
			br.Discard(len(utf8BOM))
		}
	case GB18030:
		enc = GB18030
		in = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
		sample, _ = simplifiedchinese.GB18030.NewDecoder().Bytes(sample)
	default:
		f.Close()
		return nil, fmt.Errorf("%s: unknown encoding %q (want utf-8, utf-8-bom or gb18030)", path, enc)
	}
	// Lines that end in a lone CR (old Mac and Excel exports) are no line ends to encoding/csv,
	// which would read the whole file as one header row and make every cell a column name.
	// Such a file, sniffed by a first block with CR and no LF, is read with each CR as LF, so
	// rows and line numbers come out as usual (a CR inside a quoted field becomes LF, as
	// encoding/csv makes a quoted CRLF LF). CRLF and LF files are read as they were.
	if crOnly(sample) {
		in = crAsLF{in}
		sample = bytes.ReplaceAll(sample, []byte{'\r'}, []byte{'\n'})
	}
	delim := c.delimiter
	if delim == 0 {
		delim = sniffDelimiter(sample)
	}
	r := csv.NewReader(in)
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	cr := &csvReader{
		f:    f,
		read: read,
		r:    r,
		cfg:  c,
		gb:   enc == GB18030,
		src: Source{Path: path, Name: filepath.Base(path), Format: CSV, Encoding: enc,
			Delimiter: string(delim), Size: st.Size()},
	}
	if err := cr.readHeader(); err != nil {
		f.Close()
		return nil, err
	}
	return cr, nil
}

func normaliseEncoding(name string) string {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "-")) {
	case "utf-8", "utf8":
		return UTF8
	case "utf-8-bom", "utf8-bom", "utf-8-sig":
		return UTF8BOM
	case "gb18030", "gbk", "gb2312", "cp936":
		return GB18030
	}
	return name
}

// sniffEncoding tells UTF-8 from GB18030. Valid UTF-8 wins: GBK text of any length is almost
// never valid UTF-8, while ASCII is both. A sample cut mid-character (complete is false) may
// end in a partial rune, which is not evidence against UTF-8.
func sniffEncoding(sample []byte, complete bool) string {
	if bytes.HasPrefix(sample, utf8BOM) {
		return UTF8BOM
	}
	s := sample
	if !complete {
		// Drop a rune cut off by the sample's end, at most 3 bytes.
		for i := 0; i < 3 && len(s) > 0 && !utf8.FullRune(s[lastRuneStart(s):]); i++ {
			s = s[:lastRuneStart(s)]
		}
	}
	if utf8.Valid(s) {
		return UTF8
	}
	// GB18030 when it decodes without replacement characters, allowing one for a character
	// cut off by the end of an incomplete sample.
	decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(sample)
	allowed := 0
	if !complete {
		allowed = 1
	}
	if err == nil && bytes.Count(decoded, []byte("\uFFFD")) <= allowed {
		return GB18030
	}
	// Neither decodes cleanly: read as UTF-8 and report every undecodable value.
	return UTF8
}

func lastRuneStart(s []byte) int {
	i := len(s) - 1
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// sniffDelimiter picks the candidate that splits the first lines into the same number of
// fields most often, outside quotes; ties go to the earlier candidate (comma first).
func sniffDelimiter(sample []byte) rune {
	candidates := []rune{',', ';', '\t', '|'}
	lines := strings.Split(string(sample), "\n")
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last line may be cut off by the sample's end
	}
	if len(lines) > 50 {
		lines = lines[:50]
	}
	best, bestScore := ',', 0
	for _, c := range candidates {
		counts := map[int]int{}
		for _, line := range lines {
			if n := countOutsideQuotes(line, c); n > 0 {
				counts[n]++
			}
		}
		score := 0
		for _, lines := range counts {
			score = max(score, lines)
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
}

func countOutsideQuotes(line string, c rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == c && !quoted:
			n++
		}
	}
	return n
}

func (cr *csvReader) readHeader() error {
	header, err := cr.r.Read()
	if errors.Is(err, io.EOF) {
		return &ParseError{File: cr.src.Path, Err: errors.New("empty file: no header row")}
	}
	if err != nil {
		return cr.parseError(err)
	}
	fields := make([]arrow.Field, len(header))
	seen := make(map[string]int, len(header))
	for i, name := range header {
		name = strings.TrimSpace(name)
		if cr.gb && strings.ContainsRune(name, utf8.RuneError) || !utf8.ValidString(name) {
			return &ParseError{File: cr.src.Path, Line: 1, Column: int64(i + 1),
				Err: fmt.Errorf("header field %d is not valid %s", i+1, cr.src.Encoding)}
		}
		// A blank or repeated name is a finding, not a reason to stop reading: every row is
		// still there to measure, and a person fixing the file wants all its problems at once.
		blank := name == ""
		if blank {
			name = fmt.Sprintf("column_%d", i+1)
			cr.src.HeaderIssues = append(cr.src.HeaderIssues, Issue{Kind: BlankHeader, Line: 1, Column: name,
				Detail: fmt.Sprintf("header field %d is blank", i+1)})
		}
		if j, dup := seen[name]; dup {
			renamed := fmt.Sprintf("%s (column %d)", name, i+1)
			// A blank field whose made-up name is taken is still one field with one
			// problem: QUAL-002 counts header fields, A of B columns.
			if blank {
				cr.src.HeaderIssues[len(cr.src.HeaderIssues)-1].Column = renamed
			} else {
				cr.src.HeaderIssues = append(cr.src.HeaderIssues, Issue{Kind: DuplicateHeader, Line: 1, Column: renamed,
					Detail: fmt.Sprintf("header field %d repeats the name %q of field %d", i+1, name, j+1)})
			}
			name = renamed
		}
		seen[name] = i
		fields[i] = arrow.Field{Name: name, Type: arrow.BinaryTypes.String, Nullable: true}
		cr.src.Columns = append(cr.src.Columns, name)
	}
	cr.schema = arrow.NewSchema(fields, nil)
	cr.columns = make([]*textColumn, len(fields))
	for i := range cr.columns {
		cr.columns[i] = newTextColumn(cr.cfg.mem)
	}
	return nil
}

func (cr *csvReader) parseError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err
		if errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line {
			msg = fmt.Errorf("%w (the quoted field opened on line %d is never closed)", pe.Err, pe.StartLine)
		}
		return &ParseError{File: cr.src.Path, Line: int64(pe.Line), Column: int64(pe.Column), Err: msg}
	}
	return &ParseError{File: cr.src.Path, Err: err}
}

func (cr *csvReader) Source() *Source { return &cr.src }
func (cr *csvReader) Batch() Batch    { return cr.batch }
func (cr *csvReader) Err() error      { return cr.err }

func (cr *csvReader) Close() error {
	return cr.f.Close()
}

func (cr *csvReader) Next() bool {
	cr.batch = Batch{}
	if cr.done || cr.err != nil {
		return false
	}
	defer func() { cr.src.BytesRead = cr.read.n }()
	want := len(cr.columns)
	first := cr.row + 1
	for _, c := range cr.columns {
		c.reset(cr.cfg.batchSize)
	}
	var issues []Issue
	n := 0
	for n < cr.cfg.batchSize {
		rec, err := cr.r.Read()
		if errors.Is(err, io.EOF) {
			cr.done = true
			break
		}
		if err != nil {
			cr.err = cr.parseError(err)
			break
		}
		cr.row++
		n++
		if len(rec) != want {
			line, _ := cr.r.FieldPos(0)
			issues = append(issues, Issue{Kind: Ragged, Row: cr.row, Line: int64(line),
				Detail: fmt.Sprintf("%d fields, header has %d", len(rec), want)})
		}
		for i, c := range cr.columns {
			if i >= len(rec) || rec[i] == "" {
				c.appendNull()
				continue
			}
			v := rec[i]
			if cr.gb && strings.ContainsRune(v, utf8.RuneError) || !cr.gb && !utf8.ValidString(v) {
				line, _ := cr.r.FieldPos(i)
				issues = append(issues, Issue{Kind: Undecodable, Row: cr.row, Line: int64(line),
					Column: cr.src.Columns[i], Detail: "bytes not valid " + cr.src.Encoding})
				v = strings.ToValidUTF8(v, "\uFFFD")
			}
			c.append(v)
		}
	}
	if cr.err != nil || n == 0 {
		for _, c := range cr.columns {
			c.release()
		}
		return false
	}
	cols := make([]arrow.Array, len(cr.columns))
	for i, c := range cr.columns {
		cols[i] = c.finish()
	}
	rec := array.NewRecordBatch(cr.schema, cols, int64(n))
	for _, c := range cols {
		c.Release()
	}
	cr.src.Rows = cr.row
	cr.batch = Batch{Record: rec, FirstRow: first, Issues: issues}
	return true
}

// crOnly reports whether a file's first block ends its lines in a lone CR: it holds a CR and
// no LF at all.
func crOnly(sample []byte) bool {
	return bytes.IndexByte(sample, '\r') >= 0 && bytes.IndexByte(sample, '\n') < 0
}

// crAsLF reads a CR-only file as an LF one, byte for byte, so offsets do not move.
type crAsLF struct{ r io.Reader }

func (c crAsLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range p[:n] {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// byteCounter counts the bytes read through it: how far into the file the CSV reader (and its
// buffer, at most 1 MiB ahead) has got.
type byteCounter struct {
	r io.Reader
	n int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
