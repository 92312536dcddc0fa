package audits

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/reports"
)

// PortfolioHTML writes the portfolio as one self-contained page, in the stamp's language
// (Stamp.Lang): the counts; the requirements failing, by reach, each with the datasets that
// fail it; each owner's datasets; a heatmap of findings by dataset and area; one row per
// dataset (verdict, failing findings, overall score, level, open type, changes against the
// baseline), each linking to the dataset's own report; the quality indicators' scores; and the
// datasets that could not be checked, with the reason, in a section of their own. Tables sort
// by any column and filter by what is typed above them; on a narrow screen their rows become
// cards, so the page never scrolls sideways. Like the dataset reports, it fetches nothing and
// escapes every value (html/template); its Content-Security-Policy lets only its own script
// run, by hash, so nothing a dataset name or an error message holds can.
type PortfolioHTML struct{}

//go:embed templates/index.html.tmpl
var indexSource string

var indexTemplate = template.Must(template.New("index").Parse(indexSource))

// pageScript sorts a table by the clicked heading (by data-sort when a cell has one, numbers
// and ranks, else by text; a second click reverses) and filters a table's rows by the text
// typed into the search box that names it (data-filter).
const pageScript = `
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0], col = th.cellIndex;
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
document.querySelectorAll("input[data-filter]").forEach(function (input) {
  var table = document.getElementById(input.getAttribute("data-filter"));
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
      r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
});
`

// scriptHash is the CSP source that allows pageScript and nothing else.
var scriptHash = func() string {
	sum := sha256.Sum256([]byte(pageScript))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}()

type indexPage struct {
	P            *Portfolio
	W            map[string]string // the page's words in its language
	Sev          map[reports.Severity]string
	Lang         string
	Script       template.JS
	ScriptHash   string
	Indicators   []string // their titles in the page's language
	Areas        []string
	Rows         []indexRow
	Requirements []indexRequirement
	Owners       []indexOwner
	Heatmap      []indexAreaRow
	Unchecked    []Unchecked
	Trend        *indexTrend // nil unless the history holds two audits or more
}

// indexTrend draws the history: the catalogue's conformant share per audit as bars, and each
// dataset's failing findings per audit as a line.
type indexTrend struct {
	Bars  []indexBar
	Width int
	Lines map[string]indexLine // by dataset
	Text  string               // the conformant counts, for the eye and for a screen reader
}

type indexBar struct {
	X, Y, Height int
	Title        string
}

type indexLine struct {
	Points     string // polyline points; "" when fewer than two audits had the dataset checked
	DotX, DotY string // its one point then
	Title      string
}

const (
	sparkWidth, sparkHeight = 80, 18
	barWidth, barGap        = 14, 4
	barsHeight              = 40
)

func trendChart(t *TrendView) *indexTrend {
	if t == nil || len(t.Audits) < 2 {
		return nil
	}
	it := &indexTrend{Width: len(t.Audits) * (barWidth + barGap), Lines: map[string]indexLine{}}
	var counts []string
	for i, a := range t.Audits {
		share := 0.0
		if a.Datasets > 0 {
			share = float64(a.Conformant) / float64(a.Datasets)
		}
		h := max(1, int(share*barsHeight+0.5))
		it.Bars = append(it.Bars, indexBar{X: i * (barWidth + barGap), Y: barsHeight - h, Height: h,
			Title: fmt.Sprintf("%s: %d/%d", a.Started, a.Conformant, a.Datasets)})
		counts = append(counts, fmt.Sprintf("%d/%d", a.Conformant, a.Datasets))
	}
	it.Text = strings.Join(counts, " → ")
	step := float64(sparkWidth-4) / float64(len(t.Audits)-1)
	titles := failingTrends(t)
	for _, d := range t.Datasets {
		top := 1
		for _, f := range d.Failing {
			if f != nil {
				top = max(top, *f)
			}
		}
		var pts []string
		var dotX, dotY string
		for i, f := range d.Failing {
			if f == nil {
				continue
			}
			dotX, dotY = fmt.Sprintf("%.1f", 2+step*float64(i)), fmt.Sprintf("%.1f", 2+float64(sparkHeight-4)*(1-float64(*f)/float64(top)))
			pts = append(pts, dotX+","+dotY)
		}
		l := indexLine{Title: titles[d.Dataset]}
		switch len(pts) {
		case 0:
		case 1:
			l.DotX, l.DotY = dotX, dotY
		default:
			l.Points = strings.Join(pts, " ")
		}
		it.Lines[d.Dataset] = l
	}
	return it
}

type indexRow struct {
	E          Entry
	Link       string
	Checked    bool
	StatusRank int
	Failing    int
	Scores     []indexScore
	New        int
	Regressed  int
}

type indexScore struct {
	Text string
	Sort float64 // -1 sorts unscored datasets first
}

type indexLink struct{ Name, Link string }

type indexRequirement struct {
	R        Requirement
	Datasets []indexLink
}

type indexOwner struct {
	O     OwnerView
	Share string
	Top   string
}

type indexAreaRow struct {
	Dataset indexLink
	Cells   []indexCell
}

type indexCell struct {
	Findings int
	Worst    reports.Severity
	Area     string // the heading, for a card's label
}

func (PortfolioHTML) Write(w io.Writer, p *Portfolio) error {
	lang := cmp.Or(p.Stamp.Lang, "en")
	words, ok := indexWords[lang]
	if !ok {
		return fmt.Errorf("portfolio html: unknown language %q (want one of %s)", lang, strings.Join(reports.Langs, ", "))
	}
	page := indexPage{P: p, W: words, Lang: lang, Script: template.JS(pageScript), ScriptHash: scriptHash,
		Sev: map[reports.Severity]string{}}
	for _, sev := range []reports.Severity{reports.Error, reports.Warning, reports.Info} {
		page.Sev[sev] = reports.Term(lang, string(sev))
	}
	for _, ind := range reports.Indicators {
		page.Indicators = append(page.Indicators, reports.Term(lang, ind))
	}
	for _, a := range p.Views.Areas.Areas {
		page.Areas = append(page.Areas, reports.Term(lang, "area_"+a))
	}
	links := map[string]string{}
	for _, e := range p.Datasets {
		row := indexRow{E: e, Checked: e.Status != Failed}
		switch {
		case e.Reports["html"] != "":
			row.Link = e.Reports["html"]
		case e.Reports["json"] != "":
			row.Link = e.Reports["json"]
		}
		links[e.Dataset] = row.Link
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
	for _, r := range p.Views.Requirements {
		ir := indexRequirement{R: r}
		for _, d := range r.Datasets {
			ir.Datasets = append(ir.Datasets, indexLink{Name: d, Link: links[d]})
		}
		page.Requirements = append(page.Requirements, ir)
	}
	for _, o := range p.Views.Owners {
		page.Owners = append(page.Owners, indexOwner{O: o, Share: fmt.Sprintf("%.0f%%", 100*o.ConformantShare), Top: o.topRules()})
	}
	for _, r := range p.Views.Areas.Rows {
		row := indexAreaRow{Dataset: indexLink{Name: r.Dataset, Link: links[r.Dataset]}}
		for i, n := range r.Findings {
			row.Cells = append(row.Cells, indexCell{Findings: n, Worst: r.Worst[i], Area: page.Areas[i]})
		}
		page.Heatmap = append(page.Heatmap, row)
	}
	page.Trend = trendChart(p.Views.Trend)
	page.Unchecked = p.Views.Unchecked
	// Render whole before writing, so a template error leaves no half page behind.
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, page); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
