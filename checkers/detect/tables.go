package detect

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The data files: tables that change by administrative decision, each with its edition.

//go:embed data/gbt2260.tsv
var gbt2260TSV string

//go:embed data/mobile_segments.txt
var mobileSegmentsTxt string

//go:embed data/plates.txt
var platesTxt string

//go:embed data/surnames.txt
var surnamesTxt string

// Editions names the edition of each bundled table, for reports and `dgcheck classify`.
var Editions = map[string]string{
	"gbt2260":         edition(gbt2260TSV),
	"mobile_segments": edition(mobileSegmentsTxt),
	"plates":          edition(platesTxt),
	"surnames":        edition(surnamesTxt),
}

// regionStatus holds, per 6-digit GB/T 2260 code, whether it is a current or retired code:
// a direct index, so a lookup is one load. regionYears holds the years in force of the codes
// whose years the table records, for RegionYears (not on the hot path).
var regionStatus, regionYears = parseRegions(gbt2260TSV)

// parseRegions reads data/gbt2260.tsv: lines code<TAB>status<TAB>name<TAB>from<TAB>to, status
// current or retired, from the first year in force and to the last (empty for a current
// code), both empty when not known. It panics on a malformed line.
func parseRegions(text string) ([]uint8, map[int32][2]uint16) {
	t := make([]uint8, 1_000_000)
	years := map[int32][2]uint16{}
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		bad := func(what string) {
			panic(fmt.Sprintf("detect: data/gbt2260.tsv:%d: %s: %q", n, what, line))
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			bad("want 5 tab-separated fields (code, status, name, from, to)")
		}
		code, ok := digitsValue(f[0], 6)
		if !ok || code < 100000 {
			bad("bad code")
		}
		if t[code] != regionUnknown {
			bad("code listed twice")
		}
		if f[2] == "" {
			bad("empty name")
		}
		from, okFrom := regionYear(f[3])
		to, okTo := regionYear(f[4])
		if !okFrom || !okTo {
			bad("bad year")
		}
		switch f[1] {
		case "current":
			if to != 0 {
				bad("a current code with a last year")
			}
			t[code] = regionCurrent
		case "retired":
			if (from == 0) != (to == 0) || to < from {
				bad("a retired code needs both years, from <= to, or neither")
			}
			t[code] = regionRetired
		default:
			bad("status is neither current nor retired")
		}
		if from != 0 {
			years[int32(code)] = [2]uint16{uint16(from), uint16(to)}
		}
	}
	return t, years
}

// regionYear reads an empty field as 0 and otherwise a year from 1980 to 2100.
func regionYear(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	y, ok := digitsValue(s, 4)
	return y, ok && y >= 1980 && y <= 2100
}

// RegionYears returns the years code (six ASCII digits) was in force as the bundled GB/T 2260
// table records them: from the first year, to the last, 0 for a current code. A code retired
// and later reused gets the envelope of its spans. ok is false if the code is not in the
// table or the table does not record its years (a few codes kept from an older table).
func RegionYears(code string) (from, to int, ok bool) {
	n, isCode := digitsValue(code, 6)
	if !isCode {
		return 0, 0, false
	}
	y, ok := regionYears[int32(n)]
	return int(y[0]), int(y[1]), ok
}

const (
	regionUnknown uint8 = iota
	regionCurrent
	regionRetired
)

// region looks up the first six bytes of s, which must be ASCII digits.
func region(s string) uint8 {
	n := 0
	for i := range 6 {
		n = n*10 + int(s[i]-'0')
	}
	return regionStatus[n]
}

// mobileSegments marks allocated segments by their three digits (130..199).
var mobileSegments = func() (t [1000]bool) {
	for _, line := range dataLines(mobileSegmentsTxt) {
		for _, seg := range strings.Fields(line) {
			n, ok := digitsValue(seg, 3)
			if !ok || seg[0] != '1' {
				panic(fmt.Sprintf("detect: data/mobile_segments.txt: bad segment %q", seg))
			}
			t[n] = true
		}
	}
	return t
}()

// Plate tables: which first runes, second letters, serial characters and usage characters a
// plate may have.
var (
	plateProvinces = newRuneSet(dataField(platesTxt, "provinces"))
	plateLetters   = byteSet(dataField(platesTxt, "letters"))
	plateSerial    = byteSet(dataField(platesTxt, "serial"))
	plateUsage     = newRuneSet(dataField(platesTxt, "usage"))
	plateNewEnergy = byteSet(dataField(platesTxt, "new_energy"))
)

// Surname tables of the name heuristic.
var (
	singleSurnames   = newRuneSet(dataField(surnamesTxt, "single"))
	compoundSurnames = pairSet(dataField(surnamesTxt, "compound"))
	// compoundFirst holds the first characters of compound surnames (欧 of 欧阳).
	compoundFirst = func() *runeSet {
		var first []rune
		for pair := range compoundSurnames {
			first = append(first, pair[0])
		}
		return newRuneSet(string(first))
	}()
)

// dataLines returns the non-comment, non-blank lines of a data file.
func dataLines(text string) []string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	return lines
}

// dataField returns the value of the line "key: value" of a data file.
func dataField(text, key string) string {
	for _, line := range dataLines(text) {
		if k, v, ok := strings.Cut(line, ":"); ok && k == key {
			return strings.TrimSpace(v)
		}
	}
	panic("detect: data file without " + key)
}

// edition returns the date on a data file's "# edition:" line.
func edition(text string) string {
	for line := range strings.Lines(text) {
		if v, ok := strings.CutPrefix(line, "# edition: "); ok {
			date, _, _ := strings.Cut(strings.TrimSpace(v), " ")
			return date
		}
	}
	panic("detect: data file without an edition")
}

// runeSet is a set of runes of the Basic Multilingual Plane, as a bitmap: the name and plate
// matchers ask it once a value, and a map lookup cost more than the rest of their work.
type runeSet [1 << 16 / 64]uint64

func newRuneSet(s string) *runeSet {
	var t runeSet
	for _, r := range s {
		if r > 0xFFFF {
			panic("detect: data file rune outside the Basic Multilingual Plane")
		}
		t[r/64] |= 1 << (r % 64)
	}
	return &t
}

func (t *runeSet) has(r rune) bool { return r >= 0 && r <= 0xFFFF && t[r/64]&(1<<(r%64)) != 0 }

func byteSet(s string) (t [256]bool) {
	for i := 0; i < len(s); i++ {
		t[s[i]] = true
	}
	return t
}

// pairSet holds two-rune strings (compound surnames) as rune pairs.
func pairSet(s string) map[[2]rune]bool {
	m := map[[2]rune]bool{}
	rs := []rune(s)
	if len(rs)%2 != 0 {
		panic("detect: compound surnames must be two characters each")
	}
	for i := 0; i < len(rs); i += 2 {
		m[[2]rune{rs[i], rs[i+1]}] = true
	}
	return m
}

// digitsValue reads s as exactly n ASCII digits.
func digitsValue(s string, n int) (int, bool) {
	if len(s) != n {
		return 0, false
	}
	v := 0
	for i := 0; i < n; i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// firstRune decodes the first rune of s; size 0 for an empty string.
func firstRune(s string) (rune, int) {
	if s == "" {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s)
}
