# METADATA
# title: The six mandatory core metadata of GB/T 21063.3 are present
# description: >-
#   GB/T 21063.3-2007 makes six of its twelve core metadata mandatory. The sources cited here
#   do not show which six, so the list checked is a project default (resource name,
#   classification, provider, abstract, resource identifier, metadata identifier;
#   metadata_vocabularies.gbt21063_mandatory), and this is a warning until the list is
#   confirmed against the standard's text.
# custom:
#   id: META-023
#   title_zh: 'GB/T 21063.3 规定的六项必选核心元数据齐全'
#   remediation_zh: '声明缺失的元素：title、cn.resource_class、publisher.name、description、identifier 和 metadata.identifier（元数据记录自身的标识符）。'
#   standard: GB/T 21063.3-2007
#   clause: scope (6 mandatory and 6 optional core metadata); Annexes A and B (normative)
#   basis: 'T: GB/T 21063.3-2007 scope (guifan.ocsyun.com/ocsstandardinfo/info_476904); NF: which six are mandatory; P: the list checked (metadata_vocabularies.gbt21063_mandatory)'
#   severity: warning
#   remediation: >-
#     Declare the missing elements: title, cn.resource_class, publisher.name, description,
#     identifier and metadata.identifier (the metadata record's own identifier).
package dgcheck.rules.metadata.core_metadata

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	missing := [e.element | some e in meta.vocab.gbt21063_mandatory; not meta.given(e.path)]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%d of the %d mandatory core metadata are missing: %s", [
			count(missing), count(meta.vocab.gbt21063_mandatory), concat(", ", missing),
		]),
		"message_zh": sprintf("%d 项必选核心元数据中缺少 %d 项：%s", [
			count(meta.vocab.gbt21063_mandatory), count(missing), concat("、", missing),
		]),
		"evidence": {"missing": missing},
	})
}
