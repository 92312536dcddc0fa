# METADATA
# title: Retention period and destruction method declared for datasets containing PI
# description: >-
#   A dataset declared to contain personal information (pi.contains_pi: true) says how long it
#   is kept (retention.period, ISO 8601 duration such as P3Y) and how it is destroyed after
#   (retention.destruction_method): personal information is kept no longer than its purpose
#   needs.
# custom:
#   id: META-026
#   title_zh: '含个人信息的数据集声明保存期限和销毁方式'
#   remediation_zh: '添加 `retention: {period: P3Y, destruction_method: …}`，填写实现目的所需的保存期限及到期后副本的销毁方式。'
#   standard: PIPL (个人信息保护法)
#   clause: art. 19 (retention no longer than necessary)
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, art. 19 read'
#   severity: warning
#   remediation: >-
#     Add `retention: {period: P3Y, destruction_method: …}` with the period the purpose needs
#     and how copies are destroyed after it.
package dgcheck.rules.metadata.retention

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	input.metadata.pi.contains_pi == true
	missing := [concat(".", ["retention", k]) | some k in ["period", "destruction_method"]; not meta.given(["retention", k])]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the dataset contains personal information but does not declare %s", [concat(" or ", missing)]),
		"message_zh": sprintf("数据集含个人信息，但未声明 %s", [concat(" 或 ", missing)]),
		"evidence": {"missing": missing},
	})
}
