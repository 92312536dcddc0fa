# METADATA
# title: Suppression used to reach k is reported
# description: >-
#   Records or values suppressed to reach k change what the data says about the population,
#   so a de-identified dataset reports them: deidentification.suppressed_records, at most
#   thresholds.suppression_max of the original rows (rows + suppressed). Values suppressed in
#   the quasi-identifiers (every character a '*') count as suppression the metadata should
#   report.
# custom:
#   id: DESENS-016
#   title_zh: '报告为达到 k 值而采用的记录删除'
#   remediation_zh: '声明 deidentification.suppressed_records；如超出策略规定的比例，优先采用泛化而非删除。'
#   standard: GB/T 37964-2019
#   clause: Annex A, 抑制技术 (删除、屏蔽)
#   basis: 'S: GB/T 37964-2019 Annex A''s techniques, cited by one implementation'
#   severity: info
#   remediation: >-
#     Declare deidentification.suppressed_records; if it is above the policy's share, prefer
#     generalisation to suppression.
package dgcheck.rules.desensitisation.suppression_reported

import data.dgcheck.lib.config
import data.dgcheck.lib.desens
import data.dgcheck.lib.result

warning contains finding if {
	suppressed := input.metadata.deidentification.suppressed_records

	# A count of records: a whole number, and one a report's measure can hold (2^53 - 1); a
	# value of another kind is the metadata reader's to report.
	is_number(suppressed)
	suppressed >= 0
	suppressed == floor(suppressed)
	suppressed <= 9007199254740991
	original := input.profile.rows + suppressed
	measure := result.measure(suppressed, original)
	measure.x > config.thresholds.suppression_max
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%d of %d original records (%s) were suppressed, above %s", [
			suppressed, original, result.ratio(measure.x), result.ratio(config.thresholds.suppression_max),
		]),
		"message_zh": sprintf("%d 条原始记录中有 %d 条（%s）被删除，高于 %s", [
			original, suppressed, result.ratio(measure.x), result.ratio(config.thresholds.suppression_max),
		]),
		"measure": measure,
		"evidence": {"suppressed_records": suppressed, "original_records": original},
	})
}

warning contains finding if {
	desens.declares_deidentification
	not input.metadata.deidentification.suppressed_records
	qi := object.get(input.profile.table, ["reidentification", "quasi_identifiers"], [])
	some col in input.profile.columns
	col.name in qi
	col.forms.suppressed > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d values of this quasi-identifier are suppressed, but the metadata declares no deidentification.suppressed_records", [col.name, col.forms.suppressed]),
		"message_zh": sprintf("%s：该准标识符有 %d 个值被抑制，但元数据未声明 deidentification.suppressed_records", [col.name, col.forms.suppressed]),
		"evidence": {"suppressed": col.forms.suppressed},
	})
}
