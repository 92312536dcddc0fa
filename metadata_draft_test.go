package dgcheck_test

import (
	"bytes"
	"context"
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
	d, err := dgcheck.DraftMetadata(context.Background(), dgcheck.MetadataDraftRequest{Path: path})
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
