package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chinese personal names, a heuristic: two to four Han characters starting with a known surname
// (data/surnames.txt), or a transliterated name in Han characters joined by '·'
// (阿依古丽·买买提). No structure or check digit exists, so a match says "looks like a name";
// a classifier weighs it with the column's spread of values and its header.

const (
	minNameLen   = 4  // bytes of the shortest form, a masked name such as 张*
	maxNameRunes = 15 // a transliterated name, dots included
	maxNameLen   = maxNameRunes * 3
	minTranslit  = 5 // runes: two parts of two and the dot
)

// NameTransliterated is the trait of a transliterated name written with '·'.
const NameTransliterated Traits = 1

// nameStop holds characters that end place, organisation and category words (区, 局, 族, 费,
// ...) and almost never a given name: 白马社区 and 汉族 start with surnames too.
var nameStop = newRuneSet("区市县镇乡村路街道巷号省局院所室组队部科处厂店司会馆站校园场社委办族厅业费款税额率类型级等证卡码称病疾贫困员者户")

// PersonName detects a Chinese personal name.
//
//   - Match: 2-3 Han characters starting with a single-character surname, or 3-4 starting with
//     a compound surname (欧阳, 司马, ...), the last character not one that ends place or
//     organisation words (区, 局, ...); or 5-15 characters of Han parts of two or more joined
//     by one or two '·' (trait NameTransliterated).
//   - Valid: the same as Match; a name has nothing to check.
//   - Masked: a surname followed by 1-3 mask characters and optionally one Han character, 2-4
//     characters in all (张*, 张*丰, 欧阳**); or one Han character and four or more mask
//     characters (a transliterated name). The mask character is '*', ＊, '#', x or X, one of
//     them throughout (张＊, 张xx, 欧阳##): a name holds no Latin letter.
//
// Surrounding ASCII spaces and tabs are ignored.
func PersonName(s string) Result {
	s = trim(s)
	if len(s) < minNameLen || len(s) > maxNameLen {
		return Result{}
	}
	// Most Han values are words, not names: a name starts with a surname and has at most four
	// characters, which one rune's look-up settles. Only a transliterated name, written with
	// '·' or masked (one character, then mask characters only), may start otherwise or be
	// longer.
	r, size := utf8.DecodeRuneInString(s)
	if len(s) > 4*utf8.UTFMax || !singleSurnames.has(r) && !compoundFirst.has(r) {
		if masked := size < len(s) && maskedAt(s, size); !masked && !strings.Contains(s, "·") {
			return Result{}
		}
	}
	var rs [maxNameRunes]rune
	n, stars, dots := 0, 0, 0
	var kind maskSet
	for i, r := range s {
		if n == maxNameRunes {
			return Result{}
		}
		switch {
		case r == '·':
			dots++
		case isHan(r):
		default:
			m, _ := maskAt(s, i, anyMask)
			if m == 0 || kind != 0 && m != kind {
				return Result{}
			}
			kind, r = m, '*' // maskedName reads '*'
			stars++
		}
		rs[n] = r
		n++
	}
	switch {
	case stars > 0:
		return Result{Masked: dots == 0 && maskedName(rs[:n])}
	case dots > 0:
		if transliterated(rs[:n]) {
			return Result{Match: true, Valid: true, Traits: NameTransliterated}
		}
		return Result{}
	}
	sur := surnameLen(rs[:n])
	if sur == 0 || n-sur < 1 || n-sur > 2 || nameStop.has(rs[n-1]) {
		return Result{}
	}
	return Result{Match: true, Valid: true}
}

// maskedAt reports whether a mask character starts s[i:].
func maskedAt(s string, i int) bool {
	m, _ := maskAt(s, i, anyMask)
	return m != 0
}

// surnameLen is the length in runes of the surname rs starts with (a compound one first), or 0.
// The set of compound surnames' first characters turns most names away before the map.
func surnameLen(rs []rune) int {
	if len(rs) >= 2 && compoundFirst.has(rs[0]) && compoundSurnames[[2]rune{rs[0], rs[1]}] {
		return 2
	}
	if len(rs) >= 1 && singleSurnames.has(rs[0]) {
		return 1
	}
	return 0
}

// maskedName recognises a surname, 1-3 '*' and an optional last Han character; or, for a
// transliterated name, one Han character and four or more '*'.
func maskedName(rs []rune) bool {
	if len(rs) >= minTranslit && isHan(rs[0]) && allStarRunes(rs[1:]) {
		return true
	}
	if len(rs) < 2 || len(rs) > 4 {
		return false
	}
	sur := surnameLen(rs)
	if sur == 0 {
		return false
	}
	rest := rs[sur:]
	if len(rest) > 1 && rest[len(rest)-1] != '*' {
		rest = rest[:len(rest)-1]
	}
	return len(rest) <= 3 && allStarRunes(rest)
}

func allStarRunes(rs []rune) bool {
	for _, r := range rs {
		if r != '*' {
			return false
		}
	}
	return len(rs) > 0
}

// transliterated recognises Han parts of two or more characters joined by one or two '·'.
func transliterated(rs []rune) bool {
	if len(rs) < minTranslit {
		return false
	}
	part, dots := 0, 0
	for _, r := range rs {
		if r == '·' {
			if part < 2 {
				return false
			}
			part = 0
			dots++
			continue
		}
		part++
	}
	return part >= 2 && dots <= 2
}

// isHan reports a character of the Han script, as unicode.Han (and \p{Han}) has it. The basic
// block of unified ideographs, where nearly every name's characters are, is one range check,
// cheaper than unicode.Is on the hot path; the rest (extensions, compatibility ideographs,
// radicals, 〇 and 々) is left to unicode.Is. A range check of the extensions' blocks would
// take in their unassigned code points and leave out the radicals (FuzzPersonName found 张⼠).
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// MaskPersonName keeps the surname, compound surnames whole, and writes '*' for every other
// character (张三丰 → 张**, 欧阳修 → 欧阳*): the convention of STANDARDS §4 (DESENS-008). A
// transliterated name keeps its first character only (阿*******).
func MaskPersonName(s string) string {
	r := PersonName(s)
	if masked, done := settledMask(s, r); done {
		return masked
	}
	if r.Traits.Has(NameTransliterated) {
		// MaskName writes one '*' per rune, the dot included: the form maskedName recognises.
		return MaskName(s)
	}
	t := trim(s)
	var rs [maxNameRunes]rune
	n := 0
	for _, r := range t {
		rs[n] = r
		n++
	}
	sur := surnameLen(rs[:n])
	b := make([]byte, 0, len(t))
	for i := range n {
		if i < sur {
			b = utf8.AppendRune(b, rs[i])
		} else {
			b = append(b, '*')
		}
	}
	return string(b)
}
