package detect

import (
	"math/bits"
	"testing"
	"unicode/utf8"
)

// Hash, written but not registered in All (it says how a value is written, not what it is),
// and IBAN, registered last, with its registry vectors, are tested as entries of All are: a
// table checked against a reference, the invariants of checkInvariants that do not need All,
// and a fuzz target of the same.

func runUnregistered(t *testing.T, d Detector, ref func(string) Result, samples []sample) {
	t.Helper()
	var matched, rejected int
	for _, c := range samples {
		if got := d.Detect(c.in); got != c.want {
			t.Errorf("%s(%q) (%s): got %+v, want %+v", d.Name, c.in, c.why, got, c.want)
		}
		if r := ref(c.in); r != c.want {
			t.Errorf("%q (%s): reference says %+v, table says %+v", c.in, c.why, r, c.want)
		}
		checkUnregistered(t, d, ref, c.in)
		if c.want.Match {
			matched++
		} else if !c.want.Masked {
			rejected++
		}
	}
	if matched == 0 || rejected == 0 {
		t.Errorf("%s's table needs both true and false samples (%d, %d)", d.Name, matched, rejected)
	}
}

// checkUnregistered holds for every input: the detector agrees with its reference (ref may be
// nil), keeps the invariants of Result, its prefilter admits whatever it recognises, and its
// mask hides a match in a form it recognises as masked (a detector without a masked form has
// a nil Mask).
func checkUnregistered(t *testing.T, d Detector, ref func(string) Result, s string) {
	t.Helper()
	r := d.Detect(s)
	if ref != nil {
		if want := ref(s); r != want {
			t.Errorf("%s(%q) = %+v, reference %+v", d.Name, s, r, want)
		}
	}
	if r.Valid && !r.Match || r.Match && r.Masked || r.Traits != 0 && !r.Match {
		t.Errorf("%s(%q) = %+v breaks the invariants of Result", d.Name, s, r)
	}
	if bits.Len8(uint8(r.Traits)) > len(d.Traits) {
		t.Errorf("%s(%q) = %+v: a trait bit Traits does not name", d.Name, s, r)
	}
	if (r.Match || r.Masked) && !d.accepts.admits(s) {
		t.Errorf("%s(%q) = %+v, but its filter rules it out (shape %+v)", d.Name, s, r, ShapeOf(s))
	}
	if d.Mask == nil {
		return
	}
	out := d.Mask(s)
	if !utf8.ValidString(out) {
		t.Errorf("%s mask of %q = %q: invalid UTF-8", d.Name, s, out)
	}
	if again := d.Mask(out); again != out {
		t.Errorf("%s mask not idempotent: %q, then %q", d.Name, out, again)
	}
	switch {
	case r.Match && (out == s || !d.Detect(out).Masked):
		t.Errorf("%s mask of matching %q = %q, which is not a recognised masked form", d.Name, s, out)
	case r.Masked && out != s:
		t.Errorf("%s mask of masked %q = %q, want it unchanged", d.Name, s, out)
	}
}

func seedUnregistered(f *testing.F, samples []sample) {
	for _, c := range samples {
		f.Add(c.in)
	}
}

func TestUnregisteredDoNotAllocate(t *testing.T) {
	inputs := append([]string(nil), benchMix...)
	for _, ss := range [][]sample{ibanSamples, hashSamples} {
		for _, c := range ss {
			inputs = append(inputs, c.in)
		}
	}
	inputs = append(inputs, ibanRegistryExamples...)
	for _, d := range []Detector{ibanDetector, hashDetector} {
		allocs := testing.AllocsPerRun(10, func() {
			for _, s := range inputs {
				_ = d.Detect(s)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations a pass, want 0", d.Name, allocs)
		}
	}
}

func BenchmarkUnregistered(b *testing.B) {
	for _, d := range []Detector{ibanDetector, hashDetector} {
		b.Run(d.Name, func(b *testing.B) { benchValues(b, d.Detect) })
	}
}
