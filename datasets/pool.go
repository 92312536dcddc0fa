package datasets

import (
	"math/bits"
	"sync"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

// poolAllocator is the batches' default allocator: it hands a released batch's buffers to
// the next batch instead of the collector. Every batch of a scan has the same shape, so its
// buffers come back in the sizes the next one asks for; with arrow's Go allocator each batch
// was new memory, to be zeroed by the kernel and found dead by the collector.
//
// Buffers are pooled by power-of-two capacity from minPooled bytes; smaller ones come from
// the Go heap as arrow's own allocator gives them. A buffer is zeroed when handed out, as
// arrow's allocator's are, and 64-byte aligned: Go places a power-of-two allocation of 4 KiB
// or more at a multiple of 4 KiB.
type poolAllocator struct {
	classes [64]sync.Pool // by log2 of capacity; each holds *[]byte
}

const minPooled = 4 << 10

var defaultAllocator memory.Allocator = &poolAllocator{}

func sizeClass(n int) int { return bits.Len(uint(n - 1)) }

func (p *poolAllocator) Allocate(size int) []byte {
	if size < minPooled {
		return memory.DefaultAllocator.Allocate(size)
	}
	c := sizeClass(size)
	if b, ok := p.classes[c].Get().(*[]byte); ok {
		buf := (*b)[:size]
		clear(buf)
		return buf
	}
	return make([]byte, size, 1<<c)
}

func (p *poolAllocator) Reallocate(size int, b []byte) []byte {
	if size <= cap(b) {
		old := len(b)
		b = b[:size]
		if size > old {
			clear(b[old:])
		}
		return b
	}
	nb := p.Allocate(size)
	copy(nb, b)
	p.Free(b)
	return nb
}

func (p *poolAllocator) Free(b []byte) {
	c := cap(b)
	if c < minPooled || c&(c-1) != 0 {
		return
	}
	b = b[:c]
	p.classes[sizeClass(c)].Put(&b)
}
