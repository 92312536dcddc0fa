# METADATA
# title: Open data carries a licence or terms of use
# description: >-
#   Data declared open says on what terms it may be reused: a licence (dct:license) or terms of
#   use.
# custom:
#   id: PUB-007
#   title_zh: '开放数据附有许可协议或使用条款'
#   remediation_zh: '声明 `license: CC-BY-4.0`（或开放平台自己的许可协议）；平台发布使用条款的，声明 `terms_of_use: …`。'
#   standard: DCAT-AP 3.0.1; open-data portal practice
#   clause: DCAT-AP dct:license (recommended on :Distribution_Shape)
#   basis: 'T: SEMICeu/DCAT-AP 3.0.1 shapes_recommended.ttl (snapshot 7c531da), dct:license on :Distribution_Shape; S: a Hubei (Xianning) open-data portal record (pages corpus)'
#   severity: warning
#   remediation: >-
#     Declare `license: CC-BY-4.0` (or the portal's own licence), or `terms_of_use: …` where the
#     portal publishes terms instead.
package dgcheck.rules.release.licence

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains result.finding(rego.metadata.chain(), {
	"message": sprintf("data declared %s carries neither a licence nor terms of use", [input.metadata.cn.open_type]),
	"message_zh": sprintf("声明为%s的数据既未附许可协议，也未附使用条款", [input.metadata.cn.open_type]),
}) if {
	meta.released
	not meta.given(["license"])
	not meta.given(["terms_of_use"])
}
