# METADATA
# title: Dataset has a contact point
# description: >-
#   The metadata gives a contact point (dcat:contactPoint; 部门电话/邮箱) with an e-mail
#   address or a telephone number, so users can report problems with the data.
# custom:
#   id: META-005
#   title_zh: '数据集有联系方式'
#   remediation_zh: '添加 `contact_point: {email: …, phone: …}`，填写负责答复该数据的部门，而非个人私人地址。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes_recommended.ttl :Dataset_Shape
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes_recommended.ttl (snapshot 7c531da), :Dataset_Shape read'
#   severity: warning
#   remediation: >-
#     Add `contact_point: {email: …, phone: …}` naming the office that answers for the data, not
#     a person's private address.
package dgcheck.rules.metadata.contact_point

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains result.finding(rego.metadata.chain(), {
	"message": "the metadata gives no contact point with an e-mail address or telephone number",
	"message_zh": "元数据未提供含电子邮件地址或电话号码的联系方式",
}) if {
	not meta.given(["contact_point", "email"])
	not meta.given(["contact_point", "phone"])
}
