package datasets

import (
	"encoding/binary"
	"fmt"

	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/pierrec/lz4/v4"
)

// Codecs arrow-go lacks or gets wrong, registered for every Parquet file dgcheck reads.
func init() {
	compress.RegisterCodec(compress.Codecs.Lz4, lz4Codec{})
	if snappy, err := compress.GetCodec(compress.Codecs.Snappy); err == nil {
		if s, ok := snappy.(streamingCodec); ok {
			compress.RegisterCodec(compress.Codecs.Snappy, emptyPageCodec{s})
		}
	}
}

// lz4Codec is Parquet's deprecated LZ4 codec, which arrow-go leaves unimplemented because
// writers disagree on it: parquet-mr (Hadoop) frames each block with its decompressed and
// compressed sizes, older parquet-cpp wrote one bare LZ4 block. Decoding tries the Hadoop
// framing and falls back on the bare block, as Arrow C++ does; encoding writes Hadoop frames.
type lz4Codec struct{}

func (lz4Codec) DecodeWithError(dst, src []byte) ([]byte, error) {
	if out, ok := decodeHadoopLZ4(dst, src); ok {
		return out, nil
	}
	n, err := lz4.UncompressBlock(src, dst)
	if err != nil {
		return nil, fmt.Errorf("LZ4: neither Hadoop-framed nor a raw block: %w", err)
	}
	return dst[:n], nil
}

// decodeHadoopLZ4 decodes src as a run of Hadoop frames (4-byte big-endian decompressed and
// compressed sizes, then the block) into dst, which holds the page's decompressed size; ok
// is false unless the frames account for every byte of src and of dst.
func decodeHadoopLZ4(dst, src []byte) (out []byte, ok bool) {
	n := 0
	for len(src) > 0 {
		if len(src) < 8 {
			return nil, false
		}
		want, size := binary.BigEndian.Uint32(src), binary.BigEndian.Uint32(src[4:])
		src = src[8:]
		if uint64(size) > uint64(len(src)) || uint64(want) > uint64(len(dst)-n) {
			return nil, false
		}
		got, err := lz4.UncompressBlock(src[:size], dst[n:n+int(want)])
		if err != nil || got != int(want) {
			return nil, false
		}
		n += got
		src = src[size:]
	}
	return dst[:n], n == len(dst)
}

func (c lz4Codec) Decode(dst, src []byte) []byte {
	out, err := c.DecodeWithError(dst, src)
	if err != nil {
		panic(err)
	}
	return out
}

func (c lz4Codec) Encode(dst, src []byte) []byte {
	bound := int(c.CompressBound(int64(len(src))))
	if cap(dst) < bound {
		dst = make([]byte, bound)
	}
	dst = dst[:bound]
	var z lz4.Compressor
	n, err := z.CompressBlock(src, dst[8:])
	if err != nil {
		panic(err) // only for a destination smaller than the bound
	}
	binary.BigEndian.PutUint32(dst, uint32(len(src)))
	binary.BigEndian.PutUint32(dst[4:], uint32(n))
	return dst[:8+n]
}

func (c lz4Codec) EncodeLevel(dst, src []byte, _ int) []byte { return c.Encode(dst, src) }

func (lz4Codec) CompressBound(n int64) int64 { return 8 + int64(lz4.CompressBlockBound(int(n))) }

// emptyPageCodec decodes an empty page body to nothing instead of asking its codec: a data
// page v2 whose values are all null has no body, and zero bytes are no valid Snappy stream
// (parquet-testing's datapage_v2_empty_datapage.snappy.parquet, arrow-rs issue 7388).
type emptyPageCodec struct{ streamingCodec }

// streamingCodec is what arrow-go's Snappy codec is; wrapping keeps it both.
type streamingCodec interface {
	compress.Codec
	compress.StreamingCodec
}

func (c emptyPageCodec) DecodeWithError(dst, src []byte) ([]byte, error) {
	if len(src) == 0 {
		return dst[:0], nil
	}
	return compress.Decode(c.streamingCodec, dst, src)
}

func (c emptyPageCodec) Decode(dst, src []byte) []byte {
	out, err := c.DecodeWithError(dst, src)
	if err != nil {
		panic(err)
	}
	return out
}
