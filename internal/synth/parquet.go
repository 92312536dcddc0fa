package synth

import (
	"bufio"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// rowGroupRows is the number of rows per Parquet row group, and per Arrow batch built.
const rowGroupRows = 64 << 10

// rollSchema types the columns that have a natural type; the rest are text. A column is
// nullable where the CSV field can be empty: an empty CSV field is a Parquet null.
// releaseSchema is the release form's (Config.Masked): birth_date is a band of years, text,
// and community is suppressed, null.
var rollSchema = arrow.NewSchema([]arrow.Field{
	{Name: "household_id", Type: arrow.BinaryTypes.String},
	{Name: "name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "sfzh", Type: arrow.BinaryTypes.String},
	{Name: "sex", Type: arrow.BinaryTypes.String},
	{Name: "birth_date", Type: arrow.FixedWidthTypes.Date32},
	{Name: "mobile", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "street", Type: arrow.BinaryTypes.String},
	{Name: "community", Type: arrow.BinaryTypes.String},
	{Name: "household_size", Type: arrow.PrimitiveTypes.Int64},
	{Name: "monthly_allowance", Type: arrow.PrimitiveTypes.Float64},
	{Name: "start_date", Type: arrow.FixedWidthTypes.Date32},
	{Name: "status", Type: arrow.BinaryTypes.String},
	{Name: "remark", Type: arrow.BinaryTypes.String, Nullable: true},
}, nil)

var releaseSchema = func() *arrow.Schema {
	fields := rollSchema.Fields()
	fields[4] = arrow.Field{Name: "birth_date", Type: arrow.BinaryTypes.String}
	fields[7].Nullable = true
	return arrow.NewSchema(fields, nil)
}()

func schemaFor(masked bool) *arrow.Schema {
	if masked {
		return releaseSchema
	}
	return rollSchema
}

// rollBuilders are the typed column builders of one batch, in rollSchema's order.
type rollBuilders struct {
	householdID, name, sfzh, sex *array.StringBuilder
	birth                        *array.Date32Builder
	birthBand                    *array.StringBuilder // release form
	mobile, street, community    *array.StringBuilder
	size                         *array.Int64Builder
	allowance                    *array.Float64Builder
	start                        *array.Date32Builder
	status, remark               *array.StringBuilder
	text                         []byte // scratch for rendering one string value
}

func newRollBuilders(b *array.RecordBuilder) *rollBuilders {
	str := func(i int) *array.StringBuilder { return b.Field(i).(*array.StringBuilder) }
	birth, _ := b.Field(4).(*array.Date32Builder)
	birthBand, _ := b.Field(4).(*array.StringBuilder)
	return &rollBuilders{
		householdID: str(0), name: str(1), sfzh: str(2), sex: str(3),
		birth: birth, birthBand: birthBand,
		mobile: str(5), street: str(6), community: str(7),
		size:      b.Field(8).(*array.Int64Builder),
		allowance: b.Field(9).(*array.Float64Builder),
		start:     b.Field(10).(*array.Date32Builder),
		status:    str(11), remark: str(12),
	}
}

func (rb *rollBuilders) append(h *household, masked bool) {
	rb.appendText(rb.householdID, appendHouseholdID(rb.text[:0], h))
	rb.appendText(rb.name, appendName(rb.text[:0], h, masked))
	rb.appendText(rb.sfzh, appendSFZH(rb.text[:0], h, masked))
	rb.sex.Append(h.sex())
	if masked {
		rb.appendText(rb.birthBand, appendBirth(rb.text[:0], h, masked))
	} else {
		rb.birth.Append(arrow.Date32(h.birth))
	}
	rb.appendText(rb.mobile, appendMobile(rb.text[:0], h, masked))
	rb.street.Append(h.street)
	rb.appendText(rb.community, appendCommunity(rb.text[:0], h, masked))
	rb.size.Append(h.size)
	rb.allowance.Append(h.allowanceYuan())
	rb.start.Append(arrow.Date32(h.start))
	rb.status.Append(h.status)
	rb.appendText(rb.remark, append(rb.text[:0], h.remark...))
}

// appendText appends a rendered value, empty as null, and keeps the grown scratch buffer.
func (rb *rollBuilders) appendText(b *array.StringBuilder, v []byte) {
	rb.text = v
	if len(v) == 0 {
		b.AppendNull()
		return
	}
	b.BinaryBuilder.Append(v)
}

// WriteParquet writes the same roll as WriteCSV, typed (household_size int64,
// monthly_allowance float64, birth_date and start_date date32, the rest utf8), in row
// groups of 65,536 rows, zstd-compressed. On error the Stats are zero.
func WriteParquet(w io.Writer, c Config) (Stats, error) {
	g, err := newGenerator(c)
	if err != nil {
		return Stats{}, err
	}
	// pqarrow closes a sink that is an io.Closer; the bufio layer keeps the caller's writer
	// open and turns the writer's many small page writes into few large ones.
	bw := bufio.NewWriterSize(w, 1<<20)
	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithMaxRowGroupLength(rowGroupRows),
		// Near-unique columns would fill a dictionary only for the writer to fall back to
		// plain encoding, at a third of the write time.
		parquet.WithDictionaryFor("household_id", false),
		parquet.WithDictionaryFor("sfzh", false),
		parquet.WithDictionaryFor("mobile", false),
	)
	schema := schemaFor(c.Masked)
	fw, err := pqarrow.NewFileWriter(schema, bw, props, pqarrow.DefaultWriterProps())
	if err != nil {
		return Stats{}, err
	}
	rec := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer rec.Release()
	cols := newRollBuilders(rec)
	flush := func() error {
		batch := rec.NewRecordBatch()
		defer batch.Release()
		return fw.Write(batch)
	}
	var h household
	for g.next(&h) {
		cols.append(&h, c.Masked)
		if cols.status.Len() == rowGroupRows {
			if err := flush(); err != nil {
				return Stats{}, err
			}
		}
	}
	if cols.status.Len() > 0 {
		if err := flush(); err != nil {
			return Stats{}, err
		}
	}
	if err := fw.Close(); err != nil {
		return Stats{}, err
	}
	if err := bw.Flush(); err != nil {
		return Stats{}, err
	}
	return g.stats, nil
}
