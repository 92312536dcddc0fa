package checkers

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/datasets"
)

// One masked form per cell. A value the scan keeps (a sample of an offending row, a column's
// extremes) is held as read inside the engine, and masked only when the profile is built:
// by then the column's classification is known, so every sample of a cell, in every finding,
// takes the one form its column decides. Masking per detector at collection time showed one ID
// number as 420116********119X (resident ID), 42011619********** (credit code) and
// 4201**********2351 (bank card), which together revealed 12 of its 18 characters, birth year
// included; and it masked values that are no one's (a foreign key ZZZ shown as Z**), so the
// user could not see what to fix.
//
// heldSample and the functions here are the only way a held value reaches the Profile: the
// internal sample sets hold heldSample, the Profile holds Sample, and the one conversion
// (columnMask.samples) masks. Holding raw values costs no more memory than holding masked
// ones: the sample sets are capped, and a held value is cut at maxHeldBytes.

// heldSample is an offending value as read, kept until the column's mask is known.
type heldSample struct {
	row   int64
	value string
	// parts are a foreign key's values, one per key column (value is then unused): each is
	// masked with its own column's mask.
	parts []string
}

// maxHeldBytes bounds a held value. No identifier is nearly this long, so cutting cannot turn
// one into a value a detector would treat differently, and a display never shows more than
// maxShownRunes of it.
const maxHeldBytes = 1024

// maxShownRunes is how much of a value that is no one's personal data a sample shows; longer
// values end with an ellipsis.
const maxShownRunes = 64

// hold copies v (which may point into a reused buffer or an Arrow array) for a sample, cut at
// maxHeldBytes on a rune boundary.
func hold(v string) string {
	if len(v) > maxHeldBytes {
		cut := maxHeldBytes
		for cut > 0 && !utf8.RuneStart(v[cut]) {
			cut--
		}
		v = v[:cut] + "…"
	}
	return strings.Clone(v)
}

// maskDecl is what the metadata declares about a column's content, resolved before the scan.
type maskDecl struct {
	det   int  // the detector of the identifier the field declares (validator, masking data); -1 for none
	pi    bool // declared personal information: identifier_role direct or quasi, a masking, a PI category, sensitive
	quasi bool // a quasi-identifier: deidentification.qi_columns, identifier_role quasi, or suggested by the name
}

// maskDecls resolves, per column, what the metadata declares (masking specs are those the scan
// checks; risk the quasi-identifiers it measures, declared or suggested).
func maskDecls(m *datasets.Metadata, masking map[int]*maskingSpec, risk *riskPlan, cols []string) []maskDecl {
	decls := make([]maskDecl, len(cols))
	for i := range decls {
		decls[i].det = -1
	}
	byName := map[string]int{}
	for i, c := range cols {
		if _, seen := byName[c]; !seen {
			byName[c] = i
		}
	}
	if m != nil {
		for _, f := range m.DistinctFields() {
			i, ok := byName[f.Name]
			if !ok {
				continue
			}
			d := &decls[i]
			if det := detect.Index(detect.ValidatorDetector(f.Validator)); det >= 0 {
				d.det, d.pi = det, true
			}
			switch f.IdentifierRole {
			case "direct":
				d.pi = true
			case "quasi":
				d.pi, d.quasi = true, true
			}
			if f.PICategory != "" || f.Sensitive != nil && *f.Sensitive || f.Masking != nil {
				d.pi = true
			}
		}
	}
	for i, s := range masking {
		decls[i].pi = true
		if det := detect.Index(s.data); det >= 0 && decls[i].det < 0 {
			decls[i].det = det
		}
	}
	if risk != nil {
		for _, i := range risk.qi {
			decls[i].quasi = true
		}
	}
	return decls
}

// columnMask is how every value of one column leaves the engine.
type columnMask struct {
	// det is the detector of the identifier the column holds (declared, else classified), whose
	// mask its values take; -1 for none.
	det int
	// pi: the column holds personal information, so a value no detector recognises is masked
	// generically (first rune kept) rather than shown.
	pi bool
	// quasi: the column is a quasi-identifier, so its extremes are generalised.
	quasi bool
}

// maskOf decides a column's mask from its declaration and, when it declares no identifier,
// its classification (p.Classification, set by detectionProfile).
func maskOf(d maskDecl, p *ColumnProfile) columnMask {
	m := columnMask{det: d.det, pi: d.pi || d.det >= 0, quasi: d.quasi}
	if m.det < 0 && p.Classification != nil {
		m.det, m.pi = detect.Index(p.Classification.Detector), true
	}
	// A column the classifier would not type, its values being implausible or their check
	// characters mostly wrong, is still shown masked as what it is shaped like: a report
	// errs on the side of hiding a value, never of printing one.
	if m.det < 0 && p.ShapedLike != nil {
		m.det, m.pi = detect.Index(p.ShapedLike.Detector), true
	}
	for _, h := range p.Hints {
		if h == "birth_date" {
			m.quasi = true
		}
	}
	return m
}

