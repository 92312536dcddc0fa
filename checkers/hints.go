package checkers

import (
	_ "embed"
	"strings"
	"unicode"
)

// Column-name hints (data/hints.txt): words in a column's name that suggest what it holds.

//go:embed data/hints.txt
var hintsTxt string

type hintCategory struct {
	name  string
	zh    []string // matched anywhere in the name
	words []string // matched against the name's words (see nameWords)
}

var hintCategories = func() []hintCategory {
	var cats []hintCategory
	for line := range strings.Lines(hintsTxt) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		name, list, ok := strings.Cut(line, ":")
		if !ok {
			panic("checkers: data/hints.txt: no ':' in " + line)
		}
		c := hintCategory{name: name}
		for kw := range strings.SplitSeq(list, ",") {
			kw = strings.TrimSpace(kw)
			if isASCII(kw) {
				c.words = append(c.words, kw)
			} else {
				c.zh = append(c.zh, strings.ToLower(kw))
			}
		}
		cats = append(cats, c)
	}
	return cats
}()

// HintsFor returns the hint categories a column name carries, in the data file's order: a
// detector's name (cn_resident_id, mobile, ...) or a category without a detector (birth_date,
// sex, health, credential, biometric, ...). Never nil.
func HintsFor(column string) []string {
	lower := strings.ToLower(column)
	words := nameWords(column)
	hints := []string{}
	for _, c := range hintCategories {
		if hasHint(c, lower, words) {
			hints = append(hints, c.name)
		}
	}
	return hints
}

func hasHint(c hintCategory, lower string, words []string) bool {
	for _, kw := range c.zh {
		if strings.Contains(lower, kw) {
			return true
		}
	}
	for _, kw := range c.words {
		// A keyword matches one word or a run of up to three consecutive words written
		// together: id_card, IdCard and idcard all give "idcard".
		for i := range words {
			joined := ""
			for j := i; j < len(words) && j < i+3; j++ {
				joined += words[j]
				if joined == kw {
					return true
				}
			}
		}
	}
	return false
}

// nameWords splits a column name into lower-case ASCII words at anything that is not a letter
// or digit and at lower-to-upper case changes (mobileNo → mobile, no). Non-ASCII runs end a
// word (联系电话tel → tel).
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range name {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if unicode.IsUpper(r) && prev != 0 && unicode.IsLower(prev) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
		prev = r
	}
	flush()
	return words
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
