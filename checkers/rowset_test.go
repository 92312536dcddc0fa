package checkers

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// plantedRows returns n rows' hashes, about one in five repeating an earlier row's, and their
// row numbers: ascending from first, with gaps so that deltas take one to several bytes.
func plantedRows(seed uint64, n int, first int64) ([]uint64, []int64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	hashes, rows := make([]uint64, n), make([]int64, n)
	row := first
	for i := range n {
		if i > 0 && rng.IntN(5) == 0 {
			hashes[i] = hashes[rng.IntN(i)]
		} else {
			hashes[i] = rng.Uint64()
		}
		rows[i] = row
		if rng.IntN(100) == 0 {
			row += rng.Int64N(1 << 20)
		}
		row += 1 + rng.Int64N(3)
	}
	return hashes, rows
}

// wantDuplicates counts and samples repeats the plain way: by the first row of each hash.
func wantDuplicates(hashes []uint64, rows []int64, n int) Duplicates {
	first := map[uint64]int64{}
	for i, h := range hashes {
		if r, ok := first[h]; !ok || rows[i] < r {
			first[h] = rows[i]
		}
	}
	d := Duplicates{Samples: []DuplicateRow{}}
	for i, h := range hashes {
		if rows[i] != first[h] {
			d.Count++
			d.Samples = append(d.Samples, DuplicateRow{Row: rows[i], FirstRow: first[h]})
		}
	}
	slices.SortFunc(d.Samples, func(a, b DuplicateRow) int { return cmp.Compare(a.Row, b.Row) })
	d.Samples = d.Samples[:min(n, len(d.Samples))]
	return d
}

// fill adds rows to sets as a scan's workers would: batches of ascending rows, each to one
// set, every set taking its batches in a shuffled order, as a Parquet file's row groups can
// come.
func fill(seed uint64, sets []*rowSet, hashes []uint64, rows []int64) {
	rng := rand.New(rand.NewPCG(seed, 2))
	batches := make([][][2]int, len(sets))
	for lo := 0; lo < len(hashes); {
		hi := min(len(hashes), lo+1+rng.IntN(2000))
		w := rng.IntN(len(sets))
		batches[w] = append(batches[w], [2]int{lo, hi})
		lo = hi
	}
	for w, s := range sets {
		rng.Shuffle(len(batches[w]), func(i, j int) { batches[w][i], batches[w][j] = batches[w][j], batches[w][i] })
		for _, b := range batches[w] {
			for i := b[0]; i < b[1]; i++ {
				s.add(hashes[i], rows[i], nil)
			}
		}
	}
}

// spillsOpen counts this process's open files in dir (Linux; -1 elsewhere). Spill files leave
// the directory as soon as they are made, so an empty directory alone proves little.
func spillsOpen(t *testing.T, dir string) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	n := 0
	for _, fd := range fds {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
			n++
		}
	}
	return n
}

func assertNoSpills(t *testing.T, dir string) {
	t.Helper()
	if entries, err := os.ReadDir(dir); err != nil || len(entries) > 0 {
		t.Errorf("spill directory holds %v (%v), want nothing", entries, err)
	}
	if n := spillsOpen(t, dir); n > 0 {
		t.Errorf("%d spill files still open", n)
	}
}

// Rows that reach a set out of order, as the batches of Parquet row groups decoded two at a
// time do, still fill its blocks: a block is started only when the partition's last is full.
func TestRowsOutOfOrderFillBlocks(t *testing.T) {
	hashes, rows := plantedRows(9, 400_000, 1)
	s := &rowSet{budget: math.MaxInt64}
	fill(9, []*rowSet{s}, hashes, rows)
	blocks := 0
	for _, p := range s.parts {
		blocks += len(p)
	}
	if most := len(rows)/blockRows + len(s.parts); blocks > most {
		t.Errorf("%d rows in shuffled batches take %d blocks, want at most %d", len(rows), blocks, most)
	}
	got, err := s.duplicates(5)
	if want := wantDuplicates(hashes, rows, 5); err != nil || got.Count != want.Count || !reflect.DeepEqual(got.Samples, want.Samples) {
		t.Errorf("duplicates %+v (%v), want %+v", got, err, want)
	}
}

