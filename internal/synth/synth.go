// Package synth generates realistic synthetic datasets of any size for dgcheck's examples,
// tests and benchmarks: a minimum-living-allowance roll (最低生活保障名册) of Hongshan
// District, Wuhan, as a public body might prepare it for open release, either raw (with
// resident ID numbers, mobiles and names in clear) or masked for release, with an exact,
// counted number of deliberate defects.
//
// Output is a pure function of the Config: the same Config gives byte-identical files, rows
// are streamed (memory does not grow with Rows), and the CSV and Parquet writers render the
// same rows, so a Parquet file can stand in for its CSV. Every row is headed by a different
// person: ID numbers do not repeat, except in copied rows, within the first hundred million rows.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Config says what roll to generate.
type Config struct {
	Rows int
	Seed int64
	// Masked renders the de-identified release form: name → surname + '*' per other
	// character (张*, 欧阳*), sfzh → first 6 + 8 '*' + last 4, mobile → first 3 + '****' + last 4.
	Masked bool

	// Defect rates (0 means none). Each is a share of rows; the generator injects exactly
	// round(rate*Rows) of each (at least 1 when rate > 0 and Rows > 0) at seeded random rows,
	// one defect per row, never in the first row, and counts them in Stats. A defect damages
	// the household its row would have held (a duplicate row replaces it by a copy), so the
	// sound rows are those of the defect-free roll of the same seed, keys included.
	BadCheckDigit float64 // sfzh whose check digit is wrong (raw form only)
	BlankName     float64 // name empty (a blank in a required field)
	DuplicateKey  float64 // household_id that repeats an earlier row's key (other fields differ)
	DuplicateRow  float64 // an exact copy of an earlier row (same key too, so also a duplicate key)
	// monthly_allowance keyed with three extra zeros, 1000 times too large: at least 100,000
	// yuan where no household gets more than 6,001, a statistical outlier (QUAL-013).
	InflatedAllowance float64
}

// Stats are the exact counts in a generated roll. DuplicateKey counts every row whose key
// repeats an earlier one, duplicate rows included.
type Stats struct {
	Rows              int64 `json:"rows"`
	BadCheckDigit     int64 `json:"bad_check_digit"`
	BlankName         int64 `json:"blank_name"`
	DuplicateKey      int64 `json:"duplicate_key"`
	DuplicateRow      int64 `json:"duplicate_row"`
	InflatedAllowance int64 `json:"inflated_allowance"`
}

// Defective is the shipped example's defect mix: a raw roll with a few of each problem. The
// bad-check-digit share (0.25%) is set above the 0.1% that ID-002 tolerates by default, so the
// defect is one a checker must report, not one it may wave through.
func Defective(rows int, seed int64) Config {
	return Config{
		Rows: rows, Seed: seed,
		BadCheckDigit:     0.0025,
		BlankName:         0.003,
		DuplicateKey:      0.0015,
		DuplicateRow:      0.001,
		InflatedAllowance: 0.001,
	}
}

// Clean is the masked, defect-free release form: the households of Defective(rows, seed),
// row for row, as they should have been released.
func Clean(rows int, seed int64) Config {
	return Config{Rows: rows, Seed: seed, Masked: true}
}

// defect is what, if anything, is wrong with one row.
type defect int

const (
	noDefect defect = iota
	badCheckDigit
	blankName
	duplicateKey
	duplicateRow
	inflatedAllowance
	defectKinds
)

// quotas are the exact number of rows to give each defect.
func (c Config) quotas() [defectKinds]int64 {
	count := func(rate float64) int64 {
		if rate <= 0 || c.Rows <= 0 {
			return 0
		}
		return max(1, int64(math.Round(rate*float64(c.Rows))))
	}
	return [defectKinds]int64{
		badCheckDigit:     count(c.BadCheckDigit),
		blankName:         count(c.BlankName),
		duplicateKey:      count(c.DuplicateKey),
		duplicateRow:      count(c.DuplicateRow),
		inflatedAllowance: count(c.InflatedAllowance),
	}
}

