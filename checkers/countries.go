package checkers

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"
)

// GB/T 2659.1-2022 (which replaced GB/T 2659-2000, 世界各国和地区名称代码) is ISO 3166-1: the
// codes of countries and regions, each in three forms, alpha-2 (CN), alpha-3 (CHN) and numeric
// (156). The table is not typed in here but taken from the CLDR region data golang.org/x/text
// carries (already a dependency, for GB18030): its regions that are ISO 3166-1 countries,
// without private-use codes (AA, QM-QZ, XA-XZ, ZZ), CLDR's own areas (EU, UN, 001...), codes
// it keeps only as aliases of current ones (DD for DE, UK for GB) and the five withdrawn codes
// that name no single country today (AN, CS, NT, SU, YU; ISO 3166-3). That leaves ISO
// 3166-1's 249.

// withdrawnRegions are ISO 3166-3 codes CLDR still lists as countries because old data uses
// them; they split into several current codes, so they have no alias to canonicalise to.
var withdrawnRegions = []string{"AN", "CS", "NT", "SU", "YU"}

// countryForms maps each form of every country code to its alpha-2 code.
var countryForms = func() map[string]string {
	forms := map[string]string{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || r.String() != code || !r.IsCountry() || r.IsPrivateUse() || r.M49() == 0 ||
				r.Canonicalize() != r || slices.Contains(withdrawnRegions, code) {
				continue
			}
			forms[code], forms[r.ISO3()], forms[fmt.Sprintf("%03d", r.M49())] = code, code, code
		}
	}
	return forms
}()

// CountryCodes lists the ISO 3166-1 alpha-2 codes (GB/T 2659.1-2022) in order. The rules bundle
// carries the same list for the codes metadata names (XB-001's destinations), and a test
// holds the two equal.
func CountryCodes() []string {
	var codes []string
	for form, code := range countryForms {
		if form == code {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	return codes
}
