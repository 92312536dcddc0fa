package reports

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"
)

// HTMLWriter writes one self-contained HTML page for a person deciding on a release: the
// verdict, a chart of the six GB/T 36344 indicator scores, finding counts per area, findings
// grouped by standard and clause with their evidence and masked samples, a table of the
// columns as measured and as declared, and a summary of the metadata. Styles and charts
// (SVG) are inline and a Content-Security-Policy forbids scripts and fetches, so the page
// opens offline and nothing in it can run, whatever the data held. Every value from the data
// or the metadata goes through html/template's escaping.
type HTMLWriter struct {
	Lang string // en or zh: the page's words, rule titles and remediations
}

//go:embed templates/report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"percent": func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) },
	"number":  func(x float64) string { return fmt.Sprintf("%.1f", x) },
}).Parse(htmlSource))

func (hw HTMLWriter) Write(w io.Writer, r *Report) error {
	words, ok := htmlWords[hw.Lang]
	if !ok {
		return fmt.Errorf("html: unknown language %q (want one of %s)", hw.Lang, strings.Join(Langs, ", "))
	}
	page, err := newHTMLPage(r, hw.Lang, words)
	if err != nil {
		return err
	}
	// Render whole before writing, so a template error leaves no half page behind.
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, page); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// htmlPage is what the template renders: the report, arranged and translated.
type htmlPage struct {
	Lang       string // the html lang attribute
	T          map[string]string
	R          *Report
	Title      string
	Conformant bool
	Verdict    string
	Facts      []htmlFact
	Indicators htmlIndicatorChart
	Areas      htmlAreaChart
	Standards  []htmlStandard
	Chart      htmlChartGeometry
	Columns    []htmlColumn
	Metadata   []htmlFact
	Rules      int
}

type htmlFact struct{ Label, Value string }

type htmlIndicatorChart struct {
	Bars    []htmlIndicatorBar
	Height  int
	Overall string   // "87.5 (B)", or "" when no scores
	Capped  []string // one line per indicator an error holds below 90
	Scoring []string // how the scores are computed (docs/scoring.md), in the page's language
}

type htmlIndicatorBar struct {
	Label    string
	Y        int
	Width    float64 // px of the 100-point scale
	Score    string  // "92.3", or "" when not measured
	A, B     int64
	Rules    string // each rule's A/B: "QUAL-007 799/800, QUAL-008 400/400"
	Measured bool
	Class    string // good, fair, poor
}

type htmlAreaChart struct {
	Bars   []htmlAreaBar
	Height int
}

type htmlAreaBar struct {
	Label    string
	Y        int
	Segments []htmlSegment
	Count    int
	CountX   float64
}

type htmlSegment struct {
	Class    string
	X, Width float64
	Count    int
}

type htmlStandard struct {
	Standard string
	Clauses  []htmlClause
}

type htmlClause struct {
	Clause   string
	Findings []htmlFinding
}

type htmlFinding struct {
	Finding
	Title       string
	Remediation string
	Severity    string // translated
	Failing     bool
	Evidence    []evidenceFact
}

type htmlColumn struct {
	Name, CNName, Type, Detected, Level, NullRate, Distinct, Masking string
}

// Chart geometry, in SVG user units: a label column wide enough for the longest area name,
// the 100-point bar, and room after it for the value.
const (
	chartLabelWidth = 200
	chartBarWidth   = 360
	chartRowHeight  = 30
	chartWidth      = chartLabelWidth + chartBarWidth + 100
)

// htmlChartGeometry hands the template the geometry the bars were computed with.
type htmlChartGeometry struct {
	Label, Bar, Value, Width int
}

var chartGeometry = htmlChartGeometry{Label: chartLabelWidth, Bar: chartBarWidth,
	Value: chartLabelWidth + chartBarWidth + 8, Width: chartWidth}

