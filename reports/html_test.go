package reports_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

func writeHTML(t *testing.T, r *reports.Report, lang string) string {
	t.Helper()
	w, err := reports.WriterFor("html", reports.WithLang(lang))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := w.Write(&out, r); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// hostileReport carries markup wherever data or metadata reach the page: a column name, a
// finding's message and sample, the metadata's title and a field's masking.
func hostileReport() *reports.Report {
	const script = `<script>document.body.dataset.pwned="1"</script>`
	r := failingReport()
	r.Dataset.Columns = append(r.Dataset.Columns, script)
	r.Findings[1].Column = script
	r.Findings[1].Message = script + ": 1 of 1 values"
	r.Findings[1].Samples = []reports.Sample{{Row: 7, Value: `<img src=x onerror=alert(1)>`}}
	r.Notices = append(r.Notices, `</title><script>alert(2)</script>`)
	r.Metadata = map[string]any{"title": map[string]any{"en": script}, "fields": []any{
		map[string]any{"name": script, "masking": map[string]any{"pattern": `"><svg onload=alert(3)>`}}}}
	r.Profile = map[string]any{"columns": []any{columnProfile(script, 0, "string", map[string]any{})}}
	return r
}

func TestHTMLEscapesEverythingFromTheData(t *testing.T) {
	for _, lang := range reports.Langs {
		page := writeHTML(t, hostileReport(), lang)
		for _, raw := range []string{"<script", "<img", "<svg onload", "</title><script"} {
			if strings.Contains(page, raw) {
				t.Errorf("%s page holds %q unescaped", lang, raw)
			}
		}
		if !strings.Contains(page, "&lt;script&gt;document.body.dataset.pwned=&#34;1&#34;&lt;/script&gt;") {
			t.Errorf("%s page does not show the script cell as text", lang)
		}
	}
}

// The page is one file: nothing it refers to is fetched, and its policy forbids scripts
// and fetches even if markup slipped through.
func TestHTMLIsSelfContained(t *testing.T) {
	page := writeHTML(t, failingReport(), "en")
	if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`) {
		t.Error("no Content-Security-Policy that forbids scripts and fetches")
	}
	for _, pattern := range []string{`(?i)<script`, `(?i)\ssrc=`, `(?i)<link`, `(?i)href="?https?:`, `(?i)url\(`, `@import`} {
		if regexp.MustCompile(pattern).MatchString(page) {
			t.Errorf("the page matches %s: it would fetch or run something", pattern)
		}
	}
}

func TestHTMLChartsTheIndicatorsAndAreas(t *testing.T) {
	page := writeHTML(t, failingReport(), "en")
	// Three indicators measured (completeness 99.9, accuracy 99.8, normativity 40), three not.
	for _, want := range []string{
		`<rect class="good" x="200" y="4" width="359.6"`, // 99.9 of 360 px
		`<rect class="poor" x="200" y="4" width="144.0"`, // 40 of 360 px
		"Overall: 71.5 (C)",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := strings.Count(page, `class="unmeasured"`); n != 3 {
		t.Errorf("%d indicators drawn as not measured, want 3", n)
	}
	// Without scores the six indicators are all shown as not measured, not left out.
	if n := strings.Count(writeHTML(t, cleanReport(), "en"), `class="unmeasured"`); n != 6 {
		t.Errorf("a report without scores draws %d unmeasured indicators, want 6", n)
	}
	// The area chart: quality has an error and a (waived) warning.
	if !regexp.MustCompile(`(?s)<text x="0" y="19">Data quality</text>\s*<g transform="translate\(200,0\)">\s*<rect class="error"[^>]*><title>error: 1</title></rect>\s*<rect class="warning"[^>]*><title>warning: 1</title>`).MatchString(page) {
		t.Error("the area chart does not stack quality's error and warning")
	}
}

func TestHTMLSpeaksTheChosenLanguage(t *testing.T) {
	zh := writeHTML(t, failingReport(), "zh")
	en := writeHTML(t, failingReport(), "en")
	for _, want := range []string{`<html lang="zh-CN">`, "不符合：5 项发现达到或超过“错误”级别", "数据集有非空名称", "在源头补齐缺失值。",
		"规范性", "按标准条款列示的发现"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh page lacks %q", want)
		}
	}
	// A rule without a Chinese title falls back to its English one.
	if !strings.Contains(zh, "Rows are not repeated") {
		t.Error("zh page lost the title of a rule that has no Chinese one")
	}
	for _, want := range []string{`<html lang="en">`, "NOT CONFORMANT: 5 findings at or above error", "Dataset has a non-empty title",
		"Fill the missing values at the source."} {
		if !strings.Contains(en, want) {
			t.Errorf("en page lacks %q", want)
		}
	}
	if strings.Contains(en, "数据集有非空名称") {
		t.Error("en page shows the Chinese title")
	}
	if _, err := reports.WriterFor("html", reports.WithLang("fr")); err == nil || !strings.Contains(err.Error(), "en, zh") {
		t.Errorf("WriterFor(html, fr) error %v, want one listing en, zh", err)
	}
}

// The column table shows the classifier's verdict and the forms the values take beside what
// the metadata declares.
func TestHTMLColumnTable(t *testing.T) {
	for lang, want := range map[string]string{
		"en": `<td><span class="mono">mobile</span> <span class="cn">联系电话</span></td><td>string</td><td>mobile (confidence 98%, masked)</td><td>general data, level 3</td><td class="num">0.0%</td><td class="num">3</td><td>masked 100%; declared pattern: mobile_3_4</td>`,
		"zh": `<td>手机号（置信度 98%，屏蔽）</td><td>一般数据 3 级</td><td class="num">0.0%</td><td class="num">3</td><td>屏蔽 100%; 声明 pattern: mobile_3_4</td>`,
	} {
		if page := writeHTML(t, cleanReport(), lang); !strings.Contains(page, want) {
			t.Errorf("%s column table lacks %s", lang, want)
		}
	}
}

func TestHTMLGroupsFindingsByStandardAndClause(t *testing.T) {
	page := writeHTML(t, failingReport(), "en")
	// GB/T 36344-2018 holds QUAL-007 and QUAL-011 under their two clauses, in clause order.
	i := strings.Index(page, "<h3>GB/T 36344-2018</h3>")
	j := strings.Index(page, "Clause: 5 指标说明, indicator 准确性/数据重复率")
	k := strings.Index(page, "Clause: 5 指标说明, indicator 完整性/数据元素完整性")
	if i < 0 || j < i || k < j {
		t.Errorf("standard at %d, its clauses at %d and %d", i, j, k)
	}
	for _, want := range []string{
		"Measure: 798 of 800 conform, X = 0.9975",
		`Rows: 17 (<span class="mono">110105********002X</span>)`,
		"Waived until 2025-12-31 by data-owner@hongshan.example",
		`<td><span class="mono">sfzh</span> <span class="cn">身份证号</span></td>`,
		"Declared level</dt><dd>general data, level 2",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
