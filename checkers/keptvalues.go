package checkers

import (
	"maps"
	"slices"
	"strings"
)

// keptValues holds a column's distinct values as long as there are at most limit of them: what
// `dgcheck init` drafts an enumeration from. Values are kept only when a Plan asks
// (Plan.KeepValues) and never reach the profile's JSON, since they are not masked.
type keptValues struct {
	limit int
	set   map[string]struct{} // nil once the column has more than limit values
}

func newKeptValues(limit int) *keptValues {
	if limit <= 0 {
		return nil
	}
	return &keptValues{limit: limit, set: map[string]struct{}{}}
}

func (k *keptValues) add(v string) {
	if k == nil || k.set == nil {
		return
	}
	if _, seen := k.set[v]; seen {
		return
	}
	k.set[strings.Clone(v)] = struct{}{}
	if len(k.set) > k.limit {
		k.set = nil
	}
}

func (k *keptValues) merge(o *keptValues) {
	if k == nil || k.set == nil {
		return
	}
	if o.set == nil {
		k.set = nil
		return
	}
	for v := range o.set {
		k.add(v)
	}
}

// values lists the kept values in order; nil when none were kept or there were too many.
func (k *keptValues) values() []string {
	if k == nil || k.set == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(k.set))
}
