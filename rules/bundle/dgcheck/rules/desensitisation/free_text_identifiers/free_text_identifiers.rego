# METADATA
# title: Free-text columns contain no embedded identifiers
# description: >-
#   In data that is opened or shared, no value carries a direct identifier inside other text
#   (a mobile number or an ID number written into a remark): the detectors count such values
#   per column as embedded. Masking the identifier columns does nothing for a copy of the
#   number typed into a note.
# custom:
#   id: DESENS-020
#   title_zh: '自由文本列中不含嵌入的标识符'
#   remediation_zh: '在数据开放或共享前删除或屏蔽自由文本中的标识符（或删除该自由文本列）。'
#   standard: GB/T 37964-2019; PIPL (个人信息保护法)
#   clause: GB/T 37964-2019 3.4 微数据, 3.7 直接标识符; PIPL art. 51
#   basis: 'T: GB/T 37964-2019 terms (gongliff.cn/anquanbz/2053.html), 3.4 and 3.7 read; T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, art. 51 read'
#   severity: error
#   remediation: >-
#     Remove or mask the identifiers inside the free text (or drop the free-text column)
#     before the data is opened or shared.
package dgcheck.rules.desensitisation.free_text_identifiers

import data.dgcheck.lib.desens
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	_leaves_its_holder
	some col in input.profile.columns
	some detector in profile.direct
	noun := profile.noun(detector)
	counts := col.detectors[detector]
	n := object.get(counts, "embedded", 0)
	n > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d present values hold %s inside other text", [col.name, n, profile.non_null(col), noun]),
		"message_zh": sprintf("%s：%d 个非空值中有 %d 个在其他文本中夹带%s", [col.name, profile.non_null(col), n, profile.noun_zh(detector)]),
		"evidence": {"detector": detector, "embedded": n, "non_null": profile.non_null(col)},
		"samples": object.get(counts, "embedded_samples", []),
	})
}

_leaves_its_holder if desens.released

_leaves_its_holder if input.metadata.cn.share_type in {"无条件共享", "有条件共享"}
