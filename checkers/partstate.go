package checkers

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"unsafe"

	"github.com/DataDog/sketches-go/ddsketch"
	"github.com/DataDog/sketches-go/ddsketch/store"
)

// A part's accumulators, written down so that another process can merge them (part.go). The
// encoding walks the accumulator structs field by field, unexported fields included, in
// declaration order: integers as varints, floats by their bits, strings, slices and maps by
// length then elements, pointers by a presence byte. It is this build's own form and is read
// back only by the same build (the partial profile records the version), so it needs no field
// names or tags; what a field means is its Go declaration.
//
// What is not state is skipped: func and chan fields, and fields tagged `state:"-"`, which
// hold the plan (specs, compiled patterns), per-batch scratch or caches, and are made again
// from the plan by the reader, as Scan makes them. A type with its own form (a row set's
// entries, a sketch's bins) implements stateCodec.

type stateCodec interface {
	encodeState(w *stateWriter) error
	decodeState(r *stateReader) error
}

var stateCodecType = reflect.TypeFor[stateCodec]()

// stateWriter writes the state to out as it goes: a part's row sets, tens of bytes a row, are
// written from their files and blocks a partition at a time, never held whole (a 10M-row
// roll's state, held and then base64-encoded, took a part to 1.3 GB).
type stateWriter struct {
	buf []byte
	out io.Writer
	err error // the first of out's
}

// flushAt is how much the writer holds before writing it out.
const flushAt = 256 << 10

func (w *stateWriter) uvarint(u uint64) { w.buf = binary.AppendUvarint(w.buf, u) }
func (w *stateWriter) bytes(b []byte)   { w.uvarint(uint64(len(b))); w.buf = append(w.buf, b...) }

// flush writes out what the writer holds once it is flushAt, or all of it when all is true.
func (w *stateWriter) flush(all bool) error {
	if w.err == nil && (all || len(w.buf) >= flushAt) {
		_, w.err = w.out.Write(w.buf)
		w.buf = w.buf[:0]
	}
	return w.err
}

// value writes what ptr points to.
func (w *stateWriter) value(ptr any) error { return w.walk(reflect.ValueOf(ptr).Elem()) }

