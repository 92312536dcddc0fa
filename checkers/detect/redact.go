package detect

import (
	"iter"
	"sort"
	"strings"
)

// Redaction of free text that a report echoes: header names, metadata titles and descriptions,
// rule messages. Embedded (DESENS-020) counts identifiers in cell text and must not take order
// numbers for them; Redact decides what a report may print, where a false positive costs a
// few masked characters and a false negative leaks a person's number. So Redact looks for more
// forms than Embedded: digit runs glued to letters (tel13812345678), numbers written in
// groups (138 1234 5678, 6222-0212-3456-7890-128), fixed lines, passports and permits.
// Only identifiers with a check or a distinctive structure are masked, and only valid ones,
// so that counts, dates and amounts in a message stay readable.

// redactMinDigits is the fewest ASCII digits a string must hold to carry a number Redact looks
// for (a P passport is P and 7 digits); a plate, with as few as 3, and an e-mail address pass
// mayEmbed's shape test instead.
const redactMinDigits = 7

// Bounds of a candidate number: a bank card of 19 digits in five groups with four separators
// is the longest form (23 bytes), five groups the most.
const (
	maxRedactWindow = maxCardDigits + maxCardDigits/cardGroup
	maxRedactGroups = 5
)

// Redact returns s with every identifier it holds replaced by that identifier's mask (the
// detector's Mask in All): resident ID numbers (valid, or wrong only in the check digit; or the
// legacy 15 digits), mobile numbers (11 digits starting 1[3-9], allocated segment or not, with
// an 86, +86 or 0086 prefix, or written in groups with spaces or '-'), Luhn-valid bank cards of
// 16-19 digits (plain or grouped), valid fixed-line numbers, valid unified social credit codes,
// e-mail addresses, passports and Hong Kong/Macau permits, and vehicle plates.
//
// It is deterministic (the same text always gives the same masked text, so a column name reads
// the same in every report and every format), idempotent (no mask holds an identifier, and
// Redact repeats its scan until nothing changes, so that a mask next to other digits cannot
// leave a new identifier behind) and safe on any string: it looks only at ASCII bytes and at
// the province characters that start plates, so other bytes, invalid UTF-8 included, are
// copied as they are.
func Redact(s string) string {
	// Every pass that changes s replaces an identifier by a mask with fewer ASCII letters and
	// digits, or an e-mail address by its masked form, which no pass matches again; so the
	// loop ends. The bound is a guard, never reached.
	for range len(s) + 1 {
		t := redactOnce(s)
		if t == s {
			return s
		}
		s = t
	}
	return s
}

// redactSpan is one identifier found in the text: s[start:end] is replaced by mask.
type redactSpan struct {
	start, end int
	mask       string
}

func redactOnce(s string) string {
	digits := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			digits++
		}
	}
	if digits < redactMinDigits && !mayEmbed(ShapeOf(s)) {
		return s // too few digits for a number, and no code, plate or e-mail address
	}
	var spans []redactSpan
	spans = redactNumbers(s, spans)
	spans = redactCodes(s, spans)
	spans = redactEmails(s, spans)
	if len(spans) == 0 {
		return s
	}
	// Overlaps (a mobile that is an e-mail's local part) go to the span that starts first,
	// then to the longer one: the e-mail is masked as an e-mail.
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	var b strings.Builder
	b.Grow(len(s))
	at := 0
	for _, sp := range spans {
		if sp.start < at {
			continue
		}
		b.WriteString(s[at:sp.start])
		b.WriteString(sp.mask)
		at = sp.end
	}
	b.WriteString(s[at:])
	return b.String()
}

// redactNumbers finds the numeric identifiers: groups of digit runs joined by single spaces or
// '-' (an 'X' may close a run of 17 digits, a '+' open the first), tried window by window,
// longest first, so that 138 1234 5678 is one mobile and 13812345678-13912345678 two.
func redactNumbers(s string, spans []redactSpan) []redactSpan {
	type run struct{ start, end int }
	var runs []run
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		// One group: runs separated by one separator each.
		runs = runs[:0]
		plus := i > 0 && s[i-1] == '+'
		for {
			j := numberRunEnd(s, i)
			runs = append(runs, run{i, j})
			i = j
			if !isDigit(s[j-1]) {
				break // a check character closes a resident ID, and the group with it
			}
			if j+1 < len(s) && (s[j] == ' ' || s[j] == '-') && isDigit(s[j+1]) {
				i = j + 1
				continue
			}
			break
		}
		for a := 0; a < len(runs); a++ {
			for z := min(len(runs)-1, a+maxRedactGroups-1); z >= a; z-- {
				start, end := runs[a].start, runs[z].end
				if end-start > maxRedactWindow+1 {
					continue
				}
				mask, ok := "", false
				if a == 0 && plus {
					if mask, ok = numberMask(s[start-1 : end]); ok {
						start--
					}
				}
				if !ok {
					mask, ok = numberMask(s[start:end])
				}
				if ok {
					spans = append(spans, redactSpan{start, end, mask})
					a = z
					break
				}
			}
		}
	}
	return spans
}

