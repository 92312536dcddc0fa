# METADATA
# title: The released file contains no re-identification aid
# description: >-
#   A de-identified file must not carry what undoes its de-identification: a raw identifier
#   beside its pseudonym (a field whose masking declares pseudonym_of a column that is in the
#   file with raw values), or, in a dataset that declares its de-identification, a direct
#   identifier column (declared direct, or detected) with values left raw.
# custom:
#   id: DESENS-011
#   title_zh: '发布的文件不含可用于重标识的辅助信息'
#   remediation_zh: '删除或屏蔽原始标识符；假名与身份之间的对应关系与发布文件分开保存，并实施访问控制。'
#   standard: GB/T 35273-2020; PIPL (个人信息保护法)
#   clause: GB/T 35273-2020 6.2 去标识化处理; PIPL art. 51(三), art. 73(三)
#   basis: 'T: GB/T 35273-2020 TOC (web.tlawyer.cn), 6.2 seen; NF: its text on keeping re-identification data apart; T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, arts. 51 and 73 read'
#   severity: error
#   remediation: >-
#     Drop the raw identifier, or mask it; keep any mapping between pseudonyms and identities
#     apart from the released file, under access control.
package dgcheck.rules.desensitisation.no_reidentification_aid

import data.dgcheck.lib.desens
import data.dgcheck.lib.meta
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	of := meta.field_of[col.name].masking.pseudonym_of
	some raw in input.profile.columns
	raw.name == of
	raw.forms.raw > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: a pseudonym of %s, which the file also holds with %d raw values: the pair links every pseudonym to its identity", [
			col.name, of, raw.forms.raw,
		]),
		"message_zh": sprintf("%s：是 %s 的假名，而文件中同时含有 %s 的 %d 个原始值：二者对照可将每个假名关联到其身份", [
			col.name, of, of, raw.forms.raw,
		]),
		"evidence": {"pseudonym_of": of, "raw": raw.forms.raw},
	})
}

violation contains finding if {
	desens.declares_deidentification
	some col in input.profile.columns
	_direct(col)
	col.forms.raw > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: a direct identifier with %d of %d present values unmasked, in a dataset declared de-identified", [
			col.name, col.forms.raw, profile.non_null(col),
		]),
		"message_zh": sprintf("%s：直接标识符的 %d 个非空值中有 %d 个未屏蔽，而数据集声明已去标识化", [
			col.name, profile.non_null(col), col.forms.raw,
		]),
		"evidence": {"raw": col.forms.raw, "non_null": profile.non_null(col), "role": desens.role(col.name)},
		"samples": _raw_samples(col),
	})
}

_direct(col) if desens.role(col.name) == "direct"

_direct(col) if {
	desens.role(col.name) == ""
	some detector in profile.direct
	profile.holds(col, detector)
}

# The detectors' located raw values (masked for display), where there are any.
_raw_samples(col) := array.slice(samples, 0, 5) if {
	samples := sort([s | some d in col.detectors; some s in object.get(d, "raw_samples", [])])
}
