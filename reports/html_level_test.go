package reports

import "testing"

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
