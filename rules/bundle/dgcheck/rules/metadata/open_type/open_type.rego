# METADATA
# title: Open type declared from {无条件开放, 有条件开放, 不予开放}
# description: >-
#   The dataset declares its open type (cn.open_type, 开放属性) from the configured vocabulary
#   (metadata_vocabularies.open_types: 无条件开放, 有条件开放, 不予开放 and regional synonyms
#   such as 非开放), which decides who may download it.
# custom:
#   id: META-021
#   title_zh: '开放类型取值为 {无条件开放, 有条件开放, 不予开放} 之一'
#   remediation_zh: '将 cn.open_type 声明为 无条件开放（任何人可下载）、有条件开放（按所列条件开放）或 不予开放（不开放）。'
#   standard: 政务信息资源目录编制指南(试行); open-data portal practice
#   clause: 编制指南 开放属性; portal practice for the values
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004); S: a Hubei (Xianning) open-data portal record (pages corpus), its 开放状态 values'
#   severity: error
#   remediation: >-
#     Declare cn.open_type as 无条件开放 (anyone may download), 有条件开放 (on stated
#     conditions) or 不予开放 (not opened).
package dgcheck.rules.metadata.open_type

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {
	"message": "the metadata does not declare cn.open_type (开放属性)",
	"message_zh": "元数据未声明开放属性（cn.open_type）",
}) if not meta.given(["cn", "open_type"])

violation contains finding if {
	t := input.metadata.cn.open_type
	meta.present(t)
	not meta.open_kind
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("cn.open_type %q is not one of %s", [t, concat(", ", sort(object.keys(meta.vocab.open_types)))]),
		"message_zh": sprintf("cn.open_type %q 不是 %s 之一", [t, concat("、", sort(object.keys(meta.vocab.open_types)))]),
		"evidence": {"open_type": t},
	})
}
