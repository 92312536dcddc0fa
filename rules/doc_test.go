package rules

import (
	"bytes"
	"cmp"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

func TestWriteDocCoversEveryRule(t *testing.T) {
	infos, profiles := builtInDocInputs(t)
	var out bytes.Buffer
	if err := WriteDoc(&out, infos, profiles, DocOptions{}); err != nil {
		t.Fatal(err)
	}
	doc := out.String()
	for _, r := range infos {
		row := "| " + cell(r.Standard) + " | " + cell(r.Clause) + " | "
		i := strings.Index(doc, row)
		if i < 0 || !strings.Contains(doc[i:i+len(row)+200], r.ID) {
			t.Errorf("the coverage table has no row %q naming %s", row, r.ID)
		}
		if !strings.Contains(doc, "\n## "+r.ID+" "+r.Title+"\n") {
			t.Errorf("no section for %s", r.ID)
		}
		if !strings.Contains(doc, "| Clause | "+cell(r.Clause)+" |\n| Basis | "+cell(r.Basis)+" |\n") {
			t.Errorf("%s's section does not give its basis after its clause", r.ID)
		}
	}
	if !strings.Contains(doc, "| Profiles | cn-gov-catalogue, internal-sharing, pipeline, public-release |") {
		t.Error("a rule's section does not name the profiles that run it")
	}
}

func TestWriteDocPages(t *testing.T) {
	engine, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := WriteDocPages(dir, engine.Rules(), nil, DocOptions{}); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range engine.Rules() {
		page, err := os.ReadFile(filepath.Join(dir, r.ID+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(page), "# "+r.ID+" ") || !strings.Contains(string(page), "| Clause | "+cell(r.Clause)+" |") {
			t.Errorf("%s.md:\n%s", r.ID, page)
		}
		if !strings.Contains(string(index), "["+r.ID+"]("+r.ID+".md)") {
			t.Errorf("the index does not link %s", r.ID)
		}
	}
	if !strings.Contains(string(index), "\n## Standards cited\n") {
		t.Error("README.md has no standards section")
	}
}

// docLabels are the documentation's labels in English and Chinese: a Chinese document has
// every Chinese one and no English one, and the other way round.
var docLabels = [][2]string{
	{"Standard", "标准"}, {"Clause", "条款"}, {"Basis", "依据"}, {"Area", "领域"},
	{"Severity", "严重程度"}, {"Package", "规则包"}, {"Profiles", "适用档案"},
}

var docHeadings = [][2]string{{"Clause coverage", "条款覆盖"}, {"Standards cited", "引用的标准"}, {"Rules", "规则"}}

// zhAreas are the Chinese names of the built-in rules' areas, as the documentation gives them.
var zhAreas = map[string]string{
	"metadata": "元数据", "quality": "数据质量", "classification": "分类分级",
	"desensitisation": "去标识化", "identifiers": "标识符", "release": "开放发布",
	"crossborder": "数据出境", "config": "配置",
}

var zhSeverities = map[reports.Severity]string{reports.Error: "错误", reports.Warning: "警告", reports.Info: "提示"}

func builtInDocInputs(t *testing.T) ([]RuleInfo, []Profile) {
	t.Helper()
	engine, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := Profiles()
	if err != nil {
		t.Fatal(err)
	}
	return engine.Rules(), profiles
}

func writeDoc(t *testing.T, infos []RuleInfo, profiles []Profile, opts DocOptions) string {
	t.Helper()
	var out bytes.Buffer
	if err := WriteDoc(&out, infos, profiles, opts); err != nil {
		t.Fatalf("%+v: %v", opts, err)
	}
	return out.String()
}

// Each language renders every rule under its title in that language, labelled in that
// language only, with its area and severity named in it.
func TestMarkdownDocInEachLanguage(t *testing.T) {
	infos, profiles := builtInDocInputs(t)
	for _, lang := range []string{"en", "zh"} {
		doc := writeDoc(t, infos, profiles, DocOptions{Lang: lang, Format: "markdown"})
		mine, other := 0, 1
		if lang == "zh" {
			mine, other = 1, 0
		}
		for _, l := range docLabels {
			if !strings.Contains(doc, "\n| "+l[mine]+" | ") {
				t.Errorf("%s: no row labelled %q", lang, l[mine])
			}
			if strings.Contains(doc, "\n| "+l[other]+" | ") {
				t.Errorf("%s: a row is labelled %q", lang, l[other])
			}
		}
		for _, h := range docHeadings[:2] {
			if !strings.Contains(doc, "\n## "+h[mine]+"\n") || strings.Contains(doc, "## "+h[other]+"\n") {
				t.Errorf("%s: want heading %q and not %q", lang, h[mine], h[other])
			}
		}
		for _, r := range infos {
			title, area, severity := r.Title, r.Area, string(r.Severity)
			if lang == "zh" {
				title = cmp.Or(r.TitleZh, r.Title)
				area, severity = zhAreas[r.Area], zhSeverities[r.Severity]
				if area == "" {
					t.Errorf("%s's area %q has no Chinese name in this test", r.ID, r.Area)
				}
			}
			i := strings.Index(doc, "\n## "+r.ID+" "+title+"\n")
			if i < 0 {
				t.Errorf("%s: no section for %s titled %q", lang, r.ID, title)
				continue
			}
			section, _, _ := strings.Cut(doc[i+1:], "\n## ")
			if !strings.Contains(section, "| "+docLabels[3][mine]+" | "+area+" |\n| "+docLabels[4][mine]+" | "+severity+" |\n") {
				t.Errorf("%s: %s's section does not give area %q and severity %q:\n%s", lang, r.ID, area, severity, section)
			}
			switch {
			case lang == "en" && !strings.Contains(section, "\n**Remediation.** "+r.Remediation+"\n"):
				t.Errorf("en: %s's section lacks its remediation", r.ID)
			case lang == "zh" && !strings.Contains(section, "\n**整改建议。** "+cmp.Or(r.RemediationZh, r.Remediation)+"\n"):
				t.Errorf("zh: %s's section lacks its Chinese remediation", r.ID)
			case lang == "zh" && strings.Contains(section, "**Remediation.**"):
				t.Errorf("zh: %s's section has an English remediation", r.ID)
			}
		}
		if lang == "zh" && !strings.Contains(doc, "规则说明为英文原文") {
			t.Error("zh: the document does not say the descriptions are in English")
		}
	}
}

// The standards section names every source a rule cites, with its edition and its title in
// the document's language; one the table does not hold is listed with —.
func TestDocListsTheStandardsCited(t *testing.T) {
	infos, profiles := builtInDocInputs(t)
	acme := RuleInfo{Rule: reports.Rule{ID: "ACME-001", Title: "Notes are filed", Area: "acme",
		Severity: reports.Info, Standard: "ACME handbook (internal); GB 11643-1999", Clause: "c", Remediation: "r"},
		Package: "data.dgcheck.rules.acme.notes"}
	infos = append(infos, acme)
	for lang, want := range map[string][]string{
		"en": {"| GB 11643-1999 | GB 11643-1999 | Citizen identification number |", "| ACME handbook | — | — |"},
		"zh": {"| GB 11643-1999 | GB 11643-1999 | 公民身份号码 |", "| ACME handbook | — | — |"},
	} {
		doc := writeDoc(t, infos, profiles, DocOptions{Lang: lang})
		_, section, _ := strings.Cut(doc, "\n## "+map[string]string{"en": "Standards cited", "zh": "引用的标准"}[lang]+"\n")
		section, _, _ = strings.Cut(section, "\n## ")
		for _, row := range want {
			if !strings.Contains(section, "\n"+row+"\n") {
				t.Errorf("%s: the standards section has no row %q:\n%s", lang, row, section)
			}
		}
		for _, r := range infos {
			for _, id := range CitedStandards(r.Standard) {
				if !strings.Contains(section, "\n| "+cell(id)+" | ") {
					t.Errorf("%s: %s cites %q, which the standards section does not list", lang, r.ID, id)
				}
			}
		}
		if n := strings.Count(section, "\n| GB 11643-1999 | "); n != 1 {
			t.Errorf("%s: GB 11643-1999 is listed %d times, want once", lang, n)
		}
	}
}

// htmlNode is an element of an HTML document read as XML, the document, or a run of text.
type htmlNode struct {
	name   string
	attr   map[string]string
	isText bool
	text   string
	kids   []*htmlNode
}

// parseHTML reads the documentation's HTML, which is well-formed (every element closed, void
// ones as <meta ... />, every attribute quoted, every character escaped), or fails the test.
func parseHTML(t *testing.T, doc string) *htmlNode {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	root := &htmlNode{}
	stack := []*htmlNode{root}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the HTML is not well-formed: %v", err)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &htmlNode{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.kids = append(top.kids, &htmlNode{isText: true, text: string(tok)})
		}
	}
	if len(stack) != 1 {
		t.Fatalf("the HTML leaves %d elements open", len(stack)-1)
	}
	return root
}

