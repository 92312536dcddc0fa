package detect

import (
	"strings"
	"unicode/utf8"
)

// Vehicle plates (GA 36-2018, STANDARDS §3.6): a province-level character, the issuing office's
// letter, and five serial characters (regular plates) or six (new-energy plates). The
// characters allowed in each place are data (data/plates.txt).

const (
	minPlateLen = 3 + 1 + 5         // bytes: a Han character, a letter, five ASCII serial characters
	maxPlateLen = 3 + 1 + 2 + 4 + 3 // with '·' and a Han usage character last
	// maxMaskedPlateLen: a masked plate with '·', four ＊ of three bytes and a usage character.
	maxMaskedPlateLen = 3 + 1 + 2 + 1 + 4*3 + 3
)

// plateMasks are the mask characters of a plate's serial: X is a serial character, so only
// lower-case x masks.
const plateMasks = symbolMasks | maskLowerX

// PlateNewEnergy is the trait of an eight-character new-energy plate.
const PlateNewEnergy Traits = 1

// VehiclePlate detects a mainland vehicle plate number.
//
//   - Match: a province character (京, 沪, 粤, ...; 使 or 领), a letter, an optional '·', and
//     either five serial characters of [0-9A-HJ-NP-Z], the last of which may be 挂 学 警 港 or
//     澳 (regular plates), or six: five digits and D or F, or D or F, a serial character and
//     four digits (new-energy plates).
//   - Valid: the same as Match.
//   - Traits: PlateNewEnergy.
//   - Masked: the first three characters of a plate, three or four mask characters, and one
//     last character (苏D4***0, 陕A1****D). The mask character is '*', '#', ＊ or x, one of
//     them throughout (苏D4＊＊＊0, 苏D4xxx0).
//
// Surrounding ASCII spaces and tabs are ignored.
func VehiclePlate(s string) Result {
	s = trim(s)
	if len(s) < minPlateLen || len(s) > maxMaskedPlateLen {
		return Result{}
	}
	p, size := utf8.DecodeRuneInString(s)
	if !plateProvinces.has(p) || !plateLetters[s[size]] {
		return Result{}
	}
	rest := s[size+1:]
	rest = strings.TrimPrefix(rest, "·")
	// rest is now the serial: 5 or 6 characters, the last possibly a Han usage character.
	if masked := maskedPlateSerial(rest); masked {
		return Result{Masked: true}
	}
	switch {
	case len(rest) == 5 && plateSerials(rest):
		return Result{Match: true, Valid: true}
	case len(rest) == 4+3 && plateSerials(rest[:4]):
		if u, _ := utf8.DecodeRuneInString(rest[4:]); plateUsage.has(u) {
			return Result{Match: true, Valid: true}
		}
	case len(rest) == 6 && (allDigits(rest[:5]) && plateNewEnergy[rest[5]] ||
		plateNewEnergy[rest[0]] && plateSerial[rest[1]] && allDigits(rest[2:])):
		return Result{Match: true, Valid: true, Traits: PlateNewEnergy}
	}
	return Result{}
}

func plateSerials(s string) bool {
	for i := 0; i < len(s); i++ {
		if !plateSerial[s[i]] {
			return false
		}
	}
	return true
}

// maskedPlateSerial recognises the serial part of a masked plate: one kept serial character,
// three or four mask characters (one of plateMasks), and one last serial or usage character.
func maskedPlateSerial(rest string) bool {
	if len(rest) < 5 || !plateSerial[rest[0]] {
		return false
	}
	var kind maskSet
	i, stars := 1, 0
	for i < len(rest) {
		m, size := maskAt(rest, i, plateMasks)
		if m == 0 || kind != 0 && m != kind {
			break
		}
		kind = m
		i += size
		stars++
	}
	if stars < 3 || stars > 4 {
		return false
	}
	last := rest[i:]
	if len(last) == 1 {
		return plateSerial[last[0]]
	}
	u, size := utf8.DecodeRuneInString(last)
	return size == len(last) && plateUsage.has(u)
}

// MaskVehiclePlate keeps the first three characters (province, office, first serial
// character) and the last one and hides the rest (苏D4***0); a '·' is dropped.
func MaskVehiclePlate(s string) string {
	if masked, done := settledMask(s, VehiclePlate(s)); done {
		return masked
	}
	t := trim(s)
	_, size := utf8.DecodeRuneInString(t)
	head, rest := t[:size+1], t[size+1:]
	rest = strings.TrimPrefix(rest, "·")
	last, _ := utf8.DecodeLastRuneInString(rest)
	stars := utf8.RuneCountInString(rest) - 2
	b := make([]byte, 0, len(t))
	b = append(b, head...)
	b = append(b, rest[0])
	for range stars {
		b = append(b, '*')
	}
	return string(utf8.AppendRune(b, last))
}
