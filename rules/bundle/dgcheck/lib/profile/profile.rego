# METADATA
# description: >-
#   Readings of input.profile shared by rules: how many values a column holds and whether it
#   holds an identifier.
# schemas:
#   - input: schema.dgcheck.input
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
# description: col's field declares the validator of detector's identifier.
declares_validator(col, detector) if {
	data.dgcheck.config.validator_detectors[meta.field_of[col.name].validator] == detector
}

# METADATA
# description: col holds detector's identifier because the metadata declares its validator.
identifier_column(col, detector) if declares_validator(col, detector)

# METADATA
# description: >-
#   col holds detector's identifier because enough of its non-null values have the
#   identifier's structure (thresholds.detect_min_rate).
identifier_column(col, detector) if {
	present := non_null(col)
	present > 0
	hits(col, detector) / present >= config.thresholds.detect_min_rate
}
