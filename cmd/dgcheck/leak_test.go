package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

// leakFormats are the report files every run below writes: one per format.
var leakFormats = []string{"out.txt", "out.json", "out.md", "out.html", "out.sarif", "out.xml"}

// The issue "Trust II: reports that leak nothing": whatever the input holds (identifiers in the
// header, in the sidecar's title, contact and field descriptions, in cells and in free text,
// lines ending in a lone CR), no report in any format shows a resident ID number, a mobile
// number or a bank card in clear. The same holds for every dataset the repository ships.
func TestNoReportLeaksAnIdentifier(t *testing.T) {
	dir := t.TempDir()
	data, meta := writeLeakyRoll(t, dir)
	inputs := []string{data}
	for _, pattern := range []string{"../../examples/dibao/*.csv", "../../examples/dibao/*.parquet",
		"../../testdata/quality/*.csv", "../../testdata/csv/*.csv"} {
		found, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, found...)
	}
	for i, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			raw := identifiersIn(t, in)
			if i == 0 {
				for _, id := range []string{"110105194912310021", "13812345678", "13900001111"} {
					raw[id] = true // the issue's own header, title and contact
				}
				if len(raw) < 20 {
					t.Fatalf("the generated roll holds %d identifiers; the test would prove little", len(raw))
				}
				if b, err := os.ReadFile(meta); err != nil || !strings.Contains(string(b), "13900001111") {
					t.Fatalf("sidecar lacks its contact number (%v)", err)
				}
			}
			out := filepath.Join(dir, fmt.Sprint(i))
			args := []string{"check", "-q"}
			for _, f := range leakFormats {
				args = append(args, "-o", filepath.Join(out, f))
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			_, stderr, code := runCLI(t, append(args, in)...)
			if code == exitUsageOrInput {
				if _, err := os.Stat(filepath.Join(out, "out.json")); err != nil {
					t.Skipf("check cannot read it (exit 2, no report): %s", strings.TrimSpace(stderr))
				}
			}
			for _, f := range leakFormats {
				b, err := os.ReadFile(filepath.Join(out, f))
				if err != nil {
					t.Fatalf("%s not written (exit %d): %v; stderr: %s", f, code, err, stderr)
				}
				for id := range raw {
					if at := indexAlone(string(b), id); at >= 0 {
						t.Errorf("%s shows %s in clear: …%s…", f, id, string(b[max(0, at-40):min(len(b), at+len(id)+20)]))
					}
				}
			}
			if i == 0 {
				checkCROnlyRead(t, filepath.Join(out, "out.json"))
			}
			checkNoMosaic(t, filepath.Join(out, "out.json"))
		})
	}
}

// writeLeakyRoll writes a roll whose header, cells, free text and sidecar hold identifiers, its
// lines ending in a lone CR, and returns the paths of the data and the sidecar.
func writeLeakyRoll(t *testing.T, dir string) (data, meta string) {
	t.Helper()
	id := func(i int) string {
		body := fmt.Sprintf("420111%04d%02d%02d%03d", 1950+i%50, 1+i%12, 1+i%28, i%1000)
		return body + string(detect.CheckDigit(body))
	}
	mobile := func(i int) string { return fmt.Sprintf("139%08d", 10000000+i*7919) }
	card := func(i int) string {
		body := fmt.Sprintf("622202%012d", 100000000+i*104729)
		return body + string(detect.LuhnCheckDigit(body))
	}
	header := []string{"row_id", "110105194912310021", "13812345678", "sfzh", "mobile", "card", "remark"}
	lines := []string{strings.Join(header, ",")}
	for i := range 60 {
		lines = append(lines, strings.Join([]string{fmt.Sprint(i + 1), "x", "y", id(i), mobile(i), card(i),
			fmt.Sprintf("联系电话%s，身份证%s，卡号%s", mobile(i+100), id(i+100), card(i+100))}, ","))
	}
	data = filepath.Join(dir, "roll.csv")
	if err := os.WriteFile(data, []byte(strings.Join(lines, "\r")+"\r"), 0o644); err != nil {
		t.Fatal(err)
	}
	sidecar := `schema: dgcheck/metadata/v1
title:
  zh: 低保名册（经办人 13812345678）
contact_point:
  phone: "13900001111"
  email: zhang.san@example.org
fields:
  - name: row_id
    datatype: integer
  - name: "110105194912310021"
    description: 户主身份证 ` + id(500) + `，电话 ` + mobile(500) + `
  - name: sfzh
    description: 身份证号，例如 ` + id(501) + `
`
	meta = filepath.Join(dir, "roll.meta.yaml")
	if err := os.WriteFile(meta, []byte(sidecar), 0o644); err != nil {
		t.Fatal(err)
	}
	return data, meta
}

