# METADATA
# title: Citizen ID check digits are valid
# description: >-
#   In each column holding resident ID numbers (declared validator cn_id_gb11643, or detected),
#   the numbers validate: A of the B values with an ID number's structure have a valid ISO 7064
#   MOD 11-2 check digit and birth date, X = A/B, and the column fails below
#   thresholds.id_check_digit_min. Masked numbers cannot be checked and are not counted.
# custom:
#   id: ID-002
#   standard: GB 11643-1999
#   clause: check digit, ISO 7064 MOD 11-2 (clause number unknown)
#   severity: error
#   remediation: >-
#     Correct the numbers at the source, checking each against the register: a wrong check digit
#     almost always means a mistyped digit elsewhere in the number.
# schemas:
#   - input: schema.dgcheck.input
package dgcheck.rules.identifiers.resident_id_check_digit

import data.dgcheck.lib.config
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	profile.identifier_column(col, "cn_resident_id")
	ids := col.detectors.cn_resident_id
	measure := result.measure(ids.valid, ids.matched)
	measure.x < config.thresholds.id_check_digit_min

	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf(
			"%s: %d of %d resident ID numbers have a wrong check digit or birth date (X = %s)",
			[col.name, measure.b - measure.a, measure.b, result.ratio(measure.x)],
		),
		"measure": measure,
		"evidence": {"matched": ids.matched, "valid": ids.valid, "masked": ids.masked},
		"samples": object.get(ids, "invalid_samples", []),
	})
}
