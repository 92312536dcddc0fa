package dgcheck

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/checkers"
	"github.com/dgcheck/dgcheck/datasets"
	"github.com/dgcheck/dgcheck/reports"
)

// One dataset across machines: each machine measures one part of a Parquet dataset's row
// groups or of a table's key ranges (MeasurePart) into a partial profile, a file; a check
// given all of them (Request.Profiles) merges their accumulators and judges once, giving the
// findings one scan of the whole gives. The parts run wherever the user's scheduler runs them; the files are all
// that travels.
//
// A partial profile holds the accumulators in this build's own encoding (checkers.Part), so it
// is read only by the dgcheck that wrote it, and only against the same dataset, metadata and
// rules: anything else is refused with the reason. Like the data, it holds values in clear
// (samples are masked when the whole is judged, once the columns' classification is known):
// keep it where the data may be kept. Its envelope's JSON Schema is
// docs/partial-profile.schema.json.

// PartialFormat is the partial profile's format and version.
const PartialFormat = "dgcheck/partial-profile/v1"

// PartialProfile is what one part measured.
type PartialProfile struct {
	Format string       `json:"format"`
	Tool   reports.Tool `json:"tool"`
	// RulesDigest is the rules' (Checker.RulesDigest): a part is judged with the rules it was
	// measured for.
	RulesDigest string `json:"rules_digest"`
	// MetadataDigest is the SHA-256 of the metadata as read ("" without metadata): it decides
	// what is measured (keys, quasi-identifiers, checks).
	MetadataDigest string         `json:"metadata_digest"`
	SkipDetection  bool           `json:"skip_detection"`
	Part           int            `json:"part"`
	Parts          int            `json:"parts"`
	Dataset        PartialDataset `json:"dataset"`
	Rows           int64          `json:"rows"` // rows this part measured
	// The accumulators are the last field, "state", base64 in JSON: written from measured
	// (WriteTo), read from the file at stateAt (readState). Both stream them: a 10M-row roll's
	// state is hundreds of megabytes.
	measured *checkers.Part
	path     string
	stateAt  int64
}

// PartialDataset is the dataset a part was measured from, as its reader saw it: a check
// merges parts only of the dataset it is given, recognised by these.
type PartialDataset struct {
	Path    string   `json:"path"`
	Name    string   `json:"name"`
	Format  string   `json:"format"`
	Size    int64    `json:"size"`
	Rows    int64    `json:"rows"` // the whole dataset's, as the part read it
	Columns []string `json:"columns"`
}

// MeasurePart measures part (from 1) of parts of the dataset req names: a Parquet file,
// directory or prefix, whose row groups the parts share, or a table with a primary key,
// whose key's order they share in ranges (datasets.WithPart). Release the result once it is
// written.
func (c *Checker) MeasurePart(ctx context.Context, req Request, part, parts int) (*PartialProfile, error) {
	r, meta, _, err := openDataset(ctx, req.Path, req.Metadata, req.Encoding, req.Within, datasets.WithPart(part, parts))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	metaDigest, err := metadataDigest(meta)
	if err != nil {
		return nil, err
	}
	measured, err := checkers.Measure(ctx, r, req.plan(meta))
	if err != nil {
		return nil, err
	}
	return &PartialProfile{Format: PartialFormat, Tool: reports.Tool{Name: "dgcheck", Version: c.version},
		RulesDigest: c.RulesDigest(), MetadataDigest: metaDigest, SkipDetection: req.SkipDetection,
		Part: part, Parts: parts, Dataset: partialDataset(r.Source()), Rows: measured.Rows(), measured: measured,
	}, nil
}

// Release removes the files the measured part's row sets spilled to.
func (p *PartialProfile) Release() {
	if p.measured != nil {
		p.measured.Release()
	}
}