// identifiersIn lists the raw identifiers a dataset and its sidecar hold: every maximal digit
// run of the header, the cells (read as check reads them) and the sidecar's text that is a
// valid resident ID number, a valid mobile number or a Luhn-valid card of 16-19 digits.
func identifiersIn(t *testing.T, path string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	add := func(text string) {
		for _, run := range digitRuns(text) {
			if detect.ResidentID(run).Valid || detect.Mobile(run).Valid ||
				len(run) >= 16 && len(run) <= 19 && detect.BankCard(run).Valid {
				out[run] = true
			}
		}
	}
	if meta := datasets.FindMetadata(path); meta != "" {
		b, err := os.ReadFile(meta)
		if err != nil {
			t.Fatal(err)
		}
		add(string(b))
	}
	r, err := datasets.Open(t.Context(), path)
	if err != nil {
		return out // check will say why; the test skips it
	}
	defer r.Close()
	for _, c := range r.Source().Columns {
		add(c)
	}
	for r.Next() {
		rec := r.Batch().Record
		for c := range int(rec.NumCols()) {
			col := rec.Column(c)
			for j := range col.Len() {
				if !col.IsNull(j) {
					add(col.ValueStr(j))
				}
			}
		}
		rec.Release()
	}
	return out
}

// digitRuns are the maximal runs of ASCII digits in s, an X after 17 digits included.
func digitRuns(s string) []string {
	var runs []string
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 17 && j < len(s) && (s[j] == 'X' || s[j] == 'x') {
			j++
		}
		runs = append(runs, s[i:j])
		i = j
	}
	return runs
}

// indexAlone is the first index of id in s that is not inside a longer run of digits, or -1.
func indexAlone(s, id string) int {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	for i := 0; ; {
		j := strings.Index(s[i:], id)
		if j < 0 {
			return -1
		}
		start, end := i+j, i+j+len(id)
		if !(start > 0 && isDigit(s[start-1])) && !(end < len(s) && isDigit(s[end]) && isDigit(id[len(id)-1])) {
			return start
		}
		i = start + 1
	}
}

