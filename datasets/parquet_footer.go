package datasets

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/apache/thrift/lib/go/thrift"
)

// A lenient footer for files whose schema arrow-go refuses though other readers read them:
// a logical type newer than arrow-go (parquet-testing's unknown-logical-type.parquet, whose
// footer arrow-go cannot even parse) is dropped, so the column reads as its physical type, as
// the format asks of an older reader; a MAP whose keys are not declared required (written by
// Presto; incorrect_map_schema.parquet) loses its MAP annotation and reads as the list of
// key-value records it stores. Only the footer is rewritten, in memory; the data pages and
// their offsets are the file's.

// knownLogicalTypes are the members of the format's LogicalType union (parquet.thrift).
var knownLogicalTypes = []int16{1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18}

// Field ids of FileMetaData and SchemaElement (parquet.thrift).
const (
	fileMetaSchema     = 2
	elementRepetition  = 3
	elementNumChildren = 5
	elementConverted   = 6
	elementLogical     = 10
	convertedMap       = 1 // ConvertedType MAP
	convertedMapKV     = 2 // ConvertedType MAP_KEY_VALUE
	logicalMap         = 2 // LogicalType.MAP
	repetitionRequired = 0
)

// lenientFooter rewrites the footer of a Parquet file of size bytes; changed is false when
// there is nothing to rewrite, and the file is then as it was.
func lenientFooter(ra io.ReaderAt, size int64) (patched *footerPatched, changed []string, err error) {
	if size < 12 {
		return nil, nil, errors.New("too short for a Parquet file")
	}
	var end [8]byte
	if _, err := ra.ReadAt(end[:], size-8); err != nil {
		return nil, nil, err
	}
	n := int64(binary.LittleEndian.Uint32(end[:4]))
	if string(end[4:]) != "PAR1" || n <= 0 || n > size-12 {
		return nil, nil, errors.New("no Parquet footer")
	}
	footer := make([]byte, n)
	if _, err := ra.ReadAt(footer, size-8-n); err != nil {
		return nil, nil, err
	}
	ctx := context.Background()
	in := thrift.NewTCompactProtocolConf(thrift.NewStreamTransportR(bytes.NewReader(footer)), &thrift.TConfiguration{})
	meta, err := readThrift(ctx, in, thrift.STRUCT, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("footer: %w", err)
	}
	changed = leniently(meta)
	if len(changed) == 0 {
		return nil, nil, nil
	}
	var buf bytes.Buffer
	out := thrift.NewTCompactProtocolConf(thrift.NewStreamTransportW(&buf), &thrift.TConfiguration{})
	if err := writeThrift(ctx, out, meta); err != nil {
		return nil, nil, err
	}
	if err := out.Flush(ctx); err != nil {
		return nil, nil, err
	}
	tail := append(buf.Bytes(), 0, 0, 0, 0, 'P', 'A', 'R', '1')
	binary.LittleEndian.PutUint32(tail[buf.Len():], uint32(buf.Len()))
	return &footerPatched{ra: ra, cut: size - 8 - n, tail: tail}, changed, nil
}

// leniently applies the rewrites to a decoded FileMetaData and says what it changed.
func leniently(meta *thriftValue) []string {
	schema := meta.field(fileMetaSchema)
	if schema == nil {
		return nil
	}
	var changed []string
	elems := schema.elems
	for i := range elems {
		e := &elems[i]
		if lt := e.field(elementLogical); lt != nil && (len(lt.fields) != 1 || !slices.Contains(knownLogicalTypes, lt.fields[0].id)) {
			changed = append(changed, fmt.Sprintf("schema element %d: a logical type unknown to dgcheck, read as its physical type", i))
			e.drop(elementLogical) // lt points into the fields dropped from
		}
		isMap := e.field(elementConverted) != nil && e.field(elementConverted).i == convertedMap
		if lt := e.field(elementLogical); lt != nil && len(lt.fields) == 1 && lt.fields[0].id == logicalMap {
			isMap = true
		}
		// A MAP group holds one repeated key_value group whose first child is the key.
		if !isMap || i+2 >= len(elems) {
			continue
		}
		if key := elems[i+2].field(elementRepetition); key == nil || key.i == repetitionRequired {
			continue
		}
		e.drop(elementConverted)
		e.drop(elementLogical)
		if kv := elems[i+1].field(elementConverted); kv != nil && kv.i == convertedMapKV {
			elems[i+1].drop(elementConverted)
		}
		changed = append(changed, fmt.Sprintf("schema element %d: a MAP whose keys are not required, read as a list of key-value records", i))
	}
	return changed
}

// footerPatched is a Parquet file with its footer replaced: the bytes before cut are the
// file's, the rest tail.
type footerPatched struct {
	ra   io.ReaderAt
	cut  int64
	tail []byte
	pos  int64
}

func (p *footerPatched) size() int64 { return p.cut + int64(len(p.tail)) }

func (p *footerPatched) ReadAt(b []byte, off int64) (int, error) {
	n := 0
	if off < p.cut {
		want := b[:min(int64(len(b)), p.cut-off)]
		m, err := p.ra.ReadAt(want, off)
		if n += m; err != nil {
			return n, err
		}
		off += int64(m)
	}
	if n < len(b) {
		if off-p.cut >= int64(len(p.tail)) {
			return n, io.EOF
		}
		m := copy(b[n:], p.tail[off-p.cut:])
		if n += m; n < len(b) {
			return n, io.EOF
		}
	}
	return n, nil
}

