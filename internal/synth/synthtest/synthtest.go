// Package synthtest writes the synthetic datasets tests audit, for tests of several packages.
package synthtest

import (
	"testing"

	"github.com/dgcheck/dgcheck/internal/synth"
)

// Catalogue writes a synthetic catalogue of n rolls (synth.WriteCatalogue) with the example's
// sidecars, read from examples (the repository's examples/dibao), into a new test directory.
func Catalogue(t testing.TB, examples string, n int, seed int64) (string, []synth.CatalogueDataset) {
	t.Helper()
	c := synth.CatalogueConfig{Datasets: n, Seed: seed}
	if err := c.ReadSidecars(examples); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sets, err := synth.WriteCatalogue(dir, c)
	if err != nil {
		t.Fatal(err)
	}
	return dir, sets
}
