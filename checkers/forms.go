package checkers

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

// The form a value takes tells a masked column from a raw one (DESENS-003..011): raw,
// character-masked (and which positions it keeps), hashed, tokenised, generalised or
// suppressed. Each value is classified once, by hand-written tests that look at its length
// and first bytes before anything else, because this runs on every value of every column.
//
// A value's form is a property of the value alone, except for generalisations a bare number
// can only suggest (a four-digit 1950 is a birth year in one column and an amount in
// another): those count as generalised only when they are the column's majority form, a
// rule applied to the merged counts, so it does not depend on how rows were split.

// maxMaskShapes bounds the shapes a column lists: a masked column has one to a few shapes;
// free text with stars in it could have thousands.
const maxMaskShapes = 16

type form uint8

const (
	formRaw form = iota
	formMasked
	formHashed
	formTokenised
	formGeneralised
	formSuppressed
	numForms
)

// generalisation kinds. The ambiguous ones are bare numbers that may be a generalised value
// or a plain quantity; they count only as a column's majority form.
type generalisation uint8

const (
	genYear generalisation = iota
	genYearMonth
	genYearBand
	genAgeBand
	genRegion4
	genRegion2
	genBareYear    // 1950: a birth year, or an amount
	genBareRegion4 // 4201: a city code, or an amount
	numGeneralisations
)

var generalisationNames = [numGeneralisations]string{
	genYear: "year", genYearMonth: "year_month", genYearBand: "year_band", genAgeBand: "age_band",
	genRegion4: "region_4", genRegion2: "region_2", genBareYear: "year", genBareRegion4: "region_4",
}

// hashNames are the digests a hashed value is counted by: a profile contract, so new ones go
// at the end.
var hashNames = [...]string{"md5_hex", "sha1_hex", "sha256_hex", "md5_base64", "sha1_base64", "sha256_base64",
	"sha224_hex", "sha384_hex", "sha512_hex", "sha224_base64", "sha384_base64", "sha512_base64"}

// formCounter accumulates a column's ValueForms.
type formCounter struct {
	forms    [numForms]int64
	gens     [numGeneralisations]int64
	hashes   [len(hashNames)]int64
	shapes   shapeSet
	decimals [maxDecimals + 1]int64
}

// maxDecimals is the last decimal-place count kept apart; more count as maxDecimals.
const maxDecimals = 15

// formOf is what the text of a value says of its form, which a column's value memo
// (memo.go) keeps so that a repeated value is classified once.
type formOf struct {
	form     form
	gen      int8 // the generalisation counted, or -1
	hash     int8 // the hash kind counted, or -1
	decimals int8 // the decimal places counted (numbers), or -1
	// shaped is a value with mask characters: whether it is masked or suppressed depends on
	// the shapes the column has shown so far (shapeSet), so it is decided on every row.
	shaped bool
}

// formOfValue classifies one present value; k is the kind kindOf gave it, sh its shape
// (detect.ShapeOf).
func formOfValue(v string, k kind, sh detect.Shape) formOf {
	o := formOf{form: formRaw, gen: -1, hash: -1, decimals: -1}
	if k == kindInteger || k == kindNumber {
		o.decimals = int8(decimalPlaces(v))
		if g, ok := bareGeneralisation(v, k); ok {
			o.form, o.gen = formGeneralised, int8(g)
		}
		return o
	}
	// '*' and ＊ are Stars: a value of none has no mask character to look for.
	if sh.Classes&detect.Star != 0 &&
		(strings.IndexByte(v, '*') >= 0 || strings.IndexByte(v, 0xEF) >= 0 && strings.Contains(v, "＊")) {
		o.shaped = true
		return o
	}
	if k == kindDate || k == kindDatetime {
		return o
	}
	if h, ok := hashKind(v); ok {
		o.form, o.hash = formHashed, int8(h)
		return o
	}
	// A token has a separator ('-', ':', or '_', an Other); a string of digits alone is no
	// generalisation (a year or an age band has a suffix or a separator).
	if sh.Classes&(detect.Dash|detect.Colon|detect.Other) != 0 && isToken(v) {
		o.form = formTokenised
		return o
	}
	if digitsOnly(v, sh) {
		return o
	}
	if g, ok := textGeneralisation(v); ok {
		o.form, o.gen = formGeneralised, int8(g)
	}
	return o
}

// observe counts one present value of form o at row.
func (f *formCounter) observe(o formOf, v string, row int64) {
	if o.shaped {
		f.shaped(v, row)
		return
	}
	f.tally(o, 1)
}

