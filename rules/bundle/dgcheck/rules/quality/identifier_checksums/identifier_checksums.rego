# METADATA
# title: 'Identifier columns pass their checksums: a semantic-validity proxy'
# description: >-
#   Over every column typed as holding identifiers that carry a check character (resident ID numbers,
#   credit codes, organisation codes, bank cards: metadata_vocabularies.checksum_identifiers),
#   the identifiers pass their check: a value that fails it cannot name a real person or
#   organisation. A of B identifiers pass, X = A/B, for the dataset as a whole, and it fails
#   below thresholds.identifier_validity_min (0.999, a project default). Each identifier's
#   own rule (ID-002, ...) reports it column by column.
# custom:
#   id: QUAL-023
#   title_zh: '标识符列通过校验：作为语义有效性的替代检验'
#   remediation_zh: '对照其来源登记簿更正校验不通过的标识符；校验字符错误几乎总是意味着其他位置录入有误。'
#   standard: GB/T 42381.8-2023 (ISO 8000-8)
#   clause: 5.2 语义质量 (5.1 语法质量)
#   basis: 'S: GB/T 42381.8-2023 TOC in an interpretation deck (renrendoc.com/paper/325673611.html)'
#   severity: warning
#   remediation: >-
#     Correct the identifiers that fail their check against the register they come from; a
#     wrong check character almost always means a mistyped character elsewhere.
package dgcheck.rules.quality.identifier_checksums

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_counted := [[col.name, d, col.detectors[d]] |
	some col in input.profile.columns
	some d in meta.vocab.checksum_identifiers
	identifiers.typed(col, d)
	col.detectors[d].matched > 0
]

warning contains finding if {
	valid := sum([c.valid | some [_, _, c] in _counted])
	matched := sum([c.matched | some [_, _, c] in _counted])
	measure := result.measure(valid, matched)
	measure.x < config.thresholds.identifier_validity_min
	samples := sort([s | some [_, _, c] in _counted; some s in c.invalid_samples])
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%d of %d identifiers with a check character fail it, in %s (X = %s)", [
			matched - valid, matched, concat(", ", sort({sprintf("%s (%s)", [n, d]) | some [n, d, _] in _counted})), result.ratio(measure.x),
		]),
		"message_zh": sprintf("%s 中带校验码的 %d 个标识符有 %d 个未通过校验（X = %s）", [
			concat(", ", sort({sprintf("%s (%s)", [n, d]) | some [n, d, _] in _counted})), matched, matched - valid, result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"columns": [{"column": n, "detector": d, "matched": c.matched, "valid": c.valid} | some [n, d, c] in _counted]},
		"samples": array.slice(samples, 0, 5),
	})
}