func newHTMLPage(r *Report, lang string, t map[string]string) (*htmlPage, error) {
	meta, err := decodeView[metadataView](r.Metadata)
	if err != nil {
		return nil, fmt.Errorf("html: metadata: %w", err)
	}
	profile, err := decodeView[profileView](r.Profile)
	if err != nil {
		return nil, fmt.Errorf("html: profile: %w", err)
	}
	rules := map[string]Rule{}
	for _, rule := range rulesOf(r) {
		rules[rule.ID] = rule
	}
	p := &htmlPage{Lang: map[string]string{"en": "en", "zh": "zh-CN"}[lang], T: t, R: r,
		Title: cmp.Or(meta.Title.in(lang), r.Dataset.Name), Conformant: r.Verdict.Conformant, Rules: len(r.Rules),
		Chart: chartGeometry}
	switch {
	case r.Verdict.Incomplete:
		p.Verdict = fmt.Sprintf(t["incomplete"], r.Verdict.NotJudged)
	case p.Conformant:
		p.Verdict = t["conformant"]
	default:
		p.Verdict = fmt.Sprintf(t["not_conformant"], r.Verdict.Failing, t[string(r.Verdict.FailOn)])
	}
	d := r.Dataset
	p.Facts = []htmlFact{
		{t["file"], d.Path},
		{t["format"], strings.Join(nonEmpty(d.Format, d.Encoding), ", ")},
		{t["size"], fmt.Sprintf(t["rows_columns"], d.Rows, len(d.Columns))},
		{t["metadata_file"], cmp.Or(d.MetadataPath, t["none"])},
		{t["checked_at"], r.CheckedAt},
		{t["tool"], strings.TrimSpace(r.Tool.Name + " " + r.Tool.Version)},
	}
	p.Indicators = indicatorChart(r.Scores, t)
	p.Areas = areaChart(r, t)
	p.Standards = byStandard(r, rules, lang, t)
	p.Columns = columnTable(r, profile, meta, t)
	p.Metadata = meta.summary(lang, t)
	return p, nil
}

func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return s == "" })
}

func indicatorChart(s *Scores, t map[string]string) htmlIndicatorChart {
	c := htmlIndicatorChart{Height: chartRowHeight * len(Indicators)}
	for _, key := range []string{"scoring_1", "scoring_2", "scoring_3", "scoring_4", "scoring_5"} {
		c.Scoring = append(c.Scoring, t[key])
	}
	if s != nil {
		c.Overall = fmt.Sprintf("%.1f (%s)", s.Overall, s.Grade)
		if s.ScoreGrade != "" {
			c.Overall = fmt.Sprintf(t["overall_capped"], fmt.Sprintf("%.1f", s.Overall), s.Grade, s.ScoreGrade)
		}
	}
	for i, name := range Indicators {
		bar := htmlIndicatorBar{Label: t[name], Y: i * chartRowHeight}
		if s != nil {
			if score, ok := s.Indicators[name]; ok {
				bar.Measured, bar.A, bar.B = true, score.A, score.B
				// The rules rounded down, as they are: the score is never printed higher.
				bar.Score = fmt.Sprintf("%.1f", score.Score)
				var rules []string
				for _, id := range slices.Sorted(maps.Keys(score.ByRule)) {
					rules = append(rules, fmt.Sprintf("%s %d/%d", id, score.ByRule[id].A, score.ByRule[id].B))
				}
				bar.Rules = strings.Join(rules, ", ")
				if len(score.CappedBy) > 0 {
					c.Capped = append(c.Capped, fmt.Sprintf(t["capped_note"], t[name], strings.Join(score.CappedBy, ", ")))
				}
				bar.Width = chartBarWidth * min(max(score.Score, 0), 100) / 100
				// Bands for the eye only; the grade the rules gave is printed beside the chart.
				switch {
				case score.Score >= 90:
					bar.Class = "good"
				case score.Score >= 60:
					bar.Class = "fair"
				default:
					bar.Class = "poor"
				}
			}
		}
		c.Bars = append(c.Bars, bar)
	}
	return c
}