// numberMask says whether w, digits with optional single separators (and a leading '+'), is
// a numeric identifier, and gives its mask.
func numberMask(w string) (string, bool) {
	if w[0] == '+' {
		if m := strings.NewReplacer(" ", "", "-", "").Replace(w); Mobile(m).Match {
			return MaskMobile(m), true
		}
		return "", false
	}
	plain := !strings.ContainsAny(w, " -")
	if plain {
		switch n := len(w); {
		case n == residentIDLen:
			if residentIDLike(w) {
				return MaskResidentID(w), true
			}
		case n == legacyIDLen:
			// A legacy number has no check digit; its region and birth date must hold.
			if ResidentID(w).Match {
				return MaskResidentID(w), true
			}
		}
	}
	if Mobile(w).Match {
		return MaskMobile(w), true
	}
	if d := digitCount(w); d >= 16 && d <= maxCardDigits && BankCard(w).Valid {
		return MaskBankCard(w), true
	}
	if FixedLine(w).Valid {
		return MaskFixedLine(w), true
	}
	if plain {
		return "", false
	}
	// Written in groups that the detectors do not take as they are: 138 1234 5678, an ID number
	// as 6-8-4, a fixed line with a space after the area code.
	stripped := strings.NewReplacer(" ", "", "-", "").Replace(w)
	switch len(stripped) {
	case residentIDLen:
		if residentIDLike(stripped) {
			return MaskResidentID(stripped), true
		}
	case mobileLen, mobileLen + 2:
		if Mobile(stripped).Match {
			return MaskMobile(stripped), true
		}
	}
	if strings.Count(w, " ") == 1 && !strings.Contains(w, "-") {
		if f := strings.Replace(w, " ", "-", 1); FixedLine(f).Valid {
			return MaskFixedLine(f), true
		}
	}
	return "", false
}

// residentIDLike: a valid resident ID number, or one whose only fault is its check digit (a
// typing slip that still names a person's region and birth date).
func residentIDLike(s string) bool {
	r := ResidentID(s)
	return r.Valid || r.Match && r.Traits == IDBadCheckDigit
}

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// redactCodes finds the identifiers that mix capitals and digits (unified social credit
// codes, passports and Hong Kong/Macau permits, each a whole run of ASCII letters and digits:
// codeOf) and vehicle plates.
func redactCodes(s string, spans []redactSpan) []redactSpan {
	for i, j := range codeRuns(s) {
		if det := codeOf(s[i:j]); det >= 0 {
			spans = append(spans, redactSpan{i, j, All[det].Mask(s[i:j])})
		}
	}
	for i, j := range plates(s) {
		spans = append(spans, redactSpan{i, j, MaskVehiclePlate(s[i:j])})
	}
	return spans
}

// redactEmails finds e-mail addresses (emailRuns).
func redactEmails(s string, spans []redactSpan) []redactSpan {
	for l, r := range emailRuns(s) {
		// The widest domain may run on into what follows the address ("a@b.cn.0"); a leak
		// costs more than a few masked characters, so drop trailing labels until one matches.
		at := l + strings.IndexByte(s[l:r], '@')
		for r > at+1 {
			if Email(s[l:r]).Match {
				spans = append(spans, redactSpan{l, r, MaskEmail(s[l:r])})
				break
			}
			r = at + 1 + max(strings.LastIndexByte(s[at+1:r], '.'), 0)
		}
	}
	return spans
}

// emailRuns yields, for each '@' in s with characters of an address on both sides, the start
// and end of the widest address around it: the local part back to the first character that
// cannot be in one (a full stop before it excepted), the domain on to the first that cannot
// (a full stop ending the sentence excepted). Redaction and the embedded scan both read
// addresses out of free text this way.
func emailRuns(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for at := 0; at < len(s); at++ {
			if s[at] != '@' {
				continue
			}
			l := at
			for l > 0 && emailClass[s[l-1]]&classLocal != 0 {
				l--
			}
			for l < at && s[l] == '.' {
				l++ // a full stop before the address
			}
			r := at + 1
			for r < len(s) && (emailClass[s[r]]&classDomain != 0 || s[r] == '.') {
				r++
			}
			for r > at+1 && s[r-1] == '.' {
				r-- // a full stop ending the sentence
			}
			if l < at && r > at+1 && !yield(l, r) {
				return
			}
		}
	}
}

func isASCIIAlnum(c byte) bool { return isDigit(c) || isASCIILetter(c) }
