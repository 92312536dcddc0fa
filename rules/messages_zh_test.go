package rules

import (
	"context"
	"encoding/binary"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dgcheck/dgcheck/reports"
)

// Every finding a built-in rule reports carries its message in Chinese too (message_zh), for
// reports written in Chinese. The static tests read the embedded bundle's Rego source; the
// dynamic one runs the engine and looks at the findings themselves.

const (
	rulesDir = "bundle/dgcheck/rules"
	libDir   = "bundle/dgcheck/lib"
)

var (
	messageKey   = regexp.MustCompile(`"message"\s*:`)
	messageZhKey = regexp.MustCompile(`"message_zh"\s*:`)
	// The value of a message_zh key when it is a string or a sprintf template: its literal.
	messageZhLiteral = regexp.MustCompile("\"message_zh\"\\s*:\\s*(?:sprintf\\(\\s*)?(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)")
	// The value of a message_zh key when it names a rule or function: its name.
	messageZhName = regexp.MustCompile(`"message_zh"\s*:\s*((?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*))\s*(?:\(|,|\n|\})`)
)

// regoSource is one embedded Rego file, without its comments.
type regoSource struct {
	path string
	text string
	mod  *ast.Module
}

func readRegoSources(t *testing.T, dir string) []regoSource {
	t.Helper()
	var out []regoSource
	err := fs.WalkDir(embedded, dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		raw, err := fs.ReadFile(embedded, path)
		if err != nil {
			return err
		}
		mod, err := ast.ParseModuleWithOpts(path, string(raw), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		if err != nil {
			return err
		}
		out = append(out, regoSource{path: path, text: stripRegoComments(string(raw)), mod: mod})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no Rego source under %s", dir)
	}
	return out
}

// stripRegoComments drops comment lines (METADATA annotations among them), which may mention
// "message" without building one. Rego has no trailing comments inside strings we write.
func stripRegoComments(src string) string {
	var b strings.Builder
	for line := range strings.Lines(src) {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			b.WriteString("\n")
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// bilingualHelpers are the calls of lib functions whose value is a finding's details with both
// a message and a message_zh (identifiers.below): "<package's last segment>.<name>(". A call of
// one counts as one of each.
func bilingualHelpers(t *testing.T, libs []regoSource) []string {
	t.Helper()
	var calls []string
	for _, src := range libs {
		pkg := src.mod.Package.Path
		alias := strings.Trim(pkg[len(pkg)-1].Value.String(), `"`)
		for _, r := range src.mod.Rules {
			if len(r.Head.Args) == 0 || r.Head.Value == nil {
				continue
			}
			obj, ok := r.Head.Value.Value.(ast.Object)
			if !ok || obj.Get(ast.StringTerm("message")) == nil {
				continue
			}
			name := r.Head.Name.String()
			if len(r.Head.Reference) > 0 {
				name = strings.Trim(r.Head.Reference[len(r.Head.Reference)-1].String(), `"`)
			}
			if obj.Get(ast.StringTerm("message_zh")) == nil {
				t.Errorf("rules/%s: %s builds a finding's details with a message but no message_zh", src.path, name)
				continue
			}
			calls = append(calls, alias+"."+name+"(")
		}
	}
	slices.Sort(calls)
	return slices.Compact(calls)
}

func hasCJK(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// TestBuiltInRulesGiveMessageZh: in every built-in rule and lib file, each "message" key of a
// finding's details has a "message_zh" beside it (message_zh at least as many as message,
// counting a call of a bilingual lib helper as one of each), every rule body that reports a
// finding gives one, and every message_zh template is Chinese.
func TestBuiltInRulesGiveMessageZh(t *testing.T) {
	libs := readRegoSources(t, libDir)
	rules := readRegoSources(t, rulesDir)
	helpers := bilingualHelpers(t, libs)
	if !slices.Contains(helpers, "identifiers.below(") {
		t.Errorf("identifiers.below is not found as a helper that builds message and message_zh (found %q)", helpers)
	}

	// Templates of named rules and functions, for message_zh values that name one.
	all := append(slices.Clone(libs), rules...)
	templateOf := func(src regoSource, name string) []string {
		def := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + "(?:\\([^)]*\\))?\\s*:=\\s*sprintf\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)")
		var found []string
		for _, s := range append([]regoSource{src}, all...) {
			for _, m := range def.FindAllStringSubmatch(s.text, -1) {
				found = append(found, m[1])
			}
			if len(found) > 0 {
				return found
			}
		}
		return nil
	}

	rulesSeen := 0
	for _, src := range all {
		isRule := strings.HasPrefix(src.path, rulesDir+"/")
		if isRule {
			rulesSeen++
		}
		messages := len(messageKey.FindAllStringIndex(src.text, -1))
		zh := len(messageZhKey.FindAllStringIndex(src.text, -1))
		for _, h := range helpers {
			n := strings.Count(src.text, h)
			if strings.HasPrefix(src.path, libDir+"/") {
				// A lib's own definition of the helper is not a call.
				n = 0
			}
			messages += n
			zh += n
		}
		if zh < messages {
			t.Errorf("rules/%s: %d \"message\" keys but %d \"message_zh\": give each finding its message in Chinese", src.path, messages, zh)
		}

		for _, m := range messageZhLiteral.FindAllStringSubmatch(src.text, -1) {
			if !hasCJK(m[1]) {
				t.Errorf("rules/%s: message_zh %s has no Chinese", src.path, m[1])
			}
		}
		for _, m := range messageZhName.FindAllStringSubmatch(src.text, -1) {
			if m[1] == "sprintf" {
				continue
			}
			templates := templateOf(src, m[2])
			if len(templates) == 0 {
				t.Errorf("rules/%s: message_zh is %s, whose sprintf template is not found", src.path, m[1])
			}
			for _, tmpl := range templates {
				if !hasCJK(tmpl) {
					t.Errorf("rules/%s: message_zh %s has the template %s, with no Chinese", src.path, m[1], tmpl)
				}
			}
		}

		if !isRule {
			continue
		}
		// Each rule (or function) body that reports a finding gives it a Chinese message:
		// a message_zh key, or a bilingual helper's details.
		for _, r := range src.mod.Rules {
			text := stripRegoComments(string(r.Location.Text))
			if !strings.Contains(text, "result.finding(") {
				continue
			}
			ok := messageZhKey.MatchString(text)
			for _, h := range helpers {
				ok = ok || strings.Contains(text, h)
			}
			if !ok {
				t.Errorf("rules/%s:%d: %s reports a finding with neither message_zh nor a helper that builds it", src.path, r.Location.Row, r.Head.Name)
			}
		}
	}
	if rulesSeen < 100 {
		t.Errorf("read %d built-in rule files; expected the bundle's 121 or so", rulesSeen)
	}
}

// TestEveryFindingHasAChineseMessage runs the engine over the household fixture and over the
// property test's generated inputs, and requires of every finding a Chinese message_zh.
func TestEveryFindingHasAChineseMessage(t *testing.T) {
	gen, engine := propertyFixture(t)
	ctx := context.Background()
	rulesWithFindings := map[string]bool{}
	check := func(where string, findings []reports.Finding) {
		t.Helper()
		for _, f := range findings {
			rulesWithFindings[f.ID] = true
			if f.MessageZh == "" || !hasCJK(f.MessageZh) {
				t.Errorf("%s: %s finding (%s) has message_zh %q; want its message in Chinese", where, f.ID, f.Message, f.MessageZh)
			}
		}
	}

	findings, err := engine.Evaluate(ctx, decodeInput(t, household))
	if err != nil {
		t.Fatal(err)
	}
	check("household", findings)

	n := 150
	if testing.Short() {
		n = 30
	}
	deadline := time.Now().Add(20 * time.Second)
	for i := range n {
		if time.Now().After(deadline) {
			t.Logf("stopped after %d of %d generated inputs: time bound", i, n)
			break
		}
		seed := make([]byte, 8)
		binary.LittleEndian.PutUint64(seed, uint64(i))
		j, err := engine.Judge(ctx, gen.input(seed))
		if err != nil {
			t.Fatalf("seed %x: %v", seed, err)
		}
		check(fmt.Sprintf("seed %x", seed), j.Findings)
	}
	t.Logf("%d rules reported findings, each with a Chinese message", len(rulesWithFindings))
}
