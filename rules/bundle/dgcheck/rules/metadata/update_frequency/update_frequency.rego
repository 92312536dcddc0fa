# METADATA
# title: Update frequency uses a controlled vocabulary
# description: >-
#   A declared accrual_periodicity (dct:accrualPeriodicity; 更新周期) is one of the configured
#   frequencies (data.dgcheck.config.metadata_vocabularies.update_frequencies): the catalogue
#   guide's 实时, 每日, 每周, 每月, 每季度, 每半年, 每年, 不定期, an EU frequency IRI, or an ISO 8601
#   repeating duration (R/P1M). Free text cannot be compared with the data's dates (QUAL-017).
# custom:
#   id: META-010
#   title_zh: '更新频率使用受控词表'
#   remediation_zh: '用词表中的术语填写更新频率，例如 每月 或 http://publications.europa.eu/resource/authority/frequency/MONTHLY。'
#   standard: DCAT-AP 3.0.1; 政务信息资源目录编制指南(试行)
#   clause: DCAT-AP vocabulary usage (frequency authority table); 编制指南 更新周期
#   basis: 'S: the DCAT-AP frequency authority table (SEMICeu/dcat-ap_shacl resources/frequencies-skos-ap-act.rdf); S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004)'
#   severity: warning
#   remediation: >-
#     Write the update frequency with a term of the vocabulary, e.g. 每月 or
#     http://publications.europa.eu/resource/authority/frequency/MONTHLY.
package dgcheck.rules.metadata.update_frequency

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	p := input.metadata.accrual_periodicity
	meta.present(p)
	not meta.vocab.update_frequencies[p]
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("accrual_periodicity %q is not a term of the update-frequency vocabulary", [p]),
		"message_zh": sprintf("accrual_periodicity %q 不是更新频率受控词表中的术语", [p]),
		"evidence": {"accrual_periodicity": p},
	})
}