func areaChart(r *Report, t map[string]string) htmlAreaChart {
	groups := byArea(r.Findings)
	most := 1
	for _, g := range groups {
		most = max(most, len(g.Findings))
	}
	c := htmlAreaChart{Height: chartRowHeight * len(groups)}
	for i, g := range groups {
		bar := htmlAreaBar{Label: cmp.Or(t["area_"+g.Area], g.Area), Y: i * chartRowHeight, Count: len(g.Findings)}
		x := 0.0
		for _, sev := range []Severity{Error, Warning, Info} {
			n := 0
			for _, f := range g.Findings {
				if f.Severity == sev {
					n++
				}
			}
			if n == 0 {
				continue
			}
			width := chartBarWidth * float64(n) / float64(most)
			bar.Segments = append(bar.Segments, htmlSegment{Class: string(sev), X: x, Width: width, Count: n})
			x += width
		}
		bar.CountX = x + 6
		c.Bars = append(c.Bars, bar)
	}
	return c
}

// byStandard groups findings by the standard and then the clause their rule encodes, as a
// regulator reads them; within a clause, by severity and id.
func byStandard(r *Report, rules map[string]Rule, lang string, t map[string]string) []htmlStandard {
	var out []htmlStandard
	for _, g := range byArea(r.Findings) {
		for _, f := range g.Findings {
			rule := rules[f.ID]
			hf := htmlFinding{Finding: f, Title: cmp.Or(f.Title, rule.Title), Remediation: f.Remediation,
				Severity: t[string(f.Severity)], Failing: r.failing(f)}
			hf.Message = f.MessageIn(lang)
			if lang == "zh" {
				hf.Title = cmp.Or(rule.TitleZh, hf.Title)
				hf.Remediation = cmp.Or(rule.RemediationZh, hf.Remediation)
			}
			hf.Evidence = readableEvidence(f.Evidence, lang)
			si := slices.IndexFunc(out, func(s htmlStandard) bool { return s.Standard == f.Standard })
			if si < 0 {
				out = append(out, htmlStandard{Standard: f.Standard})
				si = len(out) - 1
			}
			s := &out[si]
			ci := slices.IndexFunc(s.Clauses, func(c htmlClause) bool { return c.Clause == f.Clause })
			if ci < 0 {
				s.Clauses = append(s.Clauses, htmlClause{Clause: f.Clause})
				ci = len(s.Clauses) - 1
			}
			s.Clauses[ci].Findings = append(s.Clauses[ci].Findings, hf)
		}
	}
	slices.SortStableFunc(out, func(a, b htmlStandard) int { return cmp.Compare(a.Standard, b.Standard) })
	for _, s := range out {
		slices.SortStableFunc(s.Clauses, func(a, b htmlClause) int { return cmp.Compare(a.Clause, b.Clause) })
	}
	return out
}