// WriteTo writes the partial profile MeasurePart made as JSON, its state streamed last.
func (p *PartialProfile) WriteTo(w io.Writer) (int64, error) {
	if p.measured == nil {
		return 0, errors.New("partial profile: only a measured part can be written")
	}
	envelope, err := json.Marshal(p)
	if err != nil {
		return 0, err
	}
	cw := &countingWriter{w: w}
	bw := bufio.NewWriterSize(cw, 256<<10)
	bw.Write(envelope[:len(envelope)-1]) // without its closing brace
	bw.WriteString(`,"state":"`)
	enc := base64.NewEncoder(base64.StdEncoding, bw)
	if err := p.measured.WriteState(enc); err != nil {
		return cw.n, err
	}
	enc.Close()
	bw.WriteString("\"}\n")
	err = bw.Flush()
	return cw.n, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

func partialDataset(src *datasets.Source) PartialDataset {
	return PartialDataset{Path: src.Path, Name: src.Name, Format: string(src.Format), Size: src.Size,
		Rows: src.TotalRows, Columns: src.Columns}
}

// metadataDigest is the SHA-256 of the metadata as read, "" for none.
func metadataDigest(meta *datasets.MetadataFile) (string, error) {
	if meta == nil {
		return "", nil
	}
	b, err := json.Marshal(meta.Metadata)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// ReadPartialProfile reads a partial profile's envelope, refusing one of another format. Its
// state is passed over, not held, and read when the part is merged (readState).
func ReadPartialProfile(path string) (*PartialProfile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	notOne := func(err error) error { return fmt.Errorf("%s: not a partial profile: %w", path, err) }
	dec := json.NewDecoder(f)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, notOne(cmp.Or(err, errors.New("not a JSON object")))
	}
	fields := map[string]json.RawMessage{}
	stateAt := int64(-1)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, notOne(err)
		}
		if tok != "state" {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, notOne(err)
			}
			fields[tok.(string)] = raw
			continue
		}
		if stateAt >= 0 {
			return nil, notOne(errors.New("two states"))
		}
		// The fields after the state, if any (a tool that sorts keys puts "tool" there), are
		// read by a decoder of their own.
		stateAt = dec.InputOffset()
		rest, err := pastState(f, stateAt)
		if err != nil {
			return nil, notOne(err)
		}
		dec = json.NewDecoder(io.MultiReader(strings.NewReader("{"), rest))
		dec.Token()
	}
	var format string
	_ = json.Unmarshal(fields["format"], &format)
	if format != PartialFormat {
		return nil, fmt.Errorf("%s: a partial profile of format %q; this dgcheck reads %s", path, format, PartialFormat)
	}
	if stateAt < 0 {
		return nil, notOne(errors.New("no state"))
	}
	envelope, _ := json.Marshal(fields)
	p := PartialProfile{path: path, stateAt: stateAt}
	strict := json.NewDecoder(bytes.NewReader(envelope))
	strict.DisallowUnknownFields()
	if err := strict.Decode(&p); err != nil {
		return nil, notOne(err)
	}
	return &p, nil
}

// pastState reads f from the state's key, at, past its string, and returns the rest of the
// object after the comma that follows it, or an empty object's end.
func pastState(f *os.File, at int64) (io.Reader, error) {
	s, err := openStateString(f, at)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(io.Discard, s); err != nil {
		return nil, err
	}
	switch c, _ := s.skipSpace(); c {
	case ',':
		return s.r, nil
	case '}':
		return strings.NewReader("}"), nil
	}
	return nil, errStateLayout
}

