package main

import (
	"bytes"
	"strings"
	"testing"
)

// Columns line up by the cells a terminal gives each character: a Chinese character takes
// two, so 姓名 is as wide as "ab  " would be and the next column starts at the same place.
func TestTableAlignsChineseText(t *testing.T) {
	tab := table{}
	tab.add("column", "type", "category")
	tab.add("姓名", "person_name", "个人基本资料")
	tab.add("mobile", "mobile", "")
	var out bytes.Buffer
	if err := tab.write(&out); err != nil {
		t.Fatal(err)
	}
	want := "column  type         category\n" +
		"姓名    person_name  个人基本资料\n" +
		"mobile  mobile\n"
	if out.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", out.String(), want)
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if i := strings.Index(line, "person_name"); i >= 0 && displayWidth(line[:i]) != displayWidth("column  ") {
			t.Errorf("the second column starts at cell %d, want %d", displayWidth(line[:i]), displayWidth("column  "))
		}
	}
}
