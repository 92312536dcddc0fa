package reports

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// visible returns s with every character that acts instead of showing replaced by an escape a
// reader can see: C0 controls and DEL as \x1b, C1 controls as \u009b, bytes that are not UTF-8
// as \xff (a terminal may take a lone 0x9b for CSI), and the invisible characters that reorder
// or break lines (bidirectional overrides and isolates, U+2028/U+2029) as \u202e. ESC and BEL
// in a column name would otherwise recolour a terminal, retitle its window or hide the rest of
// a line; a right-to-left override would make a reviewer read a rule's message backwards. keep
// lists the controls the caller's format uses itself (a tab, a line feed) and passes through.
//
// The text and Markdown writers pass everything that comes from the data, the metadata, the
// rules or the configuration through it; HTML, JSON, SARIF and JUnit have encoders that escape.
func visible(s, keep string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 && strings.ContainsRune(keep, r):
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f, invisibleFormat(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// invisibleFormat reports the format characters that change how the text around them reads:
// the bidirectional marks, embeddings, overrides and isolates, and the line and paragraph
// separators (a line break a table or terminal line does not expect).
func invisibleFormat(r rune) bool {
	return r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x2028 || r == 0x2029 || r == 0x061c
}

// textLine is visible for the terminal report: a tab stays; a line break from the data is
// shown, not obeyed, so that no name can forge a line of the report (a verdict, say).
func textLine(s string) string { return visible(s, "\t") }
