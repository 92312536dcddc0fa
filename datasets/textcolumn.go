package datasets

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// textColumn builds one utf8 column of a CSV batch straight into its three Arrow buffers
// (validity bitmap, int32 offsets, bytes). array.StringBuilder does the same with a reserve
// and bookkeeping call per value, which profiled at more CPU than parsing the CSV itself.
type textColumn struct {
	mem      memory.Allocator
	validity *memory.Buffer
	offsets  *memory.Buffer
	data     *memory.Buffer
	// Views of the buffers' bytes, taken once per batch: fetching them per value cost as much
	// as the copy.
	bits     []byte
	offs     []int32
	bytes    []byte
	n, nulls int
	dataLen  int
	// dataHint sizes the next batch's byte buffer from this one's, so a column of long
	// values does not regrow from scratch every batch.
	dataHint int
}

func newTextColumn(mem memory.Allocator) *textColumn { return &textColumn{mem: mem, dataHint: 1 << 12} }

// reset starts a batch of at most rows values.
func (c *textColumn) reset(rows int) {
	c.validity = memory.NewResizableBuffer(c.mem)
	c.validity.Resize(int(bitutil.BytesForBits(int64(rows))))
	clear(c.validity.Bytes())
	c.offsets = memory.NewResizableBuffer(c.mem)
	c.offsets.Resize((rows + 1) * arrow.Int32SizeBytes)
	c.data = memory.NewResizableBuffer(c.mem)
	c.data.Reserve(c.dataHint)
	c.bits = c.validity.Bytes()
	c.offs = arrow.Int32Traits.CastFromBytes(c.offsets.Bytes())
	c.bytes = c.data.Buf()[:c.data.Cap()]
	c.n, c.nulls, c.dataLen = 0, 0, 0
}

func (c *textColumn) appendNull() {
	c.offs[c.n] = int32(c.dataLen)
	c.n++
	c.nulls++
}

func (c *textColumn) append(v string) {
	c.offs[c.n] = int32(c.dataLen)
	bitutil.SetBit(c.bits, c.n)
	c.n++
	if need := c.dataLen + len(v); need > len(c.bytes) {
		c.data.Reserve(max(need, 2*len(c.bytes)))
		c.bytes = c.data.Buf()[:c.data.Cap()]
	}
	c.dataLen += copy(c.bytes[c.dataLen:], v)
}

// finish hands the batch's buffers to a new array; the column is empty until reset.
func (c *textColumn) finish() arrow.Array {
	c.offs[c.n] = int32(c.dataLen)
	c.offsets.Resize((c.n + 1) * arrow.Int32SizeBytes)
	c.data.ResizeNoShrink(c.dataLen)
	// No floor beyond a cache line: a 10,000-column file of short values would otherwise
	// reserve 4 KiB a column a batch (40 MB) for a few bytes each.
	c.dataHint = max(c.dataLen+c.dataLen/8, 64)
	data := array.NewData(arrow.BinaryTypes.String, c.n, []*memory.Buffer{c.validity, c.offsets, c.data}, nil, c.nulls, 0)
	arr := array.NewStringData(data)
	data.Release()
	c.validity.Release()
	c.offsets.Release()
	c.data.Release()
	c.validity, c.offsets, c.data = nil, nil, nil
	c.bits, c.offs, c.bytes = nil, nil, nil
	return arr
}

// release frees a batch that was started but not finished.
func (c *textColumn) release() {
	for _, b := range []*memory.Buffer{c.validity, c.offsets, c.data} {
		if b != nil {
			b.Release()
		}
	}
	c.validity, c.offsets, c.data = nil, nil, nil
}

// finishBatch ends the batch of n rows in columns as a record of schema.
func finishBatch(schema *arrow.Schema, columns []*textColumn, n int) arrow.RecordBatch {
	cols := make([]arrow.Array, len(columns))
	for i, c := range columns {
		cols[i] = c.finish()
	}
	rec := array.NewRecordBatch(schema, cols, int64(n))
	for _, c := range cols {
		c.Release()
	}
	return rec
}
