# METADATA
# title: Provider and provider code declared; provider code is a valid USCC
# description: >-
#   The dataset names its provider (publisher.name, 信息资源提供方) and gives the provider's
#   code (publisher.uscc, 提供方代码) as a unified social credit code whose GB 32100-2015 check
#   character (position 18, mod 31) is right.
# custom:
#   id: META-014
#   title_zh: '已声明提供方及其代码，且提供方代码为有效的统一社会信用代码'
#   remediation_zh: '声明 `publisher: {name: …, uscc: …}`，填写提供方营业执照或登记证书上印制的 18 位统一社会信用代码。'
#   standard: 政务信息资源目录编制指南(试行); GB 32100-2015
#   clause: 编制指南 核心元数据 信息资源提供方, 提供方代码; GB 32100-2015 4.2 代码及说明, Annex A
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004); S: GB 32100-2015 4.2 (JR/T 0293—2023 table 1) and Annex A'
#   severity: error
#   remediation: >-
#     Declare `publisher: {name: …, uscc: …}` with the provider's 18-character unified social
#     credit code as its business licence or registration certificate prints it.
package dgcheck.rules.metadata.provider_code

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {
	"message": "the metadata does not name the provider (publisher.name)",
	"message_zh": "元数据未写明提供方名称（publisher.name）",
}) if not meta.given(["publisher", "name"])

violation contains result.finding(rego.metadata.chain(), {
	"message": "the metadata does not give the provider's code (publisher.uscc)",
	"message_zh": "元数据未给出提供方代码（publisher.uscc）",
}) if not meta.given(["publisher", "uscc"])

violation contains finding if {
	code := input.metadata.publisher.uscc
	meta.present(code)
	not meta.uscc_valid(code)
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("publisher.uscc %q is not a valid unified social credit code (GB 32100-2015 structure and check character)", [code]),
		"message_zh": sprintf("publisher.uscc %q 不是有效的统一社会信用代码（不符合 GB 32100-2015 规定的代码结构或校验码）", [code]),
		"evidence": {"uscc": code},
	})
}
