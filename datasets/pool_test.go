package datasets

import (
	"testing"
	"unsafe"
)

// A released buffer is handed to the next request of its size class, zeroed and 64-byte
// aligned as arrow's own allocator's are; a reallocation keeps the contents.
func TestPoolAllocatorReusesZeroedAlignedBuffers(t *testing.T) {
	p := &poolAllocator{}
	for _, size := range []int{1, 100, minPooled - 1, minPooled, 5000, 1 << 20, 3<<20 + 7} {
		b := p.Allocate(size)
		if len(b) != size || uintptr(unsafe.Pointer(&b[0]))%64 != 0 {
			t.Fatalf("Allocate(%d): len %d, address %% 64 = %d", size, len(b), uintptr(unsafe.Pointer(&b[0]))%64)
		}
		for i := range b {
			b[i] = 0xAB
		}
		p.Free(b)
		again := p.Allocate(size)
		for i, c := range again {
			if c != 0 {
				t.Fatalf("Allocate(%d) after Free: byte %d is %#x, not zero", size, i, c)
			}
		}
		grown := p.Reallocate(2*size+1, append(again[:0], make([]byte, size)...))
		grown[0] = 7
		kept := p.Reallocate(4*size+3, grown)
		if len(kept) != 4*size+3 || kept[0] != 7 || kept[len(kept)-1] != 0 {
			t.Fatalf("Reallocate(%d): len %d, first %d, last %d", 4*size+3, len(kept), kept[0], kept[len(kept)-1])
		}
		p.Free(kept)
	}
}
