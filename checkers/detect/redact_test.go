package detect

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// redactSamples: free text as headers, metadata and messages carry it, and what a report may
// print of it. Each row names why it is there.
var redactSamples = []struct{ in, want, why string }{
	{"110105194912310021", "110105********0021", "a header that is a resident ID number (its check digit is wrong)"},
	{"11010519491231002X", "110105********002X", "a valid one"},
	{"13812345678", "138****5678", "a header that is a mobile number"},
	{"0@0.AA.0 0@0.AA", "0***@0.AA.0 0***@0.AA", "an address whose widest domain runs on into the text (FuzzRedact)"},
	{"联系人13812345678的证件110105194912310021", "联系人138****5678的证件110105********0021", "two identifiers in Chinese text"},
	{"tel13812345678", "tel138****5678", "glued to letters: a header, not an order code, so masked"},
	{"+86 138 1234 5678", "138****5678", "grouped 3-4-4, the country code apart"},
	{"+8613812345678", "138****5678", "with the country code: MaskMobile drops it"},
	{"86-13812345678", "138****5678", "86- prefix"},
	{"138-1234-5678", "138****5678", "grouped with hyphens"},
	{"008613812345678", "138****5678", "0086 prefix"},
	{"0086 138 1234 5678", "138****5678", "0086 and 3-4-4"},
	{"电话0086-13812345678。", "电话138****5678。", "0086- in Chinese text"},
	{"tel: 198 1234 5678 ok", "tel: 198****5678 ok", "198 grouped"},
	{"13812345678-13912345678", "138****5678-139****5678", "a range of two mobiles is two"},
	{"13812345678 13912345678", "138****5678 139****5678", "a list of two mobiles is two"},
	{"卡号6222021234567890128。", "卡号6222***********0128。", "bank card, 19 digits, Luhn-valid"},
	{"6222 0212 3456 7890 128", "6222***********0128", "bank card grouped in fours"},
	{"6222021234567890123", "6222021234567890123", "Luhn fails: an order number, kept"},
	{"4111111111111111 paid", "4111********1111 paid", "16-digit card"},
	{"11010519491231002X", "110105********002X", "check character X"},
	{"110105 19491231 0021", "110105********0021", "ID number written 6-8-4"},
	{"110105194912310022", "110105********0022", "wrong check digit: a typing slip still names the person"},
	{"110105194913310021", "110105194913310021", "month 13: not an ID number, kept"},
	{"110105491231002", "110105********1002", "legacy 15-digit number"},
	{"电话010-62345678", "电话0106*****78", "fixed line with area code"},
	{"0571 88888888", "0571******88", "fixed line with a space"},
	{"91110108MA01ABCD5T", "91110108**********", "unified social credit code"},
	{"单位91420111MA4K8Y7119登记", "单位91420111**********登记", "credit code in Chinese text"},
	{"护照E12345678", "护照E1*****78", "passport"},
	{"通行证C12345678", "通行证C1*****78", "Hong Kong/Macau permit"},
	{"mail zhang.san@example.com.", "mail z***@example.com.", "e-mail, sentence full stop kept"},
	{"13812345678@163.com", "1***@163.com", "an e-mail whose local part is a mobile: masked as an e-mail"},
	{"a@b@c.com", "a@b***@c.com", "two '@': the address is the last"},
	{"rows 1024 of 2048", "rows 1024 of 2048", "counts stay"},
	{"2025-01-02T10:00:00Z", "2025-01-02T10:00:00Z", "timestamps stay"},
	{"12345678901234567890123", "12345678901234567890123", "too long for any identifier"},
	{"138****5678", "138****5678", "already masked"},
	{"z***@example.com", "z***@example.com", "masked e-mail"},
	{"", "", "empty"},
	{"\xff13812345678\xfe", "\xff138****5678\xfe", "invalid UTF-8 around a mobile is copied"},
	{"\x1b]0;13812345678\a", "\x1b]0;138****5678\a", "control characters are the writers' business"},
}

func TestRedact(t *testing.T) {
	for _, c := range redactSamples {
		if got := Redact(c.in); got != c.want {
			t.Errorf("Redact(%q) (%s) = %q, want %q", c.in, c.why, got, c.want)
		}
		checkRedact(t, c.in)
	}
}

// checkRedact holds for any text: Redact is idempotent, changes only ASCII, and leaves no
// maximal digit run (letters around it or not) that is a resident ID number (see
// residentIDLike), a mobile number or a 16-19 digit Luhn-valid card, nor any identifier Embedded finds in the input.
func checkRedact(t *testing.T, s string) {
	t.Helper()
	out := Redact(s)
	if again := Redact(out); again != out {
		t.Errorf("Redact not idempotent on %q: %q, then %q", s, out, again)
	}
	nonASCII := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r < utf8.RuneSelf {
				return -1
			}
			return r
		}, s)
	}
	if nonASCII(out) != nonASCII(s) {
		t.Errorf("Redact(%q) = %q changed text outside ASCII", s, out)
	}
	if utf8.ValidString(s) && !utf8.ValidString(out) {
		t.Errorf("Redact(%q) = %q is not valid UTF-8", s, out)
	}
	for _, run := range digitRuns(out) {
		if residentIDLike(run) || Mobile(run).Match || len(run) >= 16 && BankCard(run).Valid {
			t.Errorf("Redact(%q) = %q leaves %q", s, out, run)
		}
	}
	sh, _ := Candidates(s)
	found := Embedded(s, sh)
	for i := range All {
		if found&(1<<i) != 0 {
			if tok := EmbeddedValue(s, i); containsAlone(out, tok) {
				t.Errorf("Redact(%q) = %q leaves the embedded %s %q", s, out, All[i].Name, tok)
			}
		}
	}
}

// containsAlone reports whether tok occurs in s other than inside a longer token: an
// identifier's digits may recur inside a 20-digit number that is none, an address inside
// a@b.cn0, which is none either. A digit glued to a letter still counts, as Redact masks it.
func containsAlone(s, tok string) bool {
	glued := func(edge, next byte) bool {
		if isDigit(edge) {
			return isDigit(next)
		}
		return isASCIIAlnum(edge) && isASCIIAlnum(next)
	}
	for i := 0; ; {
		j := strings.Index(s[i:], tok)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(tok)
		if !(start > 0 && glued(tok[0], s[start-1]) || end < len(s) && glued(tok[len(tok)-1], s[end])) {
			return true
		}
		i = start + 1
	}
}

// digitRuns are the maximal runs of ASCII digits, an X or x after 17 digits included.
func digitRuns(s string) []string {
	var runs []string
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == residentIDLen-1 && j < len(s) && (s[j] == 'X' || s[j] == 'x') {
			j++
		}
		runs = append(runs, s[i:j])
		i = j
	}
	return runs
}

func FuzzRedact(f *testing.F) {
	for _, c := range redactSamples {
		f.Add(c.in)
	}
	for _, c := range embeddedSamples {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) { checkRedact(t, s) })
}

func BenchmarkRedact(b *testing.B) {
	for _, s := range []string{"household_id", "联系人13812345678的证件110105194912310021"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				Redact(s)
			}
		})
	}
}
