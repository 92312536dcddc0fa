# METADATA
# title: Sharing type declared; conditional sharing gives conditions and method
# description: >-
#   The dataset declares its sharing type (cn.share_type, 共享类型) as 无条件共享, 有条件共享 or
#   不予共享 (metadata_vocabularies.share_types); conditional sharing also gives the conditions
#   (cn.share_conditions) and the method (cn.share_method). Required of datasets in a
#   government resource catalogue: the cn-gov-catalogue profile.
# custom:
#   id: META-020
#   title_zh: '已声明共享类型；有条件共享须给出共享条件和共享方式'
#   remediation_zh: '声明 cn.share_type；有条件共享的，还须声明 cn.share_conditions（谁可使用、用于何种目的）和 cn.share_method（接口、文件交换等）。'
#   standard: 政务信息资源目录编制指南(试行)
#   clause: 核心元数据 共享属性 (共享类型, 共享条件, 共享方式)
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004)'
#   severity: error
#   remediation: >-
#     Declare cn.share_type; for 有条件共享, also cn.share_conditions (who may use the data,
#     for what) and cn.share_method (interface, file exchange, ...).
package dgcheck.rules.metadata.sharing_type

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {
	"message": "the metadata does not declare cn.share_type (共享类型)",
	"message_zh": "元数据未声明共享类型（cn.share_type）",
}) if not meta.given(["cn", "share_type"])

violation contains finding if {
	t := input.metadata.cn.share_type
	meta.present(t)
	not t in meta.vocab.share_types
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("cn.share_type %q is not one of %s", [t, concat(", ", meta.vocab.share_types)]),
		"message_zh": sprintf("cn.share_type %q 不是 %s 之一", [t, concat("、", meta.vocab.share_types)]),
		"evidence": {"share_type": t},
	})
}

violation contains finding if {
	input.metadata.cn.share_type == meta.vocab.conditional_share_type
	missing := [concat(".", ["cn", k]) | some k in ["share_conditions", "share_method"]; not meta.given(["cn", k])]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("conditional sharing (%s) without %s", [meta.vocab.conditional_share_type, concat(" or ", missing)]),
		"message_zh": sprintf("共享类型为%s，但未给出 %s", [meta.vocab.conditional_share_type, concat(" 或 ", missing)]),
		"evidence": {"missing": missing},
	})
}
