# METADATA
# title: Resource classification (类/项/目/细目) declared
# description: >-
#   The dataset declares its government information-resource classification
#   (cn.resource_class, 信息资源分类) as a code of 类 (1 digit), 项 (+2), 目 (+3) and 细目
#   (+more) digits, written with or without hyphens; the code's pattern is policy data
#   (metadata_vocabularies.resource_class_pattern, a project default). Required of datasets in
#   a government resource catalogue: the cn-gov-catalogue profile.
# custom:
#   id: META-012
#   title_zh: '已声明资源分类（类/项/目/细目）'
#   remediation_zh: '以目录的分类代码声明 cn.resource_class，例如 1-01-001 表示类 1、项 01、目 001。'
#   standard: 政务信息资源目录编制指南(试行)
#   clause: '核心元数据 信息资源分类 (code pattern: a project default)'
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004); P: the code pattern'
#   severity: error
#   remediation: >-
#     Declare cn.resource_class with the catalogue's classification code, e.g. 1-01-001 for
#     类 1, 项 01, 目 001.
package dgcheck.rules.metadata.resource_class

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {
	"message": "the metadata does not declare cn.resource_class (信息资源分类)",
	"message_zh": "元数据未声明信息资源分类（cn.resource_class）",
}) if not meta.given(["cn", "resource_class"])

violation contains finding if {
	code := input.metadata.cn.resource_class
	is_string(code)
	meta.present(code)
	not regex.match(meta.vocab.resource_class_pattern, replace(code, "-", ""))
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("cn.resource_class %q is not a 类/项/目/细目 code (1, 2, 3 and more digits)", [code]),
		"message_zh": sprintf("cn.resource_class %q 不是类/项/目/细目代码（依次为 1 位、2 位、3 位及以上数字）", [code]),
		"evidence": {"resource_class": code},
	})
}
