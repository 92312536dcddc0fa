package rules

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dgcheck/dgcheck/reports"
)

// The rules' documentation is generated from their annotations, in a language and a format
// (DocOptions). It is built once as a model in the document's language (newDoc, newRuleDoc:
// headings, labels, tables and one section per rule) and written by a renderer per format:
// markdownDoc, htmlDoc.

// DocFormats are the formats of the rules' documentation; its languages are reports.Langs.
var DocFormats = []string{"markdown", "html"}

// DocOptions choose the documentation's language, one of reports.Langs ("" is en), and its
// format, one of DocFormats ("" is markdown). In Chinese, headings, labels, rule titles,
// remediations, severities and areas are Chinese; descriptions and bases stay as annotated.
type DocOptions struct {
	Lang   string
	Format string
}

func (o DocOptions) normal() (DocOptions, error) {
	o.Lang, o.Format = cmp.Or(o.Lang, "en"), cmp.Or(o.Format, "markdown")
	if !slices.Contains(reports.Langs, o.Lang) {
		return o, fmt.Errorf("unknown language %q (want one of %s)", o.Lang, strings.Join(reports.Langs, ", "))
	}
	if !slices.Contains(DocFormats, o.Format) {
		return o, fmt.Errorf("unknown format %q (want one of %s)", o.Format, strings.Join(DocFormats, ", "))
	}
	return o, nil
}

// WriteDoc writes the rules' documentation as one document: a table of which clauses of which
// standards have rules, the standards they cite, then a section per rule (in HTML, also an
// index of the rules, which the tables link to). profiles are the profiles that may select
// the rules.
func WriteDoc(w io.Writer, infos []RuleInfo, profiles []Profile, opts DocOptions) error {
	opts, err := opts.normal()
	if err != nil {
		return err
	}
	doc, err := newDoc(infos, profiles, opts, false)
	if err != nil {
		return err
	}
	return render(w, doc, opts)
}

// WriteDocPages writes the documentation into dir. In Markdown, as pages: README.md with the
// coverage and standards tables and an index, and one <ID>.md per rule; in HTML, as the one
// page index.html.
func WriteDocPages(dir string, infos []RuleInfo, profiles []Profile, opts DocOptions) error {
	opts, err := opts.normal()
	if err != nil {
		return err
	}
	doc, err := newDoc(infos, profiles, opts, true)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if opts.Format == "html" {
		return writeFile(filepath.Join(dir, "index.html"), doc, opts)
	}
	if err := writeFile(filepath.Join(dir, "README.md"), doc, opts); err != nil {
		return err
	}
	for _, r := range infos {
		if err := writeFile(filepath.Join(dir, r.ID+".md"), newRuleDoc(r, profiles, opts), opts); err != nil {
			return err
		}
	}
	return nil
}

// WriteRuleDoc writes one rule's page: its identity, the basis of its citation, the profiles
// that run it, its description and its remediation, in the language and format opts give.
func WriteRuleDoc(w io.Writer, r RuleInfo, profiles []Profile, opts DocOptions) error {
	opts, err := opts.normal()
	if err != nil {
		return err
	}
	return render(w, newRuleDoc(r, profiles, opts), opts)
}