func (p *footerPatched) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += p.pos
	case io.SeekEnd:
		offset += p.size()
	}
	if offset < 0 {
		return 0, errors.New("negative position")
	}
	p.pos = offset
	return offset, nil
}

// thriftValue is a decoded thrift compact value, enough to rewrite a footer and write it
// back as it was read.
type thriftValue struct {
	typ            thrift.TType
	i              int64 // bool (0, 1), byte, i16, i32, i64
	d              float64
	s              []byte
	fields         []thriftField // struct
	elem, key, val thrift.TType  // list and set; map
	elems          []thriftValue // list, set; map keys and values alternate
}

type thriftField struct {
	id int16
	v  thriftValue
}

func (v *thriftValue) field(id int16) *thriftValue {
	for i := range v.fields {
		if v.fields[i].id == id {
			return &v.fields[i].v
		}
	}
	return nil
}

func (v *thriftValue) drop(id int16) {
	v.fields = slices.DeleteFunc(v.fields, func(f thriftField) bool { return f.id == id })
}

// maxThriftDepth bounds nesting, so that a hostile footer cannot exhaust the stack.
const maxThriftDepth = 64

func readThrift(ctx context.Context, p *thrift.TCompactProtocol, t thrift.TType, depth int) (*thriftValue, error) {
	if depth > maxThriftDepth {
		return nil, errors.New("nested too deep")
	}
	v := &thriftValue{typ: t}
	var err error
	switch t {
	case thrift.BOOL:
		var b bool
		if b, err = p.ReadBool(ctx); b {
			v.i = 1
		}
	case thrift.BYTE:
		var b int8
		b, err = p.ReadByte(ctx)
		v.i = int64(b)
	case thrift.I16:
		var n int16
		n, err = p.ReadI16(ctx)
		v.i = int64(n)
	case thrift.I32:
		var n int32
		n, err = p.ReadI32(ctx)
		v.i = int64(n)
	case thrift.I64:
		v.i, err = p.ReadI64(ctx)
	case thrift.DOUBLE:
		v.d, err = p.ReadDouble(ctx)
	case thrift.STRING:
		v.s, err = p.ReadBinary(ctx)
	case thrift.STRUCT:
		if _, err = p.ReadStructBegin(ctx); err != nil {
			return nil, err
		}
		for {
			_, ft, id, ferr := p.ReadFieldBegin(ctx)
			if ferr != nil {
				return nil, ferr
			}
			if ft == thrift.STOP {
				break
			}
			fv, ferr := readThrift(ctx, p, ft, depth+1)
			if ferr != nil {
				return nil, ferr
			}
			v.fields = append(v.fields, thriftField{id: id, v: *fv})
		}
		err = p.ReadStructEnd(ctx)
	case thrift.LIST, thrift.SET:
		var n int
		if v.elem, n, err = p.ReadListBegin(ctx); err != nil {
			return nil, err
		}
		for range n {
			e, eerr := readThrift(ctx, p, v.elem, depth+1)
			if eerr != nil {
				return nil, eerr
			}
			v.elems = append(v.elems, *e)
		}
	case thrift.MAP:
		var n int
		if v.key, v.val, n, err = p.ReadMapBegin(ctx); err != nil {
			return nil, err
		}
		for range n {
			for _, et := range []thrift.TType{v.key, v.val} {
				e, eerr := readThrift(ctx, p, et, depth+1)
				if eerr != nil {
					return nil, eerr
				}
				v.elems = append(v.elems, *e)
			}
		}
	default:
		return nil, fmt.Errorf("thrift type %d is not in a Parquet footer", t)
	}
	return v, err
}

func writeThrift(ctx context.Context, p *thrift.TCompactProtocol, v *thriftValue) error {
	switch v.typ {
	case thrift.BOOL:
		return p.WriteBool(ctx, v.i != 0)
	case thrift.BYTE:
		return p.WriteByte(ctx, int8(v.i))
	case thrift.I16:
		return p.WriteI16(ctx, int16(v.i))
	case thrift.I32:
		return p.WriteI32(ctx, int32(v.i))
	case thrift.I64:
		return p.WriteI64(ctx, v.i)
	case thrift.DOUBLE:
		return p.WriteDouble(ctx, v.d)
	case thrift.STRING:
		return p.WriteBinary(ctx, v.s)
	case thrift.STRUCT:
		if err := p.WriteStructBegin(ctx, ""); err != nil {
			return err
		}
		for i := range v.fields {
			f := &v.fields[i]
			if err := p.WriteFieldBegin(ctx, "", f.v.typ, f.id); err != nil {
				return err
			}
			if err := writeThrift(ctx, p, &f.v); err != nil {
				return err
			}
		}
		if err := p.WriteFieldStop(ctx); err != nil {
			return err
		}
		return p.WriteStructEnd(ctx)
	case thrift.LIST, thrift.SET:
		if err := p.WriteListBegin(ctx, v.elem, len(v.elems)); err != nil {
			return err
		}
	case thrift.MAP:
		if err := p.WriteMapBegin(ctx, v.key, v.val, len(v.elems)/2); err != nil {
			return err
		}
	}
	for i := range v.elems {
		if err := writeThrift(ctx, p, &v.elems[i]); err != nil {
			return err
		}
	}
	return nil
}
