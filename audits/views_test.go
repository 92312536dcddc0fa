package audits

import (
	"reflect"
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
	if len(v.Areas.Rows) != 3 {
		t.Fatalf("%d heatmap rows, want the 3 checked datasets", len(v.Areas.Rows))
	}
	if r := v.Areas.Rows[1]; r.Dataset != "bureau-02/roll-002.parquet" || !reflect.DeepEqual(r.Findings, []int{1, 0, 1, 1}) ||
		!reflect.DeepEqual(r.Worst, []reports.Severity{reports.Error, "", reports.Warning, reports.Error}) {
		t.Errorf("bureau-02's row: %+v", r)
	}
}
