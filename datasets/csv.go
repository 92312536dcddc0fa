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
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encodings a CSV file can be read in.
const (
	UTF8        = "utf-8"
	UTF8BOM     = "utf-8-bom"
	GB18030     = "gb18030"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Big5        = "big5"
	Latin1      = "iso-8859-1"
	Windows1252 = "windows-1252"
)

// decoders are the encodings read through an x/text decoder. UTF-16 takes a BOM, when
// there is one, over the named byte order, and drops it.
var decoders = map[string]encoding.Encoding{
	GB18030:     simplifiedchinese.GB18030,
	UTF16LE:     unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
	UTF16BE:     unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
	Big5:        traditionalchinese.Big5,
	Latin1:      charmap.ISO8859_1,
	Windows1252: charmap.Windows1252,
}

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
	// decoded marks input read through an x/text decoder (GB18030, UTF-16, Big5), which has
	// already turned undecodable bytes into U+FFFD; UTF-8 input passes through encoding/csv
	// as is, so utf8.ValidString finds them.
	decoded bool
	// rec keeps the bytes of the record being read, so that one encoding/csv rejects for a
	// stray quote can be read again with the quote taken as a character.
	rec *recorder
	// lazy, when not nil, is the reader that re-read the current record; its line numbers
	// count from lineBase+1.
	lazy     *csv.Reader
	lineBase int
	// lastLine is the line the previous record ended on: a record starting further down
	// had blank lines before it, which encoding/csv skips without a word.
	lastLine int
	// quote is the stray-quote issue of the current record, when it had one, in its field
	// quoteField (0-based).
	quote      *Issue
	quoteField int
	// literal, once a quote is found never closed, reads the rest of the file.
	literal *literalRest
	// lazySrc and lazyBuf feed the lazy re-reads.
	lazySrc bytes.Reader
	lazyBuf *bufio.Reader
}

