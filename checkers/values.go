package checkers

import (
	"math"
	"slices"
	"strconv"
	"time"
	"unsafe"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// texter returns the text of row j of one column and whether it is present. Every value is
// measured as text, the way a CSV holds it, so that a Parquet file and its CSV twin give the
// same profile: an int64 reads as strconv.FormatInt, a float64 as FormatFloat(v, 'f', -1),
// a date32 as 2006-01-02. The returned string may alias a scratch buffer or the batch's
// memory: anything kept past the call must be cloned.
type texter func(j int) (string, bool)

// textAliasesBatch says whether texterFor(arr)'s strings alias the batch's own memory, and so
// stay valid as long as the batch, rather than a scratch buffer that the next call reuses.
func textAliasesBatch(arr arrow.Array) bool {
	switch a := arr.(type) {
	case *array.String, *array.LargeString, *array.Binary:
		return true
	case *array.Dictionary:
		return textAliasesBatch(a.Dictionary())
	}
	return false
}

func texterFor(arr arrow.Array) texter {
	var buf []byte
	text := func(b []byte) string {
		buf = b
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	switch a := arr.(type) {
	case *array.String:
		return func(j int) (string, bool) { return a.Value(j), a.IsValid(j) }
	case *array.LargeString:
		return func(j int) (string, bool) { return a.Value(j), a.IsValid(j) }
	case *array.Binary:
		return func(j int) (string, bool) { return a.ValueString(j), a.IsValid(j) }
	case *array.Int64:
		return func(j int) (string, bool) { return text(strconv.AppendInt(buf[:0], a.Value(j), 10)), a.IsValid(j) }
	case *array.Int32:
		return func(j int) (string, bool) {
			return text(strconv.AppendInt(buf[:0], int64(a.Value(j)), 10)), a.IsValid(j)
		}
	case *array.Float64:
		return func(j int) (string, bool) { return text(appendFloat(buf[:0], a.Value(j))), a.IsValid(j) }
	case *array.Float32:
		return func(j int) (string, bool) {
			return text(strconv.AppendFloat(buf[:0], float64(a.Value(j)), 'f', -1, 32)), a.IsValid(j)
		}
	case *array.Boolean:
		return func(j int) (string, bool) { return strconv.FormatBool(a.Value(j)), a.IsValid(j) }
	case *array.Date32:
		return func(j int) (string, bool) { return text(appendDate(buf[:0], int64(a.Value(j)))), a.IsValid(j) }
	case *array.Date64:
		return func(j int) (string, bool) {
			// Whole days, truncated as arrow's Date64.ToTime does.
			return text(appendDate(buf[:0], int64(a.Value(j))/86_400_000)), a.IsValid(j)
		}
	case *array.Dictionary:
		// A dictionary-encoded column (datasets reads Parquet text columns so when every page
		// is): the text of the row's entry.
		values := texterFor(a.Dictionary())
		return func(j int) (string, bool) {
			if a.IsNull(j) {
				return "", false
			}
			return values(a.GetValueIndex(j))
		}
	case *array.Timestamp:
		unit := a.DataType().(*arrow.TimestampType).Unit
		return func(j int) (string, bool) {
			return text(a.Value(j).ToTime(unit).AppendFormat(buf[:0], time.RFC3339Nano)), a.IsValid(j)
		}
	}
	// Other types (small integers, decimals, nested values) through arrow's own formatting:
	// slower, but every column is still measured.
	return func(j int) (string, bool) {
		if arr.IsNull(j) {
			return "", false
		}
		return arr.ValueStr(j), true
	}
}

// dictionaryCells reads a dictionary-encoded column (datasets reads Parquet text columns
// so) by entry: each entry's text and hash are taken the first time a row of the batch holds
// it, so that a column of few distinct values (streets, status, sex) reads and hashes its
// values once a batch rather than once a row. A row is then its index, looked up. One
// buffer serves every column of a partial in turn.
type dictionaryCells struct {
	dict    *array.Dictionary
	indices []int32
	text    texter
	texts   []string
	hashes  []uint64 // by entry; 0 is not taken yet (a value that hashes to 0 is taken again)
}

// of readies the cells of arr and returns them, or nil when arr is not a dictionary of
// int32 indices and text that stays valid as long as the batch (textAliasesBatch), which
// pqarrow's always is: other columns are read value by value.
func (d *dictionaryCells) of(arr arrow.Array) *dictionaryCells {
	dict, ok := arr.(*array.Dictionary)
	if !ok || !textAliasesBatch(dict) {
		return nil
	}
	indices, ok := dict.Indices().(*array.Int32)
	if !ok {
		return nil
	}
	n := dict.Dictionary().Len()
	d.dict, d.indices, d.text = dict, indices.Int32Values(), texterFor(dict.Dictionary())
	d.hashes = resize(d.hashes, n)
	d.texts = slices.Grow(d.texts[:0], n)[:n]
	return d
}

// at is row j's text, whether it is present and, when it is, its hash.
func (d *dictionaryCells) at(j int) (string, bool, uint64) {
	if d.dict.IsNull(j) {
		return "", false, 0
	}
	i := d.indices[j]
	if h := d.hashes[i]; h != 0 {
		return d.texts[i], true, h
	}
	v, present := d.text(int(i))
	if !present { // a null entry
		return "", false, 0
	}
	d.texts[i], d.hashes[i] = v, hashString(v)
	return v, true, d.hashes[i]
}

// appendDate appends the date days after 1970-01-01 as time.DateOnly writes it, without going
// through time.Time: formatting was 4% of a Parquet scan. Years outside 0-9999, which
// time.Format writes its own way, go through it.
// appendFloat appends f as strconv.AppendFloat(dst, f, 'f', -1, 64) does, a whole number
// (amounts often are) through AppendInt, which skips the search for the shortest digits.
func appendFloat(dst []byte, f float64) []byte {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 && (f != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(dst, int64(f), 10)
	}
	return strconv.AppendFloat(dst, f, 'f', -1, 64)
}

// dateFacts are what the text of a date in ISO form (years 0000 to 9999, the ten bytes of
// time.DateOnly, as appendDate writes it and isDate accepts it) decides: a date, in raw form,
// clean, no missing-value token and, since its ten characters are digits and hyphens, no
// identifier any detector recognises, alone or embedded (TestDateTextDecidesNothingElse holds
// that for every day).
var dateFacts = facts{missing: -1, kind: kindDate, form: formOf{form: formRaw, gen: -1, hash: -1, decimals: -1}}

// typedFacts are the facts arr's type decides for its values' text, so that a value the
// memo does not hold is met rather than read again: a date column's (dateFacts). nil for
// the other types, whose text says more than their type.
func typedFacts(arr arrow.Array) *facts {
	switch arr.(type) {
	case *array.Date32, *array.Date64:
		return &dateFacts
	}
	return nil
}

// appendDate appends the ISO text of the date days after 1970-01-01.
func appendDate(dst []byte, days int64) []byte {
	// Years 0000 to 9999 by Neri and Schneider's Euclidean affine functions ("Euclidean
	// affine functions and their application to calendar algorithms", 2022): unsigned
	// multiplications and shifts, on a calendar shifted to start in March 82 x 400 years
	// before 1970 so that every quantity is positive. Other years through package time.
	const (
		shift  = 82
		offset = 719_468 + 146_097*shift
	)
	if days < -719_528 || days > 2_932_896 { // 0000-01-01 and 9999-12-31
		return time.Unix(days*86_400, 0).UTC().AppendFormat(dst, time.DateOnly)
	}
	n := uint32(days + offset)
	n1 := 4*n + 3
	century := n1 / 146_097
	n2 := n1%146_097 | 3
	p2 := 2_939_745 * uint64(n2)
	yearOfCentury := uint32(p2 >> 32)
	dayOfYear := uint32(p2) / 2_939_745 / 4
	n3 := 2_141*dayOfYear + 197_913
	month, day := n3>>16, (n3&0xFFFF)/2_141+1
	year := 100*century + yearOfCentury - 400*shift
	if dayOfYear >= 306 { // January and February end the shifted year
		year, month = year+1, month-12
	}
	hi, lo := twoDigits[year/100], twoDigits[year%100]
	return append(dst, hi[0], hi[1], lo[0], lo[1], '-', twoDigits[month][0], twoDigits[month][1], '-',
		twoDigits[day][0], twoDigits[day][1])
}

// twoDigits are 00 to 99.
var twoDigits = func() (t [100][2]byte) {
	for i := range t {
		t[i] = [2]byte{byte('0' + i/10), byte('0' + i%10)}
	}
	return t
}()