// readState opens the state of a partial profile ReadPartialProfile read, for decode to read
// as it streams, decoding its base64. limit bounds the state's length.
func (p *PartialProfile) readState(decode func(state io.Reader, limit int64) error) error {
	f, err := os.Open(p.path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	s, err := openStateString(f, p.stateAt)
	if err != nil {
		return fmt.Errorf("%s: %w", p.path, err)
	}
	limit := (info.Size()-p.stateAt)/4*3 + 3
	if err := decode(base64.NewDecoder(base64.StdEncoding, s), limit); err != nil {
		return fmt.Errorf("%s: %w", p.path, err)
	}
	return nil
}

// stateString reads the characters of the JSON string that holds the state, to its closing
// quote. WriteTo writes base64, which needs no escapes; one that has them is refused rather
// than unescaped.
type stateString struct {
	r       *bufio.Reader
	pending []byte // read and not yet returned; it is the reader's buffer
	done    bool   // the closing quote is read
}

var errStateLayout = errors.New(`partial profile: the state is not a JSON string of base64 without escapes, as dgcheck writes it`)

// openStateString reads f from the state's key, at, to its string's opening quote.
func openStateString(f *os.File, at int64) (*stateString, error) {
	if _, err := f.Seek(at, io.SeekStart); err != nil {
		return nil, err
	}
	s := &stateString{r: bufio.NewReaderSize(f, 256<<10)}
	for _, want := range []byte{':', '"'} {
		if c, err := s.skipSpace(); err != nil || c != want {
			return nil, errStateLayout
		}
	}
	return s, nil
}

// skipSpace returns the next byte that is not JSON's white space.
func (s *stateString) skipSpace() (byte, error) {
	for {
		c, err := s.r.ReadByte()
		if err != nil || !strings.ContainsRune(" \t\r\n", rune(c)) {
			return c, err
		}
	}
}

func (s *stateString) Read(b []byte) (int, error) {
	for len(s.pending) == 0 {
		if s.done {
			return 0, io.EOF
		}
		chunk, err := s.r.ReadSlice('"')
		switch err {
		case nil:
			s.done, chunk = true, chunk[:len(chunk)-1]
		case bufio.ErrBufferFull:
		default:
			return 0, errStateLayout // the file ends within the string
		}
		if bytes.IndexByte(chunk, '\\') >= 0 {
			return 0, errStateLayout
		}
		s.pending = chunk
	}
	n := copy(b, s.pending)
	s.pending = s.pending[n:]
	return n, nil
}

// mergeParts reads the partial profiles at paths, which must be every part of the dataset
// src, measured by this dgcheck with these rules, metadata and plan, and finishes their merged
// accumulators into the whole's profile.
func (c *Checker) mergeParts(ctx context.Context, paths []string, src *datasets.Source, meta *datasets.MetadataFile, req Request, plan checkers.Plan) (*checkers.Profile, error) {
	metaDigest, err := metadataDigest(meta)
	if err != nil {
		return nil, err
	}
	want := partialDataset(src)
	var merged *checkers.Part
	defer func() {
		if merged != nil {
			merged.Release()
		}
	}()
	seen := map[int]string{}
	parts := 0
	var rows, total int64 // measured, and the whole's as the parts knew it
	for _, path := range paths {
		p, err := ReadPartialProfile(path)
		if err != nil {
			return nil, err
		}
		refuse := func(format string, args ...any) error {
			return fmt.Errorf("%s: refused: %s", path, fmt.Sprintf(format, args...))
		}
		switch {
		case p.Tool.Version != c.version:
			return nil, refuse("written by dgcheck %s, this is %s: a partial profile is read by the version that wrote it", p.Tool.Version, c.version)
		case p.RulesDigest != c.RulesDigest():
			return nil, refuse("measured for other rules (%s, these are %s)", p.RulesDigest, c.RulesDigest())
		case p.MetadataDigest != metaDigest:
			return nil, refuse("measured with other metadata (%s, this check's is %s)", orNone(p.MetadataDigest), orNone(metaDigest))
		case p.SkipDetection != req.SkipDetection:
			return nil, refuse("measured with identifier detection %s, this check %s", onOff(!p.SkipDetection), onOff(!req.SkipDetection))
		case !samePartialDataset(p.Dataset, want):
			return nil, refuse("a part of %s (%s %s, %d bytes, columns %s), not of %s (%s %s, %d bytes, columns %s)",
				p.Dataset.Path, p.Dataset.Format, p.Dataset.Name, p.Dataset.Size, strings.Join(p.Dataset.Columns, ","),
				want.Path, want.Format, want.Name, want.Size, strings.Join(want.Columns, ","))
		case total != 0 && p.Dataset.Rows != total:
			return nil, refuse("a part of %d rows, while %s is a part of %d", p.Dataset.Rows, paths[0], total)
		case parts != 0 && p.Parts != parts:
			return nil, refuse("part %d of %d, while %s is of %d", p.Part, p.Parts, paths[0], parts)
		case p.Part < 1 || p.Part > p.Parts:
			return nil, refuse("part %d of %d", p.Part, p.Parts)
		case seen[p.Part] != "":
			return nil, refuse("part %d of %d again (%s is that part)", p.Part, p.Parts, seen[p.Part])
		}
		parts, seen[p.Part], total = p.Parts, path, p.Dataset.Rows
		var part *checkers.Part
		err = p.readState(func(state io.Reader, limit int64) (err error) {
			part, err = checkers.DecodePart(ctx, state, limit, src.Columns, plan)
			return err
		})
		if err != nil {
			return nil, err
		}

		if part.Rows() != p.Rows {
			part.Release()
			return nil, refuse("its state holds %d rows, its envelope says %d", part.Rows(), p.Rows)
		}
		rows += p.Rows
		if merged == nil {
			merged = part
		} else if err := merged.Merge(part); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var missing []string
	for i := 1; i <= parts; i++ {
		if seen[i] == "" {
			missing = append(missing, fmt.Sprint(i))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("--profiles: part %s of %d missing: every part of the dataset is needed to judge it", strings.Join(missing, ", "), parts)
	}
	if merged == nil {
		return nil, errors.New("--profiles: no partial profile given")
	}
	if rows != total {
		return nil, fmt.Errorf("--profiles: the parts measured %d rows, the dataset has %d", rows, total)
	}
	return merged.Profile(src.HeaderIssues)
}

// samePartialDataset says whether two descriptions are of one dataset: the same name,
// format, size in bytes and columns (the path may differ between machines). Rows are not
// compared: a directory's reader knows them only once it has opened every file.
func samePartialDataset(a, b PartialDataset) bool {
	return a.Name == b.Name && a.Format == b.Format && a.Size == b.Size && slices.Equal(a.Columns, b.Columns)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
