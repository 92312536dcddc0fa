package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

// Deidentified describes a de-identified release of the roll made to test what dgcheck
// measures of one: every column takes one known form (tokenised, masked, hashed, raw,
// generalised, suppressed), an exact number of ID numbers and mobiles escaped the masking,
// and the quasi-identifiers sex, age_band and street have a known k and sample uniqueness,
// reported in DeidentifiedStats. The households are those of Clean(Rows, Seed), row for row.
type Deidentified struct {
	Rows int
	Seed int64
	// LeakedIDs rows keep their sfzh in clear (a full, valid ID number) instead of 6+8+4.
	LeakedIDs int
	// LeakedMobiles rows with a mobile keep it in clear instead of 3+4+4.
	LeakedMobiles int
}

// deidentifiedColumns are the release's header names, in file order, with the form of each.
var deidentifiedColumns = [...]struct{ name, form string }{
	{"household_token", "tokenised"}, // a keyed pseudonym of household_id: hh_k7 and 16 hex digits
	{"name", "masked"},               // name_surname: 张*, 欧阳*
	{"sfzh", "masked"},               // id_6_8_4, but LeakedIDs rows raw
	{"sfzh_sha256", "hashed"},        // the unkeyed SHA-256 of the ID number, in hex: a direct identifier still
	{"sex", "raw"},                   // 男, 女
	{"age_band", "generalised"},      // age on the roll's as-of date in tens: 60-69
	{"mobile", "masked"},             // mobile_3_4_4, but LeakedMobiles rows raw; empty when none
	{"street", "raw"},                // the sub-district
	{"community", "suppressed"},      // ***
	{"household_size", "raw"},        //
	{"monthly_allowance", "raw"},     //
	{"start_month", "generalised"},   // start_date cut to the month: 2019-06
	{"status", "raw"},                //
}

// DeidentifiedQuasiIdentifiers are the release's quasi-identifiers; DeidentifiedStats gives
// their k and sample uniqueness.
var DeidentifiedQuasiIdentifiers = []string{"sex", "age_band", "street"}

// Forms counts a column's values by form, as dgcheck's profile does; Nulls are empty fields.
type Forms struct {
	Nulls, Raw, Masked, Hashed, Tokenised, Generalised, Suppressed int64
}

// DeidentifiedStats are the exact figures of a generated release.
type DeidentifiedStats struct {
	Rows          int64
	LeakedIDs     int64
	LeakedMobiles int64
	// Forms by column name.
	Forms map[string]Forms
	// Over DeidentifiedQuasiIdentifiers: the number of equivalence classes, the smallest
	// class's size (k) and the rows alone in their class.
	Classes, K, UniqueRows int64
}

// Validate reports a Deidentified the generator cannot honour.
func (d Deidentified) Validate() error {
	if d.Rows < 0 || d.LeakedIDs < 0 || d.LeakedMobiles < 0 {
		return fmt.Errorf("synth: rows and leaks must not be negative, got %+v", d)
	}
	if d.LeakedIDs > d.Rows || d.LeakedMobiles > d.Rows {
		return fmt.Errorf("synth: %d leaked IDs and %d leaked mobiles asked of %d rows", d.LeakedIDs, d.LeakedMobiles, d.Rows)
	}
	return nil
}

// maxAgeBands covers ages 0-149 in tens; the roll's heads are 16 to 90.
const maxAgeBands = 15