// Validate reports a Config the generator cannot honour. WriteCSV and WriteParquet call it
// before writing anything.
func (c Config) Validate() error {
	if c.Rows < 0 {
		return fmt.Errorf("synth: rows must not be negative, got %d", c.Rows)
	}
	for _, r := range []struct {
		name string
		rate float64
	}{
		{"BadCheckDigit", c.BadCheckDigit},
		{"BlankName", c.BlankName},
		{"DuplicateKey", c.DuplicateKey},
		{"DuplicateRow", c.DuplicateRow},
		{"InflatedAllowance", c.InflatedAllowance},
	} {
		if !(r.rate >= 0 && r.rate <= 1) {
			return fmt.Errorf("synth: %s rate must be between 0 and 1, got %v", r.name, r.rate)
		}
	}
	if c.Masked && c.BadCheckDigit > 0 {
		return fmt.Errorf("synth: a bad check digit cannot be injected into masked ID numbers (no one could recompute it)")
	}
	var total int64
	for _, n := range c.quotas() {
		total += n
	}
	// The first row is always sound so that a duplicate always has an earlier row to copy.
	if total > max(int64(c.Rows)-1, 0) {
		return fmt.Errorf("synth: the defect rates ask for %d defective rows, but only %d of %d rows can carry one (the first row is always sound)",
			total, max(c.Rows-1, 0), c.Rows)
	}
	return nil
}

// household is one row of the roll in typed form. Both writers render it, so the CSV and
// Parquet twins cannot disagree.
type household struct {
	key       int64 // household_id sequence number: the row number, from 0, unless a defect changed it
	surname   string
	given     [2]string // one character each; the second may be empty
	sfzh      [18]byte
	birth     int32 // days since 1970-01-01
	mobile    [11]byte
	hasMobile bool
	street    string
	community string
	size      int64
	allowance int64 // 月保障金额 in fen, so that it has at most 2 decimals in yuan
	start     int32 // days since 1970-01-01
	status    string
	remark    string
}

// sex follows the parity of the ID number's 17th digit.
func (h *household) sex() string {
	if (h.sfzh[16]-'0')%2 == 1 {
		return male
	}
	return female
}

// The calendar of the roll: heads of household born 1935-2008, taken onto the roll from 2015
// up to the roll's as-of date, and never before they were selfSupportAge.
var (
	birthFirst  = daysFromCivil(1935, 1, 1)
	birthLast   = daysFromCivil(2008, 12, 31)
	birthDays   = uint64(birthLast-birthFirst) + 1
	rollFirst   = daysFromCivil(2015, 1, 1)
	rollAsOf    = daysFromCivil(2025, 6, 30)
	elderlyBorn = daysFromCivil(1965, 6, 30) // 60 or older on the as-of date
)

const (
	selfSupportAge = 16 // Civil Code art. 18: a 16-year-old living on their own earnings is of full capacity
	// poolSize bounds the reservoir of earlier rows that duplicate rows are copied from.
	poolSize = 1024
	// mobileMissing in a hundred heads of household gave no mobile number.
	mobileMissing = 4
)

// generator streams the rows of one Config.
type generator struct {
	// content draws the households and defects places the defects, so the households of a
	// seed are the same whatever the defects: Defective(n, s) is Clean(n, s) unmasked and
	// damaged, row for row.
	content *rand.Rand
	defects *rand.Rand
	slots   personSlots
	rows    int64
	row     int64 // rows produced so far
	quota   [defectKinds]int64
	pending int64 // defects not yet injected
	pool    []household
	offered int64 // sound rows offered to the pool
	stats   Stats
}

func newGenerator(c Config) (*generator, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var slots uint64
	for _, county := range idCounties {
		slots += birthDays * county.sequences
	}
	// The second PCG word names the stream, so the two streams of one seed are unrelated.
	g := &generator{
		content: rand.New(rand.NewPCG(uint64(c.Seed), 0x6469_6261_6f5f_726f)), // "dibao_ro"
		defects: rand.New(rand.NewPCG(uint64(c.Seed), 0x6465_6665_6374_7321)), // "defects!"
		slots:   newPersonSlots(slots, uint64(c.Seed)),
		rows:    int64(c.Rows),
		quota:   c.quotas(),
	}
	for _, n := range g.quota {
		g.pending += n
	}
	return g, nil
}

// next fills h with the next row; it reports false when the roll is complete.
func (g *generator) next(h *household) bool {
	if g.row == g.rows {
		return false
	}
	// Every row draws its household, even one then replaced by a copy, to keep the content
	// stream in step with the row number.
	g.fresh(h)
	switch g.pickDefect() {
	case noDefect:
		// Only sound rows are copied, so a copy adds a duplicate and nothing else.
		if g.quota[duplicateKey]+g.quota[duplicateRow] > 0 {
			g.offer(h)
		}
	case badCheckDigit:
		g.breakCheckDigit(h)
		g.stats.BadCheckDigit++
	case blankName:
		h.surname, h.given = "", [2]string{}
		g.stats.BlankName++
	case duplicateKey:
		h.key = g.pool[g.defects.IntN(len(g.pool))].key
		g.stats.DuplicateKey++
	case duplicateRow:
		*h = g.pool[g.defects.IntN(len(g.pool))]
		g.stats.DuplicateRow++
		g.stats.DuplicateKey++
	case inflatedAllowance:
		h.allowance *= 1000
		g.stats.InflatedAllowance++
	}
	g.row++
	g.stats.Rows++
	return true
}

