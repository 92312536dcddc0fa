package checkers

import (
	"bytes"
	"encoding/json"
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

// Stray quotes, NUL bytes and blank lines reach the profile as their own row issues, which
// QUAL-019 reports; blank lines count each (they are no rows), stray quotes and NULs count
// rows. A clean file has none of these keys, so its profile's form is unchanged.
func TestReadingDamageReachesTheProfile(t *testing.T) {
	text := "id,lat,name\n1,37°36'37.8\"N,a\n\n\n2,x,b\x00c\n,,\n3,y,\"z\" w\n4,\"5\",\"6\"\n\n\r\n"
	for _, batch := range []int{1, 2, 1024} {
		p := scanCSV(t, text, Plan{}, datasets.WithBatchSize(batch))
		if p.Table.Rows != 5 {
			t.Errorf("batches of %d: %d rows, want 5", batch, p.Table.Rows)
		}
		if q := p.Table.BareQuoteRows; q.Count != 2 || q.Samples[0].Row != 1 || q.Samples[0].Column != "lat" || q.Samples[1].Row != 4 || q.Samples[1].Line != 7 {
			t.Errorf("batches of %d: bare-quote rows %+v, want rows 1 (lat) and 4 (line 7)", batch, q)
		}
		if n := p.Table.NULRows; n.Count != 1 || n.Samples[0].Row != 2 || n.Samples[0].Column != "name" {
			t.Errorf("batches of %d: NUL rows %+v, want row 2, name", batch, n)
		}
		if b := p.Table.BlankRows; b.Count != 5 || b.Samples[0].Line != 3 || b.Samples[1].Line != 4 || b.Samples[2].Row != 3 || b.Samples[4].Line != 10 {
			t.Errorf("batches of %d: blank rows %+v, want lines 3 and 4, row 3 and lines 9 and 10 at the end", batch, b)
		}
	}
	clean := scanCSV(t, "id,name\n1,a\n", Plan{})
	if clean.Table.BareQuoteRows.Samples != nil || clean.Table.NULRows.Count != 0 || clean.Table.BlankRows.Samples != nil {
		t.Errorf("clean file: %+v, want no bare-quote, NUL or blank rows", clean.Table)
	}
	raw, err := json.Marshal(clean.Table)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"bare_quote_rows", "nul_rows", "blank_rows"} {
		if bytes.Contains(raw, []byte(key)) {
			t.Errorf("clean file's table %s has %s", raw, key)
		}
	}
}