func writeFile(path string, doc *docModel, opts DocOptions) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := render(f, doc, opts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// render writes doc in opts' format. It is built in memory, where writes cannot fail, and
// written once.
func render(w io.Writer, doc *docModel, opts DocOptions) error {
	p := &strings.Builder{}
	if opts.Format == "html" {
		if err := htmlDoc.Execute(p, doc); err != nil {
			return err
		}
	} else {
		markdownDoc(p, doc)
	}
	_, err := io.WriteString(w, p.String())
	return err
}

// docModel is a document in its language, whatever its format.
type docModel struct {
	Lang   string // the HTML lang: en, zh-CN
	Title  string // "" for a rule's page, which its rule heads
	Intro  []string
	Pages  bool // Markdown pages: rule ids link to <ID>.md
	Tables []docTable
	Rules  []docRule
}

// docTable is a section that is a table: the clause coverage, the standards cited, the index.
type docTable struct {
	ID      string // its HTML anchor, which no rule id can be
	Heading string
	Note    string // a paragraph, or ""
	Head    []string
	Rows    [][]docCell
}

// docCell is a table cell: text, or the rule ids it names, which link to their sections.
type docCell struct {
	Text string
	Refs []string
}

// docRule is one rule's section.
type docRule struct {
	ID, Title string
	AltTitle  string      // its title in the other language, or ""
	Rows      [][2]string // label, value
	Text      string      // the description, or ""
	Notes     []docNote   // the remediation, in the document's language first
}

type docNote struct{ Label, Text string }

// docWords are a language's words of the documentation.
type docWords struct {
	htmlLang, title, intro, introNote                      string
	coverage, coverageNote, standards, standardsNote, list string
	coverageHead, standardsHead, listHead                  []string
	standard, clause, basis, area, severity, pkg, profiles string
	none, unknown, remediation, otherRemediation           string
	areas                                                  map[string]string
	severities                                             map[reports.Severity]string
}

var docLang = map[string]docWords{
	"en": {
		htmlLang: "en", title: "dgcheck rules",
		intro:    "%d rules. Generated by `%s` from the rules' annotations.",
		coverage: "Clause coverage",
		coverageNote: "Which clauses of which standards have rules. A clause written \"(no clause: cited as a whole)\"\n" +
			"is one no source showed: the rule cites the standard as a whole. Each rule's basis says where\n" +
			"its citation was seen.",
		standards: "Standards cited",
		standardsNote: "The standards, laws and other sources the rules cite, by the identifier each rule names them\n" +
			"with, and their edition and title from the standards table (rules/bundle/dgcheck/standards/data.yaml).\n" +
			"A source the table does not hold, such as a rule pack's, is listed with —.",
		list:          "Rules",
		coverageHead:  []string{"standard", "clause", "rules"},
		standardsHead: []string{"standard", "edition", "title"},
		listHead:      []string{"id", "title", "area", "severity"},
		standard:      "Standard", clause: "Clause", basis: "Basis", area: "Area", severity: "Severity",
		pkg: "Package", profiles: "Profiles", none: "none", unknown: "—",
		remediation: "Remediation.", otherRemediation: "整改建议。",
	},
	"zh": {
		htmlLang: "zh-CN", title: "dgcheck 规则",
		intro:     "共 %d 条规则，由 `%s` 根据规则注解生成。",
		introNote: "规则说明为英文原文；标准、条款与依据按注解原文列出。",
		coverage:  "条款覆盖",
		coverageNote: "各标准中已有规则的条款。条款写作“(no clause: cited as a whole)”的，表示所见来源均未给出具体条款，\n" +
			"该规则引用标准整体。每条规则的依据说明其引用见于何处。",
		standards: "引用的标准",
		standardsNote: "各规则引用的标准、法律及其他来源，按规则所用的标识列出，版本与名称取自标准表\n" +
			"（rules/bundle/dgcheck/standards/data.yaml）。标准表未收录的来源（如用户规则包所引用的）以“—”表示。",
		list:          "规则",
		coverageHead:  []string{"标准", "条款", "规则"},
		standardsHead: []string{"标准", "版本", "名称"},
		listHead:      []string{"编号", "名称", "领域", "严重程度"},
		standard:      "标准", clause: "条款", basis: "依据", area: "领域", severity: "严重程度",
		pkg: "规则包", profiles: "适用档案", none: "无", unknown: "—",
		remediation: "整改建议。",
		areas: map[string]string{
			"metadata": "元数据", "quality": "数据质量", "classification": "分类分级",
			"desensitisation": "去标识化", "identifiers": "标识符", "release": "开放发布",
			"crossborder": "数据出境", "config": "配置",
		},
		severities: map[reports.Severity]string{reports.Error: "错误", reports.Warning: "警告", reports.Info: "提示"},
	},
}

// areaName and severityName are an area's and a severity's names in the document's language;
// an area a pack adds keeps its own.
func (w docWords) areaName(area string) string { return cmp.Or(w.areas[area], area) }
func (w docWords) severityName(s reports.Severity) string {
	return cmp.Or(w.severities[s], string(s))
}

// newDoc is the documentation of infos as one document; pages says it is written with -o DIR
// (as Markdown pages, or one HTML page). A Markdown README and an HTML page index the rules.
func newDoc(infos []RuleInfo, profiles []Profile, opts DocOptions, pages bool) (*docModel, error) {
	words := docLang[opts.Lang]
	standards, err := Standards()
	if err != nil {
		return nil, err
	}
	command := "dgcheck rules doc"
	if opts.Lang != "en" {
		command += " --lang " + opts.Lang
	}
	if opts.Format != "markdown" {
		command += " --format " + opts.Format
	}
	if pages {
		command += " -o DIR"
	}
	doc := &docModel{
		Lang: words.htmlLang, Title: words.title, Pages: pages && opts.Format == "markdown",
		Intro:  []string{fmt.Sprintf(words.intro, len(infos), command)},
		Tables: []docTable{coverageTable(infos, words), standardsTable(infos, standards, opts.Lang)},
	}
	if words.introNote != "" {
		doc.Intro[0] += words.introNote
	}
	sorted := sortedByID(infos)
	if pages || opts.Format == "html" {
		list := docTable{ID: "rules", Heading: words.list, Head: words.listHead}
		for _, r := range sorted {
			title, _ := ruleTitles(r, opts.Lang)
			list.Rows = append(list.Rows, []docCell{{Refs: []string{r.ID}}, {Text: title},
				{Text: words.areaName(r.Area)}, {Text: words.severityName(r.Severity)}})
		}
		doc.Tables = append(doc.Tables, list)
	}
	if !doc.Pages {
		for _, r := range sorted {
			doc.Rules = append(doc.Rules, ruleSection(r, profiles, opts.Lang))
		}
	}
	return doc, nil
}

// newRuleDoc is one rule's page.
func newRuleDoc(r RuleInfo, profiles []Profile, opts DocOptions) *docModel {
	return &docModel{Lang: docLang[opts.Lang].htmlLang, Rules: []docRule{ruleSection(r, profiles, opts.Lang)}}
}

// coverageTable says, per standard, the clauses that have rules and which rules they are.
func coverageTable(infos []RuleInfo, words docWords) docTable {
	type clause struct{ standard, clause string }
	rulesOf := map[clause][]string{}
	for _, r := range infos {
		k := clause{r.Standard, r.Clause}
		rulesOf[k] = append(rulesOf[k], r.ID)
	}
	keys := make([]clause, 0, len(rulesOf))
	for k := range rulesOf {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b clause) int {
		return cmp.Or(cmp.Compare(a.standard, b.standard), cmp.Compare(a.clause, b.clause))
	})
	t := docTable{ID: "coverage", Heading: words.coverage, Note: words.coverageNote, Head: words.coverageHead}
	for _, k := range keys {
		ids := rulesOf[k]
		slices.Sort(ids)
		t.Rows = append(t.Rows, []docCell{{Text: k.standard}, {Text: k.clause}, {Refs: ids}})
	}
	return t
}

