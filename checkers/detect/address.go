package detect

import (
	"strings"
	"unicode/utf8"
)

// Street addresses, a heuristic: Han text carrying the tokens of at least two levels of the
// administrative and street hierarchy in order, from coarse to fine (湖北省 武汉市 洪山区 珞南街道
// 珞喻路 1037号 3栋 2单元 501室). A single token (和平街道) is a place name, not an address.

const (
	minAddressRunes = 4 // 洪山区某街 is too short to be an address, 武汉市洪山区 is not
	minAddressLen   = minAddressRunes * 3
	// minMaskedAddressLen: one kept character and three '*' (路***).
	minMaskedAddressLen = 3 + 3
	maxAddressLen       = 300
	// addressMaskStars is the fixed run the mask writes, so its length says nothing of the
	// hidden part's.
	addressMaskStars = 8
	// preciseLevel and finer locate a door rather than a street.
	preciseLevel = 6
	// districtLevel and coarser may stay in a masked address (DESENS-009).
	districtLevel = 3
)

// AddressPrecise is the trait of an address down to a door number, building, unit or room.
const AddressPrecise Traits = 1

// Address detects a street address.
//
//   - Match: 4-100 characters of valid UTF-8 starting with a Han character, holding tokens of at least two
//     levels in increasing order (1 省 自治区; 2 市 州 盟 地区; 3 区 县 旗; 4 街道 镇 乡 社区;
//     5 路 街 大道 巷 弄 胡同 村; 6 号 组; 7 栋 幢 座 单元 楼 层 室), and not ending in a
//     character that ends organisation names (局, 院, 委, ...): 武汉市洪山区民政局 is an
//     organisation.
//   - Valid: the same as Match; an address has nothing to check.
//   - Traits: AddressPrecise (a token of level 6 or finer).
//   - Masked: Han text holding at least one level token, then three or more '*' to the end
//     (北京市海淀区********, STANDARDS §4).
//
// Surrounding ASCII spaces and tabs are ignored.
func Address(s string) Result {
	s = trim(s)
	if len(s) < minMaskedAddressLen || len(s) > maxAddressLen {
		return Result{}
	}
	star := strings.IndexByte(s, '*')
	if star < 0 && len(s) < minAddressLen {
		return Result{} // names, words: the commonest Han values end here
	}
	if first, _ := utf8.DecodeRuneInString(s); !isHan(first) {
		return Result{}
	}
	// Invalid UTF-8 (GBK bytes read as UTF-8) is no address, and a mask of it would be
	// invalid UTF-8 too. Checked only where a value may be recognised, to spare the scan.
	if star >= 0 {
		return Result{Masked: maskedAddress(s, star) && utf8.ValidString(s)}
	}
	if last, _ := utf8.DecodeLastRuneInString(s); orgSuffix.has(last) {
		return Result{}
	}
	levels, finest, runes := 0, 0, 0
	prev := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		runes++
		if lv, n := addressToken(s, i, r, size); lv > 0 {
			if lv > prev {
				levels++
				prev = lv
			}
			finest = max(finest, lv)
			i += n
			continue
		}
		i += size
	}
	if levels < 2 || runes < minAddressRunes || !utf8.ValidString(s) {
		return Result{}
	}
	if finest >= preciseLevel {
		return Result{Match: true, Valid: true, Traits: AddressPrecise}
	}
	return Result{Match: true, Valid: true}
}

// orgSuffix holds last characters of organisation names, never of addresses.
var orgSuffix = newRuneSet("局院所委办会司厅处科部校馆站队行厂店")

// addressToken returns the level of the token starting at s[i] (whose first rune is r, of
// size bytes) and the token's length in bytes, or level 0.
func addressToken(s string, i int, r rune, size int) (level, n int) {
	next := func() rune {
		nr, _ := utf8.DecodeRuneInString(s[i+size:])
		return nr
	}
	switch r {
	case '省':
		return 1, size
	case '自':
		if strings.HasPrefix(s[i:], "自治区") {
			return 1, len("自治区")
		}
	case '特':
		if strings.HasPrefix(s[i:], "特别行政区") {
			return 1, len("特别行政区")
		}
	case '市', '州', '盟':
		return 2, size
	case '地':
		if next() == '区' {
			return 2, size + len("区")
		}
	case '区', '县', '旗':
		return 3, size
	case '街':
		if next() == '道' {
			return 4, size + len("道")
		}
		return 5, size
	case '镇', '乡':
		return 4, size
	case '社':
		if next() == '区' {
			return 4, size + len("区")
		}
	case '路', '巷', '弄', '村':
		return 5, size
	case '大':
		if next() == '道' {
			return 5, size + len("道")
		}
	case '胡':
		if next() == '同' {
			return 5, size + len("同")
		}
	case '号', '组':
		return 6, size
	case '栋', '幢', '座', '楼', '层', '室':
		return 7, size
	case '单':
		if next() == '元' {
			return 7, size + len("元")
		}
	}
	return 0, 0
}

// maskedAddress recognises Han text with a level token and then only '*' (at least three)
// from star, the first '*', to the end.
func maskedAddress(s string, star int) bool {
	if len(s)-star < 3 || !allStars(s[star:]) {
		return false
	}
	head := s[:star]
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRuneInString(head[i:])
		if lv, _ := addressToken(head, i, r, size); lv > 0 {
			return true
		}
		i += size
	}
	return false
}

// MaskAddress keeps the address down to its district or county (or, with none, its first,
// coarsest token) and writes eight '*' for the rest (北京市海淀区********), the convention of
// STANDARDS §4 (DESENS-009).
func MaskAddress(s string) string {
	if masked, done := settledMask(s, Address(s)); done {
		return masked
	}
	t := trim(s)
	keep, firstEnd := 0, 0
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if lv, n := addressToken(t, i, r, size); lv > 0 {
			if firstEnd == 0 {
				firstEnd = i + n
			}
			if lv <= districtLevel {
				keep = i + n
			}
			i += n
			continue
		}
		i += size
	}
	if keep == 0 {
		keep = firstEnd
	}
	return t[:keep] + strings.Repeat("*", addressMaskStars)
}
