# METADATA
# title: Metadata maintainer and metadata version declared
# description: >-
#   The metadata record names who maintains it (metadata.maintainer, 元数据维护方) and its
#   version (metadata.version, 元数据版本), so a reader can tell which description is current
#   and whom to ask.
# custom:
#   id: META-024
#   title_zh: '已声明元数据维护方和元数据版本'
#   remediation_zh: '添加 `metadata: {maintainer: …, version: "1.0"}`，描述每次变更时提升版本号。'
#   standard: DB37/T 2885-2016
#   clause: 6.14-6.15 (table of contents)
#   basis: 'T: DB37/T 2885-2016 TOC (bubsandbeans.com/paper/370839184.html), 6.14-6.15 seen'
#   severity: info
#   remediation: >-
#     Add `metadata: {maintainer: …, version: "1.0"}` and raise the version whenever the
#     description changes.
package dgcheck.rules.metadata.maintenance

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	missing := [concat(".", ["metadata", k]) | some k in ["maintainer", "version"]; not meta.given(["metadata", k])]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the metadata record does not declare %s", [concat(" or ", missing)]),
		"message_zh": sprintf("元数据记录未声明 %s", [concat(" 或 ", missing)]),
		"evidence": {"missing": missing},
	})
}
