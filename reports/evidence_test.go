package reports

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// QUAL-019's evidence as the engine gives it: a count, the encoding and the located issues,
// each said in both languages.
var raggedEvidence = map[string]any{
	"encoding":    "utf-8",
	"detector":    "cn_resident_id",
	"ragged_rows": json.Number("2"),
	"issues": []any{
		map[string]any{"row": json.Number("17"), "line": json.Number("18"), "detail": "6 fields, header has 5", "detail_zh": "6 个字段，表头有 5 个"},
		map[string]any{"row": json.Number("40"), "line": json.Number("41"), "detail": "4 fields, header has 5"},
	},
	"missing":  []any{"title", "publisher"},
	"share":    0.333333333,
	"notified": false,
}

func TestReadableEvidence(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []evidenceFact
	}{
		{"en", []evidenceFact{
			{"detector", []string{TypeLabel("en", "cn_resident_id")}},
			{"encoding", []string{"utf-8"}},
			{"issues", []string{"detail: 6 fields, header has 5, line: 18, row: 17", "detail: 4 fields, header has 5, line: 41, row: 40"}},
			{"missing", []string{"title, publisher"}},
			{"notified", []string{"no"}},
			{"ragged rows", []string{"2"}},
			{"share", []string{"0.3333"}},
		}},
		// The Chinese twin stands in for its key; a record without one falls back to English.
		{"zh", []evidenceFact{
			{"识别类型", []string{"身份证号"}},
			{"编码", []string{"utf-8"}},
			{"问题", []string{"说明：6 个字段，表头有 5 个；行号：18；行：17", "说明：4 fields, header has 5；行号：41；行：40"}},
			{"缺失", []string{"title、publisher"}},
			{"notified", []string{"否"}},
			{"字段数不一致的行数", []string{"2"}},
			{"share", []string{"0.3333"}},
		}},
	} {
		if got := readableEvidence(raggedEvidence, c.lang); !reflect.DeepEqual(got, c.want) {
			t.Errorf("lang %s:\n got %q\nwant %q", c.lang, got, c.want)
		}
	}
}

func TestEvidenceNumbers(t *testing.T) {
	for f, want := range map[float64]string{0: "0", 100: "100", 1e6: "1000000", 0.5: "0.5", 0.99999: "1", 2.25: "2.25", -3.14159: "-3.1416"} {
		if got := evidenceNumber(f); got != want {
			t.Errorf("evidenceNumber(%v) = %q, want %q", f, got, want)
		}
	}
}

// Every evidence key the built-in rules give on the fixtures has a Chinese label, so that a
// report in Chinese does not fall back to English words for them.
func TestEvidenceKeysHaveChineseLabels(t *testing.T) {
	f, err := os.Open("../testdata/findings.golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	missing := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, item := range v {
				if _, ok := evidenceLabelsZh[k]; !ok && !strings.HasSuffix(k, "_zh") {
					missing[k] = true
				}
				walk(item)
			}
		case []any:
			for _, item := range v {
				walk(item)
			}
		}
	}
	lines := bufio.NewScanner(f)
	lines.Buffer(nil, 1<<24)
	keys := 0
	for lines.Scan() {
		var fixture struct {
			Findings []struct {
				Evidence map[string]any `json:"evidence"`
			} `json:"findings"`
		}
		if err := json.Unmarshal(lines.Bytes(), &fixture); err != nil {
			t.Fatal(err)
		}
		for _, finding := range fixture.Findings {
			keys += len(finding.Evidence)
			walk(finding.Evidence)
		}
	}
	if err := lines.Err(); err != nil {
		t.Fatal(err)
	}
	if keys == 0 {
		t.Fatal("the fixtures' findings give no evidence: the test checks nothing")
	}
	for k := range missing {
		t.Errorf("evidence key %q has no Chinese label in evidenceLabelsZh", k)
	}
}
