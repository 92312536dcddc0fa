package rules

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/bundle"
)

// bundleDigest is the SHA-256 of what the rules are made of: every module's path within its
// pack and its text, and the bundle's data. It names the rule set in an audit's
// reproducibility stamp, so it must not depend on where a pack sits on disk (the relative
// path, not the absolute one) or on the order packs were given (modules are sorted); the data
// is hashed as its JSON, whose object keys encoding/json sorts.
func bundleDigest(b *bundle.Bundle) (string, error) {
	modules := slices.Clone(b.Modules)
	slices.SortFunc(modules, func(x, y bundle.ModuleFile) int {
		return cmp.Or(cmp.Compare(x.RelativePath, y.RelativePath), slices.Compare(x.Raw, y.Raw))
	})
	h := sha256.New()
	for _, m := range modules {
		// Lengths first, so that no two different sequences of modules hash the same bytes.
		fmt.Fprintf(h, "module %d %s %d\n", len(m.RelativePath), m.RelativePath, len(m.Raw))
		h.Write(m.Raw)
	}
	data, err := json.Marshal(b.Data)
	if err != nil {
		return "", fmt.Errorf("rule data: %w", err)
	}
	fmt.Fprintf(h, "data %d\n", len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Digest is the SHA-256 (hex) of the loaded rules: built-in and user modules and their data.
// Two engines with the same digest judge alike.
func (e *Engine) Digest() string { return e.digest }