// checkCROnlyRead: the CR-only roll was read as 60 rows of 7 columns, not one wide header.
func checkCROnlyRead(t *testing.T, path string) {
	t.Helper()
	var r struct {
		Dataset struct {
			Rows    int64    `json:"rows"`
			Columns []string `json:"columns"`
		} `json:"dataset"`
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if r.Dataset.Rows != 60 || len(r.Dataset.Columns) != 7 {
		t.Errorf("CR-only roll read as %d rows of %d columns, want 60 of 7", r.Dataset.Rows, len(r.Dataset.Columns))
	}
	if want := "110105********0021"; !slices.Contains(r.Dataset.Columns, want) {
		t.Errorf("columns %q lack the masked header %q", r.Dataset.Columns, want)
	}
}

// checkNoMosaic: a cell shown in several masked forms (by several findings, or in the
// profile) must not reveal more through them together than through one of them.
func checkNoMosaic(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var report struct {
		Findings []struct {
			ID      string `json:"id"`
			Column  string `json:"column"`
			Samples []struct {
				Row   int64  `json:"row"`
				Value string `json:"value"`
			} `json:"samples"`
		} `json:"findings"`
		Profile struct {
			Columns []map[string]any `json:"columns"`
		} `json:"profile"`
	}
	if err := json.Unmarshal(b, &report); err != nil {
		t.Fatal(err)
	}
	type cell struct {
		column string
		row    int64
	}
	forms := map[cell]map[string]bool{}
	add := func(c cell, v string) {
		if v == "" || c.column == "" {
			return
		}
		if forms[c] == nil {
			forms[c] = map[string]bool{}
		}
		forms[c][v] = true
	}
	for _, f := range report.Findings {
		for _, s := range f.Samples {
			add(cell{f.Column, s.Row}, s.Value)
		}
	}
	for _, col := range report.Profile.Columns {
		name, _ := col["name"].(string)
		eachSample(col, func(row int64, v string) { add(cell{name, row}, v) })
	}
	for c, set := range forms {
		// A form found inside another (an identifier's sample inside the masked free text it
		// was found in) shows nothing the other does not.
		for v := range set {
			for w := range set {
				if v != w && strings.Contains(w, v) {
					delete(set, v)
					break
				}
			}
		}
		if len(set) < 2 {
			continue
		}
		union := map[revealed]bool{}
		var all []string
		for v := range set {
			all = append(all, v)
			for r := range revealedBy(v) {
				union[r] = true
			}
		}
		covered := false
		for _, v := range all {
			one := revealedBy(v)
			covered = covered || allIn(union, one)
		}
		if !covered {
			slices.Sort(all)
			t.Errorf("row %d of column %q is shown as %q: together they reveal more than any one", c.row, c.column, all)
		}
	}
}

// eachSample calls fn for every {row, value} object under v (a profile column's JSON).
func eachSample(v any, fn func(int64, string)) {
	switch x := v.(type) {
	case map[string]any:
		row, okRow := x["row"].(float64)
		value, okValue := x["value"].(string)
		if okRow && okValue {
			fn(int64(row), value)
		}
		for _, y := range x {
			eachSample(y, fn)
		}
	case []any:
		for _, y := range x {
			eachSample(y, fn)
		}
	}
}

// revealed is one character a masked form shows: where it stands (counted from the start
// before the first '*', from the end after the last, else from the start) and what it is.
type revealed struct {
	fromEnd bool
	at      int
	r       rune
}

func revealedBy(form string) map[revealed]bool {
	rs := []rune(form)
	first, last := slices.Index(rs, '*'), -1
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == '*' {
			last = i
			break
		}
	}
	out := map[revealed]bool{}
	for i, r := range rs {
		switch {
		case r == '*':
		case first >= 0 && i > last:
			out[revealed{true, len(rs) - 1 - i, r}] = true
		default:
			out[revealed{false, i, r}] = true
		}
	}
	return out
}

func allIn(set, in map[revealed]bool) bool {
	for r := range set {
		if !in[r] {
			return false
		}
	}
	return true
}

// classify prints the column names and whatever the grading says of them masked, as check
// does; the sidecar --write-metadata writes keeps the raw names, which must match the header.
func TestClassifyLeaksNoIdentifier(t *testing.T) {
	dir := t.TempDir()
	data, meta := writeLeakyRoll(t, dir)
	raw := identifiersIn(t, data)
	raw["110105194912310021"], raw["13812345678"] = true, true
	for _, format := range []string{"text", "json"} {
		stdout, stderr, code := runCLI(t, "classify", "--format", format, data)
		if code != 0 {
			t.Fatalf("classify --format %s: exit %d: %s", format, code, stderr)
		}
		for id := range raw {
			if indexAlone(stdout, id) >= 0 {
				t.Errorf("classify --format %s shows %s in clear", format, id)
			}
		}
		if !strings.Contains(stdout, "110105********0021") {
			t.Errorf("classify --format %s lacks the masked column name:\n%s", format, stdout)
		}
	}
	if _, stderr, code := runCLI(t, "classify", "--write-metadata", data); code != 0 {
		t.Fatalf("classify --write-metadata: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(meta)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "110105194912310021") {
		t.Error("the sidecar lost the raw column name it must match the header by")
	}
}
