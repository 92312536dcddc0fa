package rules

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/reports"
)

// The property: whatever metadata a user writes and whatever the scan measured, every built-in
// rule evaluates. A rule that errors on odd input costs the user the whole check (today) or
// that rule's verdict (once Judge reports tool errors per rule), so the rules guard on types
// and pick one value by design where several could apply. The generator below walks the
// metadata JSON Schema for the keys a sidecar may hold and the input JSON Schema for the
// profile's shape, and fills them with valid values, wrong types and edge values.

// evaluationFailures is what Judge says went wrong in evaluating the rules: its error, which
// stops every rule, and a tool error per rule that could not be judged. The property test
// asserts through this one helper so that a change of Judge's contract touches nothing else.
func evaluationFailures(j *Judgement, err error) []string {
	var failures []string
	if err != nil {
		failures = append(failures, err.Error())
	}
	if j != nil {
		for _, te := range j.ToolErrors {
			failures = append(failures, fmt.Sprintf("%s: %s (%s; %s)", te.Rule, te.Error, te.Location, te.Cause))
		}
	}
	return failures
}

// TestBundleNeverFailsToEvaluate runs a fixed set of generated cases: the same ones on every
// run, so a failure here is reproducible by its case number as well as by the input printed.
func TestBundleNeverFailsToEvaluate(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 60
	}
	gen, engine := propertyFixture(t)
	deadline := time.Now().Add(25 * time.Second)
	failures := 0
	for i := range n {
		if time.Now().After(deadline) {
			// The bound keeps `go test ./...` quick on a loaded machine; the cases skipped are
			// the same every run and the fuzz target covers far more.
			t.Logf("stopped after %d of %d cases: time bound", i, n)
			break
		}
		seed := make([]byte, 8)
		binary.LittleEndian.PutUint64(seed, uint64(i))
		if !checkCase(t, gen, engine, seed) {
			if failures++; failures >= 3 {
				t.Fatal("stopping after 3 failing cases")
			}
		}
	}
}

// FuzzBundle feeds the fuzzer's bytes to the generator as its seed.
func FuzzBundle(f *testing.F) {
	// Hand-made seeds: short, empty and patterned inputs, and the seeds of the fixed-seed test's
	// first cases.
	f.Add([]byte{})
	f.Add([]byte("dgcheck"))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	f.Add([]byte("9999-12-31"))
	f.Add([]byte("0001-01-01 detect_min_rate 0"))
	for i := range uint64(4) {
		seed := make([]byte, 8)
		binary.LittleEndian.PutUint64(seed, i)
		f.Add(seed)
	}
	gen, engine := propertyFixture(f)
	f.Fuzz(func(t *testing.T, seed []byte) {
		checkCase(t, gen, engine, seed)
	})
}

// checkCase judges the input seed generates and reports each evaluation failure with that
// input, ready to save as a test fixture. It says whether the case passed.
func checkCase(t *testing.T, gen *generator, engine *Engine, seed []byte) bool {
	t.Helper()
	in := gen.input(seed)
	j, err := engine.Judge(context.Background(), in)
	// The scores must agree with the findings too, whatever the input (the generator sets
	// no fail_on, so error fails).
	failures := append(evaluationFailures(j, err), scoreViolations(j, reports.Error)...)
	if len(failures) == 0 {
		return true
	}
	raw, _ := json.MarshalIndent(map[string]any{
		"dataset": in.Dataset, "metadata": in.Metadata, "profile": in.Profile, "options": in.Options,
	}, "", "  ")
	t.Errorf("seed %x: the rules failed to evaluate:\n%s\ninput:\n%s", seed, strings.Join(failures, "\n"), raw)
	return false
}

var (
	fixtureOnce   sync.Once
	fixtureGen    *generator
	fixtureEngine *Engine
	fixtureErr    error
)

// propertyFixture loads the engine and the generator's schemas once per process: the fuzzer
// calls the target many times and compiling the bundle takes a while.
func propertyFixture(tb testing.TB) (*generator, *Engine) {
	tb.Helper()
	fixtureOnce.Do(func() {
		fixtureGen, fixtureErr = newGenerator()
		if fixtureErr == nil {
			fixtureEngine, fixtureErr = Load(context.Background())
		}
	})
	if fixtureErr != nil {
		tb.Fatal(fixtureErr)
	}
	return fixtureGen, fixtureEngine
}

