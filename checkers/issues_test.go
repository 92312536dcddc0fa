package checkers

import (
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// Undecodable and ragged rows are counted in rows, the unit of Table.Rows that QUAL-019
// measures against: a row with bad bytes in every field is one row, in any batch, so that
// the count never exceeds the rows.
func TestRowIssuesCountRowsNotFields(t *testing.T) {
	text := "a,b,c\n\xff,\xfe,\xfd\nok,ok,ok\n\xe9,x,\xfc\n\xff,\xff\n"
	for _, batch := range []int{1, 2, 1024} {
		p := scanCSV(t, text, Plan{}, datasets.WithBatchSize(batch), datasets.WithEncoding("utf-8"))
		u := p.Table.UndecodableRows
		if u.Count != 3 || len(u.Samples) != 3 || u.Samples[0].Row != 1 || u.Samples[1].Row != 3 || u.Samples[2].Row != 4 {
			t.Errorf("batches of %d: undecodable rows %+v, want rows 1, 3 and 4 once each", batch, u)
		}
		if r := p.Table.RaggedRows; r.Count != 1 || r.Samples[0].Row != 4 {
			t.Errorf("batches of %d: ragged rows %+v, want row 4", batch, r)
		}
		if u.Count > p.Table.Rows {
			t.Errorf("batches of %d: %d undecodable rows of %d", batch, u.Count, p.Table.Rows)
		}
	}
}
