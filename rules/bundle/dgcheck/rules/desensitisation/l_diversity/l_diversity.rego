# METADATA
# title: The sensitive attribute is diverse within each equivalence class (l-diversity)
# description: >-
#   For each sensitive attribute the metadata declares (deidentification.sensitive_columns),
#   every equivalence class over the quasi-identifiers holds at least l distinct values of it:
#   l is thresholds.l_min, or deidentification.l if larger. A class whose members all share
#   one diagnosis tells anyone who can place a person in it that person's diagnosis.
# custom:
#   id: DESENS-015
#   title_zh: '每个等价类内敏感属性具有多样性（l-多样性）'
#   remediation_zh: '进一步泛化准标识符，或合并多样性最低的等价类，直至每个等价类至少包含 l 个不同的敏感属性值。'
#   standard: ISO/IEC 20889:2018
#   clause: chapter 9 (re-identification risk models)
#   basis: 'S: ISO/IEC 20889''s chapter 9 as the IHE/ITI.DeIdHandbook describes it (input/pagecontent/algorithms.md)'
#   severity: info
#   remediation: >-
#     Generalise the quasi-identifiers further, or merge the least diverse classes, until each
#     holds at least l distinct sensitive values.
package dgcheck.rules.desensitisation.l_diversity

import data.dgcheck.lib.config
import data.dgcheck.lib.desens
import data.dgcheck.lib.result

warning contains finding if {
	desens.released
	some d in input.profile.table.reidentification.diversity
	d.l < _l
	not d.capped
	finding := result.finding(rego.metadata.chain(), {
		"column": d.column,
		"message": sprintf("%s: l = %d, below %d: some classes over the quasi-identifiers hold only %d distinct values of it", [d.column, d.l, _l, d.l]),
		"message_zh": sprintf("%s：l = %d，低于 %d：按准标识符划分的部分等价类中，该属性只有 %d 个不同的值", [d.column, d.l, _l, d.l]),
		"evidence": {"l": d.l, "l_required": _l, "least_diverse_sizes": [c.size | some c in d.least_diverse]},
		"samples": [{"row": c.first_row} | some c in d.least_diverse],
	})
}

_l := max({config.thresholds.l_min, object.get(input.metadata, ["deidentification", "l"], 0)})
