package synth

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// columns are the roll's header names, in file order.
var columns = [...]string{
	"household_id", "name", "sfzh", "sex", "birth_date", "mobile", "street", "community",
	"household_size", "monthly_allowance", "start_date", "status", "remark",
}

// householdIDPrefix marks the 2025 Hongshan roll: HS2025-000001, HS2025-000002, ...
const householdIDPrefix = "HS2025-"

// The append* functions render the string columns whose text depends on the form (raw or
// masked) or is built from parts; the CSV and Parquet writers both use them.

func appendHouseholdID(dst []byte, h *household) []byte {
	return appendDigits(append(dst, householdIDPrefix...), uint64(h.key+1), 6)
}

func appendName(dst []byte, h *household, masked bool) []byte {
	dst = append(dst, h.surname...)
	for _, g := range h.given {
		if !masked {
			dst = append(dst, g...)
			continue
		}
		for range utf8.RuneCountInString(g) {
			dst = append(dst, '*')
		}
	}
	return dst
}

func appendSFZH(dst []byte, h *household, masked bool) []byte {
	if !masked {
		return append(dst, h.sfzh[:]...)
	}
	dst = append(dst, h.sfzh[:6]...)
	dst = append(dst, "********"...)
	return append(dst, h.sfzh[14:]...)
}

// appendMobile appends nothing for a household without a mobile: an empty field.
func appendMobile(dst []byte, h *household, masked bool) []byte {
	switch {
	case !h.hasMobile:
		return dst
	case !masked:
		return append(dst, h.mobile[:]...)
	}
	dst = append(dst, h.mobile[:3]...)
	dst = append(dst, "****"...)
	return append(dst, h.mobile[7:]...)
}

// allowanceYuan is the typed value of monthly_allowance. Dividing whole fen by 100 gives the
// double nearest the decimal amount, whose shortest form ('f', -1) is that amount again.
func (h *household) allowanceYuan() float64 {
	return float64(h.allowance) / 100
}

// appendCSVRow appends one record. No generated value needs quoting (see vocab.go), so
// fields are written as they are, which is what encoding/csv would write for them too.
func appendCSVRow(dst []byte, h *household, masked bool) []byte {
	dst = appendHouseholdID(dst, h)
	dst = append(dst, ',')
	dst = appendName(dst, h, masked)
	dst = append(dst, ',')
	dst = appendSFZH(dst, h, masked)
	dst = append(dst, ',')
	dst = append(dst, h.sex()...)
	dst = append(dst, ',')
	dst = appendBirth(dst, h, masked)
	dst = append(dst, ',')
	dst = appendMobile(dst, h, masked)
	dst = append(dst, ',')
	dst = append(dst, h.street...)
	dst = append(dst, ',')
	dst = appendCommunity(dst, h, masked)
	dst = append(dst, ',')
	dst = strconv.AppendInt(dst, h.size, 10)
	dst = append(dst, ',')
	dst = strconv.AppendFloat(dst, h.allowanceYuan(), 'f', -1, 64)
	dst = append(dst, ',')
	dst = appendDate(dst, h.start)
	dst = append(dst, ',')
	dst = append(dst, h.status...)
	dst = append(dst, ',')
	dst = append(dst, h.remark...)
	return append(dst, '\n')
}

// csvChunk is how much CSV text is gathered before each write to the caller's writer.
const csvChunk = 256 << 10

// WriteCSV writes the roll c describes as CSV: UTF-8 without BOM, ',' delimiter, a header
// row, "\n" line ends. It writes in large chunks, so w need not be buffered. On error the
// Stats are zero.
func WriteCSV(w io.Writer, c Config) (Stats, error) {
	g, err := newGenerator(c)
	if err != nil {
		return Stats{}, err
	}
	buf := make([]byte, 0, csvChunk+4<<10)
	for i, name := range columns {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, name...)
	}
	buf = append(buf, '\n')
	var h household
	for g.next(&h) {
		buf = appendCSVRow(buf, &h, c.Masked)
		if len(buf) >= csvChunk {
			if _, err := w.Write(buf); err != nil {
				return Stats{}, err
			}
			buf = buf[:0]
		}
	}
	if _, err := w.Write(buf); err != nil {
		return Stats{}, err
	}
	return g.stats, nil
}
