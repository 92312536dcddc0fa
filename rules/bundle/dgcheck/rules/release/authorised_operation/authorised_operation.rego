# METADATA
# title: Authorised-operation products declare the authorising body, the operator and the agreement
# description: >-
#   A dataset that is part of an authorised-operation product (authorised_operation) names the
#   implementing body that authorised it, the operator, and the agreement; raw public data
#   marked for external delivery (is_raw_public_data and delivery: external) is flagged, since
#   local measures keep raw data in its domain (原始数据不出域).
# custom:
#   id: PUB-008
#   title_zh: '授权运营产品声明授权主体、运营方和授权协议'
#   remediation_zh: '声明 `authorised_operation: {implementing_body: …, operator: …, agreement_ref: …}`；交付基于公共数据原始数据加工的产品（模型、核验服务），而非原始数据本身。'
#   standard: 公共数据资源授权运营实施规范(试行) (发改数据规〔2025〕27号); local authorised-operation measures
#   clause: 公共数据资源授权运营实施规范(试行) art. 3; 原始数据不出域 in local measures
#   basis: 'S: art. 3 (m.law-lib.com/law/law_view.asp?id=772688, not re-checked); S: 原始数据不出域 in local measures (bridata.com/policy/detail?id=15873); NF: 原始数据不出域 as a national clause'
#   severity: warning
#   remediation: >-
#     Declare `authorised_operation: {implementing_body: …, operator: …, agreement_ref: …}`;
#     deliver products (models, verification services) built on raw public data rather than
#     the raw data.
package dgcheck.rules.release.authorised_operation

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	op := input.metadata.authorised_operation
	is_object(op)
	count(op) > 0
	missing := [k | some k in ["implementing_body", "operator", "agreement_ref"]; not meta.present(object.get(op, k, ""))]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the authorised operation does not declare its %s", [concat(", ", missing)]),
		"message_zh": sprintf("授权运营未声明 %s", [concat("、", missing)]),
		"evidence": {"missing": missing},
	})
}

warning contains result.finding(rego.metadata.chain(), {
	"message": "raw public data is marked for external delivery (is_raw_public_data, delivery: external)",
	"message_zh": "原始公共数据被标记为对外交付（is_raw_public_data，delivery: external）",
}) if {
	input.metadata.authorised_operation.is_raw_public_data == true
	input.metadata.authorised_operation.delivery == "external"
}