func TestRowSetSpillingChangesNothing(t *testing.T) {
	cases := []struct {
		rows    int
		first   int64
		budgets []int64 // one per worker's set; 0 never spills
		one     bool    // every row the same: one partition holds them all
	}{
		{20_000, 1, []int64{1}, false},                        // a spill for every new block
		{20_000, 0, []int64{1, 0, 16 << 10}, false},           // spilled sets merged with one that did not
		{60_000, 1 << 40, []int64{64 << 10, 64 << 10}, false}, // long first deltas
		{700_000, 1, []int64{1 << 20, 1 << 19, 0}, false},     // full blocks spilled
		{200_000, 1, []int64{64 << 10, 0}, true},
	}
	for i, c := range cases {
		t.Run(fmt.Sprint(c.rows, c.budgets), func(t *testing.T) {
			hashes, rows := plantedRows(uint64(i), c.rows, c.first)
			if c.one {
				hashes = slices.Repeat(hashes[:1], c.rows)
			}
			for _, n := range []int{5, 1000} {
				want := wantDuplicates(hashes, rows, n)
				dir := t.TempDir()
				sets := make([]*rowSet, len(c.budgets))
				for w, b := range c.budgets {
					sets[w] = &rowSet{budget: b, dir: dir}
					if b == 0 {
						sets[w].budget = math.MaxInt64
					}
				}
				fill(uint64(i), sets, hashes, rows)
				spilled := 0
				for _, s := range sets {
					spilled += len(s.spills)
					if s.err != nil {
						t.Fatal(s.err)
					}
				}
				if spilled != len(slices.DeleteFunc(slices.Clone(c.budgets), func(b int64) bool { return b == 0 })) {
					t.Errorf("%d sets spilled, want every set with a budget", spilled)
				}
				if runtime.GOOS == "linux" && spillsOpen(t, dir) != spilled {
					t.Errorf("%d spill files open, want %d", spillsOpen(t, dir), spilled)
				}
				for _, o := range sets[1:] {
					sets[0].merge(o)
				}
				got, err := sets[0].duplicates(n)
				if err != nil {
					t.Fatal(err)
				}
				if got.Count != want.Count || !reflect.DeepEqual(got.Samples, want.Samples) {
					t.Errorf("samples %d: got %d duplicates, first %v; want %d, first %v", n, got.Count, head(got.Samples), want.Count, head(want.Samples))
				}
				assertNoSpills(t, dir)
			}
		})
	}
}

func head(s []DuplicateRow) []DuplicateRow { return s[:min(3, len(s))] }

func TestRowSetReleaseClosesItsFiles(t *testing.T) {
	dir := t.TempDir()
	hashes, rows := plantedRows(7, 5000, 1)
	a, b := &rowSet{budget: 1, dir: dir}, &rowSet{budget: 1, dir: dir}
	fill(7, []*rowSet{a, b}, hashes, rows)
	a.merge(b)
	b.release() // merged: its files are a's now
	if runtime.GOOS == "linux" && spillsOpen(t, dir) != 2 {
		t.Fatalf("%d spill files open after merging, want 2", spillsOpen(t, dir))
	}
	a.release()
	a.release()
	assertNoSpills(t, dir)
}

func TestRowSetReportsASpillFailure(t *testing.T) {
	s := &rowSet{budget: 1, dir: filepath.Join(t.TempDir(), "missing")}
	hashes, rows := plantedRows(3, 1000, 1)
	fill(3, []*rowSet{s}, hashes, rows)
	if _, err := s.duplicates(5); err == nil || !strings.HasPrefix(err.Error(), "spilling to disk: ") {
		t.Errorf("duplicates after a failed spill: err = %v, want spilling to disk: ...", err)
	}
}

// spillScans makes every scan of the test spill at once, to a directory of its own.
func spillScans(t *testing.T) string {
	dir := t.TempDir()
	spillBudget, spillDir = 1, dir
	t.Cleanup(func() { spillBudget, spillDir = 0, "" })
	return dir
}

// tallCSV is a table of n rows with repeated rows and repeated keys.
func tallCSV(n int) string {
	var b strings.Builder
	b.WriteString("id,v\n")
	for i := range n {
		id := i % (n - n/7)
		fmt.Fprintf(&b, "%d,%d\n", id, id%13)
	}
	return b.String()
}

