package audits

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

// The views regroup the golden portfolio's datasets: requirements by the datasets failing
// them, owners with their conformant share of the datasets checked, areas per checked
// dataset, and the dataset that could not be read with its reason.
func TestViewsAnswerByRequirementOwnerAndArea(t *testing.T) {
	v := goldenPortfolio().Views
	var order []string
	for _, r := range v.Requirements {
		order = append(order, r.ID)
	}
	if want := []string{"QUAL-007", "ID-002", "META-001", "PUB-003"}; !reflect.DeepEqual(order, want) {
		t.Errorf("requirements by reach: %v, want %v", order, want)
	}
	if r := v.Requirements[0]; !reflect.DeepEqual(r.Datasets, []string{"bureau-01/roll-001.csv", "bureau-02/roll-002.parquet"}) ||
		r.Findings != 2 || r.Severity != reports.Warning || r.Standard != "GB/T 36344-2018" {
		t.Errorf("QUAL-007: %+v", r)
	}
	byOwner := map[string]OwnerView{}
	for _, o := range v.Owners {
		byOwner[o.Owner] = o
	}
	if o := byOwner["青山区民政局"]; o.Datasets != 1 || o.Checked != 1 || o.Conformant != 0 || len(o.TopRules) != topRules {
		t.Errorf("青山区民政局: %+v", o)
	}
	if o := byOwner["洪山区民政局"]; o.ConformantShare != 1 {
		t.Errorf("洪山区民政局: %+v", o)
	}
	if o := byOwner[""]; o.Datasets != 1 || o.Checked != 0 || o.ConformantShare != 0 {
		t.Errorf("no owner: %+v", o)
	}
	if want := []Unchecked{{Dataset: "bureau-03/roll-003.parquet",
		Reason: "cat/bureau-03/roll-003.parquet: not a readable parquet file: file is smaller than indicated metadata size"}}; !reflect.DeepEqual(v.Unchecked, want) {
		t.Errorf("unchecked: %+v", v.Unchecked)
	}
	if want := []string{"identifiers", "metadata", "quality", "release"}; !reflect.DeepEqual(v.Areas.Areas, want) {
		t.Errorf("areas: %v, want %v", v.Areas.Areas, want)
	}
	if want := []RuleChange{{ID: "QUAL-007", Title: "Required fields are populated", New: 1, Fixed: 1},
		{ID: "ID-002", Title: "Citizen ID check digits are valid", Regressed: 1}}; !reflect.DeepEqual(v.Changes[:2], want) {
		t.Errorf("changes by rule: %+v, want first %+v", v.Changes, want)
	}
	if len(v.Areas.Rows) != 3 {
		t.Fatalf("%d heatmap rows, want the 3 checked datasets", len(v.Areas.Rows))
	}
	if r := v.Areas.Rows[1]; r.Dataset != "bureau-02/roll-002.parquet" || !reflect.DeepEqual(r.Findings, []int{1, 0, 1, 1}) ||
		!reflect.DeepEqual(r.Worst, []reports.Severity{reports.Error, "", reports.Warning, reports.Error}) {
		t.Errorf("bureau-02's row: %+v", r)
	}
}

// The page has its words in both languages, and writes the stamp's.
func TestPortfolioPageIsBilingual(t *testing.T) {
	for key := range indexWords["en"] {
		if indexWords["zh"][key] == "" {
			t.Errorf("no Chinese for %q", key)
		}
	}
	if len(indexWords["zh"]) != len(indexWords["en"]) {
		t.Errorf("%d Chinese words, %d English", len(indexWords["zh"]), len(indexWords["en"]))
	}
	p := goldenPortfolio()
	p.Stamp.Lang = "zh"
	var buf bytes.Buffer
	if err := (PortfolioHTML{}).Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="zh">`, "未满足的要求", "无法检查", "数据质量", "完整性", ">错误<"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the Chinese page lacks %q", want)
		}
	}
	p.Stamp.Lang = "fr"
	if err := (PortfolioHTML{}).Write(&buf, p); err == nil || !strings.Contains(err.Error(), `unknown language "fr"`) {
		t.Errorf("an unknown language: %v", err)
	}
}

// A Markdown table stops at markdownMaxRows and says how many more rows portfolio.json has.
func TestMarkdownTablesAreBounded(t *testing.T) {
	var entries []Entry
	for i := range markdownMaxRows + 7 {
		entries = append(entries, Entry{Dataset: fmt.Sprintf("d%03d.csv", i), Status: Failed, Error: "unreadable"})
	}
	p := &Portfolio{Datasets: entries, Summary: summarise(entries, false), Views: viewsOf(entries, false)}
	var buf bytes.Buffer
	if err := (PortfolioMarkdown{}).Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if got := strings.Count(md, "| unreadable |"); got != markdownMaxRows || !strings.Contains(md, "\n7 more in portfolio.json.\n") {
		t.Errorf("%d rows of unchecked datasets, and no word of the 7 more:\n%.300s", got, md)
	}
}