func (w *stateWriter) walk(v reflect.Value) error {
	if err := w.flush(false); err != nil {
		return err
	}
	if v.CanAddr() && v.Addr().Type().Implements(stateCodecType) {
		return v.Addr().Interface().(stateCodec).encodeState(w)
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			w.buf = append(w.buf, 1)
		} else {
			w.buf = append(w.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.buf = binary.AppendVarint(w.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.uvarint(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v.Float()))
	case reflect.String:
		w.uvarint(uint64(v.Len()))
		w.buf = append(w.buf, v.String()...)
	case reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			w.buf = append(w.buf, v.Bytes()...)
			return nil
		}
		for i := range v.Len() {
			if err := w.walk(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			w.uvarint(0)
			return nil
		}
		w.uvarint(uint64(v.Len()) + 1)
		for i := range v.Len() {
			if err := w.walk(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if v.IsNil() {
			w.uvarint(0)
			return nil
		}
		w.uvarint(uint64(v.Len()) + 1)
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		for it := v.MapRange(); it.Next(); {
			k.Set(it.Key())
			e.Set(it.Value())
			if err := w.walk(k); err != nil {
				return err
			}
			if err := w.walk(e); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			w.buf = append(w.buf, 0)
			return nil
		}
		w.buf = append(w.buf, 1)
		return w.walk(v.Elem())
	case reflect.Struct:
		return eachStateField(v, w.walk)
	default:
		return fmt.Errorf("partial profile: cannot write a %s", v.Type())
	}
	return nil
}

// eachStateField calls f with each of struct v's state fields, made settable.
func eachStateField(v reflect.Value, f func(reflect.Value) error) error {
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Tag.Get("state") == "-" || sf.Type.Kind() == reflect.Func || sf.Type.Kind() == reflect.Chan {
			continue
		}
		fv := v.Field(i)
		if !sf.IsExported() {
			fv = reflect.NewAt(sf.Type, unsafe.Pointer(fv.UnsafeAddr())).Elem()
		}
		if err := f(fv); err != nil {
			return fmt.Errorf("%s.%s: %w", t.Name(), sf.Name, err)
		}
	}
	return nil
}

// stateReader reads the state from src as it goes, holding a window of it. left bounds what
// src still holds, so that a damaged length is refused before anything is allocated for it.
type stateReader struct {
	buf  []byte // read from src and not yet taken
	mem  []byte // buf's backing
	src  io.Reader
	left int64
	err  error // src's, other than io.EOF
}

func newStateReader(src io.Reader, limit int64) *stateReader {
	return &stateReader{src: src, left: limit}
}

var errStateShort = errors.New("partial profile: the state ends early")

// remaining is at most the bytes left to read.
func (r *stateReader) remaining() uint64 { return uint64(len(r.buf)) + uint64(max(r.left, 0)) }

// fill reads from src until the window holds n bytes or src ends.
func (r *stateReader) fill(n int) {
	if len(r.buf) >= n || r.src == nil {
		return
	}
	if cap(r.mem) < n {
		r.mem = make([]byte, max(n, 64<<10))
	}
	k := copy(r.mem[:cap(r.mem)], r.buf)
	for k < n && r.src != nil {
		m, err := r.src.Read(r.mem[k:cap(r.mem)])
		k += m
		r.left -= int64(m)
		if err != nil {
			if err != io.EOF {
				r.err = err
			}
			r.src = nil
		}
	}
	r.buf = r.mem[:k]
}

// short is the error of a read that found too few bytes: src's own, if it failed.
func (r *stateReader) short() error {
	if r.err != nil {
		return fmt.Errorf("partial profile: reading the state: %w", r.err)
	}
	return errStateShort
}

func (r *stateReader) uvarint() (uint64, error) {
	r.fill(binary.MaxVarintLen64)
	u, n := binary.Uvarint(r.buf)
	if n <= 0 {
		return 0, r.short()
	}
	r.buf = r.buf[n:]
	return u, nil
}

func (r *stateReader) varint() (int64, error) {
	r.fill(binary.MaxVarintLen64)
	i, n := binary.Varint(r.buf)
	if n <= 0 {
		return 0, r.short()
	}
	r.buf = r.buf[n:]
	return i, nil
}

// take returns the next n bytes, valid until the next read.
func (r *stateReader) take(n uint64) ([]byte, error) {
	if n > r.remaining() {
		return nil, errStateShort
	}
	r.fill(int(n))
	if n > uint64(len(r.buf)) {
		return nil, r.short()
	}
	b := r.buf[:n]
	r.buf = r.buf[n:]
	return b, nil
}

// uint64 reads 8 little-endian bytes.
func (r *stateReader) uint64() (uint64, error) {
	b, err := r.take(8)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(b), nil
}

// atEnd reports whether every byte of the state has been read.
func (r *stateReader) atEnd() bool {
	r.fill(1)
	return len(r.buf) == 0 && r.err == nil
}

func (r *stateReader) bytes() ([]byte, error) {
	n, err := r.uvarint()
	if err != nil {
		return nil, err
	}
	return r.take(n)
}

// value reads into what ptr points to.
func (r *stateReader) value(ptr any) error { return r.walk(reflect.ValueOf(ptr).Elem()) }

// length reads a slice's or map's length, ok false for nil. A length longer than the bytes
// left is damage, refused before anything is allocated for it.
func (r *stateReader) length() (n int, ok bool, err error) {
	u, err := r.uvarint()
	if err != nil || u == 0 {
		return 0, false, err
	}
	if u-1 > r.remaining() {
		return 0, false, errStateShort
	}
	return int(u - 1), true, nil
}

func (r *stateReader) walk(v reflect.Value) error {
	if v.CanAddr() && v.Addr().Type().Implements(stateCodecType) {
		return v.Addr().Interface().(stateCodec).decodeState(r)
	}
	switch v.Kind() {
	case reflect.Bool:
		b, err := r.take(1)
		if err != nil {
			return err
		}
		v.SetBool(b[0] == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := r.varint()
		if err != nil {
			return err
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u, err := r.uvarint()
		if err != nil {
			return err
		}
		v.SetUint(u)
	case reflect.Float32, reflect.Float64:
		u, err := r.uint64()
		if err != nil {
			return err
		}
		v.SetFloat(math.Float64frombits(u))
	case reflect.String:
		b, err := r.bytes()
		if err != nil {
			return err
		}
		v.SetString(string(b))
	case reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b, err := r.take(uint64(v.Len()))
			if err != nil {
				return err
			}
			reflect.Copy(v, reflect.ValueOf(b))
			return nil
		}
		for i := range v.Len() {
			if err := r.walk(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		n, ok, err := r.length()
		if err != nil || !ok {
			v.SetZero()
			return err
		}
		if v.Len() == n {
			// Into the elements the plan made (a partial's columns, with their specs).
			for i := range n {
				if err := r.walk(v.Index(i)); err != nil {
					return err
				}
			}
			return nil
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			if err := r.walk(s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Map:
		n, ok, err := r.length()
		if err != nil || !ok {
			v.SetZero()
			return err
		}
		m := reflect.MakeMapWithSize(v.Type(), n)
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		for range n {
			if err := r.walk(k); err != nil {
				return err
			}
			if err := r.walk(e); err != nil {
				return err
			}
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		b, err := r.take(1)
		if err != nil {
			return err
		}
		if b[0] == 0 {
			v.SetZero()
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return r.walk(v.Elem())
	case reflect.Struct:
		return eachStateField(v, r.walk)
	default:
		return fmt.Errorf("partial profile: cannot read a %s", v.Type())
	}
	return nil
}

// encodeState writes a row set's entries (hash, row, values), partition by partition, from its
// files and its blocks alike: the reader adds them to a set of its own budget.
func (s *rowSet) encodeState(w *stateWriter) error {
	if s.err != nil {
		return s.err
	}
	var buf []byte
	var part stateWriter
	for i := range s.parts {
		part.buf = part.buf[:0]
		var n uint64
		err := s.eachEntry(i, &buf, func(h, row uint64, vals []uint32) {
			n++
			part.buf = binary.LittleEndian.AppendUint64(part.buf, h)
			part.uvarint(row)
			for _, v := range vals {
				part.uvarint(uint64(v))
			}
		})
		if err != nil {
			return err
		}
		w.uvarint(n)
		w.buf = append(w.buf, part.buf...)
		if err := w.flush(false); err != nil {
			return err
		}
	}
	return nil
}

func (s *rowSet) decodeState(r *stateReader) error {
	vals := make([]uint32, s.width)
	for range s.parts {
		n, err := r.uvarint()
		if err != nil {
			return err
		}
		for range n {
			h, err := r.uint64()
			if err != nil {
				return err
			}
			row, err := r.uvarint()
			if err != nil {
				return err
			}
			for v := range vals {
				u, err := r.uvarint()
				if err != nil {
					return err
				}
				vals[v] = uint32(u)
			}
			s.add(h, int64(row), vals)
		}
	}
	return s.err
}

// encodeState writes a class table: whether it is full, then per class its hash, size, first
// row and each attribute's distinct values. The reader puts them in a table the plan made, of
// the plan's width, so a damaged count of values is refused rather than trusted.
func (c *classTable) encodeState(w *stateWriter) error {
	if err := w.value(&c.full); err != nil {
		return err
	}
	w.uvarint(uint64(c.n))
	for i, s := range c.slots {
		if s.size == 0 {
			continue
		}
		if err := w.flush(false); err != nil {
			return err
		}
		w.buf = binary.LittleEndian.AppendUint64(w.buf, s.hash)
		w.uvarint(uint64(s.size))
		w.uvarint(uint64(s.first))
		for a := range c.width {
			at := i*c.width + a
			w.uvarint(uint64(c.nvals[at]))
			for _, v := range c.vals[at*maxDistinctSensitive:][:c.nvals[at]] {
				w.uvarint(uint64(v))
			}
		}
	}
	return nil
}

var errClassDamaged = errors.New("partial profile: a class of the quasi-identifiers is damaged")

func (c *classTable) decodeState(r *stateReader) error {
	if err := r.value(&c.full); err != nil {
		return err
	}
	n, err := r.uvarint()
	if err != nil {
		return err
	}
	if n > r.remaining() {
		return errStateShort
	}
	for range n {
		h, err := r.uint64()
		if err != nil {
			return err
		}
		size, err := r.uvarint()
		if err != nil {
			return err
		}
		first, err := r.uvarint()
		if err != nil {
			return err
		}
		i, held := c.find(h)
		if held || size == 0 || size > math.MaxInt64/2 || first > math.MaxInt64 {
			return errClassDamaged
		}
		i = c.claim(i, h, int64(size), int64(first))
		for a := range c.width {
			kept, err := r.uvarint()
			if err != nil {
				return err
			}
			if kept > maxDistinctSensitive {
				return errClassDamaged
			}
			for range kept {
				v, err := r.uvarint()
				if err != nil {
					return err
				}
				c.keep(i*c.width+a, uint32(v))
			}
		}
	}
	return nil
}

// encodeState writes a column's numbers: the sketch in its own encoding (mapping and bins),
// which its reader rebuilds with the store the plan's allowance makes.
func (s *spread) encodeState(w *stateWriter) error {
	for _, f := range []any{&s.n, &s.counts, &s.low, &s.high} {
		if err := w.value(f); err != nil {
			return err
		}
	}
	if s.sketch == nil {
		w.uvarint(0)
		return nil
	}
	var b []byte
	s.sketch.Encode(&b, false)
	w.uvarint(1)
	w.bytes(b)
	return nil
}

func (s *spread) decodeState(r *stateReader) error {
	for _, f := range []any{&s.n, &s.counts, &s.low, &s.high} {
		if err := r.value(f); err != nil {
			return err
		}
	}
	has, err := r.uvarint()
	if err != nil || has == 0 {
		s.sketch = nil
		return err
	}
	b, err := r.bytes()
	if err != nil {
		return err
	}
	bins := s.allowed.bins
	s.sketch, err = ddsketch.DecodeDDSketch(b, func() store.Store { return store.NewCollapsingLowestDenseStore(bins) }, nil)
	return err
}
