package reports

import (
	"strings"
	"testing"
)

// Levels read in the report's language: 一般数据 2 级, not "general 2".
func TestLevelNames(t *testing.T) {
	two := 2
	cases := []struct {
		lang, level string
		sub         *int
		want        string
	}{
		{"en", "general", &two, "general data, level 2"},
		{"zh", "general", &two, "一般数据 2 级"},
		{"zh", "一般", &two, "一般数据 2 级"},
		{"zh", "general-4", nil, "一般数据 4 级"},
		{"en", "重要数据", nil, "important data"},
		{"zh", "core", nil, "核心数据"},
		{"zh", "general", nil, "一般数据"},
		{"zh", "3", nil, "3"}, // JR/T 0197's levels are shown as declared
		{"en", "", nil, ""},
	}
	for _, c := range cases {
		if got := levelName(htmlWords[c.lang], c.level, c.sub); got != c.want {
			t.Errorf("levelName(%s, %q, %v) = %q, want %q", c.lang, c.level, c.sub, got, c.want)
		}
	}
}

// A finding's message follows the report's language where the rule gives a Chinese one, in
// the text and Markdown reports as in the HTML; a rule that gives none keeps its English.
func TestMessagesInTheReportsLanguage(t *testing.T) {
	r := &Report{Verdict: Verdict{FailOn: Error}, Findings: []Finding{
		{ID: "QUAL-007", Area: "quality", Severity: Error, Message: "xm: 2 of 10 rows have no value", MessageZh: "xm：10 行中有 2 行无值"},
		{ID: "ACME-001", Area: "quality", Severity: Warning, Message: "only in English"},
	}}
	for _, format := range []string{"text", "markdown", "html"} {
		for lang, want := range map[string][]string{"en": {"xm: 2 of 10 rows have no value", "only in English"}, "zh": {"xm：10 行中有 2 行无值", "only in English"}} {
			w, err := WriterFor(format, WithLang(lang))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := w.Write(&b, r); err != nil {
				t.Fatal(err)
			}
			for _, m := range want {
				if !strings.Contains(b.String(), m) {
					t.Errorf("%s --lang %s lacks %q", format, lang, m)
				}
			}
			if lang == "zh" && strings.Contains(b.String(), "2 of 10 rows") {
				t.Errorf("%s --lang zh still prints the English message", format)
			}
		}
	}
}
