package jsonobj

import (
	"strings"
	"testing"
)

func TestMembersKeepTheirOrder(t *testing.T) {
	ms, err := Members([]byte(` {"z": 1, "a": {"b": [1, 2]}, "m<&>": "x"} `))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 || ms[0].Key != "z" || ms[1].Key != "a" || string(ms[1].Value) != `{"b": [1, 2]}` {
		t.Fatalf("members %q", ms)
	}
	if got := string(Object(ms)); got != `{"z":1,"a":{"b": [1, 2]},"m<&>":"x"}` {
		t.Errorf("Object = %s", got)
	}
	for _, bad := range []string{`[1]`, `{"a": 1} {}`, `{"a": }`, ``} {
		if _, err := Members([]byte(bad)); err == nil {
			t.Errorf("Members(%q) accepted it", bad)
		} else if bad == `[1]` && !strings.Contains(err.Error(), "not an object") {
			t.Errorf("Members(%q): %v", bad, err)
		}
	}
}
