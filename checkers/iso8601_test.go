package checkers

import (
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

func TestISO8601Representations(t *testing.T) {
	conform := []string{
		"2025-07-05", "20250705", "2025-07", "2025", "2024-02-29",
		"2025-186", "2025186", "2024-366",
		"2025-W27-6", "2025W276", "2025-W27", "2025W27", "2026-W53-4", "2020-W53", // 2026 starts on a Thursday, 2020 (leap) on a Wednesday
		"2025-07-05T08:30:00+08:00", "20250705T083000Z", "2025-07-05T08:30:00.5Z", "2025-07-05T08:30,25",
		"2025-07-05T08", "2025-07-05T08:30-05", "20250705T0830+0800", "2025-07-05T24:00", "2025-W27-6T08:30",
		"08:30:00", "T0830", "T08:30:00Z", "2016-12-31T23:59:60Z",
	}
	for _, v := range conform {
		if !isISO8601(v) {
			t.Errorf("isISO8601(%q) = false, want true", v)
		}
	}
	nonconform := []string{
		"", "2025-02-29", "2024-02-30", "2025-13-01", "2025-00-10", "2025-7-5", "2025/07/05", "05.07.2025",
		"202507", "2025-", "2025-367", "2025-366", "2025-W53", "2025-W00", "2025-W27-8", "2025-W276", "2025W27-6",
		"2025-07-05 08:30", "2025-07-05T25:00", "2025-07-05T24:30", "2025-07-05T08:60", "2025-07-05T08:30:61",
		"20250705T08:30", "2025-07-05T0830", "2025-07-05T08:30+0800", "2025-07-05T08:30+24:00", "2025-07-05T08:30.",
		"2025-07-05T", "T", "8:30", "2025-07-05TZ", "twenty25",
	}
	for _, v := range nonconform {
		if isISO8601(v) {
			t.Errorf("isISO8601(%q) = true, want false", v)
		}
	}
}

// A field that names GB/T 7408 as its standard is measured against it (QUAL-001), basic and
// week dates included; the type check alone would call 20250705 an integer.
func TestGBT7408IsAStandardAFieldMayName(t *testing.T) {
	m := &datasets.Metadata{Fields: []datasets.Field{{Name: "d", StandardRef: "GB/T 7408-2005"}}}
	p := scanCSV(t, "d\n2025-07-05\n20250705\n2025-W27-6\n2025/07/05\n2025-02-29\n", Plan{Metadata: m})
	c := p.Columns[0].Constraints["standard"]
	if c == nil || c.Evaluated != 5 || c.Failed != 2 || c.Samples[0].Row != 4 || c.Samples[1].Row != 5 {
		t.Errorf("standard check = %+v, want rows 4 and 5 failing of 5", c)
	}
}

// Every date and T-separated datetime the type inference accepts is an ISO 8601 one, and no
// input makes the check panic.
func FuzzISO8601(f *testing.F) {
	for _, s := range []string{"2025-07-05", "20250705T083000Z", "2025-W27-6", "2025-186", "T08:30", "08:30:00+08:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		iso := isISO8601(v)
		if isDate(v) && !iso || isDatetime(v) && v[10] == 'T' && !iso {
			t.Errorf("type inference reads %q as a date or datetime, isISO8601 rejects it", v)
		}
	})
}
