package detect

// Six-digit codes: postcodes (STANDARDS §3.8, ID-018) and GB/T 2260 administrative division
// codes (§3.9, ID-017). Both are six digits; only the region table tells them apart, so a
// column of codes found in the table is typed as region codes and a postcode column needs a
// header hint.

const (
	codeLen = 6
	// codeMaskKeep is the generalisation ladder's city level (§3.9): 420111 → 4201**.
	codeMaskKeep = 4
	// maxMaskedCodeLen: the masked form written with ＊, three bytes a character (4201＊＊).
	maxMaskedCodeLen = codeMaskKeep + 3*(codeLen-codeMaskKeep)
)

// RegionRetired is the trait of a region code found only among the table's retired codes.
const RegionRetired Traits = 1

// Postcode detects a mainland postcode.
//
//   - Match: six ASCII digits.
//   - Valid: Match and the first digit is 0-8 (^[0-8]\d{5}$; 9 is believed unused on the
//     mainland, a heuristic).
//   - Masked: four digits and two mask characters, "**" (maskCode's form), "##", "xx", "XX"
//     or "＊＊".
func Postcode(s string) Result {
	s = trim(s)
	if len(s) != codeLen {
		return Result{Masked: len(s) == maxMaskedCodeLen && maskedCode(s)}
	}
	if !allDigits(s) {
		return Result{Masked: maskedCode(s)}
	}
	return Result{Match: true, Valid: s[0] != '9'}
}

// RegionCode detects a GB/T 2260 administrative division code.
//
//   - Match: six ASCII digits.
//   - Valid: Match and the code is in the bundled table (data/gbt2260.tsv), current or retired.
//   - Traits: RegionRetired.
//   - Masked: four digits and two mask characters as for Postcode (the city level of the
//     generalisation ladder).
func RegionCode(s string) Result {
	s = trim(s)
	if len(s) != codeLen {
		return Result{Masked: len(s) == maxMaskedCodeLen && maskedCode(s)}
	}
	if !allDigits(s) {
		return Result{Masked: maskedCode(s)}
	}
	switch region(s) {
	case regionCurrent:
		return Result{Match: true, Valid: true}
	case regionRetired:
		return Result{Match: true, Valid: true, Traits: RegionRetired}
	}
	return Result{Match: true}
}

func maskedCode(s string) bool {
	return allDigits(s[:codeMaskKeep]) && maskRun(s[codeMaskKeep:], anyMask) == codeLen-codeMaskKeep
}

// maskCode keeps the first four digits of a six-digit code (420111 → 4201**).
func maskCode(s string) string {
	if masked, done := settledMask(s, Postcode(s)); done {
		return masked
	}
	return trim(s)[:codeMaskKeep] + "**"
}
