package synth

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"

	"golang.org/x/text/encoding/simplifiedchinese"
	"gopkg.in/yaml.v3"
)

// CatalogueConfig describes a catalogue such as a regulator audits: small rolls from several
// bureaus, in CSV and Parquet, raw with defects or masked for release, each with its sidecar,
// and a few damaged on purpose the way real submissions are damaged.
type CatalogueConfig struct {
	Datasets int
	Seed     int64
	// Bureaus is how many provider folders the rolls are spread over (default 8).
	Bureaus int
	// RawSidecar and CleanSidecar are the sidecars each roll's own is made from, for the raw
	// and the masked form (the examples' sidecars, so that the catalogue follows them when
	// they change); each copy gets its roll's identifier, title, format, encoding and count.
	RawSidecar, CleanSidecar []byte
}

// ReadSidecars sets c's RawSidecar and CleanSidecar from the example roll's sidecars in dir
// (examples/dibao), so that the catalogue follows them when they change.
func (c *CatalogueConfig) ReadSidecars(dir string) error {
	var err error
	if c.RawSidecar, err = os.ReadFile(filepath.Join(dir, "hongshan_dibao_2025.meta.yaml")); err != nil {
		return err
	}
	c.CleanSidecar, err = os.ReadFile(filepath.Join(dir, "hongshan_dibao_2025_clean.meta.yaml"))
	return err
}

// Ways a catalogue dataset is damaged on purpose.
const (
	// TruncatedParquet: a Parquet file cut in half, as an interrupted upload leaves it; it
	// cannot be read.
	TruncatedParquet = "truncated-parquet"
	// SidecarSyntax: a sidecar whose YAML does not parse (an unclosed flow sequence).
	SidecarSyntax = "sidecar-syntax"
	// GBKSidecar: a sidecar saved in GBK, as Windows editors in China do; YAML must be UTF-8.
	GBKSidecar = "gbk-sidecar"
	// GBKData: a CSV saved in GBK. It is not broken (dgcheck sniffs and decodes GB18030, of
	// which GBK is a subset) but it is the encoding most often mishandled, so it is checked.
	GBKData = "gbk-data"
)

// CatalogueDataset is one dataset of a written catalogue.
type CatalogueDataset struct {
	Path    string // the data file, relative to the catalogue folder, slash-separated
	Sidecar string // its sidecar, likewise
	Config  Config
	Format  string // csv or parquet
	// Damage is one of the constants above, or "" for a roll written as it should read.
	Damage string
}

// Unreadable reports whether the damage leaves a dataset that cannot be checked.
func (d CatalogueDataset) Unreadable() bool {
	return d.Damage == TruncatedParquet || d.Damage == SidecarSyntax || d.Damage == GBKSidecar
}

// Catalogue lays out the datasets c describes without writing anything: the same Config
// gives the same catalogue. Rolls have 80 to 319 rows; every third is the masked release
// form, the rest raw with the example's defect mix; odd-numbered rolls are Parquet. Each kind
// of damage falls on one roll, spread through the catalogue (a catalogue needs at least 8
// datasets to hold them all).
func Catalogue(c CatalogueConfig) ([]CatalogueDataset, error) {
	if c.Datasets < 8 {
		return nil, fmt.Errorf("synth: a catalogue needs at least 8 datasets to hold each kind of damage, got %d", c.Datasets)
	}
	bureaus := c.Bureaus
	if bureaus <= 0 {
		bureaus = 8
	}
	n := c.Datasets
	// Odd positions are Parquet, even ones CSV: the truncated file must be a Parquet one and
	// the GBK data a CSV.
	damage := map[int]string{
		n/5 | 1:        TruncatedParquet,
		2 * n / 5 &^ 1: SidecarSyntax,
		3 * n / 5 &^ 1: GBKSidecar,
		4 * n / 5 &^ 1: GBKData,
	}
	if len(damage) != 4 {
		return nil, fmt.Errorf("synth: the damaged rolls of a %d-dataset catalogue collide", n)
	}
	out := make([]CatalogueDataset, n)
	for i := range out {
		rows := 80 + (i*53)%240
		seed := c.Seed*10_000 + int64(i)
		cfg := Defective(rows, seed)
		if i%3 == 0 {
			cfg = Clean(rows, seed)
		}
		format := "csv"
		if i%2 == 1 {
			format = "parquet"
		}
		dir := fmt.Sprintf("bureau-%02d", i%bureaus+1)
		base := fmt.Sprintf("roll-%03d", i+1)
		out[i] = CatalogueDataset{
			Path:    path.Join(dir, base+"."+format),
			Sidecar: path.Join(dir, base+".meta.yaml"),
			Config:  cfg, Format: format, Damage: damage[i],
		}
	}
	return out, nil
}

// WriteCatalogue writes the catalogue c describes under dir and returns its datasets.
func WriteCatalogue(dir string, c CatalogueConfig) ([]CatalogueDataset, error) {
	sets, err := Catalogue(c)
	if err != nil {
		return nil, err
	}
	for i, d := range sets {
		if err := writeCatalogueDataset(dir, i+1, d, c); err != nil {
			return nil, fmt.Errorf("synth: %s: %w", d.Path, err)
		}
	}
	return sets, nil
}

func writeCatalogueDataset(dir string, number int, d CatalogueDataset, c CatalogueConfig) error {
	var data bytes.Buffer
	write := WriteCSV
	if d.Format == "parquet" {
		write = WriteParquet
	}
	if _, err := write(&data, d.Config); err != nil {
		return err
	}
	raw := data.Bytes()
	encoding := "utf-8"
	switch d.Damage {
	case TruncatedParquet:
		raw = raw[:len(raw)/2]
	case GBKData:
		gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(raw)
		if err != nil {
			return fmt.Errorf("encoding the roll in GBK: %w", err)
		}
		raw, encoding = gbk, "gb18030"
	}

	template := c.RawSidecar
	if d.Config.Masked {
		template = c.CleanSidecar
	}
	sidecar, err := catalogueSidecar(template, number, d, encoding)
	if err != nil {
		return err
	}
	switch d.Damage {
	case SidecarSyntax:
		sidecar = append(sidecar, "keywords_extra: [最低生活保障, 低保\n"...)
	case GBKSidecar:
		if sidecar, err = simplifiedchinese.GBK.NewEncoder().Bytes(sidecar); err != nil {
			return fmt.Errorf("encoding the sidecar in GBK: %w", err)
		}
	}
	if err := writeFile(filepath.Join(dir, filepath.FromSlash(d.Path)), bytes.NewReader(raw)); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, filepath.FromSlash(d.Sidecar)), bytes.NewReader(sidecar))
}

// catalogueSidecar is the template with this roll's own identity: identifier and title
// numbered, its record count, and the file's format and encoding where the template declares
// them at the top level. The template's comments and key order stay as they are.
func catalogueSidecar(template []byte, number int, d CatalogueDataset, encoding string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(template, &doc); err != nil {
		return nil, fmt.Errorf("sidecar template: %w", err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("sidecar template: not a mapping")
	}
	root := doc.Content[0]
	suffix := fmt.Sprintf("-%03d", number)
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i].Value, root.Content[i+1]
		switch key {
		case "identifier":
			value.Value += suffix
		case "title":
			for j := 1; j < len(value.Content); j += 2 {
				value.Content[j].Value += fmt.Sprintf(" %03d", number)
			}
		case "format":
			value.Value = d.Format
		case "encoding":
			value.Value = encoding
		case "record_count":
			value.Value = strconv.Itoa(d.Config.Rows)
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func writeFile(name string, r io.Reader) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