func (n *htmlNode) all(name string) []*htmlNode {
	var out []*htmlNode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

func (n *htmlNode) byID() map[string]*htmlNode {
	ids := map[string]*htmlNode{}
	var walk func(*htmlNode)
	walk = func(n *htmlNode) {
		if id, ok := n.attr["id"]; ok {
			ids[id] = n
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return ids
}

// String is the node's text, its descendants' run together.
func (n *htmlNode) String() string {
	if n.isText {
		return n.text
	}
	var b strings.Builder
	for _, k := range n.kids {
		b.WriteString(k.String())
	}
	return b.String()
}

// checkSelfContained fails the test if the page could run a script or fetch anything: no
// script, no element that loads a resource, no link but to an anchor of the page.
func checkSelfContained(t *testing.T, doc string, root *htmlNode) {
	t.Helper()
	if strings.Contains(strings.ToLower(doc), "<script") {
		t.Error("the HTML has a script")
	}
	for _, name := range []string{"script", "link", "img", "iframe", "object", "embed", "base", "form"} {
		if len(root.all(name)) > 0 {
			t.Errorf("the HTML has a <%s>", name)
		}
	}
	for _, style := range root.all("style") {
		if s := style.String(); strings.Contains(s, "url(") || strings.Contains(s, "@import") {
			t.Errorf("the inline CSS loads a resource: %s", s)
		}
	}
	ids := root.byID()
	var walk func(*htmlNode)
	walk = func(n *htmlNode) {
		for _, a := range []string{"src", "href", "action", "srcset"} {
			v, ok := n.attr[a]
			if !ok {
				continue
			}
			if target, anchor := strings.CutPrefix(v, "#"); !anchor || ids[target] == nil {
				t.Errorf("<%s %s=%q> is not a link to an anchor of the page", n.name, a, v)
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(root)
}

// The HTML documentation is one well-formed, self-contained page in its language: a section
// per rule, anchored by its id, which the coverage table and the index link to.
func TestHTMLDocInEachLanguage(t *testing.T) {
	infos, profiles := builtInDocInputs(t)
	for _, lang := range []string{"en", "zh"} {
		doc := writeDoc(t, infos, profiles, DocOptions{Lang: lang, Format: "html"})
		root := parseHTML(t, doc)
		checkSelfContained(t, doc, root)
		htmls := root.all("html")
		if want := map[string]string{"en": "en", "zh": "zh-CN"}[lang]; len(htmls) != 1 || htmls[0].attr["lang"] != want {
			t.Errorf("%s: want one <html lang=%q>", lang, want)
		}
		if !slices.ContainsFunc(root.all("meta"), func(m *htmlNode) bool { return strings.EqualFold(m.attr["charset"], "utf-8") }) {
			t.Errorf("%s: no <meta charset=\"utf-8\">", lang)
		}
		mine, other := 0, 1
		if lang == "zh" {
			mine, other = 1, 0
		}
		var labels, headings []string
		for _, th := range root.all("th") {
			labels = append(labels, th.String())
		}
		for _, h := range root.all("h2") {
			headings = append(headings, h.String())
		}
		for _, l := range docLabels {
			if !slices.Contains(labels, l[mine]) || slices.Contains(labels, l[other]) {
				t.Errorf("%s: want label %q and not %q", lang, l[mine], l[other])
			}
		}
		for _, h := range docHeadings {
			if !slices.Contains(headings, h[mine]) || slices.Contains(headings, h[other]) {
				t.Errorf("%s: want heading %q and not %q", lang, h[mine], h[other])
			}
		}
		ids := root.byID()
		links := func(section string) []string {
			var to []string
			if s := ids[section]; s != nil {
				for _, a := range s.all("a") {
					to = append(to, a.attr["href"])
				}
			}
			return to
		}
		coverage, index := links("coverage"), links("rules")
		for _, r := range infos {
			title := r.Title
			if lang == "zh" {
				title = cmp.Or(r.TitleZh, r.Title)
			}
			s := ids[r.ID]
			if s == nil || s.name != "section" {
				t.Errorf("%s: no section anchored %s", lang, r.ID)
				continue
			}
			if h := s.all("h2"); len(h) != 1 || h[0].String() != r.ID+" "+title {
				t.Errorf("%s: %s's section is not headed %q", lang, r.ID, r.ID+" "+title)
			}
			if !slices.Contains(coverage, "#"+r.ID) || !slices.Contains(index, "#"+r.ID) {
				t.Errorf("%s: the coverage table or the index does not link %s", lang, r.ID)
			}
			if lang == "zh" && !strings.Contains(s.String(), "严重程度"+zhSeverities[r.Severity]) {
				t.Errorf("zh: %s's section does not name its severity %s", r.ID, zhSeverities[r.Severity])
			}
		}
		standards := ids["standards"]
		if standards == nil {
			t.Fatalf("%s: no standards section", lang)
		}
		want := map[string]string{"en": "GB 11643-1999GB 11643-1999Citizen identification number", "zh": "GB 11643-1999GB 11643-1999公民身份号码"}[lang]
		if !slices.ContainsFunc(standards.all("tr"), func(tr *htmlNode) bool { return tr.String() == want }) {
			t.Errorf("%s: the standards table has no row %q", lang, want)
		}
		if lang == "zh" && !strings.Contains(root.String(), "规则说明为英文原文") {
			t.Error("zh: the page does not say the descriptions are in English")
		}
	}
}

// Annotations are text: the HTML escapes them, and shows a Markdown code span as code.
func TestHTMLDocEscapesAnnotations(t *testing.T) {
	title := `<script>alert("x")</script> & co`
	r := RuleInfo{Rule: reports.Rule{ID: "ACME-001", Title: title, TitleZh: "<b>标题</b>", Area: "acme",
		Severity: reports.Warning, Standard: "ACME <handbook>", Clause: "§1 | a",
		Description: `See <img src="http://example.com/x.png"> and ` + "`a < b`" + `, an odd ` + "` tick.",
		Remediation: `<a href="http://example.com">fix</a>`},
		Package: "data.dgcheck.rules.acme.notes"}
	for _, lang := range []string{"en", "zh"} {
		doc := writeDoc(t, []RuleInfo{r}, nil, DocOptions{Lang: lang, Format: "html"})
		root := parseHTML(t, doc)
		checkSelfContained(t, doc, root)
		s := root.byID()["ACME-001"]
		if s == nil {
			t.Fatalf("%s: no section for ACME-001:\n%s", lang, doc)
		}
		want := map[string]string{"en": title, "zh": "<b>标题</b>"}[lang]
		if h := s.all("h2"); len(h) != 1 || h[0].String() != "ACME-001 "+want {
			t.Errorf("%s: the heading does not read %q as text", lang, want)
		}
		if len(s.all("b")) > 0 || len(s.all("a")) > 0 {
			t.Errorf("%s: an annotation's markup became elements", lang)
		}
		if codes := s.all("code"); !slices.ContainsFunc(codes, func(c *htmlNode) bool { return c.String() == "a < b" }) {
			t.Errorf("%s: the code span is not code", lang)
		}
		if !strings.Contains(s.String(), "an odd ` tick.") {
			t.Errorf("%s: an unpaired backtick is not kept as text", lang)
		}
	}
}

func TestSpans(t *testing.T) {
	for in, want := range map[string][]docSpan{
		"":              nil,
		"plain":         {{Text: "plain"}},
		"a `b` c":       {{Text: "a "}, {Text: "b", Code: true}, {Text: " c"}},
		"`b`":           {{Text: "b", Code: true}},
		"a `b` c `d":    {{Text: "a "}, {Text: "b", Code: true}, {Text: " c `d"}},
		"x `` y":        {{Text: "x "}, {Text: " y"}},
		"`one` `two` t": {{Text: "one", Code: true}, {Text: " "}, {Text: "two", Code: true}, {Text: " t"}},
	} {
		if got := spans(in); !slices.Equal(got, want) {
			t.Errorf("spans(%q) = %v, want %v", in, got, want)
		}
	}
}

// With -o DIR, HTML is the one page index.html; Markdown pages are in the chosen language.
func TestWriteDocPagesInEachFormat(t *testing.T) {
	infos, profiles := builtInDocInputs(t)
	dir := t.TempDir()
	if err := WriteDocPages(dir, infos, profiles, DocOptions{Lang: "zh", Format: "html"}); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "index.html" {
		t.Errorf("HTML pages: %v, want index.html alone", entries)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	root := parseHTML(t, string(page))
	checkSelfContained(t, string(page), root)
	for _, r := range infos {
		if root.byID()[r.ID] == nil {
			t.Errorf("index.html has no section for %s", r.ID)
		}
	}

	md := t.TempDir()
	if err := WriteDocPages(md, infos, profiles, DocOptions{Lang: "zh"}); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(md, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), "\n## 引用的标准\n") || !strings.Contains(string(index), "\n## 规则\n\n| 编号 | 名称 | 领域 | 严重程度 |\n") {
		t.Errorf("the Chinese README.md lacks the standards section or the index:\n%s", index)
	}
	for _, r := range infos {
		page, err := os.ReadFile(filepath.Join(md, r.ID+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(page), "# "+r.ID+" "+cmp.Or(r.TitleZh, r.Title)+"\n") || !strings.Contains(string(page), "\n| 条款 | ") {
			t.Errorf("%s.md is not in Chinese:\n%s", r.ID, page)
		}
		if !strings.Contains(string(index), "["+r.ID+"]("+r.ID+".md)") {
			t.Errorf("the Chinese index does not link %s", r.ID)
		}
	}
}

// A rule's page is a page in either format: in HTML, the rule heads it.
func TestWriteRuleDocInHTML(t *testing.T) {
	infos, profiles := builtInDocInputs(t)
	i := slices.IndexFunc(infos, func(r RuleInfo) bool { return r.ID == "ID-001" })
	if i < 0 {
		t.Fatal("no rule ID-001")
	}
	var out bytes.Buffer
	if err := WriteRuleDoc(&out, infos[i], profiles, DocOptions{Lang: "zh", Format: "html"}); err != nil {
		t.Fatal(err)
	}
	root := parseHTML(t, out.String())
	checkSelfContained(t, out.String(), root)
	h := root.all("h1")
	if len(h) != 1 || h[0].String() != "ID-001 "+infos[i].TitleZh || len(root.all("section")) != 1 {
		t.Errorf("the page is not ID-001's alone, headed by its Chinese title:\n%s", out.String())
	}
}

func TestDocOptionsAreChecked(t *testing.T) {
	for _, opts := range []DocOptions{{Lang: "fr"}, {Format: "pdf"}, {Lang: "zh", Format: "HTML"}} {
		var out bytes.Buffer
		if err := WriteDoc(&out, nil, nil, opts); err == nil || out.Len() > 0 {
			t.Errorf("%+v: err %v, wrote %d bytes; want an error and nothing written", opts, err, out.Len())
		}
		dir := filepath.Join(t.TempDir(), "doc")
		if err := WriteDocPages(dir, nil, nil, opts); err == nil {
			t.Errorf("WriteDocPages %+v: no error", opts)
		}
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("WriteDocPages %+v created its directory (%v)", opts, err)
		}
	}
}