// generator builds inputs from the two schemas and the bundle's own vocabulary.
type generator struct {
	metaSchema  map[string]any // datasets/metadata.schema.json
	inputSchema map[string]any // rules/schemas/dgcheck/input.json
	thresholds  []string       // data.dgcheck.config.thresholds, sorted
	defaults    map[string]float64
	words       []string // every string and key of the bundle's data: valid vocabulary
}

// Real detector names and their traits, as a profile of examples/dibao prints them
// (checkers/detect).
var detectorTraits = map[string][]string{
	"address":        {"precise"},
	"bank_card":      {"bad_luhn", "unionpay"},
	"cn_org_code":    {"bad_check_char"},
	"cn_passport":    {},
	"cn_region_code": {"retired"},
	"cn_resident_id": {"bad_birth_date", "bad_check_digit", "legacy_15", "unknown_region"},
	"cn_uscc":        {"bad_check_char", "bad_org_code"},
	"coordinate":     {"cn_lat_range", "cn_lon_range", "pair", "precise"},
	"email":          {},
	"fixed_line":     {"implausible"},
	"hkmo_permit":    {"home_return"},
	"ip_address":     {"ipv6", "link_local", "loopback", "private"},
	"mobile":         {"unallocated_segment"},
	"person_name":    {"transliterated"},
	"postcode":       {},
	"tw_permit":      {},
	"vehicle_plate":  {"new_energy"},
}

// Column names shared by the profile and the metadata, so that fields, keys, qi_columns and
// business rules name real columns often enough to reach the rules' deeper branches.
var columnNames = []string{"sfzh", "name", "mobile", "sex", "birth_date", "postcode", "region", "code",
	"amount", "start_date", "end_date", "email", "remark", "lat", "age", "列"}

// Keys of the profile's free maps, by the map's name.
var mapKeys = map[string][]string{
	"kinds":           {"boolean", "date", "datetime", "integer", "number", "string"},
	"missing_tokens":  {"NA", "-", "null", "无"},
	"dirty":           {"sentinel", "mojibake", "control", "fullwidth", "ideographic_space"},
	"hashes":          {"md5_hex", "sha1_hex", "sha256_hex", "md5_base64", "sha1_base64", "sha256_base64"},
	"generalisations": {"year", "year_month", "year_band", "age_band", "region_4", "region_2"},
	"decimal_places":  {"0", "2", "6", "15"},
	"constraints": {"type", "minimum", "maximum", "min_length", "max_length", "pattern", "enum", "code_list",
		"standard", "temporal_coverage"},
}

// Dates that are valid, impossible, or outside what time.parse_ns reaches (1677-2262).
var dates = []string{"2025-07-05", "2026-12-04", "2027-01-01", "9999-12-31", "0001-01-01", "1600-01-01",
	"2026-02-30", "2024-02-29", "2025-02-29", "2262-04-12", "1677-09-21", "2025-07-05T10:00:00Z",
	"2025-07-05T10:00", "9999-12-31T23:59:59+08:00", "0000-01-01", "2025-13-01", "2025-7-5", "20250705",
	"2025-07-05T24:00:00Z", "1900-01-01"}

