package checkers

import "testing"

// BenchmarkReidentification measures what k-anonymity over three quasi-identifiers adds to
// the measuring pass: the same scan of the roll (primary key declared, as in the example's
// sidecar) without and with sex, birth_date and street as quasi-identifiers. Compare the two
// in the same run; the difference is the class table's cost.
func BenchmarkReidentification(b *testing.B) {
	path, size := writeRoll(b, ".csv")
	key := [][]string{{"household_id"}}
	benchScans(b, path, size, []benchPlan{
		{"without_qi", Plan{Keys: key}},
		{"with_3_qi", Plan{Keys: key, QuasiIdentifiers: []string{"sex", "birth_date", "street"}}},
	}, func(b *testing.B, bp benchPlan, p *Profile) {
		if (p.Table.Reidentification != nil) != (bp.plan.QuasiIdentifiers != nil) {
			b.Fatalf("reidentification %+v", p.Table.Reidentification)
		}
	})
}
