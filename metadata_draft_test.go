package dgcheck_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/datasets"
)

func TestDraftDeclaresWhatHoldsOnEveryRow(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,mobile,sex,amount,day,note,code\n")
	for i := range 10 {
		note := ""
		if i == 3 {
			note = "复核"
		}
		b.WriteString(strings.Join([]string{
			"A" + string(rune('0'+i)), "1380013800" + string(rune('0'+i)), []string{"男", "女"}[i%2],
			[]string{"780", "1560.5"}[i%2], "2025-06-0" + string(rune('1'+i%9)), note, "0" + string(rune('1'+i%3)),
		}, ",") + "\n")
	}
	path := filepath.Join(t.TempDir(), "roll.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := dgcheck.Draft(context.Background(), dgcheck.DraftRequest{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	m := d.Metadata
	field := func(name string) datasets.Field {
		return m.Fields[slices.IndexFunc(m.Fields, func(f datasets.Field) bool { return f.Name == name })]
	}
	if !slices.Equal(m.PrimaryKey, []string{"id"}) || *m.RecordCount != 10 || m.Format != "csv" || !*m.PI.ContainsPI || *m.PI.ContainsSensitivePI {
		t.Errorf("key %q rows %d format %q pi %+v", m.PrimaryKey, *m.RecordCount, m.Format, m.PI)
	}
	if f := field("mobile"); f.Datatype != "string" || f.IdentifierRole != "direct" || f.Constraints != nil {
		t.Errorf("mobile = %+v: an identifier is text, and its values are no domain", f)
	}
	if f := field("sex"); f.Constraints == nil || !slices.Equal(f.Constraints.Enum, []string{"女", "男"}) || *f.Nullable ||
		f.CodeList != "GB/T 2261.1" {
		t.Errorf("sex = %+v: 男 and 女 are GB/T 2261.1's sexes", f)
	}
	if f := field("code"); f.CodeList != "" {
		t.Errorf("code = %+v: 01, 02, 03 are in no bundled code list", f)
	}
	if f := field("amount"); f.Datatype != "number" || f.Constraints.Minimum != "780" || f.Constraints.Maximum != "1560.5" {
		t.Errorf("amount = %+v %+v", f, f.Constraints)
	}
	if f := field("day"); f.Datatype != "date" || f.Constraints.Minimum != "2025-06-01" {
		t.Errorf("day = %+v", f)
	}
	if f := field("note"); !*f.Nullable || f.Constraints != nil {
		t.Errorf("note = %+v: one value in ten is neither required nor an enumeration", f)
	}
	if f := field("code"); f.Datatype != "string" || *f.Constraints.MinLength != 2 {
		t.Errorf("code = %+v: 01, 02, 03 are codes, not numbers", f)
	}
	if _, ok := d.Placeholders["primary_key"]; ok || d.Placeholders["cn.open_type"] == "" || d.Placeholders["fields[0].cn_name"] == "" {
		t.Errorf("placeholders = %v", d.Placeholders)
	}
	if _, ok := d.Placeholders["fields[1].identifier_role"]; ok {
		t.Error("a detected role is not a placeholder")
	}

	// Both forms are metadata dgcheck reads back to the same declarations.
	for name, write := range map[string]func(*bytes.Buffer) error{
		"roll.meta.yaml":   func(w *bytes.Buffer) error { return d.WriteSidecar(w) },
		"datapackage.json": func(w *bytes.Buffer) error { return d.WriteDataPackage(w) },
	} {
		var out bytes.Buffer
		if err := write(&out); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(filepath.Dir(path), name)
		if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		mf, err := datasets.ReadMetadata(p, path)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out.String())
		}
		if len(mf.Unknown) > 0 {
			t.Errorf("%s: unknown keys %q", name, mf.Unknown)
		}
		required := func(f datasets.Field) bool { return f.Nullable != nil && !*f.Nullable }
		for i, f := range mf.Metadata.Fields {
			want := m.Fields[i]
			if f.Datatype != want.Datatype || required(f) != required(want) || f.IdentifierRole != want.IdentifierRole ||
				f.CodeList != want.CodeList {
				t.Errorf("%s: field %s read back as %+v, drafted %+v", name, f.Name, f, want)
			}
		}
	}
}

