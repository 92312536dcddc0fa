# METADATA
# title: Dataset declares spatial and temporal coverage
# description: >-
#   The metadata says where (dct:spatial) and when (dct:temporal, start and end) the data
#   covers.
# custom:
#   id: META-007
#   title_zh: '数据集声明空间范围和时间范围'
#   remediation_zh: '声明地域范围（`spatial: CN-42` 或行政区划代码）和记录覆盖的时段（`temporal: {start: 2015-01-01, end: 2025-06-30}`）。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes_recommended.ttl :Dataset_Shape (dct:spatial, dct:temporal)
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes_recommended.ttl (snapshot 7c531da), :Dataset_Shape read'
#   severity: warning
#   remediation: >-
#     Declare the area (`spatial: CN-42`, or a region code) and the period the records cover
#     (`temporal: {start: 2015-01-01, end: 2025-06-30}`).
package dgcheck.rules.metadata.coverage

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains result.finding(rego.metadata.chain(), {
	"message": "the metadata does not declare the spatial coverage",
	"message_zh": "元数据未声明空间范围",
}) if {
	not meta.given(["spatial"])
}

warning contains result.finding(rego.metadata.chain(), {
	"message": sprintf("the metadata does not declare the temporal coverage's %s", [concat(" or ", missing)]),
	"message_zh": sprintf("元数据未声明时间范围的%s", [concat("或", [_end_zh[end] | some end in missing])]),
	"evidence": {"missing": missing},
}) if {
	missing := [end | some end in ["start", "end"]; not meta.given(["temporal", end])]
	count(missing) > 0
}

_end_zh := {"start": "起始时间（temporal.start）", "end": "结束时间（temporal.end）"}
