package checkers

import (
	"slices"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// ISO 3166-1 assigns 249 codes. Each form of a current code conforms; withdrawn, private-use,
// CLDR-only and alias codes do not.
func TestCountryCodesAreISO3166(t *testing.T) {
	codes := CountryCodes()
	if len(codes) != 249 {
		t.Errorf("%d alpha-2 codes, want ISO 3166-1's 249", len(codes))
	}
	for _, want := range []string{"CN", "HK", "MO", "TW", "SG", "DE", "SS", "ME", "BQ", "AQ"} {
		if !slices.Contains(codes, want) {
			t.Errorf("%s missing", want)
		}
	}
	for _, v := range []string{"CN", "CHN", "156", "SGP", "702", "DEU"} {
		if !countryList.conform(v) {
			t.Errorf("%q does not conform", v)
		}
	}
	for _, v := range []string{"XK", "ZZ", "AA", "EU", "UN", "UK", "DD", "SU", "YU", "CS", "AN", "001", "cn", "China", "1560"} {
		if countryList.conform(v) {
			t.Errorf("%q conforms", v)
		}
	}
}

// A field may name GB/T 2659 as its code list or standard.
func TestGBT2659IsACodeListAFieldMayName(t *testing.T) {
	m := &datasets.Metadata{Fields: []datasets.Field{{Name: "destination", CodeList: "GB/T 2659-2000"}}}
	p := scanCSV(t, "destination\nSG\nDEU\n840\nUK\n", Plan{Metadata: m})
	c := p.Columns[0].Constraints["code_list"]
	if c == nil || c.Evaluated != 4 || c.Failed != 1 || c.Samples[0].Row != 4 {
		t.Errorf("code_list check = %+v, want row 4 (UK, not a code: GB is) failing of 4", c)
	}
}

// dgcheck init declares a code list for a column whose every value is in one.
func TestCodeListOfDistinctValues(t *testing.T) {
	for _, c := range []struct {
		values []string
		want   string
	}{
		{[]string{"女", "男"}, "GB/T 2261.1"},
		{[]string{"1", "2", "9"}, "GB/T 2261.1"},
		{[]string{"CN", "SG", "DEU"}, "GB/T 2659.1-2022"},
		{[]string{"男", "SG"}, ""},
		{[]string{"在保", "停保"}, ""},
		{nil, ""},
	} {
		if got := CodeListOf(c.values); got != c.want {
			t.Errorf("CodeListOf(%q) = %q, want %q", c.values, got, c.want)
		}
	}
}
