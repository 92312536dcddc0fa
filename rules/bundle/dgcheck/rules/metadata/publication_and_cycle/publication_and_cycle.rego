# METADATA
# title: Publication date and update cycle declared
# description: >-
#   The dataset declares when it was published (issued, 发布日期) and how often it is updated
#   (accrual_periodicity, 更新周期): without them a user cannot tell current data from stale
#   (QUAL-017).
# custom:
#   id: META-022
#   title_zh: '已声明发布日期和更新周期'
#   remediation_zh: '声明 `issued: YYYY-MM-DD` 和 `accrual_periodicity`（每月、每年、不定期等）。'
#   standard: 政务信息资源目录编制指南(试行)
#   clause: 核心元数据 发布日期, 更新周期
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004)'
#   severity: error
#   remediation: >-
#     Declare `issued: YYYY-MM-DD` and `accrual_periodicity` (每月, 每年, 不定期, ...).
package dgcheck.rules.metadata.publication_and_cycle

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_elements := [
	{"key": "issued", "name": "issued (发布日期)", "name_zh": "发布日期（issued）"},
	{"key": "accrual_periodicity", "name": "accrual_periodicity (更新周期)", "name_zh": "更新周期（accrual_periodicity）"},
]

violation contains finding if {
	some e in _elements
	not meta.given([e.key])
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the metadata does not declare %s", [e.name]),
		"message_zh": sprintf("元数据未声明%s", [e.name_zh]),
	})
}
