package datasets

import (
	"slices"
	"testing"
)

// FuzzPartitionValues: any folder path gives keys named once each, every one with a value
// entry, and no key with "/" in it: a column per key, whatever the folders are called.
func FuzzPartitionValues(f *testing.F) {
	for _, seed := range []string{".", "year=2024", "year=2024/region=420111", "x=1/x=2", "a/b=/=c",
		"k=%E6%B4%AA", "k=%zz", "k=__HIVE_DEFAULT_PARTITION__", "==/a==b"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, rel string) {
		keys, values := partitionValues(rel)
		if len(keys) != len(values) {
			t.Fatalf("%q: keys %q, values for %d", rel, keys, len(values))
		}
		seen := map[string]bool{}
		for _, k := range keys {
			if k == "" || seen[k] || slices.Contains([]byte(k), '/') {
				t.Fatalf("%q: key %q empty, repeated or with a slash (keys %q)", rel, k, keys)
			}
			seen[k] = true
			if _, ok := values[k]; !ok {
				t.Fatalf("%q: key %q has no value entry", rel, k)
			}
		}
	})
}