// Strings no vocabulary holds: empty, blank, long, unicode, regex metacharacters.
var oddStrings = []string{"", " ", "\t\n", strings.Repeat("长", 300), strings.Repeat("x", 1000), "😀🇨🇳",
	"\u0000", "(", "[a-", `\`, "%s%d%v", "null", "true", "0", "-1", "1e308", "NaN", "../../etc/passwd",
	"ＡＢＣ", "\u3000", "110105194912310029", "13800138000"}

func newGenerator() (*generator, error) {
	g := &generator{defaults: map[string]float64{}}
	raw, err := os.ReadFile("../datasets/metadata.schema.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &g.metaSchema); err != nil {
		return nil, fmt.Errorf("metadata schema: %w", err)
	}
	if err := json.Unmarshal(InputSchema(), &g.inputSchema); err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	// The bundle's data as files, not through the loader: the generator needs only its words.
	data := map[string]any{}
	for _, file := range []string{"bundle/dgcheck/config/data.yaml", "bundle/dgcheck/grading/data.yaml"} {
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var doc any
		if err := yaml.Unmarshal(raw, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		data[file] = doc
	}
	thresholds, _ := data["bundle/dgcheck/config/data.yaml"].(map[string]any)["thresholds"].(map[string]any)
	for name, v := range thresholds {
		g.thresholds = append(g.thresholds, name)
		switch x := v.(type) {
		case int:
			g.defaults[name] = float64(x)
		case float64:
			g.defaults[name] = x
		}
	}
	sort.Strings(g.thresholds)
	if len(g.thresholds) == 0 {
		return nil, fmt.Errorf("the bundle has no thresholds")
	}
	words := map[string]bool{}
	var collect func(v any)
	collect = func(v any) {
		switch v := v.(type) {
		case string:
			words[v] = true
		case map[string]any:
			for k, x := range v {
				words[k] = true
				collect(x)
			}
		case []any:
			for _, x := range v {
				collect(x)
			}
		}
	}
	collect(data)
	for w := range words {
		g.words = append(g.words, w)
	}
	sort.Strings(g.words)
	return g, nil
}

// rnd is one case's source of choices.
type rnd struct{ *rand.Rand }

func (r rnd) chance(p float64) bool { return r.Float64() < p }

func pick[T any](r rnd, xs []T) T { return xs[r.IntN(len(xs))] }

// input generates one case from seed: the same seed, the same input.
func (g *generator) input(seed []byte) Input {
	h1, h2 := fnv.New64a(), fnv.New64()
	h1.Write(seed)
	h2.Write(seed)
	r := rnd{rand.New(rand.NewPCG(h1.Sum64(), h2.Sum64()))}

	profile := g.profile(r)
	columns := []any{}
	for _, c := range profile["columns"].([]any) {
		columns = append(columns, c.(map[string]any)["name"])
	}
	dataset := g.fromSchema(r, g.inputSchema, g.inputSchema["properties"].(map[string]any)["dataset"], nil, false, 0).(map[string]any)
	dataset["columns"], dataset["rows"] = columns, profile["rows"]

	var metadata any = map[string]any{}
	if !r.chance(0.05) {
		metadata = g.fromSchema(r, g.metaSchema, g.metaSchema, nil, true, 0)
	}

	options := map[string]any{"now": "2026-12-04T00:00:00Z"}
	if r.chance(0.7) {
		thresholds := map[string]any{}
		for _, name := range g.thresholds {
			if r.chance(0.3) {
				if x, ok := g.threshold(r, name); ok {
					thresholds[name] = x
				}
			}
		}
		options["thresholds"] = thresholds
	}
	if r.chance(0.3) {
		options["grading_model"] = pick(r, []string{"gbt43697", "jrt0197"})
	}
	return Input{Dataset: dataset, Metadata: metadata, Profile: profile, Options: options}
}

// threshold is a value for the named threshold: 0, 1, its default, its range's ends, or an
// extreme, among those its range admits (Judge refuses the others as input errors, as
// dgcheck.yaml does, before any rule runs).
func (g *generator) threshold(r rnd, name string) (float64, bool) {
	candidates := []float64{0, 1, g.defaults[name], 0.5, -1, 2, 1e-9, 1e9, 1e308, -1e308}
	if ranges, err := ThresholdRanges(); err == nil {
		rg := ranges[name]
		candidates = append(candidates, rg.OneOf...)
		for _, end := range []*float64{rg.Min, rg.Max} {
			if end != nil {
				candidates = append(candidates, *end)
			}
		}
	}
	admitted := slices.DeleteFunc(candidates, func(x float64) bool { return CheckThreshold(name, x) != nil })
	if len(admitted) == 0 {
		return 0, false
	}
	return pick(r, admitted), true
}

// profile generates a profile of the documented shape whose counts agree with each other as a
// scan's do (nulls and detector hits within the rows, failures within the values checked):
// the scan writes the profile, so the rules may rely on its arithmetic, not on its values.
func (g *generator) profile(r rnd) map[string]any {
	profileSchema := g.resolve(g.inputSchema, g.inputSchema["properties"].(map[string]any)["profile"])
	p := g.fromSchema(r, g.inputSchema, profileSchema, []string{"profile"}, false, 0).(map[string]any)
	rows := pick(r, []int64{0, 1, 2, 3, 10, 2000, 1000001})
	p["rows"] = rows
	cols := []any{}
	names := slices.Clone(columnNames)
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	colSchema := g.resolve(g.inputSchema, map[string]any{"$ref": "#/definitions/column"})
	for i := range r.IntN(6) {
		c := g.fromSchema(r, g.inputSchema, colSchema, []string{"profile", "columns"}, false, 0).(map[string]any)
		c["name"], c["index"], c["rows"] = names[i], int64(i), rows
		nulls := r.Int64N(rows + 1)
		blanks := r.Int64N(rows - nulls + 1)
		c["nulls"], c["blanks"] = nulls, blanks
		present := rows - nulls - blanks
		// Missing-value tokens are present values, each counted once.
		remaining := present
		tokens := map[string]any{}
		for _, token := range slices.Sorted(maps.Keys(c["missing_tokens"].(map[string]any))) {
			n := r.Int64N(remaining + 1)
			tokens[token], remaining = n, remaining-n
		}
		c["missing_tokens"] = tokens
		c["distinct"] = r.Int64N(present + 1)
		detectors := map[string]any{}
		// In name order: a seed must give one input, and map order is random.
		for _, name := range slices.Sorted(maps.Keys(detectorTraits)) {
			traits := detectorTraits[name]
			if !r.chance(0.3) {
				continue
			}
			matched := pick(r, []int64{0, present, r.Int64N(present + 1)})
			masked := r.Int64N(present - matched + 1)
			valid := r.Int64N(matched + 1)
			ts := map[string]any{}
			for _, t := range traits {
				ts[t] = r.Int64N(matched + 1)
			}
			d := map[string]any{"matched": matched, "valid": valid, "masked": masked, "traits": ts,
				"invalid_samples": g.samples(r, rows), "raw_samples": g.samples(r, rows),
				"embedded": r.Int64N(present + 1), "embedded_samples": g.samples(r, rows)}
			if name == "cn_resident_id" && r.chance(0.5) {
				d["birth_months"] = map[string]any{"min": pick(r, []string{"1949-12", "2020-01", "9999-12"}), "max": pick(r, []string{"2010-06", "2030-01"})}
			}
			detectors[name] = d
		}
		c["detectors"] = detectors
		hints := []any{}
		for range r.IntN(3) {
			hints = append(hints, pick(r, []string{"postcode", "cn_region_code", "birth_date", "age", "sex",
				"ethnicity", "occupation", "health", "credential", "cn_resident_id", "mobile", "person_name", "address",
				"email", "bank_card", "biometric", "minor"}))
		}
		c["hints"] = hints
		if m, ok := c["masking"].(map[string]any); ok {
			// The masking check counts present values: conforming ones and leaks among them.
			checked := r.Int64N(present + 1)
			m["checked"], m["conforming"], m["leaks"] = checked, r.Int64N(checked+1), r.Int64N(checked+1)
		}
		// Values of each kind are present values.
		for kind := range c["kinds"].(map[string]any) {
			clamp(c["kinds"], kind, present)
		}
		cols = append(cols, c)
	}
	p["columns"] = cols
	keepCountsConsistent(p)
	table := p["table"].(map[string]any)
	// At most one header issue per column, duplicate rows among the rows.
	clamp(table["header_issues"], "count", int64(len(cols)))
	table["rows"] = rows
	// Ragged and undecodable rows are rows of the file.
	clamp(table["ragged_rows"], "count", rows)
	clamp(table["undecodable_rows"], "count", rows-table["ragged_rows"].(map[string]any)["count"].(int64))
	// Rows with a stray quote or a NUL are rows of the file too; blank lines are not rows,
	// so any number of them is possible, none fewer than none.
	clamp(table["bare_quote_rows"], "count", rows)
	clamp(table["nul_rows"], "count", rows)
	clamp(table["blank_rows"], "count", math.MaxInt64-rows)
	clamp(table["duplicate_rows"], "count", rows)
	for _, e := range table["entities"].([]any) {
		// Entities that disagree are among the entities.
		e := e.(map[string]any)
		clamp(e, "inconsistent", e["entities"].(int64))
	}
	for _, k := range table["keys"].([]any) {
		// A key's rows split into null keys, distinct keys and repeats of them.
		k := k.(map[string]any)
		k["rows"] = rows
		nullKeys := r.Int64N(rows + 1)
		distinct := r.Int64N(rows - nullKeys + 1)
		if distinct == 0 && rows > nullKeys {
			distinct = 1
		}
		k["null_keys"], k["distinct"] = nullKeys, distinct
		k["duplicates"].(map[string]any)["count"] = rows - nullKeys - distinct
	}
	return p
}

// clamp keeps the count at key of the object v within [0, most].
func clamp(v any, key string, most int64) {
	m, _ := v.(map[string]any)
	if n, ok := m[key].(int64); ok {
		m[key] = max(0, min(n, most))
	}
}

func (g *generator) samples(r rnd, rows int64) []any {
	s := []any{}
	for range r.IntN(3) {
		s = append(s, map[string]any{"row": 1 + r.Int64N(rows+1), "value": pick(r, oddStrings)})
	}
	return s
}

// keepCountsConsistent makes every failed count at most its evaluated count, as a scan's are.
func keepCountsConsistent(v any) {
	switch v := v.(type) {
	case map[string]any:
		if e, ok := v["evaluated"].(int64); ok {
			if f, ok := v["failed"].(int64); ok && f > e {
				v["failed"] = e
			}
		}
		for _, x := range v {
			keepCountsConsistent(x)
		}
	case []any:
		for _, x := range v {
			keepCountsConsistent(x)
		}
	}
}

// resolve follows $ref within doc.
func (g *generator) resolve(doc map[string]any, node any) map[string]any {
	n, _ := node.(map[string]any)
	for n != nil {
		ref, ok := n["$ref"].(string)
		if !ok {
			return n
		}
		n = doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			n, _ = n[part].(map[string]any)
		}
	}
	return map[string]any{}
}

// inputMetadataAt is the input schema's node for the metadata at path, where the metadata
// schema leaves an object open (deidentification, cross_border, lineage, ...) and the input
// schema names the keys rules read.
func (g *generator) inputMetadataAt(path []string) map[string]any {
	n := g.resolve(g.inputSchema, map[string]any{"$ref": "#/definitions/metadata"})
	for _, key := range path {
		if items, ok := n["items"]; ok && key == "[]" {
			n = g.resolve(g.inputSchema, items)
			continue
		}
		props, _ := n["properties"].(map[string]any)
		if props[key] == nil {
			return nil
		}
		n = g.resolve(g.inputSchema, props[key])
	}
	return n
}

// fromSchema generates a value for node. With wild, any value may instead be of a wrong type
// or an edge value: what a hand-written sidecar can hold before (or despite) validation.
func (g *generator) fromSchema(r rnd, doc map[string]any, node any, path []string, wild bool, depth int) any {
	n := g.resolve(doc, node)
	// The metadata itself is always an object: the reader gives the rules nothing else.
	if wild && depth > 0 && r.chance(0.08) {
		return g.wildValue(r, depth)
	}
	if c, ok := n["const"]; ok {
		return c
	}
	if e, ok := n["enum"].([]any); ok {
		return pick(r, e)
	}
	for _, key := range []string{"anyOf", "oneOf"} {
		if alts, ok := n[key].([]any); ok && n["properties"] == nil {
			return g.fromSchema(r, doc, pick(r, alts), path, wild, depth)
		}
	}
	typ := "any"
	switch t := n["type"].(type) {
	case string:
		typ = t
	case []any:
		typ = pick(r, t).(string)
	}
	if n["properties"] != nil {
		typ = "object"
	}
	switch typ {
	case "object":
		return g.object(r, doc, n, path, wild, depth)
	case "array":
		out := []any{}
		items, hasItems := n["items"]
		for range r.IntN(4) {
			if hasItems {
				out = append(out, g.fromSchema(r, doc, items, append(slices.Clip(path), "[]"), wild, depth+1))
			} else {
				out = append(out, g.wildValue(r, depth+1))
			}
		}
		return out
	case "string":
		return g.str(r, path)
	case "integer":
		if wild {
			return pick(r, []any{int64(0), int64(1), int64(-1), int64(2), int64(5), int64(14), int64(100),
				int64(100001), int64(1000001), int64(math.MaxInt64), int64(math.MinInt64), 1e30})
		}
		return pick(r, []int64{0, 1, 2, 3, 5, 10, 100})
	case "number":
		if wild {
			return pick(r, []float64{0, 0.5, 1, -1, 1e308, -1e308, 1e-300, 0.999, 3})
		}
		return pick(r, []float64{0, 0.25, 0.5, 0.9, 0.99, 1})
	case "boolean":
		return r.chance(0.5)
	case "null":
		return nil
	}
	if wild {
		return g.wildValue(r, depth)
	}
	return g.str(r, path)
}

func (g *generator) object(r rnd, doc map[string]any, n map[string]any, path []string, wild bool, depth int) any {
	props, _ := n["properties"].(map[string]any)
	if props == nil && wild && doc["$id"] == g.metaSchema["$id"] && len(path) > 0 {
		// An open object of the sidecar schema: the input schema names its keys.
		if in := g.inputMetadataAt(path); in != nil {
			return g.fromSchema(r, g.inputSchema, in, path, wild, depth)
		}
	}
	required := map[string]bool{}
	if req, ok := n["required"].([]any); ok {
		for _, k := range req {
			required[k.(string)] = true
		}
	}
	out := map[string]any{}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys) // map order is random: sort so that a seed gives one input
	p := 0.5
	if depth == 0 && wild {
		p = 0.6
	}
	for _, k := range keys {
		if required[k] && !wild || r.chance(p) {
			out[k] = g.fromSchema(r, doc, props[k], append(slices.Clip(path), k), wild, depth+1)
		}
	}
	if add, ok := n["additionalProperties"].(map[string]any); ok {
		name := ""
		if len(path) > 0 {
			name = path[len(path)-1]
		}
		pool := mapKeys[name]
		if pool == nil {
			pool = []string{"zh", "en", "x", ""}
		}
		for range r.IntN(3) {
			out[pick(r, pool)] = g.fromSchema(r, doc, add, append(slices.Clip(path), name+"{}"), wild, depth+1)
		}
	}
	if wild && r.chance(0.05) {
		out[pick(r, g.words)] = g.wildValue(r, depth+1)
	}
	return out
}

// str is a string for the key at the end of path: a column name, a date, a vocabulary word or
// an odd string.
func (g *generator) str(r rnd, path []string) string {
	switch x := r.IntN(10); {
	case x < 3:
		return pick(r, columnNames)
	case x < 5:
		return pick(r, dates)
	case x < 8:
		return pick(r, g.words)
	}
	return pick(r, oddStrings)
}

// wildValue is a value of any type: scalars at their edges, and empty or small containers.
func (g *generator) wildValue(r rnd, depth int) any {
	switch r.IntN(9) {
	case 0:
		return nil
	case 1:
		return r.chance(0.5)
	case 2:
		return pick(r, []any{int64(0), int64(-1), int64(12), int64(math.MaxInt64), 1e308, -1e308, 0.5, 1e-300})
	case 3:
		return pick(r, oddStrings)
	case 4:
		return pick(r, dates)
	case 5:
		return []any{}
	case 6:
		return map[string]any{}
	case 7:
		if depth < 4 {
			return []any{g.wildValue(r, depth+1), pick(r, columnNames)}
		}
		return "12"
	}
	if depth < 4 {
		return map[string]any{pick(r, g.words): g.wildValue(r, depth+1)}
	}
	return pick(r, g.words)
}

// A seed is a reproduction only if it gives the same input every time.
func TestGeneratorIsDeterministic(t *testing.T) {
	gen, _ := propertyFixture(t)
	for _, seed := range [][]byte{{}, []byte("dgcheck"), {1, 2, 3, 4, 5, 6, 7, 8}} {
		a, _ := json.Marshal(gen.input(seed))
		b, _ := json.Marshal(gen.input(seed))
		if string(a) != string(b) {
			t.Errorf("seed %x gave two inputs", seed)
		}
	}
}
