# METADATA
# title: Conditionally open data states its conditions
# description: >-
#   Data declared 有条件开放 says on what conditions it is opened (cn.open_conditions: who may
#   apply, for what uses, under what security requirements).
# custom:
#   id: PUB-002
#   title_zh: '有条件开放的数据列明开放条件'
#   remediation_zh: '声明 cn.open_conditions：准予申请的对象、允许的用途以及要求其采取的安全措施。'
#   standard: GB/T 38664.1-2020; 政务信息资源目录编制指南(试行)
#   clause: GB/T 38664.1-2020 3.3 公共数据开放; 编制指南 开放属性
#   basis: 'T: GB/T 38664.1-2020 3.3 (dingdangling.com/rules/73256.html); NF: a list of opening conditions; S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004)'
#   severity: error
#   remediation: >-
#     Declare cn.open_conditions: the applicants admitted, the uses allowed and the security
#     measures required of them.
package dgcheck.rules.release.open_conditions

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {
	"message": sprintf("data declared %s gives no conditions (cn.open_conditions)", [input.metadata.cn.open_type]),
	"message_zh": sprintf("声明为%s的数据未列明开放条件（cn.open_conditions）", [input.metadata.cn.open_type]),
}) if {
	meta.open_kind == "conditional"
	not meta.given(["cn", "open_conditions"])
}
