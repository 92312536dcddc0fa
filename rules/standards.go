package rules

import (
	"fmt"
	"io/fs"
	"strings"

	"gopkg.in/yaml.v3"
)

// standardsFile is the table of the standards, laws and other sources the built-in rules cite
// (data.dgcheck.standards), in the embedded bundle.
const standardsFile = "bundle/dgcheck/standards/data.yaml"

// Standard is one entry of the standards table: a source a rule's custom.standard may name by
// its identifier (ruleinfo.go), with the edition in force, its titles where the sources give
// them, its kind, and its status: current, or superseded, with the entry that replaced it.
type Standard struct {
	ID           string `yaml:"-"` // the identifier, the table's key: "GB 11643-1999", "PIPL"
	Edition      string `yaml:"edition"`
	TitleZh      string `yaml:"title_zh"`
	TitleEn      string `yaml:"title_en"`
	Kind         string `yaml:"kind"`
	Status       string `yaml:"status"`
	SupersededBy string `yaml:"superseded_by"`
	Note         string `yaml:"note"`
}

// Standards reads the standards table of the embedded bundle, by identifier. A field the
// table does not define is an error, so that a misspelt one is not silently empty.
func Standards() (map[string]Standard, error) {
	raw, err := fs.ReadFile(embedded, standardsFile)
	if err != nil {
		return nil, err
	}
	var table map[string]Standard
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true)
	if err := dec.Decode(&table); err != nil {
		return nil, fmt.Errorf("rules/%s: %w", standardsFile, err)
	}
	for id, s := range table {
		s.ID = id
		table[id] = s
	}
	return table, nil
}

// CitedStandards splits a rule's custom.standard into the identifiers of the sources it names:
// the parts between ";", each up to the gloss in parentheses that may follow it (ruleinfo.go).
// "PIPL (个人信息保护法); GB/T 16831-2013 (ISO 6709:2008)" cites PIPL and GB/T 16831-2013.
func CitedStandards(standard string) []string {
	var ids []string
	for _, part := range strings.Split(standard, ";") {
		id, _, _ := strings.Cut(strings.TrimSpace(part), " (")
		ids = append(ids, strings.TrimSpace(id))
	}
	return ids
}
