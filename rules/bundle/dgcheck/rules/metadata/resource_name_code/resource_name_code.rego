# METADATA
# title: Resource name and resource code declared
# description: >-
#   The dataset declares its information-resource name (title, 信息资源名称) and code
#   (cn.resource_code, 信息资源代码: the classification code and a sequence number), which a
#   government resource catalogue registers it by.
# custom:
#   id: META-013
#   title_zh: '已声明资源名称和资源代码'
#   remediation_zh: '按目录登记的内容声明 title 和 cn.resource_code。'
#   standard: 政务信息资源目录编制指南(试行)
#   clause: 核心元数据 信息资源名称, 信息资源代码
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004)'
#   severity: error
#   remediation: >-
#     Declare title and cn.resource_code as the catalogue registers them.
package dgcheck.rules.metadata.resource_name_code

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_elements := [
	{"path": ["title"], "name": "title (信息资源名称)", "name_zh": "信息资源名称（title）"},
	{"path": ["cn", "resource_code"], "name": "cn.resource_code (信息资源代码)", "name_zh": "信息资源代码（cn.resource_code）"},
]

violation contains finding if {
	missing := [e.name | some e in _elements; not meta.given(e.path)]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the metadata does not declare %s", [concat(" or ", missing)]),
		"message_zh": sprintf("元数据未声明%s", [concat("或", [e.name_zh | some e in _elements; not meta.given(e.path)])]),
		"evidence": {"missing": missing},
	})
}
