# METADATA
# title: Declared record count equals the actual row count
# description: >-
#   The record count the metadata declares (record_count, 数据量) is the number of rows in the
#   file: a portal shows it to users before they download.
# custom:
#   id: PUB-005
#   title_zh: '声明的记录数等于实际行数'
#   remediation_zh: '发布文件时将 record_count 设为文件的行数（不含表头）。'
#   standard: open-data portal practice (数据量)
#   clause: portal record field 数据量 (no clause)
#   basis: 'S: a Hubei (Xianning) open-data portal record (pages corpus), its 数据量 field'
#   severity: warning
#   remediation: >-
#     Set record_count to the file's row count (without the header) when the file is
#     published.
package dgcheck.rules.release.record_count

import data.dgcheck.lib.result

warning contains finding if {
	declared := input.metadata.record_count
	declared != input.profile.rows
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the metadata declares %d records; the file has %d rows", [declared, input.profile.rows]),
		"message_zh": sprintf("元数据声明有 %d 条记录，而文件有 %d 行", [declared, input.profile.rows]),
		"evidence": {"declared": declared, "rows": input.profile.rows},
	})
}