// WriteDeidentifiedCSV writes the release d describes as CSV (UTF-8, ',', a header row, "\n").
func WriteDeidentifiedCSV(w io.Writer, d Deidentified) (DeidentifiedStats, error) {
	if err := d.Validate(); err != nil {
		return DeidentifiedStats{}, err
	}
	g, err := newGenerator(Clean(d.Rows, d.Seed))
	if err != nil {
		return DeidentifiedStats{}, err
	}
	// Leaks are placed by selection sampling on their own stream, so the households stay
	// those of Clean(Rows, Seed). A mobile leak drawn for a household without a mobile moves
	// to the next household that has one.
	place := rand.New(rand.NewPCG(uint64(d.Seed), 0x6c65_616b_735f_3031)) // "leaks_01"
	idsLeft, mobilesLeft := int64(d.LeakedIDs), int64(d.LeakedMobiles)
	tokenKey := mix64(uint64(d.Seed) ^ 0x746f_6b65_6e5f_6b65) // "token_ke"

	streetIndex := map[string]int{}
	for i, s := range streets {
		streetIndex[s.name] = i
	}
	classes := make([]int64, 2*maxAgeBands*len(streets))
	st := DeidentifiedStats{Forms: map[string]Forms{}}
	count := func(col, form string) {
		f := st.Forms[col]
		switch form {
		case "":
			f.Nulls++
		case "raw":
			f.Raw++
		case "masked":
			f.Masked++
		case "hashed":
			f.Hashed++
		case "tokenised":
			f.Tokenised++
		case "generalised":
			f.Generalised++
		case "suppressed":
			f.Suppressed++
		}
		st.Forms[col] = f
	}

	buf := make([]byte, 0, csvChunk+4<<10)
	for i, c := range deidentifiedColumns {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, c.name...)
	}
	buf = append(buf, '\n')
	var h household
	for left := int64(d.Rows); g.next(&h); left-- {
		leakID := idsLeft > 0 && place.Int64N(left) < idsLeft
		if leakID {
			idsLeft--
		}
		leakMobile := h.hasMobile && mobilesLeft > 0 && place.Int64N(left) < mobilesLeft
		if leakMobile {
			mobilesLeft--
		}
		for _, c := range deidentifiedColumns {
			form := c.form
			switch c.name {
			case "household_token":
				buf = append(buf, "hh_k7"...)
				buf = appendHex(buf, mix64(uint64(h.key)^tokenKey))
			case "name":
				buf = appendName(buf, &h, true)
			case "sfzh":
				buf = appendSFZH(buf, &h, !leakID)
				if leakID {
					form = "raw"
					st.LeakedIDs++
				}
			case "sfzh_sha256":
				sum := sha256.Sum256(h.sfzh[:])
				buf = hex.AppendEncode(buf, sum[:])
			case "sex":
				buf = append(buf, h.sex()...)
			case "age_band":
				from := ageOn(h.birth, rollAsOf) / 10 * 10
				buf = strconv.AppendInt(buf, int64(from), 10)
				buf = append(buf, '-')
				buf = strconv.AppendInt(buf, int64(from+9), 10)
				sex := 0
				if h.sex() == female {
					sex = 1
				}
				classes[(sex*maxAgeBands+from/10)*len(streets)+streetIndex[h.street]]++
			case "mobile":
				buf = appendMobile(buf, &h, !leakMobile)
				switch {
				case !h.hasMobile:
					form = ""
				case leakMobile:
					form = "raw"
					st.LeakedMobiles++
				}
			case "street":
				buf = append(buf, h.street...)
			case "community":
				buf = append(buf, "***"...)
			case "household_size":
				buf = strconv.AppendInt(buf, h.size, 10)
			case "monthly_allowance":
				buf = strconv.AppendFloat(buf, h.allowanceYuan(), 'f', -1, 64)
			case "start_month":
				month := len(buf) + len("2006-01")
				buf = appendDate(buf, h.start)[:month]
			case "status":
				buf = append(buf, h.status...)
			}
			buf = append(buf, ',')
			count(c.name, form)
		}
		buf[len(buf)-1] = '\n'
		st.Rows++
		if len(buf) >= csvChunk {
			if _, err := w.Write(buf); err != nil {
				return DeidentifiedStats{}, err
			}
			buf = buf[:0]
		}
	}
	if _, err := w.Write(buf); err != nil {
		return DeidentifiedStats{}, err
	}
	for _, n := range classes {
		switch {
		case n == 0:
			continue
		case st.K == 0 || n < st.K:
			st.K = n
		}
		st.Classes++
		if n == 1 {
			st.UniqueRows++
		}
	}
	return st, nil
}

// ageOn is the age in whole years on day asOf of someone born on day birth.
func ageOn(birth, asOf int32) int {
	by, bm, bd := civilFromDays(birth)
	y, m, d := civilFromDays(asOf)
	age := y - by
	if m < bm || m == bm && d < bd {
		age--
	}
	return age
}

// appendHex appends v as 16 lower-case hex digits.
func appendHex(dst []byte, v uint64) []byte {
	const digits = "0123456789abcdef"
	for shift := 60; shift >= 0; shift -= 4 {
		dst = append(dst, digits[v>>uint(shift)&0xf])
	}
	return dst
}
