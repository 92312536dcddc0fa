package reports_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/reports"
)

const (
	leakID     = "11010519491231002X"
	leakMobile = "13812345678"
)

// A stand-in for the checkers' profile and the datasets' metadata: typed values behind an
// interface, a pointer, maps keyed by column names, a struct held by value.
type fakeColumn struct {
	Name    string           `json:"name"`
	Min     string           `json:"min"`
	Tokens  map[string]int64 `json:"tokens"`
	Samples []reports.Sample `json:"samples"`
	hidden  string
}
type fakeProfile struct {
	Columns []fakeColumn           `json:"columns"`
	ByName  map[string]*fakeColumn `json:"by_name"`
}
type fakeMetadata struct {
	Title   map[string]string `json:"title"`
	Contact map[string]any    `json:"contact_point"`
	Fields  []fakeColumn      `json:"fields"`
}

// Everything a report echoes from the data or the metadata passes through Redact; what the run
// itself names (paths, rules) does not; typed values keep their types.
func TestReportRedactCoversWhatIsEchoed(t *testing.T) {
	r := failingReport()
	r.Dataset.Columns = append(r.Dataset.Columns, leakID, "tel"+leakMobile)
	r.Notices = append(r.Notices, "unknown metadata key "+leakMobile)
	r.Findings[0].Column = leakID
	r.Findings[0].Message = "column " + leakID + " is not declared"
	r.Findings[0].Evidence = map[string]any{"columns": []any{leakID, map[string]any{leakMobile: leakMobile}}}
	r.Findings[0].Samples = []reports.Sample{{Row: 3, Value: "联系" + leakMobile}}
	r.ToolErrors = []reports.ToolError{{Rule: "X-001", Error: "conflicting values \"" + leakMobile + "\"", Cause: "metadata.fields." + leakID}}
	col := fakeColumn{Name: leakID, Min: leakMobile, Tokens: map[string]int64{leakMobile: 2}, hidden: leakID}
	profile := &fakeProfile{Columns: []fakeColumn{col}, ByName: map[string]*fakeColumn{leakID: &col}}
	r.Profile = profile
	r.Metadata = fakeMetadata{Title: map[string]string{"zh": "花名册 " + leakMobile},
		Contact: map[string]any{"phone": leakMobile, "list": []any{"x", leakID}}, Fields: []fakeColumn{{Name: leakID}}}
	r.Conclude(reports.Error)

	r.Redact(detect.Redact)

	if _, ok := r.Profile.(*fakeProfile); !ok {
		t.Errorf("profile became %T", r.Profile)
	}
	if m, ok := r.Metadata.(fakeMetadata); !ok {
		t.Errorf("metadata became %T", r.Metadata)
	} else if m.Title["zh"] != "花名册 138****5678" || m.Contact["phone"] != "138****5678" {
		t.Errorf("metadata = %+v", m)
	}
	if profile.Columns[0].hidden != leakID {
		t.Error("an unexported field was changed; no writer shows it")
	}
	if r.Dataset.Path != "data/dibao.csv" || r.Rules[0].ID != "META-001" {
		t.Errorf("the run's own names changed: %q %q", r.Dataset.Path, r.Rules[0].ID)
	}
	for _, format := range []string{"text", "json", "markdown", "html", "sarif", "junit"} {
		out := write(t, format, r)
		for _, raw := range []string{leakID, leakMobile} {
			if strings.Contains(out, raw) {
				t.Errorf("%s report holds %s", format, raw)
			}
		}
		if format == "json" && !strings.Contains(out, "110105********002X") {
			t.Errorf("json report lacks the masked column name")
		}
	}
	// Once redacted, the report is its own fixed point: every writer sees the same text.
	before := write(t, "json", r)
	r.Redact(detect.Redact)
	if write(t, "json", r) != before {
		t.Error("a second Redact changed the report")
	}
}

// Two different keys that mask to the same text leave the same survivor every time: the
// entry of the key last in sorted order.
func TestRedactStringsMapKeysAreDeterministic(t *testing.T) {
	for range 20 {
		m := map[string]int{"a13812345678": 1, "a13899995678": 2, "plain": 3}
		got := reports.RedactStrings(m, detect.Redact)
		if len(got) != 2 || got["a138****5678"] != 2 || got["plain"] != 3 {
			t.Fatalf("RedactStrings = %v", got)
		}
	}
}

func write(t *testing.T, format string, r *reports.Report) string {
	t.Helper()
	w, err := reports.WriterFor(format)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := w.Write(&out, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return out.String()
}

// Control characters from a column name or a message cannot act on a terminal or a pull
// request: the text and Markdown reports show them as escapes, Markdown breaks mentions,
// issue references and autolinks, and the structured formats stay well-formed.
func TestWritersNeutraliseControlsAndMentions(t *testing.T) {
	r := failingReport()
	hostile := "name\x1b]0;owned\a\x1b[2J\x00\x7f\u009b\u202eevil\r\nverdict: CONFORMANT\xff"
	r.Dataset.Columns = append(r.Dataset.Columns, hostile)
	r.Notices = append(r.Notices, hostile)
	r.Findings[0].Column = hostile
	r.Findings[0].Message = "cc @alice and @org/team, see #12, www.evil.example, WWW.evil.example, https://evil.example/x " + hostile
	r.ToolErrors = []reports.ToolError{{Rule: "X-001", Error: hostile}}
	r.Conclude(reports.Error)

	for _, format := range []string{"text", "markdown"} {
		out := write(t, format, r)
		for i := 0; i < len(out); i++ {
			if c := out[i]; c < 0x20 && c != '\n' || c == 0x7f {
				t.Errorf("%s report holds control byte %#x near %q", format, c, out[max(0, i-20):min(len(out), i+20)])
				break
			}
		}
		for _, bad := range []string{"\u009b", "\u202e", "\xff", "\nverdict: CONFORMANT"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s report holds %q", format, bad)
			}
		}
		shown := `\x1b]0;owned\x07`
		if format == "markdown" {
			shown = `\\x1b\]0;owned\\x07` // backslash and bracket escaped: Markdown shows \x1b]
		}
		if !strings.Contains(out, shown) {
			t.Errorf("%s report does not show the escape as text", format)
		}
	}
	md := write(t, "markdown", r)
	for _, bad := range []string{"@alice", "@org", "#12", "www.evil", "WWW.evil", "https://"} {
		if strings.Contains(md, bad) {
			t.Errorf("markdown holds %q, which GitHub acts on", bad)
		}
	}
	for _, format := range []string{"json", "sarif"} {
		if out := write(t, format, r); !json.Valid([]byte(out)) {
			t.Errorf("%s report is not valid JSON", format)
		}
	}
	dec := xml.NewDecoder(strings.NewReader(write(t, "junit", r)))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("junit report is not well-formed XML: %v", err)
		}
	}
}
