package synth

// The release form (Config.Masked) is de-identified, not only masked: masking the ID number
// 6+8+4 hides the birth date in it, so the birth date cannot then stand in clear in its own
// column (it would give the whole number back, and with sex and sub-district it singles out
// nearly every head of household: k = 1). The release form therefore generalises birth_date
// to a band of birthBandYears years and suppresses community, which leaves every combination
// of sex, birth band and sub-district shared by at least 8 households in the 2,000-row
// example (k-anonymity, DESENS-012).

// birthBandYears is the width of the released birth-date bands, counted from birthBandBase:
// 1930-1949, 1950-1969, 1970-1989, 1990-2009.
const (
	birthBandYears = 20
	birthBandBase  = 1930
)

// appendBirth appends birth_date: the date, or in the release form its band (1930-1949).
func appendBirth(dst []byte, h *household, masked bool) []byte {
	if !masked {
		return appendDate(dst, h.birth)
	}
	y, _, _ := civilFromDays(h.birth)
	from := birthBandBase + (y-birthBandBase)/birthBandYears*birthBandYears
	dst = appendDigits(dst, uint64(from), 4)
	dst = append(dst, '-')
	return appendDigits(dst, uint64(from+birthBandYears-1), 4)
}

// appendCommunity appends community, or nothing (suppressed: an empty field) in the release form.
func appendCommunity(dst []byte, h *household, masked bool) []byte {
	if masked {
		return dst
	}
	return append(dst, h.community...)
}
