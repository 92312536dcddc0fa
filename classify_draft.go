package dgcheck

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dgcheck/dgcheck/datasets"
)

// DraftPath is where a metadata draft of the classification belongs: the metadata file it read
// when that is a native YAML sidecar, else the sidecar's place beside the data
// (datasets.SidecarPath).
func (cl *Classification) DraftPath() string {
	if cl.metadata != nil {
		if ext := strings.ToLower(filepath.Ext(cl.metadata.Path)); ext == ".yaml" || ext == ".yml" {
			return cl.metadata.Path
		}
	}
	return datasets.SidecarPath(cl.path)
}

// SuggestedMetadata returns the sidecar at DraftPath (dgcheck/metadata/v1 YAML) with the
// classification's suggestions filled in where nothing is declared: per graded column its
// field's pi_category, sensitive, identifier_role and level; for the dataset
// classification.level and general_sublevel (or, under JR/T 0197, industry.jrt0197_level),
// pi.contains_pi and pi.contains_sensitive_pi. A value a person declared, however it differs
// from the suggestion, is kept, and so are comments; each value added carries a comment
// saying where it came from, for the person who reviews the draft.
func (cl *Classification) SuggestedMetadata() ([]byte, error) {
	var src []byte
	if cl.metadata != nil && cl.DraftPath() == cl.metadata.Path {
		var err error
		if src, err = os.ReadFile(cl.metadata.Path); err != nil {
			return nil, err
		}
	}
	return datasets.AmendSidecar(cl.DraftPath(), src, cl.suggest)
}

// suggest sets the classification's suggestions into a sidecar (SuggestedMetadata).
func (cl *Classification) suggest(e datasets.SidecarEditor) {
	g := cl.Grading
	const from = "dgcheck classify"
	if g.Level != "" {
		if g.Model == "jrt0197" {
			e.SetIfAbsent([]string{"classification", "industry", "jrt0197_level"}, g.Level, from+": JR/T 0197 level the data suggests")
		} else if sub, ok := strings.CutPrefix(g.Level, "general-"); ok {
			if e.SetIfAbsent([]string{"classification", "level"}, "general", from+": "+g.Level+" suggested") {
				e.SetIfAbsent([]string{"classification", "general_sublevel"}, sub, from)
			}
		} else {
			e.SetIfAbsent([]string{"classification", "level"}, g.Level, from)
		}
	}
	e.SetIfAbsent([]string{"pi", "contains_pi"}, strconv.FormatBool(g.ContainsPI), from)
	e.SetIfAbsent([]string{"pi", "contains_sensitive_pi"}, strconv.FormatBool(g.ContainsSensitivePI), from)
	for _, col := range cl.Columns {
		if col.Grade == nil {
			continue
		}
		why := from + ": " + col.Grade.Type + " (" + col.Grade.Source + ")"
		if col.Grade.PI {
			e.SetFieldIfAbsent(col.Name, "pi_category", col.Grade.PICategory, why)
			e.SetFieldIfAbsent(col.Name, "sensitive", strconv.FormatBool(col.Grade.Sensitive), why)
		}
		if col.Grade.Role != "" {
			e.SetFieldIfAbsent(col.Name, "identifier_role", col.Grade.Role, why)
		}
		if g.Model != "jrt0197" {
			e.SetFieldIfAbsent(col.Name, "level", col.Grade.Level, why)
		}
	}
}
