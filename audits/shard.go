package audits

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// Shard is one slice of a sharded audit: the Index-th of Count, counting from 1. The zero
// Shard is the whole audit.
type Shard struct {
	Index, Count int
}

// ParseShard reads "i/n" (1 <= i <= n).
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(i)
	count, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 1 || index > count {
		return Shard{}, fmt.Errorf("shard %q is not i/n with 1 <= i <= n (e.g. 2/3)", s)
	}
	return Shard{Index: index, Count: count}, nil
}

func (s Shard) String() string {
	if s.Count == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Holds reports whether the shard checks the named dataset. The slice is decided by a hash of
// the name, not by the dataset's place in a listing, so every shard agrees on it whatever
// order its file system lists files in, and adding a dataset moves no other.
func (s Shard) Holds(name string) bool {
	if s.Count <= 1 {
		return true
	}
	sum := sha256.Sum256([]byte(name))
	return binary.BigEndian.Uint64(sum[:8])%uint64(s.Count) == uint64(s.Index-1)
}
