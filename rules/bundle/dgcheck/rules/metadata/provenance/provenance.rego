# METADATA
# title: Provenance or source of the data declared
# description: >-
#   The metadata says where the data comes from: provenance (dct:provenance) or sources
#   (dct:source, or lineage.sources for derived data), so that its credibility can be traced
#   (ISO/IEC 25012 traceability).
# custom:
#   id: META-025
#   title_zh: '已声明数据的来源或出处'
#   remediation_zh: '添加 `provenance: …`（数据抽取自哪个系统或登记簿以及抽取方式），或以 `source: [...]` 列出来源数据集。'
#   standard: DCAT-AP 3.0.1; ISO/IEC 25012:2008
#   clause: DCAT-AP optional dct:provenance, dct:source; ISO/IEC 25012:2008 traceability characteristic
#   basis: 'T: SEMICeu/DCAT-AP 3.0.1 (snapshot 7c531da), optional Dataset properties; T: ISO/IEC 25012:2008 abstract, 15 characteristics (standards.iteh.ai); S: their names (JDA-DM/GIF guidebook); NF: a clause number'
#   severity: info
#   remediation: >-
#     Add `provenance: …` (the system or register the data was extracted from, and how), or
#     `source: [...]` naming the source datasets.
package dgcheck.rules.metadata.provenance

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains result.finding(rego.metadata.chain(), {
	"message": "the metadata declares neither provenance nor source",
	"message_zh": "元数据未声明数据的来源或出处（provenance、source）",
}) if {
	not meta.given(["provenance"])
	not meta.given(["source"])
	not meta.given(["lineage", "sources"])
}
