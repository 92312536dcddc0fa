package checkers

import "testing"

// BenchmarkScanDetection measures what identifier detection, free-text scanning and
// classification add to a scan: the same CSV roll scanned with detection (on) and without
// (off, Plan.SkipDetection). Quote on/off as a ratio from one run; issue 3 asks for < 1.30.
func BenchmarkScanDetection(b *testing.B) {
	path, size := writeRoll(b, ".csv")
	key := [][]string{{"household_id"}}
	benchScans(b, path, size, []benchPlan{
		{"on", Plan{Keys: key}},
		{"off", Plan{Keys: key, SkipDetection: true}},
	}, nil)
}
