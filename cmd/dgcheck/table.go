package main

import (
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// table lays out rows of cells in columns two spaces apart, as text/tabwriter does, but by
// the width a terminal gives each character: tabwriter counts bytes, so a column of Chinese
// names (3 bytes, 2 cells a character) pushed every later column out of line.
type table struct {
	indent string
	rows   [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the rows, the last cell of each unpadded.
func (t *table) write(w io.Writer) error {
	var widths []int
	for _, row := range t.rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	var b strings.Builder
	for _, row := range t.rows {
		var line strings.Builder
		line.WriteString(t.indent)
		for i, cell := range row {
			line.WriteString(cell)
			if i < len(row)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		// Empty cells at the end of a row leave no trailing spaces.
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth is how many terminal cells s takes: two for East Asian wide and full-width
// characters (Chinese, full-width punctuation), one for the rest.
func displayWidth(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
