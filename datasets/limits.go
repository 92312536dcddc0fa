package datasets

import (
	"errors"
	"fmt"
)

// The shapes dgcheck reads within its memory budget (README: "Limits"). A scan holds a few
// kilobytes per column and worker and, for judging, about a kilobyte of rule input per column
// (measured: a 10,000-column file peaks at about 500 MB); a CSV record is held whole while it
// is parsed, in several copies (the bytes, encoding/csv's buffers, the values, the batch). Past
// these a file is refused with the limit named, rather than read until the machine gives out.
const (
	// MaxColumns bounds a table's width: judging takes some 50 KB per column at its peak
	// (rule input and findings), and measuring some 20 KB per column and worker; 4,096
	// columns measured at under 500 MB. (Excel holds 16,384, PostgreSQL 1,600.)
	MaxColumns = 4096
	// MaxRecordBytes bounds one CSV record (one row, all its lines). DuckDB's reader stops at
	// 2 MB (max_line_size); this is eight times that.
	MaxRecordBytes = 16 << 20
	// batchBytes ends a CSV batch early once its records hold this many bytes, so that a
	// batch of long values stays tens of megabytes, as a batch of short ones does.
	batchBytes = 32 << 20
)

// ErrLimit is the error of a file past one of these limits.
var ErrLimit = errors.New("past dgcheck's limit")

// errRecordTooLong stops encoding/csv inside a record past MaxRecordBytes.
var errRecordTooLong = fmt.Errorf("%w: a record longer than %d MiB", ErrLimit, MaxRecordBytes>>20)

// tooManyColumns is the error of a table of n columns, more than MaxColumns.
func tooManyColumns(n int) error {
	return fmt.Errorf("%w: %d columns, more than %d", ErrLimit, n, MaxColumns)
}