// show is the one form of value v in this column. Whatever the branch, a value with the
// structure of a resident ID number never shows its birth date (capBirthDate).
func (m columnMask) show(v string) string {
	switch {
	case m.det >= 0:
		// Every value with the structure of the column's identifier takes its form, valid or
		// not (an ID number with a wrong check digit is still someone's, mistyped, and it is
		// a bank card's structure too); a stray identifier of another kind (a mobile number
		// in an ID column) is masked as what it is.
		d := &detect.All[m.det]
		if r := d.Detect(v); r.Match || r.Masked {
			return capExposure(v, d.Mask(v))
		}
		if i := strongValid(v); i >= 0 {
			return capExposure(v, detect.All[i].Mask(v))
		}
		return capExposure(v, detect.Mask(v))
	case m.pi:
		if i := strongValid(v); i >= 0 {
			return capExposure(v, detect.All[i].Mask(v))
		}
		return capExposure(v, detect.Mask(v))
	}
	// No one's personal data: shown as it is, so that the user sees what to fix, except an
	// identifier that stands out on its own (a valid ID number in a notes column) or sits in
	// the text.
	if i := strongValid(v); i >= 0 {
		return capExposure(v, detect.All[i].Mask(v))
	}
	return truncate(redactEmbedded(v))
}

// samples masks a sample set's held values with the column's mask.
func (m columnMask) samples(s *sampleSet[heldSample]) []Sample {
	return shownSamples(s, func(h heldSample) string { return m.show(h.value) })
}

// shownSamples turns held samples into the Profile's, in row order, value by show; never nil.
func shownSamples(s *sampleSet[heldSample], show func(heldSample) string) []Sample {
	out := make([]Sample, 0, len(s.items))
	for _, h := range s.items {
		smp := Sample{Row: h.row}
		if h.value != "" || h.parts != nil {
			smp.Value = show(h)
		}
		out = append(out, smp)
	}
	return out
}

// strongValid returns the first detector (in detect.All's order) that validates v on its own
// and names a person or an organisation, or -1. Weak detectors (a postcode is six digits, a
// coordinate a decimal) and heuristics cannot tell their values from ordinary ones without
// the column's name; a valid region code names a county, not anyone.
func strongValid(v string) int {
	_, cands := detect.Candidates(v)
	for ; cands != 0; cands &= cands - 1 {
		i := bits.TrailingZeros32(cands)
		d := &detect.All[i]
		if d.Weak || d.Heuristic || i == regionCode {
			continue
		}
		if d.Detect(v).Valid {
			return i
		}
	}
	return -1
}

var regionCode = detect.Index("cn_region_code")

// capExposure holds any mask to the strictest rule for what v could be: DESENS-005 for a value
// with the structure of a resident ID number (the credit-code and bank-card detectors match
// every 18-digit ID as well), whose birth date (positions 7-14; 7-12 of a legacy 15-digit
// number) must be hidden, and DESENS-007 for a valid bank card number, of which at most the
// first 6 and the last 4 digits may show. A mask that shows more is replaced by that
// identifier's own (MaskResidentID keeps the first 6 and the last 4; MaskBankCard the first 4
// and the last 4).
func capExposure(v, out string) string {
	t := strings.Trim(v, " \t")
	if len(t) >= 13 && len(t) <= 19 && detect.BankCard(t).Valid && !hidden(t, out, 6, len(t)-4) {
		out = detect.MaskBankCard(t)
	}
	if detect.ResidentID(t).Match {
		end := 14
		if len(t) == 15 {
			end = 12
		}
		if !hidden(t, out, 6, end) {
			out = detect.MaskResidentID(t)
		}
	}
	return out
}

// hidden reports whether out, a mask of t character for character, shows none of t[from:to].
// A mask of another length cannot be checked position by position, so it does not pass.
func hidden(t, out string, from, to int) bool {
	return len(out) == len(t) && strings.Trim(out[from:to], "*") == ""
}

// redactEmbedded masks each identifier embedded in free text with its own detector's mask
// (DESENS-020's identifiers: resident IDs, mobiles, e-mail addresses, bank cards, credit
// codes). Off the hot path: it runs only on the few values shown.
func redactEmbedded(v string) string {
	for range 16 { // a bound, for a pathological value: each round masks at least one
		found := detect.Embedded(v, detect.ShapeOf(v))
		if found == 0 {
			return v
		}
		i := bits.TrailingZeros32(found)
		tok := detect.EmbeddedValue(v, i)
		if tok == "" {
			return v
		}
		masked := capExposure(tok, detect.All[i].Mask(tok))
		if masked == tok {
			return v
		}
		v = strings.ReplaceAll(v, tok, masked)
	}
	return v
}

// truncate cuts a shown value at maxShownRunes, ending it with an ellipsis.
func truncate(v string) string {
	n := 0
	for i := range v {
		if n == maxShownRunes {
			return v[:i] + "…"
		}
		n++
	}
	return v
}
