package checkers

import (
	"slices"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// A field dictionary naming a column twice is read as the rules read it: the first entry is
// the column's (data.dgcheck.lib.meta.field_of), whatever the later ones declare, so Go never
// measures one declaration while the rules judge by another.
func TestRepeatedFieldsPlanFromTheFirstEntry(t *testing.T) {
	no := false
	m := &datasets.Metadata{Fields: []datasets.Field{
		{Name: "id", Datatype: "integer", Unique: true, Nullable: &no, IdentifierRole: "quasi",
			Masking: map[string]any{"method": "mask", "pattern": "mobile_3_4_4"}},
		{Name: "name"},
		{Name: "id", Datatype: "string", IdentifierRole: "other", Masking: map[string]any{"method": "hash"}},
	}}
	plan := PlanFor(m)
	if !slices.EqualFunc(plan.Keys, [][]string{{"id"}}, slices.Equal[[]string]) {
		t.Errorf("keys = %q, want the first entry's unique id, once", plan.Keys)
	}
	if got := plan.Masking["id"]; got.Method != "mask" || got.Pattern != "mobile_3_4_4" {
		t.Errorf("masking of id = %+v, want the first entry's", got)
	}
	if !slices.Equal(plan.QuasiIdentifiers, []string{"id"}) {
		t.Errorf("quasi-identifiers = %q, want id once, from the first entry's role", plan.QuasiIdentifiers)
	}
	p := scanCSV(t, "id,name\n1,a\nx,b\n", plan)
	typ := p.Columns[0].Constraints["type"]
	if typ == nil || typ.Reference != "integer" || typ.Failed != 1 {
		t.Errorf("type check of id = %+v, want the first entry's integer, failing on x", typ)
	}
	if f := m.Field("id"); f == nil || f.Datatype != "integer" {
		t.Errorf("Field(id) = %+v, want the first entry", f)
	}
	if m.Field("none") != nil {
		t.Error("Field(none) found an entry")
	}
}

// Quasi-identifiers the file lacks are left out and named in the profile; the classes are
// formed over those that exist, and none existing measures nothing (QUAL-002 reports each
// missing name with the key that declares it).
func TestMissingQuasiIdentifiersAreNamedAndTheRestMeasured(t *testing.T) {
	m := &datasets.Metadata{Deidentification: map[string]any{"qi_columns": []any{"sex", "communty"}}}
	r := scanCSV(t, "sex,community\nm,a\nf,a\nm,b\n", PlanFor(m)).Table.Reidentification
	if r == nil || !slices.Equal(r.QuasiIdentifiers, []string{"sex"}) || !slices.Equal(r.Missing, []string{"communty"}) || r.K != 1 {
		t.Errorf("reidentification = %+v, want k over sex with communty missing", r)
	}
	m.Deidentification["qi_columns"] = []any{"sexx"}
	if r := scanCSV(t, "sex,community\nm,a\n", PlanFor(m)).Table.Reidentification; r != nil {
		t.Errorf("reidentification = %+v, want none: no declared quasi-identifier is in the file", r)
	}
}
