package detect

import "strings"

// Coordinates (STANDARDS §3.8, ID-016): a latitude or longitude in decimal degrees, or a pair
// of them. Decimal places give the precision: 4 places are about 11 m, 3 about 110 m.

const (
	maxCoordinateLen = 2*(1+3+1+15) + 2 // two signed numbers of 3+15 digits, ", "
	// minSingleDecimals: a lone decimal with fewer places is more likely an amount or a
	// measurement than a position.
	minSingleDecimals = 3
	// preciseDecimals is where a coordinate locates a building rather than a neighbourhood
	// (DESENS-021 fails more than 3 places, about 100 m).
	preciseDecimals = 4
	maxDecimals     = 15
	// maskDecimals is what the mask keeps: two places, about 1 km.
	maskDecimals = 2
)

// The China bounding box of STANDARDS §3.8 (ID-016), in hundredths of a degree.
const (
	cnLatMin, cnLatMax = 380, 5360
	cnLonMin, cnLonMax = 7340, 13510
)

// Traits of a coordinate (Detector.Traits of coordinate, in order): facts, not faults.
const (
	CoordPrecise Traits = 1 << iota // 4 or more decimal places (every number of a pair)
	CoordPair                       // a "lat,lon" or "lon,lat" pair
	CoordCNLat                      // within China's latitudes, 3.8-53.6 (for a pair: one number)
	CoordCNLon                      // within China's longitudes, 73.4-135.1 (for a pair: the other)
)

// Coordinate detects a coordinate in decimal degrees.
//
//   - Match: a signed decimal number within [-180, 180] with 3 to 15 decimal places; or two
//     such numbers (each with 1 to 15 places) separated by ',' and optional spaces, both within
//     [-180, 180] and at least one within [-90, 90].
//   - Valid: the same as Match. A lone number cannot be told from a measurement by its form,
//     so the detector is Weak: a column is typed by it only under a header hint (经度, lat, ...)
//     or when its values are pairs.
//   - Traits: CoordPrecise, CoordPair, CoordCNLat, CoordCNLon (for a pair, both when one number
//     is within China's latitudes and the other within its longitudes).
//   - Masked: MaskCoordinate's form, numbers cut to at most 2 places and followed by '*'.
//
// Surrounding ASCII spaces and tabs are ignored.
func Coordinate(s string) Result {
	s = trim(s)
	if len(s) < 3 || len(s) > maxCoordinateLen {
		return Result{}
	}
	a, b, pair := strings.Cut(s, ",")
	if !pair {
		n, ok := parseCoord(s)
		switch {
		case !ok:
			return Result{}
		case n.masked:
			return Result{Masked: true}
		case n.decimals < minSingleDecimals:
			return Result{}
		}
		t := n.cn()
		if n.decimals >= preciseDecimals {
			t |= CoordPrecise
		}
		return Result{Match: true, Valid: true, Traits: t}
	}
	x, okx := parseCoord(trim(a))
	y, oky := parseCoord(trim(b))
	if !okx || !oky || x.decimals == 0 && !x.masked || y.decimals == 0 && !y.masked {
		return Result{}
	}
	if x.masked || y.masked {
		return Result{Masked: x.masked && y.masked && (x.atMost(9000) || y.atMost(9000))}
	}
	if !x.atMost(9000) && !y.atMost(9000) {
		return Result{}
	}
	t := CoordPair
	if min(x.decimals, y.decimals) >= preciseDecimals {
		t |= CoordPrecise
	}
	if x.cn()&CoordCNLat != 0 && y.cn()&CoordCNLon != 0 || y.cn()&CoordCNLat != 0 && x.cn()&CoordCNLon != 0 {
		t |= CoordCNLat | CoordCNLon
	}
	return Result{Match: true, Valid: true, Traits: t}
}

// coordNumber is one number of a coordinate: its absolute value in hundredths of a degree
// (truncated; enough for the range checks), its decimal places, and whether it is masked.
type coordNumber struct {
	hundredths int
	beyond     bool // a non-zero digit after the second decimal place
	neg        bool
	decimals   int
	masked     bool
}

// atMost reports |n| <= h/100 exactly.
func (n coordNumber) atMost(h int) bool { return n.hundredths < h || n.hundredths == h && !n.beyond }

// cn reports the China-range traits of a lone number.
func (n coordNumber) cn() Traits {
	var t Traits
	if !n.neg && n.hundredths >= cnLatMin && n.atMost(cnLatMax) {
		t |= CoordCNLat
	}
	if !n.neg && n.hundredths >= cnLonMin && n.atMost(cnLonMax) {
		t |= CoordCNLon
	}
	return t
}

// parseCoord parses [+-]d{1,3}[.d{0,15}] within ±180, or its masked form [+-]d{1,3}.d{0,2}*+.
func parseCoord(s string) (coordNumber, bool) {
	var n coordNumber
	if s != "" && (s[0] == '-' || s[0] == '+') {
		n.neg = s[0] == '-'
		s = s[1:]
	}
	i, whole := 0, 0
	for i < len(s) && isDigit(s[i]) && i < 4 {
		whole = whole*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || i > 3 || i > 1 && s[0] == '0' {
		return n, false
	}
	n.hundredths = whole * 100
	if i == len(s) {
		return n, n.atMost(18000)
	}
	if s[i] != '.' {
		return n, false
	}
	i++
	frac := 0 // the first two decimal places, then whether any later one is non-zero
	for i < len(s) && isDigit(s[i]) {
		switch {
		case n.decimals < 2:
			frac = frac*10 + int(s[i]-'0')
		case s[i] != '0':
			frac |= 1 << 30
		}
		n.decimals++
		i++
	}
	if n.decimals == 1 {
		frac *= 10
	}
	if i < len(s) {
		if n.decimals > maskDecimals || !allStars(s[i:]) {
			return n, false
		}
		n.masked = true
	}
	n.beyond = frac>>30 != 0
	n.hundredths += frac &^ (1 << 30)
	return n, n.decimals <= maxDecimals && n.atMost(18000)
}

// MaskCoordinate cuts each number to two decimal places, about 1 km, and marks the cut with
// '*' (30.59****,114.30****): enough to draw a district map, not to find a house.
func MaskCoordinate(s string) string {
	if masked, done := settledMask(s, Coordinate(s)); done {
		return masked
	}
	t := trim(s)
	a, b, pair := strings.Cut(t, ",")
	if !pair {
		return maskCoordNumber(a)
	}
	return maskCoordNumber(trim(a)) + "," + maskCoordNumber(trim(b))
}

func maskCoordNumber(s string) string {
	dot := strings.IndexByte(s, '.')
	keep := min(len(s), dot+1+maskDecimals)
	cut := len(s) - keep
	return s[:keep] + strings.Repeat("*", max(cut, 1))
}