// shaped counts a value with mask characters at row, masked or suppressed by its shape.
func (f *formCounter) shaped(v string, row int64) {
	if f.shapes.observe(v, row) {
		f.forms[formMasked]++
	} else {
		f.forms[formSuppressed]++
	}
}

// tally counts n values of form o, which is not shaped (those are counted one by one,
// shaped).
func (f *formCounter) tally(o formOf, n int64) {
	if o.shaped {
		return
	}
	if o.decimals >= 0 {
		f.decimals[o.decimals] += n
	}
	if o.gen >= 0 {
		f.gens[o.gen] += n
	}
	if o.hash >= 0 {
		f.hashes[o.hash] += n
	}
	f.forms[o.form] += n
}

func (f *formCounter) merge(o *formCounter) {
	for i := range f.forms {
		f.forms[i] += o.forms[i]
	}
	for i := range f.gens {
		f.gens[i] += o.gens[i]
	}
	for i := range f.hashes {
		f.hashes[i] += o.hashes[i]
	}
	for i := range f.decimals {
		f.decimals[i] += o.decimals[i]
	}
	f.shapes.merge(&o.shapes)
}

func (f *formCounter) profile() *ValueForms {
	forms, gens := f.forms, f.gens
	present := int64(0)
	for _, n := range forms {
		present += n
	}
	// A bare number is a generalisation only where such numbers are most of the column.
	for _, g := range []generalisation{genBareYear, genBareRegion4} {
		if gens[g] > 0 && 2*gens[g] <= present {
			forms[formGeneralised] -= gens[g]
			forms[formRaw] += gens[g]
			gens[g] = 0
		}
	}
	p := &ValueForms{Raw: forms[formRaw], Masked: forms[formMasked], Hashed: forms[formHashed],
		Tokenised: forms[formTokenised], Generalised: forms[formGeneralised], Suppressed: forms[formSuppressed],
		Hashes: map[string]int64{}, Generalisations: map[string]int64{}, DecimalPlaces: map[string]int64{}}
	p.MaskShapes, p.MaskShapesOther = f.shapes.sorted()
	for i, n := range gens {
		if n > 0 {
			p.Generalisations[generalisationNames[i]] += n
		}
	}
	for i, n := range f.hashes {
		if n > 0 {
			p.Hashes[hashNames[i]] = n
		}
	}
	for i, n := range f.decimals {
		if n > 0 {
			p.DecimalPlaces[strconv.Itoa(i)] = n
		}
	}
	return p
}

// shapeSet counts masked values by shape. It keeps the maxMaskShapes smallest shapes (in
// text order) exactly and counts the others together: a shape among the smallest overall is
// never evicted in any share of the rows, so merging shares gives the one-pass result.
type shapeSet struct {
	shapes map[string]*MaskShape
	other  int64
}

// observe records v's shape, or reports false when v keeps nothing (suppressed).
func (s *shapeSet) observe(v string, row int64) bool {
	var buf [64]byte
	shape := buf[:0]
	n, hidden, run := 0, 0, 0
	masked := false // the current run is of mask characters
	for _, r := range v {
		isMask := r == '*' || r == '＊'
		if isMask != masked {
			shape = strconv.AppendInt(shape, int64(run), 10)
			shape = append(shape, '+')
			masked, run = isMask, 0
		}
		run++
		n++
		if isMask {
			hidden++
		}
	}
	if hidden == n {
		return false
	}
	shape = strconv.AppendInt(shape, int64(run), 10)
	if m := s.shapes[string(shape)]; m != nil { // no allocation for a shape seen before
		m.Count++
		m.FirstRow = min(m.FirstRow, row)
		return true
	}
	s.add(&MaskShape{Shape: string(shape), Length: n, Hidden: hidden, Count: 1, FirstRow: row})
	return true
}

// add inserts a new shape, evicting the largest when there are too many.
func (s *shapeSet) add(m *MaskShape) {
	if s.shapes == nil {
		s.shapes = map[string]*MaskShape{}
	}
	s.shapes[m.Shape] = m
	if len(s.shapes) <= maxMaskShapes {
		return
	}
	largest := ""
	for k := range s.shapes {
		largest = max(largest, k)
	}
	s.other += s.shapes[largest].Count
	delete(s.shapes, largest)
}

func (s *shapeSet) merge(o *shapeSet) {
	s.other += o.other
	for k, m := range o.shapes {
		if mine := s.shapes[k]; mine != nil {
			mine.Count += m.Count
			mine.FirstRow = min(mine.FirstRow, m.FirstRow)
			continue
		}
		c := *m
		s.add(&c)
	}
}

