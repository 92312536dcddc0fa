package checkers

import (
	"strings"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

// kind is the type a value's text conforms to. The names are Table Schema's, so a declared
// datatype in metadata and an observed kind compare directly.
type kind uint8

const (
	kindString kind = iota
	kindInteger
	kindNumber
	kindBoolean
	kindDate
	kindDatetime
	numKinds
)

var kindNames = [numKinds]string{"string", "integer", "number", "boolean", "date", "datetime"}

// maxIntegerDigits: longer digit strings are identifiers (ID, card and account numbers), not
// quantities; a spreadsheet would already have lost their precision past 15 digits.
const maxIntegerDigits = 15

// kindOf types one trimmed, non-blank value. Hand-written for the same reason as the
// detectors: it runs on every value of every column.
func kindOf(v string) kind {
	switch c := v[0]; {
	case c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.':
		if k, ok := numericKind(v); ok {
			return k
		}
		if isDate(v) {
			return kindDate
		}
		if isDatetime(v) {
			return kindDatetime
		}
	case c == 't' || c == 'T' || c == 'f' || c == 'F':
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return kindBoolean
		}
	}
	return kindString
}

// kindOfShaped is kindOf(v) for a value of shape sh (detect.ShapeOf(v)): a value of digits
// alone is an integer or, with a leading zero or more than maxIntegerDigits digits, a code,
// without the scans for a number, a date and a datetime.
func kindOfShaped(v string, sh detect.Shape) kind {
	if !digitsOnly(v, sh) {
		return kindOf(v)
	}
	if len(v) > maxIntegerDigits || len(v) > 1 && v[0] == '0' {
		return kindString
	}
	return kindInteger
}

// numericKind accepts [+-]digits[.digits][e[+-]digits]. A leading zero before more digits
// ("007", "0571") marks a code, which is text.
func numericKind(v string) (kind, bool) {
	i := 0
	if v[0] == '-' || v[0] == '+' {
		i++
	}
	intStart := i
	for i < len(v) && isDigit(v[i]) {
		i++
	}
	intDigits := i - intStart
	if intDigits > 1 && v[intStart] == '0' {
		return 0, false
	}
	if i == len(v) {
		return kindInteger, intDigits > 0 && intDigits <= maxIntegerDigits
	}
	fracDigits := 0
	if v[i] == '.' {
		i++
		for i < len(v) && isDigit(v[i]) {
			i++
			fracDigits++
		}
	}
	if intDigits+fracDigits == 0 {
		return 0, false
	}
	if i < len(v) && (v[i] == 'e' || v[i] == 'E') {
		i++
		if i < len(v) && (v[i] == '-' || v[i] == '+') {
			i++
		}
		expStart := i
		for i < len(v) && isDigit(v[i]) {
			i++
		}
		if i == expStart {
			return 0, false
		}
	}
	return kindNumber, i == len(v)
}

// isDate accepts ISO 8601 calendar dates, YYYY-MM-DD, that exist.
func isDate(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	y, ok := digitsOf(v[0:4])
	return ok && isMonthDay(y, v[5:7], v[8:10]) // iso8601.go
}

// isDatetime accepts a date, 'T' or a space, hh:mm[:ss[.fraction]] and an optional zone
// (Z or ±hh:mm).
func isDatetime(v string) bool {
	if len(v) < 16 || !isDate(v[:10]) || (v[10] != 'T' && v[10] != ' ') {
		return false
	}
	t := v[11:]
	h, ok1 := digitsOf(t[0:2])
	mi, ok2 := digitsOf(t[3:5])
	if !ok1 || !ok2 || t[2] != ':' || h > 23 || mi > 59 {
		return false
	}
	t = t[5:]
	if len(t) >= 3 && t[0] == ':' {
		s, ok := digitsOf(t[1:3])
		if !ok || s > 60 {
			return false
		}
		t = t[3:]
		if len(t) > 1 && t[0] == '.' {
			j := 1
			for j < len(t) && isDigit(t[j]) {
				j++
			}
			t = t[j:]
		}
	}
	switch {
	case t == "" || t == "Z":
		return true
	case len(t) == 6 && (t[0] == '+' || t[0] == '-') && t[3] == ':':
		_, ok1 := digitsOf(t[1:3])
		_, ok2 := digitsOf(t[4:6])
		return ok1 && ok2
	}
	return false
}

// digitsOnly reports whether v, of shape sh, is ASCII digits alone: the shape is of v
// trimmed, so its length must also be v's.
func digitsOnly(v string, sh detect.Shape) bool {
	return sh.Classes == detect.Digit && sh.Len == len(v)
}

// mayBeWide are the classes of a value that may hold a character of more than one byte: the
// full-width asterisk ＊ is a Star, not NonASCII (detect.Star).
const mayBeWide = detect.NonASCII | detect.Star

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsOf(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, len(s) > 0
}

// missingTokens are values that stand for "no value" in exported tables: database and
// spreadsheet spellings and their Chinese equivalents. They are counted per token, because a
// rule may accept a declared missing-value token (Table Schema missingValues) and not others.
var missingTokens = []string{"NULL", "null", "Null", "N/A", "n/a", "NA", "#N/A", "NaN",
	"None", "none", "nil", "-", "--", "无", "空", "不详"}

// missingToken returns the index of v in missingTokens, or -1. The first-byte switch turns
// most values away before any comparison: it runs on every value.
func missingToken(v string) int {
	if len(v) > 6 {
		return -1
	}
	switch v[0] {
	case 'N', 'n', '#', '-', "无"[0], "空"[0], "不"[0]:
	default:
		return -1
	}
	for i, t := range missingTokens {
		if v == t {
			return i
		}
	}
	return -1
}

// isBlank reports a value of only white space (ASCII or the ideographic space U+3000 that
// Chinese input methods type).
func isBlank(v string) bool {
	if v == "" { // a Parquet empty string; CSV reads an empty field as null
		return true
	}
	// Fast path: almost every value starts with a byte that is not white space.
	if c := v[0]; c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != "\u3000"[0] {
		return false
	}
	return strings.TrimLeft(v, " \t\r\n\u3000") == ""
}