func columnTable(r *Report, profile profileView, meta metadataView, t map[string]string) []htmlColumn {
	fields := map[string]fieldView{}
	for _, f := range meta.Fields {
		if _, seen := fields[f.Name]; seen {
			continue // the first entry is the one rules read; META-016 reports the others
		}
		fields[f.Name] = f
	}
	var out []htmlColumn
	for _, c := range profile.Columns {
		f := fields[c.Name]
		col := htmlColumn{Name: c.Name, CNName: f.CNName, Type: c.InferredType, Level: cmp.Or(levelName(t, f.Level, nil), "—"),
			Masking: "—", Distinct: fmt.Sprint(c.Distinct)}
		if f.Datatype != "" && f.Datatype != c.InferredType {
			col.Type += fmt.Sprintf(t["declared"], f.Datatype)
		}
		if !c.DistinctExact {
			col.Distinct = "≈" + col.Distinct
		}
		if c.Rows > 0 {
			col.NullRate = fmt.Sprintf("%.1f%%", 100*float64(c.Nulls+c.Blanks)/float64(c.Rows))
		}
		present := c.Rows - c.Nulls - c.Blanks
		var detected []string
		if k := c.Classification; k != nil && k.Type != "" {
			// The classifier's verdict, where the profile has one, says more than raw hits.
			detected = append(detected, fmt.Sprintf(t["classified"], cmp.Or(t["detector_"+k.Type], k.Type),
				100*k.Confidence, cmp.Or(t["form_"+k.Form], k.Form)))
		} else {
			for _, name := range slices.Sorted(maps.Keys(c.Detectors)) {
				d := c.Detectors[name]
				if d.Matched == 0 || present <= 0 {
					continue
				}
				detected = append(detected, fmt.Sprintf(t["detected"], cmp.Or(t["detector_"+name], name),
					100*float64(d.Matched)/float64(present), d.Masked))
			}
		}
		col.Detected = cmp.Or(strings.Join(detected, "; "), "—")
		// Masking: the forms the values take, then what the metadata declares.
		var masking []string
		if fm := c.Forms; fm != nil && present > 0 {
			for _, form := range []struct {
				name string
				n    int64
			}{{"masked", fm.Masked}, {"hashed", fm.Hashed}, {"tokenised", fm.Tokenised},
				{"generalised", fm.Generalised}, {"suppressed", fm.Suppressed}} {
				if form.n > 0 {
					masking = append(masking, fmt.Sprintf("%s %.0f%%", t["form_"+form.name], 100*float64(form.n)/float64(present)))
				}
			}
		}
		if len(f.Masking) > 0 {
			var declared []string
			for _, k := range slices.Sorted(maps.Keys(f.Masking)) {
				declared = append(declared, fmt.Sprintf("%s: %v", k, f.Masking[k]))
			}
			masking = append(masking, fmt.Sprintf(t["masking_declared"], strings.Join(declared, ", ")))
		}
		col.Masking = cmp.Or(strings.Join(masking, "; "), "—")
		out = append(out, col)
	}
	if len(out) == 0 {
		// No profile (a report a library caller built): still list the columns read.
		for _, name := range r.Dataset.Columns {
			f := fields[name]
			out = append(out, htmlColumn{Name: name, CNName: f.CNName, Type: cmp.Or(f.Datatype, "—"),
				Detected: "—", Level: cmp.Or(levelName(t, f.Level, nil), "—"), NullRate: "—", Distinct: "—", Masking: "—"})
		}
	}
	return out
}

// decodeView reads the part of a report's Profile or Metadata (whatever value the caller
// put there: the checkers' and datasets' types, or decoded JSON) that the page shows, through
// its JSON form, so that reports need not import the packages that measure and read.
func decodeView[V any](v any) (V, error) {
	var view V
	if v == nil {
		return view, nil
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return view, err
	}
	err = json.Unmarshal(raw, &view)
	return view, err
}

// profileView is the part of the checkers' profile (docs/profile.schema.json) the page shows.
type profileView struct {
	Columns []struct {
		Name          string `json:"name"`
		Rows          int64  `json:"rows"`
		Nulls         int64  `json:"nulls"`
		Blanks        int64  `json:"blanks"`
		Distinct      int64  `json:"distinct"`
		DistinctExact bool   `json:"distinct_exact"`
		InferredType  string `json:"inferred_type"`
		Detectors     map[string]struct {
			Matched int64 `json:"matched"`
			Masked  int64 `json:"masked"`
		} `json:"detectors"`
		Classification *struct {
			Type       string  `json:"type"`
			Confidence float64 `json:"confidence"`
			Form       string  `json:"form"`
		} `json:"classification"`
		Forms *struct {
			Masked      int64 `json:"masked"`
			Hashed      int64 `json:"hashed"`
			Tokenised   int64 `json:"tokenised"`
			Generalised int64 `json:"generalised"`
			Suppressed  int64 `json:"suppressed"`
		} `json:"forms"`
	} `json:"columns"`
}