// sorted lists the kept shapes, commonest first, each with its kept ranges.
func (s *shapeSet) sorted() ([]MaskShape, int64) {
	out := make([]MaskShape, 0, len(s.shapes))
	for _, m := range s.shapes {
		c := *m
		c.Kept = keptRanges(c.Shape)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b MaskShape) int {
		if a.Count != b.Count {
			return int(min(max(b.Count-a.Count, -1), 1))
		}
		return strings.Compare(a.Shape, b.Shape)
	})
	return out, s.other
}

// keptRanges reads a shape ("6+8+4") as the ranges it keeps ([[1,6],[15,18]]).
func keptRanges(shape string) [][2]int {
	kept := [][2]int{}
	pos := 1
	for i, part := range strings.Split(shape, "+") {
		n, _ := strconv.Atoi(part)
		if i%2 == 0 && n > 0 {
			kept = append(kept, [2]int{pos, pos + n - 1})
		}
		pos += n
	}
	return kept
}

// decimalPlaces counts the digits after a number's decimal point (0 for an integer).
func decimalPlaces(v string) int {
	dot := strings.IndexByte(v, '.')
	if dot < 0 {
		return 0
	}
	n := 0
	for i := dot + 1; i < len(v) && isDigit(v[i]); i++ {
		n++
	}
	return min(n, maxDecimals)
}

// bareGeneralisation recognises the numbers that may stand for a generalised value: a year
// (1900-2099), a region code cut to 4 digits (a province prefix and a city part), and the
// 6-digit forms padded with zeros (420100 a city, 420000 a province). Padded codes are
// unambiguous enough to count on their own; the others need the column's majority.
func bareGeneralisation(v string, k kind) (generalisation, bool) {
	if k != kindInteger {
		return 0, false
	}
	switch len(v) {
	case 4:
		if v[:2] == "19" || v[:2] == "20" {
			return genBareYear, true
		}
		if provincePrefix(v) && v[2:] != "00" {
			return genBareRegion4, true
		}
	case 6:
		if provincePrefix(v) && v[4:] == "00" {
			if v[2:4] == "00" {
				return genRegion2, true
			}
			return genRegion4, true
		}
	}
	return 0, false
}

// provincePrefix reports whether v starts with a GB/T 2260 province code (STANDARDS §3.1:
// 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82).
func provincePrefix(v string) bool {
	p, ok := digitsOf(v[:2])
	if !ok {
		return false
	}
	switch {
	case p >= 11 && p <= 15, p >= 21 && p <= 23, p >= 31 && p <= 37, p >= 41 && p <= 46,
		p >= 50 && p <= 54, p >= 61 && p <= 65, p == 71, p == 81, p == 82:
		return true
	}
	return false
}

// hashKind is the index in hashNames of a digest written in hex or base64 (detect.Hash: its
// length, alphabet and spread, so that a counter of 32 digits or a UUID with its hyphens is no
// hash), or false.
func hashKind(v string) (int, bool) {
	r := detect.Hash(v)
	if !r.Match {
		return 0, false
	}
	base64 := r.Traits.Has(detect.HashBase64)
	for i, digest := range [...]detect.Traits{detect.HashMD5, detect.HashSHA1, detect.HashSHA256, detect.HashSHA224, detect.HashSHA384, detect.HashSHA512} {
		if !r.Traits.Has(digest) {
			continue
		}
		switch {
		case i < 3 && base64:
			return i + 3, true
		case i < 3:
			return i, true
		case base64:
			return i + 6, true
		}
		return i + 3, true
	}
	return 0, false
}

// minTokenBody is the shortest random part of a token: 16 characters of [A-Za-z0-9] carry
// at least 80 bits, which no code or serial number needs.
const minTokenBody = 16

// isToken recognises pseudonyms and tokens: a UUID (8-4-4-4-12 hex digits), or a prefix of
// one to eight letters, a separator ('_', '-' or ':') and at least 16 letters and digits
// mixing both (tk_9fA2c8Qe71bX0d4K). Household numbers such as HS2025-000001 are not
// tokens: their body is short and all digits.
func isToken(v string) bool {
	if len(v) == 36 && v[8] == '-' && v[13] == '-' && v[18] == '-' && v[23] == '-' {
		for i := 0; i < len(v); i++ {
			if c := v[i]; c != '-' && !isDigit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F') {
				return false
			}
		}
		return true
	}
	if len(v) < minTokenBody+2 {
		return false
	}
	// The prefix is one to eight letters: only the first nine bytes can hold the separator
	// (a loop, since strings.IndexAny builds its byte set on every call).
	sep := -1
	for i := 0; i < min(len(v), 9); i++ {
		if c := v[i]; c == '_' || c == '-' || c == ':' {
			sep = i
			break
		}
	}
	if sep < 1 {
		return false
	}
	for i := 0; i < sep; i++ {
		if c := v[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	body := v[sep+1:]
	if len(body) < minTokenBody {
		return false
	}
	letters, digits := 0, 0
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case isDigit(c):
			digits++
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			letters++
		default:
			return false
		}
	}
	return letters > 0 && digits > 0
}

