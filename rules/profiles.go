package rules

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// profilesFile holds the conformance profiles, in the embedded bundle beside the data the
// rules read (OPA loads only data.yaml as bundle data, so this file is read here).
const profilesFile = "bundle/dgcheck/config/profiles.yaml"

// Profile is a named selection of rules for one use (public-release, pipeline, ...): the
// rule ids it runs, as patterns, less those it excludes.
type Profile struct {
	Name        string
	Description string   `yaml:"description"`
	Rules       []string `yaml:"rules"`
	Exclude     []string `yaml:"exclude"`
}

// Profiles lists the built-in conformance profiles by name.
func Profiles() ([]Profile, error) {
	src, err := fs.ReadFile(embedded, profilesFile)
	if err != nil {
		return nil, err
	}
	var byName map[string]Profile
	dec := yaml.NewDecoder(strings.NewReader(string(src)))
	dec.KnownFields(true)
	if err := dec.Decode(&byName); err != nil {
		return nil, fmt.Errorf("rules/%s: %w", profilesFile, err)
	}
	var out []Profile
	for name, p := range byName {
		p.Name = name
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Profile) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// FindProfile returns the profile of a name, or an error listing the profiles there are.
func FindProfile(profiles []Profile, name string) (*Profile, error) {
	for i := range profiles {
		if profiles[i].Name == name {
			return &profiles[i], nil
		}
	}
	return nil, fmt.Errorf("unknown profile %q (want one of %s)", name, strings.Join(profileNames(profiles), ", "))
}

// selects tells whether the profile runs a rule; no profile (nil) runs every rule.
func (p *Profile) selects(id string) bool {
	if p == nil {
		return true
	}
	matches := func(pattern string) bool { return idMatches(pattern, id) }
	return slices.ContainsFunc(p.Rules, matches) && !slices.ContainsFunc(p.Exclude, matches)
}

func profileNames(profiles []Profile) []string {
	names := make([]string, len(profiles))
	for i, p := range profiles {
		names[i] = p.Name
	}
	return names
}
