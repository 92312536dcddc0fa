# METADATA
# description: >-
#   Readings of input.profile shared by rules: how many values a column holds and whether it
#   holds an identifier.
package dgcheck.lib.profile

import data.dgcheck.lib.config
import data.dgcheck.lib.meta

# METADATA
# description: Values present in col, neither null nor blank.
non_null(col) := col.rows - (col.nulls + col.blanks)

# METADATA
# description: Values of col with detector's structure, raw or masked.
hits(col, detector) := object.get(col, ["detectors", detector, "matched"], 0) + object.get(col, ["detectors", detector, "masked"], 0)

# METADATA
# description: >-
#   The identifiers dgcheck knows: data.dgcheck.identifiers, generated from checkers/detect's
#   registry (labels, nouns, validators, check characters, plausibility thresholds).
registry := data.dgcheck.identifiers

# METADATA
# description: The detectors of direct identifiers, those that single out a person (GB/T 37964).
direct contains detector if {
	some detector, r in registry.detectors
	r.personal
}

# METADATA
# description: The plural noun messages use for detector's values.
noun(detector) := registry.detectors[detector].noun.en

# METADATA
# description: The noun Chinese messages use for detector's values.
noun_zh(detector) := registry.detectors[detector].noun.zh

# METADATA
# description: >-
#   What a reading issue (profile.table's samples, header_issues) says in Chinese: the reader
#   gives detail_zh beside detail; a profile made without it falls back to the English.
detail_zh(issue) := object.get(issue, "detail_zh", issue.detail)

# METADATA
# description: >-
#   Values of col with detector's structure whose parts do not rule them out as the
#   identifier (a real address code and birth date, a known card issuer), raw.
plausible(col, detector) := object.get(col, ["detectors", detector, "plausible"], 0)

# METADATA
# description: col's field declares the validator of detector's identifier.
declares_validator(col, detector) if {
	v := meta.field_of[col.name].validator
	v != ""
	registry.detectors[detector].validator == v
}

# METADATA
# description: col holds detector's identifier because the metadata declares its validator.
identifier_column(col, detector) if declares_validator(col, detector)

# METADATA
# description: >-
#   col holds detector's identifier because its values say so: enough of them are plausible
#   identifiers, raw or masked (thresholds.detect_min_rate), nearly all its matches are
#   plausible (registry.plausible_min), and its right check characters are more than chance
#   gives strings of the shape. 18-digit order numbers have an ID number's structure; they
#   fail the first two. (For identifiers that values alone cannot tell, weak and heuristic
#   ones, identifiers.typed asks the column classifier instead.)
identifier_column(col, detector) if {
	r := registry.detectors[detector]
	c := object.get(col, ["detectors", detector], {})
	present := non_null(col)
	present > 0
	p := object.get(c, "plausible", 0)
	(p + object.get(c, "masked", 0)) / present >= config.thresholds.detect_min_rate
	p >= registry.plausible_min * object.get(c, "matched", 0)
	_above_chance(object.get(c, "valid", 0), p, r.check_chance)
}

# Valid (right check character) of n plausible values is more than chance p gives: at least
# chance.factor times p and chance.z standard deviations above it. Without a check character,
# or without a raw value to judge, there is nothing to doubt.
_above_chance(_, _, 0)

_above_chance(_, 0, p) if p > 0

_above_chance(valid, n, p) if {
	p > 0
	n > 0
	rate := valid / n
	rate >= registry.chance.factor * p
	d := rate - p
	d > 0
	(d * d) * n >= ((registry.chance.z * registry.chance.z) * p) * (1 - p)
}

# METADATA
# description: >-
#   col holds detector's identifier, as every rule that asks decides: the metadata declares its
#   validator; or its values say so (identifier_column), unless the column classifier typed
#   the column as another identifier (a masked ID number, 420115********0014, has a masked
#   18-digit card's form too); or, for identifiers values alone cannot tell (eight digits of a
#   Taiwan permit, a likely name), the classifier, which weighs the column's name, typed it so
#   with enough confidence.
holds(col, detector) if declares_validator(col, detector)

holds(col, detector) if {
	r := registry.detectors[detector]
	not r.weak
	not r.heuristic
	not _explained_otherwise(col, detector)
	identifier_column(col, detector)
}

holds(col, detector) if {
	col.classification.detector == detector
	col.classification.confidence >= config.thresholds.classify_min_confidence
}

_explained_otherwise(col, detector) if {
	d := col.classification.detector
	d != detector
}

# METADATA
# description: >-
#   col's plausible detector values mostly fail their check character: identifiers, badly
#   kept. Check-character rules report such a column at a lower severity, as shaped like the
#   identifier rather than surely one.
mostly_invalid(col, detector) if {
	c := col.detectors[detector]
	c.plausible > 0
	2 * c.valid < c.plausible
}
