package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/loader"
)

// embedded is the built-in rule bundle (bundle/.manifest, roots ["dgcheck"]). It holds the
// Rego tests too: RunTests needs them, and Load filters them out.
//
//go:embed all:bundle
var embedded embed.FS

// bundleName names the merged bundle in OPA's store and in module paths.
const bundleName = "dgcheck"

// packs is the merged bundle of the built-in rules and the user packs, and which pack each
// user package came from.
type packs struct {
	*bundle.Bundle
	// packOf maps a user pack's package paths (data.dgcheck.rules.acme.notes) to the pack's
	// directory; a built-in package is not in it.
	packOf map[string]string
}

// loadPacks reads the embedded bundle and every user pack in dirs through OPA's bundle loader,
// with annotations processed and the restricted capabilities, and merges them into one
// bundle. Test files are kept only when withTests is set.
func loadPacks(dirs []string, withTests bool) (packs, error) {
	newLoader := func() loader.FileLoader {
		l := loader.NewFileLoader().
			WithProcessAnnotation(true).
			WithCapabilities(capabilities()).
			WithRegoVersion(ast.RegoV1).
			WithSkipBundleVerification(true)
		if !withTests {
			l = l.WithFilter(excludeTests)
		}
		return l
	}

	merged, err := newLoader().WithFS(embedded).AsBundle("bundle")
	if err != nil {
		return packs{}, fmt.Errorf("embedded rules: %w", err)
	}
	p := packs{Bundle: merged, packOf: map[string]string{}}
	builtin := map[string]bool{}
	for _, m := range merged.Modules {
		builtin[m.Parsed.Package.Path.String()] = true
	}
	for _, dir := range dirs {
		pack, err := newLoader().AsBundle(dir)
		if err != nil {
			return packs{}, fmt.Errorf("rule pack: %w", err)
		}
		if err := p.add(dir, pack, builtin); err != nil {
			return packs{}, fmt.Errorf("rule pack %s: %w", dir, err)
		}
	}
	return p, nil
}

func excludeTests(_ string, info fs.FileInfo, _ int) bool {
	return !info.IsDir() && strings.HasSuffix(info.Name(), "_test.rego")
}

// rulesRoot is where every rule lives, built in or from a user pack: data.dgcheck.rules.
var rulesRoot = []string{"dgcheck", "rules"}

// add adds a user pack's modules and data. A pack may only add to data.dgcheck.rules, so it
// cannot replace the finding helper, the entry point or the defaults that built-in rules read;
// it may not define or extend a package of the built-in bundle (a module in the package of
// META-001 could otherwise redefine its violations and silence it) nor one of another pack's
// (a failing pack would take the other with it); and two packs cannot silently define the
// same value.
func (p packs) add(dir string, pack *bundle.Bundle, builtin map[string]bool) error {
	var errs []error
	owned := map[string]bool{}
	for _, m := range pack.Modules {
		path := m.Parsed.Package.Path
		segments, _ := packageSegments(path)
		switch other, taken := p.packOf[path.String()]; {
		case len(segments) < 4 || !hasPrefix(segments, rulesRoot):
			errs = append(errs, fmt.Errorf("%s: package %s is outside data.dgcheck.rules.<area>.<name>, where rule packs add rules",
				m.Parsed.Package.Location, path))
		case builtinPackage(segments, builtin) != "":
			errs = append(errs, fmt.Errorf("%s: package %s extends the built-in package %s; a rule pack adds packages of its own",
				m.Parsed.Package.Location, path, builtinPackage(segments, builtin)))
		case taken && other != dir:
			errs = append(errs, fmt.Errorf("%s: package %s is already defined by the rule pack %s",
				m.Parsed.Package.Location, path, other))
		}
		owned[path.String()] = true
	}
	for _, key := range slices.Sorted(maps.Keys(pack.Data)) {
		errs = append(errs, dataUnderRules([]string{key}, pack.Data[key], builtin))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}

	for path := range owned {
		p.packOf[path] = dir
	}
	p.Modules = append(p.Modules, pack.Modules...)
	return mergeData(p.Data, pack.Data, "data")
}

// builtinPackage is the built-in package that the package spelled by segments is, or lies
// inside, or "" when there is none.
func builtinPackage(segments []string, builtin map[string]bool) string {
	for n := len(segments); n > len(rulesRoot); n-- {
		path := "data." + strings.Join(segments[:n], ".")
		if builtin[path] {
			return path
		}
	}
	return ""
}

// dataUnderRules reports data of a pack that lies outside data.dgcheck.rules, or inside a
// built-in package there. Below a rule package of the pack's own, anything goes.
func dataUnderRules(at []string, value any, builtin map[string]bool) error {
	under := hasPrefix(at, rulesRoot)
	if under {
		if pkg := builtinPackage(at, builtin); pkg != "" {
			return fmt.Errorf("data.%s extends the built-in package %s; a rule pack adds data of its own", strings.Join(at, "."), pkg)
		}
		if len(at) >= len(rulesRoot)+2 {
			return nil
		}
	}
	children, isObject := value.(map[string]any)
	switch {
	case !isObject && under:
		return nil
	case !isObject || !under && !hasPrefix(rulesRoot, at):
		return fmt.Errorf("data.%s is outside data.dgcheck.rules, where rule packs add data", strings.Join(at, "."))
	}
	var errs []error
	for _, key := range slices.Sorted(maps.Keys(children)) {
		errs = append(errs, dataUnderRules(append(at[:len(at):len(at)], key), children[key], builtin))
	}
	return errors.Join(errs...)
}

// mergeData adds src to dst. A value both define is an error: which one a rule would read
// would depend on the order of --rules flags.
func mergeData(dst, src map[string]any, at string) error {
	for _, key := range slices.Sorted(maps.Keys(src)) {
		value, where := src[key], at+"."+key
		have, defined := dst[key]
		if !defined {
			dst[key] = value
			continue
		}
		haveObject, ok1 := have.(map[string]any)
		valueObject, ok2 := value.(map[string]any)
		if !ok1 || !ok2 {
			return fmt.Errorf("%s is defined twice", where)
		}
		if err := mergeData(haveObject, valueObject, where); err != nil {
			return err
		}
	}
	return nil
}

// packageSegments spells a package path (data.dgcheck.rules.quality.readable) without its
// data root: [dgcheck rules quality readable]. ok is false for a path with a non-string part.
func packageSegments(ref ast.Ref) (segments []string, ok bool) {
	for _, term := range ref[1:] {
		s, isString := term.Value.(ast.String)
		if !isString {
			return nil, false
		}
		segments = append(segments, string(s))
	}
	return segments, true
}

func hasPrefix(segments, prefix []string) bool {
	if len(segments) < len(prefix) {
		return false
	}
	for i := range prefix {
		if segments[i] != prefix[i] {
			return false
		}
	}
	return true
}

// rulePackage reports whether a package path is a rule's: data.dgcheck.rules.<area>.<name>,
// the depth main.rego walks. Test packages (<name>_test) sit beside their rule and are not rules.
func rulePackage(ref ast.Ref) (area string, ok bool) {
	segments, ok := packageSegments(ref)
	if !ok || len(segments) != 4 || !hasPrefix(segments, rulesRoot) || strings.HasSuffix(segments[3], "_test") {
		return "", false
	}
	return segments[2], true
}
