package checkers

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// fenceOf finds one measured fence.
func fenceOf(t *testing.T, s *Spread, scale string, k float64) Fence {
	t.Helper()
	for _, f := range s.Fences {
		if f.Scale == scale && f.K == k {
			return f
		}
	}
	t.Fatalf("no %s fence at k=%v in %+v", scale, k, s.Fences)
	return Fence{}
}

// Few distinct numbers: quartiles are type-7 interpolations and counts are exact. The values
// 1..10 and 100 have Q1 = 3.5, Q3 = 8.5 (R's quantile(x, type = 7)), so the linear fences at
// 1.5 are [-4, 16] and 100 is beyond them; the sentinel -999999 is dirt, not a number measured.
func TestSpreadOfFewNumbersIsExact(t *testing.T) {
	text := "v\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n100\n-999999\nabc\n"
	p := scanCSV(t, text, Plan{})
	s := p.Columns[0].Spread
	if s == nil {
		t.Fatal("integer column without a spread")
	}
	if s.Count != 11 || !s.Exact || s.Q1 != 3.5 || s.Median != 6 || s.Q3 != 8.5 || !s.Positive {
		t.Errorf("spread = %+v, want 11 exact numbers with quartiles 3.5, 6, 8.5, all positive", s)
	}
	f := fenceOf(t, s, "linear", 1.5)
	if f.Lower != -4 || f.Upper != 16 || f.Below != 0 || f.Above != 1 || !f.Exact {
		t.Errorf("linear fence at 1.5 = %+v, want [-4, 16] with 1 above", f)
	}
	if want := []Sample{{Row: 11, Value: "100"}}; !slices.Equal(f.Samples, want) {
		t.Errorf("samples = %v, want %v", f.Samples, want)
	}
	// On the log scale the fences are Q1·(Q1/Q3)^k and Q3·(Q3/Q1)^k.
	g := fenceOf(t, s, "log", 3)
	ratio := math.Pow(8.5/3.5, 3)
	if math.Abs(g.Lower-3.5/ratio) > 1e-9 || math.Abs(g.Upper-8.5*ratio) > 1e-9 || g.Above != 0 {
		t.Errorf("log fence at 3 = %+v, want [%v, %v] with none beyond", g, 3.5/ratio, 8.5*ratio)
	}
}

// A column with a zero or a negative number has no log scale, and a text column or a column
// of identifiers no spread at all.
func TestSpreadOnlyForNumbersThatAreNotIdentifiers(t *testing.T) {
	p := scanCSV(t, "signed,name,mobile\n-3,张伟,13800138000\n0,李娜,13912345678\n5,王芳,15012345678\n", Plan{})
	s := p.Columns[0].Spread
	if s == nil || s.Positive || len(s.Fences) != 2 {
		t.Errorf("signed column spread = %+v, want linear fences only", s)
	}
	for _, c := range p.Columns[1:] {
		if c.Spread != nil {
			t.Errorf("%s: spread %+v published for a column of text or identifiers", c.Name, c.Spread)
		}
	}
}

// Many distinct numbers go to the sketch: quartiles stay within its accuracy, a handful of
// outliers are still counted exactly from the kept tails, and more than the tails hold are
// estimated and marked so.
func TestSpreadOfManyNumbersUsesTheSketch(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	// Amounts of 400.00 to 600.00 (20,001 distinct): the far-out fences (Q1 - 300, Q3 + 300)
	// are far from every true value, so any count but the planted one is the sketch's error.
	values := make([]float64, 50_000)
	for i := range values {
		values[i] = float64(40_000+r.IntN(20_001)) / 100
	}
	build := func(outliers int) string {
		var b strings.Builder
		b.WriteString("amount\n")
		for i, v := range values {
			if i%1000 == 7 && i/1000 < outliers {
				v *= 100 // a misplaced decimal point
			}
			fmt.Fprintf(&b, "%g\n", v)
		}
		return b.String()
	}
	for _, tc := range []struct {
		outliers int
		exact    bool
	}{{3, true}, {45, false}} {
		s := scanCSV(t, build(tc.outliers), Plan{Workers: 2}).Columns[0].Spread
		if s.Exact {
			t.Fatalf("%d distinct amounts still counted exactly", len(values))
		}
		sorted := slices.Sorted(slices.Values(values))
		for _, q := range []struct{ got, p float64 }{{s.Q1, 0.25}, {s.Median, 0.5}, {s.Q3, 0.75}} {
			want := sorted[int(q.p*float64(len(sorted)-1))]
			if math.Abs(q.got-want)/want > 2*sketchAccuracy {
				t.Errorf("%d outliers: quantile %.2f = %v, want %v within %.1f%%", tc.outliers, q.p, q.got, want, 200*sketchAccuracy)
			}
		}
		f := fenceOf(t, s, "linear", 3)
		if f.Exact != tc.exact {
			t.Errorf("%d outliers: exact = %v, want %v", tc.outliers, f.Exact, tc.exact)
		}
		if f.Below != 0 || math.Abs(float64(f.Above-int64(tc.outliers))) > float64(tc.outliers)/20 {
			t.Errorf("%d outliers: counted %d below and %d above", tc.outliers, f.Below, f.Above)
		}
		if tc.exact && f.Above != int64(tc.outliers) {
			t.Errorf("%d outliers: exact count %d", tc.outliers, f.Above)
		}
		if len(f.Samples) != min(tc.outliers, DefaultSamples) || f.Samples[0].Row != 8 {
			t.Errorf("%d outliers: samples %v, want the first at row 8", tc.outliers, f.Samples)
		}
	}
}

// The tails keep the most extreme values whatever order they come in, ties to the earlier row.
func TestTailKeepsTheMostExtremeValues(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	lowA, lowB, whole := tail{}, tail{}, tail{}
	for row, v := range r.Perm(1000) {
		f := float64(v % 500) // every value twice
		whole.add(f, int64(row))
		if row%2 == 0 {
			lowA.add(f, int64(row))
		} else {
			lowB.add(f, int64(row))
		}
	}
	lowA.merge(&lowB)
	sortedItems := func(t *tail) []extreme {
		return slices.SortedFunc(slices.Values(t.items), func(a, b extreme) int {
			return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
		})
	}
	if !slices.Equal(sortedItems(&lowA), sortedItems(&whole)) {
		t.Errorf("merged tail %v, one-pass tail %v", sortedItems(&lowA), sortedItems(&whole))
	}
	for _, e := range whole.items {
		if e.value >= tailKept/2 {
			t.Errorf("tail kept %v, not among the %d lowest", e, tailKept)
		}
	}
	if whole.most().value != 0 {
		t.Errorf("most extreme = %v, want 0", whole.most())
	}
}

// Beyond-fence samples show the number, unless it is a valid identifier such as a mobile number.
func TestSpreadSamplesMaskIdentifiers(t *testing.T) {
	var b strings.Builder
	b.WriteString("amount\n")
	for i := range 100 {
		fmt.Fprintf(&b, "%d\n", 500+i)
	}
	b.WriteString("440500\n13800138000\n")
	s := scanCSV(t, b.String(), Plan{}).Columns[0].Spread
	f := fenceOf(t, s, "log", 3)
	want := []Sample{{Row: 101, Value: "440500"}, {Row: 102, Value: "138****8000"}}
	if !slices.Equal(f.Samples, want) {
		t.Errorf("samples = %v, want %v", f.Samples, want)
	}
}