func openCSV(path string, c config) (Reader, error) {
	f, st, err := openFile(path)
	if err != nil {
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
	decoded := false
	switch enc = normaliseEncoding(enc); enc {
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
	default:
		e, ok := decoders[enc]
		if !ok {
			f.Close()
			return nil, fmt.Errorf("%s: unknown encoding %q (want utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, gbk, gb2312, big5, iso-8859-1, latin1 or windows-1252)", path, c.encoding)
		}
		decoded = true
		in = transform.NewReader(br, e.NewDecoder())
		sample = decodeSample(e, sample, enc)
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
	rec := &recorder{r: in, buf: make([]byte, 0, 1<<16), limit: MaxRecordBytes}
	r := csv.NewReader(rec)
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	cr := &csvReader{
		f:       f,
		read:    read,
		r:       r,
		rec:     rec,
		cfg:     c,
		decoded: decoded,
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
	case "utf-16le", "utf16le", "utf-16-le":
		return UTF16LE
	case "utf-16be", "utf16be", "utf-16-be":
		return UTF16BE
	case "big5", "big-5", "cp950":
		return Big5
	case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "l1":
		return Latin1
	case "windows-1252", "cp1252", "win1252":
		return Windows1252
	}
	return name
}

// decodeSample decodes the sniffing sample for the delimiter and line-end sniffers. The
// sample may end mid-character: a UTF-16 one is cut to whole code units, and whatever the
// decoder still rejects is left out rather than failing the open (the stream decoder sees
// the whole character).
func decodeSample(e encoding.Encoding, sample []byte, name string) []byte {
	if name == UTF16LE || name == UTF16BE {
		sample = sample[:len(sample)&^1]
	}
	out := make([]byte, 0, len(sample)*3/2)
	d := e.NewDecoder()
	for len(sample) > 0 {
		dst := make([]byte, 4096)
		nDst, nSrc, err := d.Transform(dst, sample, true)
		out = append(out, dst[:nDst]...)
		sample = sample[nSrc:]
		if err != nil && !errors.Is(err, transform.ErrShortDst) {
			break
		}
	}
	return out
}

// sniffEncoding names a sample's encoding: a BOM first; then UTF-16 by its NUL bytes (a
// CSV's delimiters and line ends are ASCII, so every other byte is 0 in one byte order);
// then valid UTF-8, since other encodings' text of any length is almost never valid UTF-8
// while ASCII is both; then the double-byte Chinese encodings by cjkScore, Windows-1252 by
// latinScore, else UTF-8 with its undecodable values reported. A sample cut mid-character (complete is false) may end in a partial character,
// which is not evidence against any encoding.
func sniffEncoding(sample []byte, complete bool) string {
	switch {
	case bytes.HasPrefix(sample, utf8BOM):
		return UTF8BOM
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(sample, []byte{0xFF, 0xFE, 0, 0}):
		return UTF16LE
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return UTF16BE
	}
	if e := sniffUTF16(sample); e != "" {
		return e
	}
	s := sample
	if !complete {
		// Drop a rune cut off by the sample's end, at most 3 bytes.
		for i := 0; i < 3 && len(s) > 0 && !utf8.FullRune(s[lastRuneStart(s):]); i++ {
			s = s[:lastRuneStart(s)]
		}
	}
	if utf8.Valid(s) || utf8Share(s) >= 0.5 {
		// Mostly valid UTF-8 is UTF-8 with some damage, each undecodable value a finding.
		return UTF8
	}
	// A character cut off by the end of an incomplete sample may decode as one replacement.
	allowed := 0
	if !complete {
		allowed = 1
	}
	// GBK and Big5 share their byte ranges, so most Big5 text decodes as GBK and back:
	// validity alone cannot tell them apart. Which one's common-character block the pairs
	// fall in can. Latin-1 letters (before a space or comma they are no valid pair) score
	// low in both.
	gb, big5 := cjkScore(s)
	switch {
	case gb >= big5 && gb >= 0.5 && decodesCleanly(simplifiedchinese.GB18030, s, allowed):
		return GB18030
	case big5 > gb && big5 >= 0.5 && decodesCleanly(traditionalchinese.Big5, s, allowed):
		return Big5
	case decodesCleanly(simplifiedchinese.GB18030, s, allowed) && gb > 0:
		return GB18030
	case latinScore(s) >= 0.5:
		return Windows1252
	}
	// Neither: stray bytes in ASCII or UTF-8 text. Read as UTF-8, so that every undecodable
	// value is a finding rather than a silently different letter.
	return UTF8
}

// latinScore is the share of a sample's non-ASCII bytes that read as Windows-1252 text: an
// accented letter (0xC0-0xFE but × and ÷) next to a letter, as in Müller or Besançon, or one
// of the punctuation marks Windows-1252 puts at 0x80-0x9F (“ ” ‘ ’ – — … €) next to ASCII, as
// in “quoted” or €5, which Latin-1 leaves to control codes no text holds. European text scores
// near 1; a stray 0xFF in ASCII text scores 0. GBK's lead bytes fall in 0x80-0x9F too, which
// is why Chinese text is scored first (cjkScore).
func latinScore(s []byte) float64 {
	isLetter := func(i int) bool {
		return i >= 0 && i < len(s) && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z' || s[i] >= 0xC0 && s[i] < 0xFF)
	}
	isASCII := func(i int) bool { return i < 0 || i >= len(s) || s[i] < 0x80 }
	var high, letters int
	for i, c := range s {
		if c < 0x80 {
			continue
		}
		high++
		switch {
		case c >= 0xC0 && c < 0xFF && c != 0xD7 && c != 0xF7 && (isLetter(i-1) || isLetter(i+1)):
			letters++
		case c < 0xA0 && windows1252Punctuation(c) && (isASCII(i-1) || isASCII(i+1)):
			letters++
		}
	}
	if high == 0 {
		return 0
	}
	return float64(letters) / float64(high)
}

// windows1252Punctuation reports whether Windows-1252 defines byte c of 0x80-0x9F (all but
// 0x81, 0x8D, 0x8F, 0x90 and 0x9D).
func windows1252Punctuation(c byte) bool {
	switch c {
	case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
		return false
	}
	return c >= 0x80 && c < 0xA0
}

// utf8Share is the share of a sample's non-ASCII bytes that are part of valid UTF-8
// characters. Text in another encoding almost never forms one (a Latin-1 é before an ASCII
// letter, a GBK pair, are no UTF-8 sequence), so it scores near 0; UTF-8 with a few bad bytes
// scores near 1.
func utf8Share(s []byte) float64 {
	var valid, high int
	for len(s) > 0 {
		if s[0] < utf8.RuneSelf {
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRune(s)
		if r == utf8.RuneError && n == 1 {
			high++
		} else {
			valid += n
			high += n
		}
		s = s[n:]
	}
	if high == 0 {
		return 0
	}
	return float64(valid) / float64(high)
}

// sniffUTF16 tells UTF-16 without a BOM by where the NUL bytes are: one code unit in 20 or
// more has a zero high byte (ASCII delimiters, digits, line ends: about one in seven in a
// table of Chinese text) and ten times fewer have a zero low byte (a CJK character such as
// U+4E00), or the other way round; and a line end is one whole code unit. A one-byte file
// with a stray NUL or two has no "\n\x00" line end.
func sniffUTF16(sample []byte) string {
	var even, odd int
	n := len(sample) &^ 1
	for i := 0; i < n; i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	lineEnd := func(at int) bool { return sample[at] == '\n' || sample[at] == '\r' }
	var endLE, endBE bool
	for i := 0; i < n && !(endLE && endBE); i += 2 {
		endLE = endLE || lineEnd(i) && sample[i+1] == 0
		endBE = endBE || sample[i] == 0 && lineEnd(i+1)
	}
	switch {
	case units < 2:
		return ""
	case !endLE && !endBE:
		// No line end as a code unit: a stray NUL or two in a one-byte file.
		return ""
	case endLE && odd*20 >= units && even*10 <= odd:
		return UTF16LE
	case endBE && even*20 >= units && odd*10 <= even:
		return UTF16BE
	}
	return ""
}

// cjkScore reads a sample's bytes as double-byte text and returns the share of its pairs
// that fall in GB2312's symbol and level-1 (commonest) character rows, and the share that
// fall in Big5's symbol and common-character block. Chinese text in either encoding scores
// near 1 in its own and well below in the other (GB2312 pairs never have a trail byte below
// 0xA1, a third of Big5's do; Big5's common block ends at lead 0xC6 where GB2312's level 1
// runs to 0xD7); Latin-1 letters score near 0 in both.
func cjkScore(s []byte) (gb, big5 float64) {
	var pairs, inGB, inBig5 int
	for i := 0; i < len(s); i++ {
		lead := s[i]
		if lead < 0x81 || i+1 == len(s) {
			continue
		}
		trail := s[i+1]
		i++
		pairs++
		if (lead >= 0xA1 && lead <= 0xA9 || lead >= 0xB0 && lead <= 0xD7) && trail >= 0xA1 && trail <= 0xFE {
			inGB++
		}
		code := int(lead)<<8 | int(trail)
		if (trail >= 0x40 && trail <= 0x7E || trail >= 0xA1 && trail <= 0xFE) && code >= 0xA140 && code <= 0xC67E {
			inBig5++
		}
	}
	if pairs == 0 {
		return 0, 0
	}
	return float64(inGB) / float64(pairs), float64(inBig5) / float64(pairs)
}

// decodesCleanly reports whether s decodes with at most allowed replacement characters.
func decodesCleanly(e encoding.Encoding, s []byte, allowed int) bool {
	out, err := e.NewDecoder().Bytes(s)
	return err == nil && bytes.Count(out, []byte("\uFFFD")) <= allowed
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

// readRecord reads the next record. A record encoding/csv rejects for a quote where its dialect
// allows none (a " inside an unquoted field, text after a closing quote) is read again from
// its bytes with LazyQuotes, the damage kept in cr.quote: one stray quote must not cost the
// rest of the file. Strict parsing stays the rule for every other record, since LazyQuotes
// would also swallow an unterminated quote at the end of the file, which is damage after
// which nothing can be read, an error.
func (cr *csvReader) readRecord() ([]string, error) {
	cr.lazy, cr.quote = nil, nil
	if cr.literal != nil {
		return cr.literal.read()
	}
	start := cr.r.InputOffset()
	cr.rec.keep = start
	rec, err := cr.r.Read()
	if err == nil {
		return rec, nil
	}
	// Out of line: errors.As's target escapes, which would cost every record an allocation.
	return cr.reread(start, err)
}

// reread reads again, with LazyQuotes, a record from start that encoding/csv rejected for
// a stray quote; any other error is returned as it is.
func (cr *csvReader) reread(start int64, err error) ([]string, error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) || !errors.Is(pe.Err, csv.ErrBareQuote) && !errors.Is(pe.Err, csv.ErrQuote) {
		return nil, err
	}
	end := cr.r.InputOffset()
	raw := cr.rec.slice(start, end)
	if errors.Is(pe.Err, csv.ErrQuote) && cr.rec.atEnd(end) && !textAfter(raw, cr.lastLine+1, pe) {
		// The quoted field ran to the end of the file: it was never closed.
		return cr.readLiterally(raw, pe)
	}
	// The record's final line end goes: a field still open at the end of these bytes (text
	// after a closing quote reopens none, but a lazy reading of it does) would keep it.
	raw = bytes.TrimSuffix(bytes.TrimSuffix(raw, []byte{'\n'}), []byte{'\r'})
	// One buffered reader serves every re-read (csv.NewReader keeps a *bufio.Reader it is
	// given): a file whose every row holds a stray quote allocated 4 KiB a row for it.
	cr.lazySrc.Reset(raw)
	if cr.lazyBuf == nil {
		cr.lazyBuf = bufio.NewReader(&cr.lazySrc)
	} else {
		cr.lazyBuf.Reset(&cr.lazySrc)
	}
	lr := csv.NewReader(cr.lazyBuf)
	lr.Comma, lr.LazyQuotes, lr.FieldsPerRecord = cr.r.Comma, true, -1
	rec, lerr := lr.Read()
	if lerr != nil {
		return nil, err
	}
	cr.lazy, cr.lineBase = lr, cr.lastLine
	field := 0
	for i := range rec {
		if line, col := cr.fieldPos(i); line < pe.Line || line == pe.Line && col <= pe.Column {
			field = i
		}
	}
	cr.quote, cr.quoteField = &Issue{Kind: BareQuote, Line: int64(pe.Line),
		Detail:   fmt.Sprintf("a \" inside unquoted field %d (byte %d of the line), read as a character", field+1, pe.Column),
		DetailZh: fmt.Sprintf("未加引号的字段 %d 中有 \"（该行第 %d 字节），按字符读取", field+1, pe.Column)}, field
	if errors.Is(pe.Err, csv.ErrQuote) {
		cr.quote.Detail = fmt.Sprintf("text after the closing quote of field %d (byte %d of the line), read as characters", field+1, pe.Column)
		cr.quote.DetailZh = fmt.Sprintf("字段 %d 的闭合引号后还有文本（该行第 %d 字节），按字符读取", field+1, pe.Column)
	}
	if field < len(cr.src.Columns) {
		cr.quote.Column = cr.src.Columns[field]
	}
	return rec, nil
}

// textAfter reports whether encoding/csv's quote error in a record's bytes raw, from file line
// first on (blank lines before the record included), lies before the end of its line: text
// after a closing quote ("foo (\"foo\")" with backslash escapes), which can be read, rather
// than a quoted field still open at the end of the file, which is read literally.
// On the last line of a file the two give the same error; only the column tells them apart,
// since a field never closed is reported past the line's last byte.
func textAfter(raw []byte, first int, pe *csv.ParseError) bool {
	lines := bytes.Split(raw, []byte{'\n'})
	i := pe.Line - first
	if i < 0 || i >= len(lines) {
		return false
	}
	return pe.Column <= len(bytes.TrimSuffix(lines[i], []byte{'\r'}))
}

// readLiterally reads a file whose quote is never closed as DuckDB's sniffer does, with
// quotes as characters: raw, the bytes from the end of the previous record to the end of the
// file, is split into lines and fields at the delimiter. Reading it as one quoted field
// would lose every row after the quote to one cell, and refusing it would lose the file;
// the quote is a finding on the record it opens, located at its line and field.
func (cr *csvReader) readLiterally(raw []byte, pe *csv.ParseError) ([]string, error) {
	lines := bytes.Split(raw, []byte{'\n'})
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1] // a final line end starts no line
	}
	cr.literal = &literalRest{lines: lines, firstLine: cr.lastLine + 1, comma: string(cr.r.Comma)}
	rec, err := cr.literal.read()
	if err != nil {
		return nil, err
	}
	// The field left open is the first that opens a quote and does not close it.
	field := 0
	for i, f := range rec {
		if strings.HasPrefix(f, `"`) && (len(f) == 1 || !strings.HasSuffix(f, `"`)) {
			field = i
			break
		}
	}
	last := cr.literal.firstLine + len(lines) - 1
	cr.quote, cr.quoteField = &Issue{Kind: BareQuote, Line: int64(pe.StartLine),
		Detail:   fmt.Sprintf("the quote opening field %d is never closed: lines %d to %d, the end of the file, are read with quotes as characters", field+1, pe.StartLine, last),
		DetailZh: fmt.Sprintf("字段 %d 开头的引号始终未闭合：第 %d 行至文件末尾第 %d 行按引号为字符读取", field+1, pe.StartLine, last)}, field
	if field < len(cr.src.Columns) {
		cr.quote.Column = cr.src.Columns[field]
	}
	return rec, nil
}

// literalRest is the rest of a file read with quotes as characters (readLiterally): each
// non-empty line is a record, split at the delimiter; empty lines are skipped, as encoding/csv
// skips them, and reported by the caller as blank.
type literalRest struct {
	lines     [][]byte
	firstLine int // the file line of lines[0]
	comma     string
	next      int   // the next line to read
	line      int   // the file line of the current record
	starts    []int // the current record's fields' byte offsets in its line
}

func (l *literalRest) read() ([]string, error) {
	for ; l.next < len(l.lines); l.next++ {
		text := string(bytes.TrimSuffix(l.lines[l.next], []byte{'\r'}))
		if text == "" {
			continue
		}
		l.line = l.firstLine + l.next
		l.next++
		rec := strings.Split(text, l.comma)
		l.starts = append(l.starts[:0], 0)
		for i := 1; i < len(rec); i++ {
			l.starts = append(l.starts, l.starts[i-1]+len(rec[i-1])+len(l.comma))
		}
		return rec, nil
	}
	return nil, io.EOF
}

// fieldPos is csv.Reader.FieldPos for the current record.
func (l *literalRest) fieldPos(i int) (line, column int) {
	return l.line, l.starts[i] + 1
}

// fieldPos is csv.Reader.FieldPos of the current record, wherever it was read from.
func (cr *csvReader) fieldPos(i int) (line, column int) {
	if cr.literal != nil {
		return cr.literal.fieldPos(i)
	}
	if cr.lazy != nil {
		line, column = cr.lazy.FieldPos(i)
		return line + cr.lineBase, column
	}
	return cr.r.FieldPos(i)
}

// trailingBlankLines records the blank lines after the last record, which encoding/csv
// skipped on its way to the end of the file: all that is left after the last record is
// their line ends. They go to Source.EndIssues, as there is no row left to carry them.
func (cr *csvReader) trailingBlankLines() {
	blank := 0
	if cr.literal != nil {
		blank = cr.literal.firstLine + len(cr.literal.lines) - 1 - cr.lastLine
	} else {
		blank = bytes.Count(cr.rec.slice(cr.rec.keep, cr.r.InputOffset()), []byte{'\n'})
	}
	for i := range blank {
		l := cr.lastLine + 1 + i
		cr.src.EndIssues = append(cr.src.EndIssues, Issue{Kind: BlankRow, Row: cr.row, Line: int64(l),
			Detail: fmt.Sprintf("line %d is blank (after the last row)", l), DetailZh: fmt.Sprintf("第 %d 行为空行（在最后一行数据之后）", l)})
	}
}

// endRecord notes where the current record ends and returns the lines of the blank lines
// before it. A record's last line is its last field's first line plus the line breaks
// inside that field (a quoted CRLF is one LF, one line, to encoding/csv as here).
func (cr *csvReader) endRecord(rec []string) (blank []int) {
	first, _ := cr.fieldPos(0)
	for l := cr.lastLine + 1; l < first; l++ {
		blank = append(blank, l)
	}
	last, _ := cr.fieldPos(len(rec) - 1)
	cr.lastLine = last + strings.Count(rec[len(rec)-1], "\n")
	return blank
}

func (cr *csvReader) readHeader() error {
	header, err := cr.readRecord()
	if errors.Is(err, io.EOF) {
		// An empty file is read, as DuckDB and Frictionless read it, as a table of no columns
		// and no rows; QUAL-002 says it has no header, which is something to say about it.
		cr.done = true
		cr.schema = arrow.NewSchema(nil, nil)
		cr.src.Columns = []string{}
		return nil
	}
	if err != nil {
		return cr.parseError(err)
	}
	if len(header) > MaxColumns {
		return &ParseError{File: cr.src.Path, Line: 1, Err: tooManyColumns(len(header))}
	}
	// Blank lines before the header are skipped alike; the header is still line 1 to the
	// issues, as it is to a person counting rows, so they are not reported.
	cr.endRecord(header)
	if cr.quote != nil {
		cr.quote.Detail = strings.Replace(cr.quote.Detail, "field ", "header field ", 1)
		cr.quote.DetailZh = strings.Replace(cr.quote.DetailZh, "字段 ", "表头字段 ", 1)
	}
	fields := make([]arrow.Field, len(header))
	names := columnNamer{line: 1, field: "header field", fieldZh: "表头字段", seen: make(map[string]int, len(header))}
	for i, name := range header {
		name = strings.TrimSpace(name)
		// A name with bytes the encoding cannot decode is read as the rows' values are, the
		// bytes as U+FFFD, and located: the column is still there to measure.
		var undecodable *Issue
		if cr.decoded && strings.ContainsRune(name, utf8.RuneError) || !utf8.ValidString(name) {
			name = strings.ToValidUTF8(name, "\uFFFD")
			undecodable = &Issue{Kind: Undecodable, Line: 1,
				Detail:   fmt.Sprintf("header field %d is not valid %s (read as U+FFFD)", i+1, cr.src.Encoding),
				DetailZh: fmt.Sprintf("表头字段 %d 不是有效的 %s（按 U+FFFD 读取）", i+1, cr.src.Encoding)}
		}
		name = names.name(i, name, &cr.src.HeaderIssues)
		if cr.quote != nil && cr.quoteField == i {
			cr.quote.Column = name
			cr.src.HeaderIssues = append(cr.src.HeaderIssues, *cr.quote)
		}
		if undecodable != nil {
			undecodable.Column = name
			cr.src.HeaderIssues = append(cr.src.HeaderIssues, *undecodable)
		}
		fields[i] = arrow.Field{Name: name, Type: arrow.BinaryTypes.String, Nullable: true}
		cr.src.Columns = append(cr.src.Columns, name)
	}
	cr.schema = arrow.NewSchema(fields, nil)
	cr.columns = make([]*textColumn, len(fields))
	cr.cfg.batchSize = batchRows(cr.cfg.batchSize, len(fields))
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
	if errors.Is(err, errRecordTooLong) {
		// The record starts on the line after the last one read, or further down past blank
		// lines, which encoding/csv skips unseen.
		where := fmt.Sprintf("after line %d", cr.lastLine)
		if cr.lastLine == 0 {
			where = "in the header"
		}
		return &ParseError{File: cr.src.Path, Line: int64(cr.lastLine + 1),
			Err: fmt.Errorf("%w %s (a row this long, or a quoted field that never closes in a file this long)", err, where)}
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
	batchStart := cr.r.InputOffset()
	for n < cr.cfg.batchSize && cr.r.InputOffset()-batchStart < batchBytes {
		rec, err := cr.readRecord()
		if errors.Is(err, io.EOF) {
			cr.done = true
			cr.trailingBlankLines()
			break
		}
		if err != nil {
			cr.err = cr.parseError(err)
			break
		}
		cr.row++
		n++
		for _, l := range cr.endRecord(rec) {
			issues = append(issues, Issue{Kind: BlankRow, Row: cr.row, Line: int64(l),
				Detail: fmt.Sprintf("line %d is blank (before row %d)", l, cr.row), DetailZh: fmt.Sprintf("第 %d 行为空行（在第 %d 行数据之前）", l, cr.row)})
		}
		if cr.quote != nil {
			cr.quote.Row = cr.row
			issues = append(issues, *cr.quote)
		}
		if len(rec) != want {
			line, _ := cr.fieldPos(0)
			issues = append(issues, Issue{Kind: Ragged, Row: cr.row, Line: int64(line),
				Detail: fmt.Sprintf("%d fields, header has %d", len(rec), want), DetailZh: fmt.Sprintf("%d 个字段，表头有 %d 个", len(rec), want)})
		}
		empty := 0
		for i, c := range cr.columns {
			if i >= len(rec) || rec[i] == "" {
				empty++
				c.appendNull()
				continue
			}
			v := rec[i]
			// The recorder saw a NUL somewhere ahead: only then is each value searched.
			if cr.rec.nul && strings.IndexByte(v, 0) >= 0 {
				line, _ := cr.fieldPos(i)
				issues = append(issues, Issue{Kind: NULByte, Row: cr.row, Line: int64(line),
					Column: cr.src.Columns[i], Detail: fmt.Sprintf("a NUL byte in field %d", i+1), DetailZh: fmt.Sprintf("字段 %d 中有 NUL 字节", i+1)})
			}
			if cr.decoded && strings.ContainsRune(v, utf8.RuneError) || !cr.decoded && !utf8.ValidString(v) {
				line, _ := cr.fieldPos(i)
				issues = append(issues, Issue{Kind: Undecodable, Row: cr.row, Line: int64(line),
					Column: cr.src.Columns[i], Detail: "bytes not valid " + cr.src.Encoding, DetailZh: "字节不是有效的 " + cr.src.Encoding})
				v = strings.ToValidUTF8(v, "\uFFFD")
			}
			c.append(v)
		}
		if empty == len(cr.columns) && len(rec) <= len(cr.columns) {
			line, _ := cr.fieldPos(0)
			issues = append(issues, Issue{Kind: BlankRow, Row: cr.row, Line: int64(line),
				Detail: "every field is empty", DetailZh: "每个字段都为空"})
		}
	}
	if cr.err != nil || n == 0 {
		for _, c := range cr.columns {
			c.release()
		}
		return false
	}
	rec := finishBatch(cr.schema, cr.columns, n)
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

// recorder passes encoding/csv its input and keeps the bytes from keep on (the start of the
// record being read), so that a record can be parsed again. It holds about one record plus
// encoding/csv's 4 KiB read-ahead; copying through it costs a memmove per buffer read.
type recorder struct {
	r    io.Reader
	buf  []byte
	base int64 // stream offset of buf[0]
	keep int64 // bytes before this offset may be dropped
	eof  bool
	// nul is set once any NUL byte has passed: values are searched for one only then.
	nul bool
	// limit bounds the bytes kept from keep on: past it Read fails with errRecordTooLong,
	// which encoding/csv returns, so a record never grows past MaxRecordBytes in memory.
	limit int64
}

func (rc *recorder) Read(p []byte) (int, error) {
	n, err := rc.r.Read(p)
	if n > 0 {
		if len(rc.buf)+n > cap(rc.buf) {
			drop := int(min(rc.keep-rc.base, int64(len(rc.buf))))
			rc.buf = rc.buf[:copy(rc.buf, rc.buf[drop:])]
			rc.base += int64(drop)
		}
		rc.buf = append(rc.buf, p[:n]...)
		if !rc.nul && bytes.IndexByte(p[:n], 0) >= 0 {
			rc.nul = true
		}
	}
	if errors.Is(err, io.EOF) {
		rc.eof = true
	}
	if rc.limit > 0 && rc.base+int64(len(rc.buf))-rc.keep > rc.limit {
		return n, errRecordTooLong
	}
	return n, err
}

// slice returns the stream's bytes [from, to), which must not have been dropped.
func (rc *recorder) slice(from, to int64) []byte {
	return rc.buf[from-rc.base : to-rc.base]
}

// atEnd reports whether offset is the end of the stream.
func (rc *recorder) atEnd(offset int64) bool {
	return rc.eof && rc.base+int64(len(rc.buf)) == offset
}
