package checkers

import (
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
		return func(j int) (string, bool) {
			return text(strconv.AppendFloat(buf[:0], a.Value(j), 'f', -1, 64)), a.IsValid(j)
		}
	case *array.Float32:
		return func(j int) (string, bool) {
			return text(strconv.AppendFloat(buf[:0], float64(a.Value(j)), 'f', -1, 32)), a.IsValid(j)
		}
	case *array.Boolean:
		return func(j int) (string, bool) { return strconv.FormatBool(a.Value(j)), a.IsValid(j) }
	case *array.Date32:
		return func(j int) (string, bool) {
			return text(a.Value(j).ToTime().AppendFormat(buf[:0], time.DateOnly)), a.IsValid(j)
		}
	case *array.Date64:
		return func(j int) (string, bool) {
			return text(a.Value(j).ToTime().AppendFormat(buf[:0], time.DateOnly)), a.IsValid(j)
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
