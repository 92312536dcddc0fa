package synth

// Resident ID numbers (GB 11643-1999, STANDARDS §3.1) and the calendar arithmetic behind them.

// idWeights are 2^(18-i) mod 11 for positions i = 1..17.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps S mod 11 to the check character (ISO 7064 MOD 11-2).
const idCheckChars = "10X98765432"

// idCheckDigit is the check character of an ID number whose first 17 digits are given.
func idCheckDigit(first17 []byte) byte {
	s := 0
	for i, w := range idWeights {
		s += int(first17[i]-'0') * w
	}
	return idCheckChars[s%11]
}

// personSlots hands every new person a distinct (address code, birth date, sequence) slot
// without remembering the slots already given: the n-th person gets slot π(n), π a keyed
// permutation. So ID numbers look random and never repeat by accident, and a roll of any size
// needs no memory for them. Beyond size persons the slots, and so the IDs, start over.
type personSlots struct {
	size     uint64 // number of slots: birth days × Σ sequences over idCounties
	halfBits uint   // the permutation works on 2*halfBits bits, the smallest even width ≥ size
	keys     [4]uint64
}

func newPersonSlots(size uint64, seed uint64) personSlots {
	p := personSlots{size: size}
	for uint64(1)<<(2*p.halfBits) < size {
		p.halfBits++
	}
	for i := range p.keys {
		seed += 0x9e3779b97f4a7c15
		p.keys[i] = mix64(seed)
	}
	return p
}

// slot is π(n mod size). Cycle walking (re-applying the Feistel permutation of the
// power-of-two domain until the value falls below size) keeps it a permutation of [0, size).
func (p *personSlots) slot(n uint64) uint64 {
	x := n % p.size
	for {
		x = p.feistel(x)
		if x < p.size {
			return x
		}
	}
}

// feistel is a four-round balanced Feistel network, a bijection whatever the round function.
func (p *personSlots) feistel(x uint64) uint64 {
	mask := uint64(1)<<p.halfBits - 1
	l, r := x>>p.halfBits, x&mask
	for _, k := range p.keys {
		l, r = r, l^(mix64(r^k)&mask)
	}
	return l<<p.halfBits | r
}

// mix64 is the SplitMix64 finaliser: a cheap, well-spread hash of a word.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// Dates are held as days since 1970-01-01, Arrow's date32, so the Parquet writer stores them
// as they are and the CSV writer formats them without the time package on the hot path.
// The conversions are H. Hinnant's civil-calendar algorithms, valid for the years used here.

// daysFromCivil is the day number of the proleptic Gregorian date y-m-d.
func daysFromCivil(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(days int32) (y, m, d int) {
	z := int(days) + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

// appendDate appends the date as YYYY-MM-DD.
func appendDate(dst []byte, days int32) []byte {
	y, m, d := civilFromDays(days)
	dst = appendDigits(dst, uint64(y), 4)
	dst = append(dst, '-')
	dst = appendDigits(dst, uint64(m), 2)
	dst = append(dst, '-')
	return appendDigits(dst, uint64(d), 2)
}

// appendDigits appends v in decimal, zero-padded to at least width digits.
func appendDigits(dst []byte, v uint64, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for v > 0 || len(buf)-i < width {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return append(dst, buf[i:]...)
}

// putDigits writes v in decimal into dst, zero-padded to fill it.
func putDigits(dst []byte, v uint64) {
	for i := len(dst) - 1; i >= 0; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
}