// standardsTable lists every source a rule cites, with its edition and its title in the
// document's language (else the other's) from the standards table.
func standardsTable(infos []RuleInfo, standards map[string]Standard, lang string) docTable {
	words := docLang[lang]
	var ids []string
	for _, r := range infos {
		for _, id := range CitedStandards(r.Standard) {
			if id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	t := docTable{ID: "standards", Heading: words.standards, Note: words.standardsNote, Head: words.standardsHead}
	for _, id := range ids {
		edition, title := words.unknown, words.unknown
		if s, ok := standards[id]; ok {
			edition = cmp.Or(s.Edition, words.unknown)
			if lang == "zh" {
				title = cmp.Or(s.TitleZh, s.TitleEn, words.unknown)
			} else {
				title = cmp.Or(s.TitleEn, s.TitleZh, words.unknown)
			}
		}
		t.Rows = append(t.Rows, []docCell{{Text: id}, {Text: edition}, {Text: title}})
	}
	return t
}

// ruleTitles are a rule's title in lang and, where it differs, in the other language.
func ruleTitles(r RuleInfo, lang string) (title, other string) {
	if lang == "zh" && r.TitleZh != "" {
		return r.TitleZh, r.Title
	}
	if lang == "zh" {
		return r.Title, ""
	}
	return r.Title, r.TitleZh
}

// ruleSection is a rule's section in lang. An English one gives the Chinese remediation
// too, where there is one; a Chinese one gives the Chinese, or else the English.
func ruleSection(r RuleInfo, profiles []Profile, lang string) docRule {
	words := docLang[lang]
	var in []string
	for _, prof := range profiles {
		if prof.selects(r.ID) || r.Area == "config" {
			in = append(in, prof.Name)
		}
	}
	s := docRule{ID: r.ID, Text: r.Description}
	s.Title, s.AltTitle = ruleTitles(r, lang)
	s.Rows = [][2]string{{words.standard, r.Standard}, {words.clause, r.Clause}}
	if r.Basis != "" { // a user pack's rule may give none
		s.Rows = append(s.Rows, [2]string{words.basis, r.Basis})
	}
	s.Rows = append(s.Rows, [][2]string{
		{words.area, words.areaName(r.Area)}, {words.severity, words.severityName(r.Severity)},
		{words.pkg, "`" + r.Package + "`"}, {words.profiles, cmp.Or(strings.Join(in, ", "), words.none)},
	}...)
	if lang == "zh" {
		s.Notes = []docNote{{words.remediation, cmp.Or(r.RemediationZh, r.Remediation)}}
	} else {
		s.Notes = []docNote{{words.remediation, r.Remediation}}
		if r.RemediationZh != "" {
			s.Notes = append(s.Notes, docNote{words.otherRemediation, r.RemediationZh})
		}
	}
	return s
}

func sortedByID(infos []RuleInfo) []RuleInfo {
	out := slices.Clone(infos)
	slices.SortFunc(out, func(a, b RuleInfo) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// markdownDoc writes doc as Markdown. A rule's page heads its rule at level 1; a document's
// rules are level 2, under its title.
func markdownDoc(p *strings.Builder, doc *docModel) {
	level := "#"
	if doc.Title != "" {
		level = "##"
		fmt.Fprintf(p, "# %s\n\n", doc.Title)
		for _, para := range doc.Intro {
			fmt.Fprintf(p, "%s\n\n", para)
		}
	}
	for i, t := range doc.Tables {
		if i > 0 {
			p.WriteString("\n")
		}
		fmt.Fprintf(p, "## %s\n\n", t.Heading)
		if t.Note != "" {
			fmt.Fprintf(p, "%s\n\n", t.Note)
		}
		markdownRow(p, t.Head)
		markdownRow(p, slices.Repeat([]string{"---"}, len(t.Head)))
		for _, row := range t.Rows {
			cells := make([]string, len(row))
			for j, c := range row {
				cells[j] = cell(c.Text)
				if c.Refs != nil {
					cells[j] = markdownRefs(c.Refs, doc.Pages)
				}
			}
			markdownRow(p, cells)
		}
	}
	for i, r := range doc.Rules {
		if doc.Title != "" || i > 0 {
			p.WriteString("\n")
		}
		fmt.Fprintf(p, "%s %s %s\n\n", level, r.ID, r.Title)
		if r.AltTitle != "" {
			fmt.Fprintf(p, "%s\n\n", r.AltTitle)
		}
		p.WriteString("| | |\n| --- | --- |\n")
		for _, row := range r.Rows {
			markdownRow(p, []string{row[0], cell(row[1])})
		}
		if r.Text != "" {
			fmt.Fprintf(p, "\n%s\n", r.Text)
		}
		for _, n := range r.Notes {
			fmt.Fprintf(p, "\n**%s** %s\n", n.Label, n.Text)
		}
	}
}

func markdownRow(p *strings.Builder, cells []string) {
	fmt.Fprintf(p, "| %s |\n", strings.Join(cells, " | "))
}

// markdownRefs names rules, linked to their pages when there are pages: one document's
// headings have no anchors a renderer is bound to.
func markdownRefs(ids []string, pages bool) string {
	if !pages {
		return strings.Join(ids, ", ")
	}
	links := make([]string, len(ids))
	for i, id := range ids {
		links[i] = "[" + id + "](" + id + ".md)"
	}
	return strings.Join(links, ", ")
}

// cell keeps annotation text, which may use Markdown on purpose, inside one table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ").Replace(s)
}

// docSpan is a run of annotation text for HTML: code (a Markdown `code span`) or not.
type docSpan struct {
	Text string
	Code bool
}

// spans reads the one Markdown construct annotations use, `code`, so that HTML shows it as
// code; an unpaired backtick is text.
func spans(s string) []docSpan {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 {
		parts[len(parts)-2] += "`" + parts[len(parts)-1]
		parts = parts[:len(parts)-1]
	}
	var out []docSpan
	for i, part := range parts {
		if part != "" {
			out = append(out, docSpan{Text: part, Code: i%2 == 1})
		}
	}
	return out
}

// htmlDoc writes a docModel as one self-contained HTML page: inline CSS, no scripts, no
// external resources, and every annotation escaped by html/template. Rule ids, which the
// tables link to, are the anchors of the rules' sections.
var htmlDoc = template.Must(template.New("doc").Funcs(template.FuncMap{"spans": spans}).Parse(htmlSource))

const htmlSource = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{{if .Title}}{{.Title}}{{else}}{{range .Rules}}{{.ID}} {{.Title}}{{end}}{{end}}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 68rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; }
table.facts th { width: 9rem; background: #f6f7f8; font-weight: 600; }
section.rule { border-top: 2px solid #d6d9dc; margin-top: 2.5rem; }
.alt { color: #555; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 0.2em; }
a { color: #0b57d0; }
@media print { body { max-width: none; } section.rule { break-inside: avoid-page; } a { color: inherit; } }
</style>
</head>
<body>
{{- if .Title}}
<h1>{{.Title}}</h1>
{{- range .Intro}}
<p>{{template "spans" spans .}}</p>
{{- end}}
{{- end}}
{{- range .Tables}}
<section id="{{.ID}}">
<h2>{{.Heading}}</h2>
{{- with .Note}}
<p>{{template "spans" spans .}}</p>
{{- end}}
<table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td>{{if .Refs}}{{range $i, $id := .Refs}}{{if $i}}, {{end}}<a href="#{{$id}}">{{$id}}</a>{{end}}{{else}}{{template "spans" spans .Text}}{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</section>
{{- end}}
{{- range .Rules}}
<section class="rule" id="{{.ID}}">
{{if $.Title}}<h2>{{.ID}} {{.Title}}</h2>{{else}}<h1>{{.ID}} {{.Title}}</h1>{{end}}
{{- with .AltTitle}}
<p class="alt">{{.}}</p>
{{- end}}
<table class="facts">
<tbody>
{{- range .Rows}}
<tr><th>{{index . 0}}</th><td>{{template "spans" spans (index . 1)}}</td></tr>
{{- end}}
</tbody>
</table>
{{- with .Text}}
<p>{{template "spans" spans .}}</p>
{{- end}}
{{- range .Notes}}
<p><strong>{{.Label}}</strong> {{template "spans" spans .Text}}</p>
{{- end}}
</section>
{{- end}}
</body>
</html>
{{define "spans"}}{{range .}}{{if .Code}}<code>{{.Text}}</code>{{else}}{{.Text}}{{end}}{{end}}{{end}}`