// Every exact set spills, and finds what it finds in memory: duplicate rows and keys, and an
// entity's attributes (entities.go; the classes are reident.go's test).
func TestScanSpillingChangesNothing(t *testing.T) {
	// v is a function of id but for the two last rows, whose ids' v differ.
	text := tallCSV(30_000) + "700,0\n709,0\n"
	plan := Plan{Keys: [][]string{{"id"}, {"v"}}, Workers: 3, SkipDetection: true,
		Metadata: &datasets.Metadata{Entities: []datasets.Entity{{Key: []string{"id"}, Attributes: []string{"v"}}}}}
	want := scanCSV(t, text, plan, datasets.WithBatchSize(700))
	dir := spillScans(t)
	got := scanCSV(t, text, plan, datasets.WithBatchSize(700))
	if !reflect.DeepEqual(got.Table.DuplicateRows, want.Table.DuplicateRows) || !reflect.DeepEqual(got.Table.Keys, want.Table.Keys) {
		t.Errorf("spilling: rows %+v keys %+v; in memory: rows %+v keys %+v", got.Table.DuplicateRows, got.Table.Keys, want.Table.DuplicateRows, want.Table.Keys)
	}
	if !reflect.DeepEqual(got.Table.Entities, want.Table.Entities) {
		t.Errorf("spilling: entities %+v; in memory: %+v", got.Table.Entities, want.Table.Entities)
	}
	if want.Table.DuplicateRows.Count == 0 || want.Table.Keys[0].Duplicates.Count == 0 {
		t.Errorf("the table has no duplicates to find")
	}
	if e := want.Table.Entities; len(e) != 1 || e[0].Entities != 30_000-30_000/7 || e[0].Inconsistent != 2 ||
		!reflect.DeepEqual(e[0].Samples, []Sample{{Row: 30_001}, {Row: 30_002}}) {
		t.Errorf("entities: %+v, want %d entities, 2 inconsistent", e, 30_000-30_000/7)
	}
	assertNoSpills(t, dir)
}

func TestScanRemovesSpillsWhenCancelled(t *testing.T) {
	dir := spillScans(t)
	path := filepath.Join(t.TempDir(), "tall.csv")
	if err := os.WriteFile(path, []byte(tallCSV(30_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := datasets.Open(context.Background(), path, datasets.WithBatchSize(500))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batches := 0
	plan := Plan{Keys: [][]string{{"id"}}, Workers: 2, SkipDetection: true, Progress: func(datasets.Source) {
		if batches++; batches == 5 {
			cancel()
		}
	}}
	if _, err := Scan(ctx, r, plan); err != context.Canceled {
		t.Fatalf("Scan = %v, want %v", err, context.Canceled)
	}
	assertNoSpills(t, dir)
}

func TestScanReportsASpillFailure(t *testing.T) {
	spillScans(t)
	spillDir = filepath.Join(spillDir, "missing")
	path := filepath.Join(t.TempDir(), "tall.csv")
	if err := os.WriteFile(path, []byte(tallCSV(3000)), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := datasets.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = Scan(context.Background(), r, Plan{SkipDetection: true})
	if err == nil || !strings.HasPrefix(err.Error(), "duplicate rows: spilling to disk: ") {
		t.Errorf("Scan = %v, want duplicate rows: spilling to disk: ...", err)
	}
}

// BenchmarkRowSet adds and finishes 4 million rows, in memory and spilling, of planted
// repeats and of one row repeated (every row in one partition); spill-MB/op is what went to
// disk, and B/op shows what finishing holds.
func BenchmarkRowSet(b *testing.B) {
	const n = 4_000_000
	planted, rows := plantedRows(1, n, 1)
	same := slices.Repeat([]uint64{planted[0]}, n)
	for _, data := range []struct {
		name   string
		hashes []uint64
	}{{"planted", planted}, {"one-row", same}} {
		for _, bc := range []struct {
			name   string
			budget int64
		}{{"in-memory", math.MaxInt64}, {"spilling-32MiB", maxRowSetBudget}, {"spilling-4MiB", minRowSetBudget}} {
			b.Run(data.name+"/"+bc.name, func(b *testing.B) {
				b.ReportAllocs()
				dir := b.TempDir()
				var spilled int64
				for b.Loop() {
					s := &rowSet{budget: bc.budget, dir: dir}
					for i, h := range data.hashes {
						s.add(h, rows[i], nil)
					}
					for _, f := range s.spills {
						spilled += f.size
					}
					if _, err := s.duplicates(DefaultSamples); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(spilled)/1e6/float64(b.N), "spill-MB/op")
			})
		}
	}
}