// pickDefect draws this row's defect by selection sampling: with n rows left (this one
// included), a defect with q rows still owed is chosen with probability q/n. That places
// exactly the owed number of each at uniformly random rows without storing any positions.
func (g *generator) pickDefect() defect {
	if g.row == 0 || g.pending == 0 {
		return noDefect
	}
	u := g.defects.Int64N(g.rows - g.row)
	for d := badCheckDigit; d < defectKinds; d++ {
		if u < g.quota[d] {
			g.quota[d]--
			g.pending--
			return d
		}
		u -= g.quota[d]
	}
	return noDefect
}

// offer keeps a uniform sample of the sound rows seen so far (reservoir sampling), so that
// duplicates copy from anywhere earlier in the roll yet memory stays bounded.
func (g *generator) offer(h *household) {
	g.offered++
	if len(g.pool) < poolSize {
		g.pool = append(g.pool, *h)
	} else if j := g.defects.Int64N(g.offered); j < poolSize {
		g.pool[j] = *h
	}
}

// breakCheckDigit replaces the check character by one of the ten wrong ones.
func (g *generator) breakCheckDigit(h *household) {
	const chars = "0123456789X"
	right := 10
	if c := h.sfzh[17]; c != 'X' {
		right = int(c - '0')
	}
	h.sfzh[17] = chars[(right+1+g.defects.IntN(10))%11]
}

// fresh fills h with the row's own household, headed by a person not seen before.
func (g *generator) fresh(h *household) {
	r := g.content
	h.key = g.row

	slot := g.slots.slot(uint64(g.row))
	county := idCounties[0]
	for _, county = range idCounties {
		span := birthDays * county.sequences
		if slot < span {
			break
		}
		slot -= span
	}
	h.birth = birthFirst + int32(slot/county.sequences)
	seq := slot%county.sequences + 1
	by, bm, bd := civilFromDays(h.birth)
	copy(h.sfzh[:6], county.code)
	putDigits(h.sfzh[6:10], uint64(by))
	putDigits(h.sfzh[10:12], uint64(bm))
	putDigits(h.sfzh[12:14], uint64(bd))
	putDigits(h.sfzh[14:17], seq)
	h.sfzh[17] = idCheckDigit(h.sfzh[:17])

	h.surname = surnames[r.IntN(len(surnames))]
	pool := femaleGivenChars
	if seq%2 == 1 {
		pool = maleGivenChars
	}
	h.given[0] = pool[r.IntN(len(pool))]
	h.given[1] = ""
	if r.IntN(10) < 7 {
		h.given[1] = pool[r.IntN(len(pool))]
	}

	h.hasMobile = r.IntN(100) >= mobileMissing
	if h.hasMobile {
		copy(h.mobile[:3], mobilePrefixes[r.IntN(len(mobilePrefixes))])
		putDigits(h.mobile[3:], r.Uint64N(100_000_000))
	}

	s := &streets[r.IntN(len(streets))]
	h.street = s.name
	h.community = s.communities[r.IntN(len(s.communities))]

	// The allowance tops each member up to the local standard (补差): a per-person gap in
	// whole tens of yuan, and now and then a half-yuan or a prorated amount in fen.
	h.size = householdSizes[r.IntN(len(householdSizes))]
	h.allowance = h.size * int64(100+10*r.IntN(91)) * 100
	switch u := r.IntN(100); {
	case u < 15:
		h.allowance += 50
	case u < 20:
		h.allowance += int64(1 + r.IntN(99))
	}

	earliest := max(rollFirst, daysFromCivil(by+selfSupportAge, bm, bd))
	h.start = earliest + int32(r.IntN(int(rollAsOf-earliest)+1))

	h.status, h.remark = inCare, ""
	if r.IntN(10) == 0 {
		h.status = stopped
		if r.IntN(10) < 6 {
			h.remark = stopReasons[r.IntN(len(stopReasons))]
		}
		return
	}
	if r.IntN(100) >= 12 {
		return
	}
	switch {
	case h.size == 1 && h.birth <= elderlyBorn && r.IntN(2) == 0:
		h.remark = elderlyRemarks[r.IntN(len(elderlyRemarks))]
	case h.size >= 2 && r.IntN(4) == 0:
		h.remark = singleParent
	default:
		h.remark = hardshipRemarks[r.IntN(len(hardshipRemarks))]
	}
}