// Trust II, reproduction 1: a money column two of whose amounts have the shape of region codes
// had its profile extremes masked ("1**", "9****"), and init drafted those masks as its range.
// The draft's bounds are the column's raw extremes, typed as the column is; and no bound or
// enumeration item is a person's identifier, even where too few values are one for the
// column to be typed as identifiers.
func TestDraftBoundsAreRawTypedAndNoIdentifier(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,amount,ref,contact,day\n")
	amounts := []string{"540", "110101", "780", "100", "1560.5", "420111", "900", "650", "700", "820"}
	refs := []string{"12", "13800138000", "40", "7", "15", "22", "31", "8", "19", "25"}
	for i := range 10 {
		contact := []string{"13912345678", "无"}[i%2]
		fmt.Fprintf(&b, "A%d,%s,%s,%s,2025-06-%02d\n", i, amounts[i], refs[i], contact, i+1)
	}
	path := filepath.Join(t.TempDir(), "pay.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := dgcheck.Draft(context.Background(), dgcheck.DraftRequest{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	field := func(name string) datasets.Field {
		return d.Metadata.Fields[slices.IndexFunc(d.Metadata.Fields, func(f datasets.Field) bool { return f.Name == name })]
	}
	if f := field("amount"); f.Datatype != "number" || f.Constraints == nil || f.Constraints.Minimum != "100" || f.Constraints.Maximum != "420111" {
		t.Errorf("amount = %+v %+v: want the raw range 100..420111", f, f.Constraints)
	}
	if f := field("ref"); f.Constraints != nil && (f.Constraints.Minimum != "" || f.Constraints.Maximum != "") {
		t.Errorf("ref = %+v: its maximum is a mobile number, no bound to publish", f.Constraints)
	}
	if f := field("contact"); f.Constraints != nil && slices.Contains(f.Constraints.Enum, "13912345678") {
		t.Errorf("contact = %+v: a mobile number is no enumeration item", f.Constraints)
	}
	if f := field("day"); f.Constraints == nil || f.Constraints.Minimum != "2025-06-01" || f.Constraints.Maximum != "2025-06-10" {
		t.Errorf("day = %+v", f.Constraints)
	}

	var sidecar, pkg bytes.Buffer
	if err := d.WriteSidecar(&sidecar); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteDataPackage(&pkg); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"sidecar": sidecar.String(), "datapackage": pkg.String()} {
		for _, leak := range []string{"*", "13800138000", "13912345678"} {
			if strings.Contains(out, leak) {
				t.Errorf("%s: the draft holds %q\n%s", name, leak, out)
			}
		}
	}
	if !strings.Contains(sidecar.String(), "constraints: {minimum: 100, maximum: 420111}") {
		t.Errorf("sidecar: amount's range is not written as numbers\n%s", sidecar.String())
	}
	var doc struct {
		Resources []struct {
			Schema struct {
				Fields []struct {
					Name        string
					Constraints map[string]any
				}
			}
		}
	}
	if err := json.Unmarshal(pkg.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Resources[0].Schema.Fields {
		switch f.Name {
		case "amount":
			if f.Constraints["minimum"] != 100.0 || f.Constraints["maximum"] != 420111.0 {
				t.Errorf("datapackage: amount constraints %v: a number field's bounds are JSON numbers", f.Constraints)
			}
		case "day":
			if f.Constraints["minimum"] != "2025-06-01" {
				t.Errorf("datapackage: day constraints %v: a date's bounds are ISO dates", f.Constraints)
			}
		}
	}
}