// metadataView is the part of the metadata model (rules/schemas/dgcheck/input.json,
// definitions.metadata) the page shows.
type metadataView struct {
	Title       text   `json:"title"`
	Description text   `json:"description"`
	Identifier  string `json:"identifier"`
	Publisher   struct {
		Name string `json:"name"`
		Dept string `json:"dept"`
	} `json:"publisher"`
	ContactPoint struct {
		Email string `json:"email"`
		Phone string `json:"phone"`
	} `json:"contact_point"`
	Issued             string   `json:"issued"`
	Modified           string   `json:"modified"`
	AccrualPeriodicity string   `json:"accrual_periodicity"`
	Keywords           []string `json:"keywords"`
	Spatial            string   `json:"spatial"`
	Temporal           struct {
		Start string `json:"start"`
		End   string `json:"end"`
	} `json:"temporal"`
	License     string `json:"license"`
	RecordCount *int64 `json:"record_count"`
	CN          struct {
		OpenType  string `json:"open_type"`
		ShareType string `json:"share_type"`
	} `json:"cn"`
	Classification struct {
		Level           string `json:"level"`
		GeneralSublevel *int   `json:"general_sublevel"`
		Sector          string `json:"sector"`
	} `json:"classification"`
	PI struct {
		ContainsPI          *bool `json:"contains_pi"`
		ContainsSensitivePI *bool `json:"contains_sensitive_pi"`
	} `json:"pi"`
	Fields []fieldView `json:"fields"`
}

type fieldView struct {
	Name     string         `json:"name"`
	CNName   string         `json:"cn_name"`
	Datatype string         `json:"datatype"`
	Level    string         `json:"level"`
	Masking  map[string]any `json:"masking"`
}

// text is a value per language; in picks the page's language, else any other.
type text map[string]string

func (t text) in(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if t[k] != "" {
			return t[k]
		}
	}
	return ""
}

// summary lists what the metadata declares, in the order a catalogue entry gives it; what it
// leaves out is left out here too (the metadata rules say what is missing).
func (m metadataView) summary(lang string, t map[string]string) []htmlFact {
	var facts []htmlFact
	add := func(key, value string) {
		if value != "" {
			facts = append(facts, htmlFact{t[key], value})
		}
	}
	yesNo := func(b *bool) string {
		if b == nil {
			return ""
		}
		return map[bool]string{true: t["yes"], false: t["no"]}[*b]
	}
	add("md_title", m.Title.in(lang))
	add("md_description", m.Description.in(lang))
	add("md_identifier", m.Identifier)
	add("md_publisher", strings.Join(nonEmpty(m.Publisher.Name, m.Publisher.Dept), " · "))
	add("md_contact", strings.Join(nonEmpty(m.ContactPoint.Email, m.ContactPoint.Phone), " · "))
	add("md_issued", m.Issued)
	add("md_modified", m.Modified)
	add("md_periodicity", m.AccrualPeriodicity)
	if m.Temporal.Start != "" || m.Temporal.End != "" {
		add("md_temporal", m.Temporal.Start+" – "+m.Temporal.End)
	}
	add("md_spatial", m.Spatial)
	add("md_keywords", strings.Join(m.Keywords, ", "))
	add("md_license", m.License)
	if m.RecordCount != nil {
		add("md_records", fmt.Sprint(*m.RecordCount))
	}
	add("md_open_type", m.CN.OpenType)
	add("md_share_type", m.CN.ShareType)
	add("md_level", levelName(t, m.Classification.Level, m.Classification.GeneralSublevel))
	add("md_sector", m.Classification.Sector)
	add("md_contains_pi", yesNo(m.PI.ContainsPI))
	add("md_contains_sensitive_pi", yesNo(m.PI.ContainsSensitivePI))
	return facts
}

// levelName writes a grade in the report's language: a declared level (core, important,
// general, or their Chinese names) with its general sub-level, or a grading model's
// general-N, as "general data, level 2" or "一般数据 2 级". Other levels (JR/T 0197's 1-5, a
// pack's own) are shown as declared.
func levelName(t map[string]string, level string, sub *int) string {
	level = strings.TrimSpace(level)
	grade, n := level, ""
	if g, s, ok := strings.Cut(level, "-"); ok && g == "general" {
		grade, n = g, s
	}
	if sub != nil {
		n = fmt.Sprint(*sub)
	}
	switch grade {
	case "core", "核心", "核心数据":
		return t["level_core"]
	case "important", "重要", "重要数据":
		return t["level_important"]
	case "general", "一般", "一般数据":
		if n != "" {
			return fmt.Sprintf(t["level_general_n"], n)
		}
		return t["level_general"]
	}
	return level
}
