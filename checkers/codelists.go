package checkers

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"golang.org/x/text/language"
)

// Reference tables a field may name as its code list (fields[].code_list, QUAL-005) or data
// standard (fields[].standard_ref, QUAL-001). Each is bundled data with its edition, which the
// evidence names so that a reader knows what "not in the list" was measured against. The
// GB/T 2260 region table is the detectors' (checkers/detect/data/gbt2260.tsv): one table.

//go:embed data/gbt2261_1.tsv
var gbt2261TSV string

// reference is a bundled way to tell a conforming value: a code list or an identifier
// standard's validator.
type reference struct {
	name    string // as evidence names it, with the bundled edition
	conform func(v string) bool
}

// sexCodes maps each GB/T 2261.1 code, name and other spelling to the code.
var sexCodes = func() map[string]string {
	m := map[string]string{}
	for _, line := range tableLines(gbt2261TSV) {
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			panic("checkers: data/gbt2261_1.tsv: bad line " + line)
		}
		m[cols[0]], m[cols[1]] = cols[0], cols[0]
		if len(cols) > 2 {
			for _, s := range strings.Split(cols[2], ",") {
				m[strings.TrimSpace(s)] = cols[0]
			}
		}
	}
	return m
}()

var codeLists = map[string]reference{
	"gbt2260": {name: "GB/T 2260 (bundled edition " + detect.Editions["gbt2260"] + ")", conform: func(v string) bool {
		known, _ := detect.RegionKnown(v)
		return known
	}},
	"gbt2261.1": {name: "GB/T 2261.1 (bundled edition " + tableEdition(gbt2261TSV) + ")", conform: func(v string) bool {
		_, ok := sexCodes[v]
		return ok
	}},
	"gbt2659":   countryList,
	"gbt2659.1": countryList, // the 2022 edition's part 1, the country codes
	"iso3166":   countryList,
	"iso31661":  countryList,
}

// countryList accepts a GB/T 2659.1-2022 (ISO 3166-1) code in any of its three forms
// (countries.go). A field may name it GB/T 2659, as the edition it replaced was numbered.
var countryList = reference{name: "GB/T 2659.1-2022 (ISO 3166-1, from CLDR " + language.CLDRVersion + ")", conform: func(v string) bool {
	_, ok := countryForms[v]
	return ok
}}

// validators are the standards whose check a value must pass: identifiers' structures and
// check characters, and the representations of dates and times.
var validators = map[string]reference{
	"gb11643":   {name: "GB 11643-1999", conform: func(v string) bool { return detect.ResidentID(v).Valid }},
	"gb32100":   {name: "GB 32100-2015", conform: func(v string) bool { return detect.USCC(v).Valid }},
	"gbt7408":   iso8601,
	"gbt7408.1": iso8601, // the 2023 edition's part 1, as a field names it
	"iso8601":   iso8601,
}

// iso8601 accepts GB/T 7408.1-2023 (ISO 8601-1) dates and times. A field may name it
// GB/T 7408, as the edition it replaced was numbered.
var iso8601 = reference{name: "GB/T 7408.1-2023 (ISO 8601-1 dates and times)", conform: isISO8601}

// referenceKey reduces a standard's name to what identifies it whatever the spelling and
// edition: "GB/T 2260-2024" and "gbt2260" are "gbt2260".
func referenceKey(name string) string {
	k := strings.ToLower(name)
	if i := strings.LastIndex(k, "-"); i > 0 && strings.Trim(k[i+1:], "0123456789") == "" {
		k = k[:i] // an edition year
	}
	return strings.NewReplacer(" ", "", "/", "", "_", "", "-", "").Replace(k)
}

// draftableCodeLists are the code lists `dgcheck init` may declare for a text column whose
// every value belongs to one, in the order it tries them. GB/T 2260 is not among them: its
// codes are numbers, which six-digit amounts or postcodes can equal.
var draftableCodeLists = []string{"GB/T 2261.1", "GB/T 2659.1-2022"}

// CodeListOf names the bundled code list that every one of values (a column's distinct
// values) belongs to, for drafting metadata; "" when none does.
func CodeListOf(values []string) string {
	for _, name := range draftableCodeLists {
		ref, _ := codeList(name)
		if len(values) > 0 && !slices.ContainsFunc(values, func(v string) bool { return !ref.conform(v) }) {
			return name
		}
	}
	return ""
}

// codeList finds a bundled code list by the name a field declares.
func codeList(declared string) (reference, bool) {
	r, ok := codeLists[referenceKey(declared)]
	return r, ok
}

// standard finds how to check a declared data standard: a code list or a validator.
func standard(declared string) (reference, bool) {
	if r, ok := codeList(declared); ok {
		return r, true
	}
	r, ok := validators[referenceKey(declared)]
	return r, ok
}

// tableLines returns a data file's lines that are neither blank nor comments.
func tableLines(text string) []string {
	var lines []string
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	return lines
}

// tableEdition returns the date on a data file's "# edition:" line.
func tableEdition(text string) string {
	for line := range strings.Lines(text) {
		if v, ok := strings.CutPrefix(line, "# edition: "); ok {
			return strings.TrimSpace(v)
		}
	}
	panic(fmt.Sprintf("checkers: data file without an edition line: %.40q", text))
}
