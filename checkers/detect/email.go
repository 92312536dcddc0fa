package detect

import "strings"

// E-mail addresses (STANDARDS §3.8, ID-014): the practical subset of the RFC 5322 addr-spec that
// real columns hold. net/mail.ParseAddress is the reference but allocates and accepts forms (quoted
// local parts, display names, domain literals, dotless domains) that a data column of addresses
// should not; every address Email matches is one net/mail accepts (the fuzz test checks this).

// RFC 5321 limits: local part 64, domain 253 (so a path of 254 with the '@'), label 63.
const (
	minEmailLen  = len("a@b.cn")
	maxEmailLen  = 254
	maxLocalLen  = 64
	maxDomainLen = 253
	maxLabelLen  = 63
	minTLDLen    = 2
)

const (
	classLocal  uint8 = 1 << iota // allowed in a local part: [A-Za-z0-9._%+-]
	classDomain                   // allowed in a domain label: [A-Za-z0-9-]
	classLetter                   // [A-Za-z], the only characters of a top-level domain
)

// emailClass is a byte-class table: one lookup per byte instead of a chain of comparisons.
var emailClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLocal | classDomain | classLetter
		t[c-'a'+'A'] = classLocal | classDomain | classLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classLocal | classDomain
	}
	t['-'] = classLocal | classDomain
	for _, c := range "._%+" {
		t[c] = classLocal
	}
	return t
}()

// Email detects an e-mail address.
//
//   - Match: exactly one '@'; a local part of 1-64 characters from [A-Za-z0-9._%+-] that neither
//     starts nor ends with '.' and has no ".."; a domain of dot-separated labels of
//     [A-Za-z0-9-] (1-63 characters, no leading or trailing '-'), at least one dot, and a
//     top-level domain of two or more letters. Internationalised addresses are not matched.
//   - Valid: the same as Match.
//   - Masked: the local part is one allowed character other than '.' followed by one or more
//     mask characters, '*', '#' or ＊, one of them throughout (d**@126.com, d###@126.com), and
//     the domain is intact (as for Match). x and X are letters of addresses (zxxx@x.com is
//     one), so they mask nothing here.
//
// Surrounding ASCII spaces and tabs are ignored.
func Email(s string) Result {
	s = trim(s)
	if len(s) < minEmailLen || len(s) > maxEmailLen {
		return Result{}
	}
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return Result{}
	}
	// The domain check rejects a second '@', since '@' is not a domain character.
	if !emailDomain(s[at+1:]) {
		return Result{}
	}
	local := s[:at]
	if emailLocal(local) {
		return Result{Match: true, Valid: true}
	}
	return Result{Masked: maskedEmailLocal(local)}
}

func emailLocal(l string) bool {
	if len(l) > maxLocalLen || l[0] == '.' || l[len(l)-1] == '.' {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if emailClass[c]&classLocal == 0 || c == '.' && l[i-1] == '.' {
			return false
		}
	}
	return true
}

func maskedEmailLocal(l string) bool {
	if len(l) < 2 || l[0] == '.' || emailClass[l[0]]&classLocal == 0 {
		return false
	}
	return maskRun(l[1:], symbolMasks) > 0
}

func emailDomain(d string) bool {
	if len(d) > maxDomainLen {
		return false
	}
	start, dots := 0, 0
	for i := 0; i <= len(d); i++ {
		if i < len(d) && d[i] != '.' {
			if emailClass[d[i]]&classDomain == 0 {
				return false
			}
			continue
		}
		label := d[start:i]
		if len(label) == 0 || len(label) > maxLabelLen || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		if i == len(d) {
			if dots == 0 || len(label) < minTLDLen {
				return false
			}
			for j := 0; j < len(label); j++ {
				if emailClass[label[j]]&classLetter == 0 {
					return false
				}
			}
			return true
		}
		dots++
		start = i + 1
	}
	return false // empty domain
}

// MaskEmail keeps the first character of the local part and the whole domain (d***@126.com): the
// domain is shared by many people, the local part identifies one. A value already in a recognised
// masked form is returned unchanged; any other value that does not match gets MaskName's generic
// mask.
func MaskEmail(s string) string {
	if masked, done := settledMask(s, Email(s)); done {
		return masked
	}
	t := trim(s)
	at := strings.IndexByte(t, '@')
	return t[:1] + "***" + t[at:]
}