// textGeneralisation recognises generalised values written as text: 1950年, 1950-07,
// 1950/07, 1950年7月, 1950-1969, 1950年代, 1950s, 60-69, 60-69岁, 60岁以上, 80+, <18, ≥60.
func textGeneralisation(v string) (generalisation, bool) {
	if len(v) < 2 || len(v) > 24 {
		return 0, false
	}
	if c := v[0]; !isDigit(c) && c != '<' && c != '>' && c != "≥"[0] {
		return 0, false
	}
	if y, rest, ok := leadingYear(v); ok {
		switch rest {
		case "年", "s", "年代":
			if rest == "年" {
				return genYear, true
			}
			return genYearBand, y%10 == 0
		}
		if m, ok := monthSuffix(rest); ok && m >= 1 && m <= 12 {
			return genYearMonth, true
		}
		if sep, after := bandSeparator(rest); sep {
			if y2, tail, ok := leadingYear(after); ok && y2 >= y && (tail == "" || tail == "年") {
				return genYearBand, true
			}
		}
		return 0, false
	}
	return ageBand(v)
}

// leadingYear reads a year 1900-2099 at the start of v and returns the rest.
func leadingYear(v string) (int, string, bool) {
	if len(v) < 4 || (v[:2] != "19" && v[:2] != "20") {
		return 0, "", false
	}
	y, ok := digitsOf(v[:4])
	if !ok || len(v) > 4 && isDigit(v[4]) {
		return 0, "", false
	}
	return y, v[4:], true
}

// monthSuffix reads "-07", "/07", "-7", "年7月", "年07月", "年7", "."+month.
func monthSuffix(rest string) (int, bool) {
	var digits string
	switch {
	case strings.HasPrefix(rest, "年"):
		digits = strings.TrimSuffix(rest[len("年"):], "月")
	case len(rest) > 1 && (rest[0] == '-' || rest[0] == '/' || rest[0] == '.'):
		digits = rest[1:]
	default:
		return 0, false
	}
	if len(digits) < 1 || len(digits) > 2 {
		return 0, false
	}
	return digitsOf(digits)
}

// bandSeparator reports a range separator (-, ~, —, 至, 到) at the start of rest, and what
// follows it.
func bandSeparator(rest string) (bool, string) {
	for _, sep := range []string{"-", "~", "～", "—", "至", "到"} {
		if strings.HasPrefix(rest, sep) {
			return true, rest[len(sep):]
		}
	}
	return false, ""
}

// ageBand recognises bands of ages: 60-69, 60-69岁, 60~69, 60岁以上, 60岁及以上, 80+, <18,
// >=60, ≥60, 18岁以下.
func ageBand(v string) (generalisation, bool) {
	rest := v
	if !isDigit(v[0]) { // every bound's sign starts with a byte other than a digit
		for _, p := range []string{"<=", ">=", "≤", "≥", "<", ">"} {
			if strings.HasPrefix(rest, p) {
				a, tail := leadingAge(rest[len(p):])
				return genAgeBand, a >= 0 && (tail == "" || tail == "岁")
			}
		}
	}
	a, tail := leadingAge(rest)
	if a < 0 || tail == "" {
		return 0, false
	}
	tail = strings.TrimPrefix(tail, "岁")
	switch tail {
	case "+", "以上", "及以上", "以下", "及以下":
		return genAgeBand, true
	}
	if sep, after := bandSeparator(tail); sep {
		b, end := leadingAge(after)
		return genAgeBand, b >= a && (end == "" || end == "岁")
	}
	return 0, false
}

// leadingAge reads one to three digits (an age up to 150) at the start of v; -1 if none.
func leadingAge(v string) (int, string) {
	i := 0
	for i < len(v) && i < 4 && isDigit(v[i]) {
		i++
	}
	if i == 0 || i > 3 {
		return -1, v
	}
	a, _ := digitsOf(v[:i])
	if a > 150 {
		return -1, v
	}
	return a, v[i:]
}
