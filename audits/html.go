package audits

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"

	"github.com/dgcheck/dgcheck/reports"
)

// PortfolioHTML writes the portfolio as one self-contained page, an index of the audit: the
// counts, then one row per dataset (verdict, failing findings, a score per quality
// indicator, findings per area, level, open type, changes against the baseline, the error of
// a dataset that could not be checked), each linking to the dataset's own HTML report. The
// table sorts by any column. Like the dataset reports, it fetches nothing and escapes every
// value (html/template); its Content-Security-Policy lets only its own sorting script run,
// by hash, so nothing a dataset name or an error message holds can.
type PortfolioHTML struct{}

//go:embed templates/index.html.tmpl
var indexSource string

var indexTemplate = template.Must(template.New("index").Parse(indexSource))

// sortScript sorts the table by the clicked column: by data-sort when a cell has one
// (numbers, ranks), else by text; a second click reverses.
const sortScript = `
document.querySelectorAll("table.sortable th").forEach(function (th, col) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var asc = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var key = function (cell) {
      var v = cell.getAttribute("data-sort");
      if (v === null) return cell.textContent.trim();
      var n = parseFloat(v);
      return isNaN(n) ? v : n;
    };
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), y = key(b.cells[col]);
      var c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
`

// scriptHash is the CSP source that allows sortScript and nothing else.
var scriptHash = func() string {
	sum := sha256.Sum256([]byte(sortScript))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}()

type indexPage struct {
	P          *Portfolio
	Script     template.JS
	ScriptHash string
	Indicators []string
	Areas      []string
	Rows       []indexRow
}

type indexRow struct {
	E          Entry
	Link       string
	Checked    bool
	StatusRank int
	Failing    int
	Scores     []indexScore
	AreaCounts []int
	New        int
	Regressed  int
}

type indexScore struct {
	Text string
	Sort float64 // -1 sorts unscored datasets first
}

func (PortfolioHTML) Write(w io.Writer, p *Portfolio) error {
	page := indexPage{P: p, Script: template.JS(sortScript), ScriptHash: scriptHash,
		Indicators: reports.Indicators}
	areas := map[string]bool{}
	for _, e := range p.Datasets {
		if e.Summary != nil {
			for a := range e.Summary.ByArea {
				areas[a] = true
			}
		}
	}
	page.Areas = slices.Sorted(maps.Keys(areas))
	for _, e := range p.Datasets {
		row := indexRow{E: e, Checked: e.Status != Failed}
		switch {
		case e.Reports["html"] != "":
			row.Link = e.Reports["html"]
		case e.Reports["json"] != "":
			row.Link = e.Reports["json"]
		}
		switch e.Status {
		case Failed:
			row.StatusRank = 0
		case Incomplete:
			row.StatusRank = 1
		case NonConformant:
			row.StatusRank = 2
		default:
			row.StatusRank = 3
		}
		if e.Verdict != nil {
			row.Failing = e.Verdict.Failing
		}
		for _, ind := range append(slices.Clone(reports.Indicators), "") {
			s := indexScore{Sort: -1}
			switch {
			case e.Scores == nil:
			case ind == "":
				s = indexScore{Text: fmt.Sprintf("%.1f %s", e.Scores.Overall, e.Scores.Grade), Sort: e.Scores.Overall}
			default:
				if is, ok := e.Scores.Indicators[ind]; ok {
					s = indexScore{Text: fmt.Sprintf("%.1f", is.Score), Sort: is.Score}
				}
			}
			row.Scores = append(row.Scores, s)
		}
		for _, a := range page.Areas {
			n := 0
			if e.Summary != nil {
				n = e.Summary.ByArea[a]
			}
			row.AreaCounts = append(row.AreaCounts, n)
		}
		for _, f := range e.Findings {
			switch f.Change {
			case New:
				row.New++
			case Regressed:
				row.Regressed++
			}
		}
		page.Rows = append(page.Rows, row)
	}
	// Render whole before writing, so a template error leaves no half page behind.
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, page); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
