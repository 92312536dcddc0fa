# METADATA
# title: Open data is machine-readable and non-proprietary (CSV, Parquet, JSON) with a documented encoding
# description: >-
#   Data declared open is published in machine-readable, non-proprietary formats
#   (metadata_vocabularies.open_formats: csv, parquet, json, xml), and a CSV declares its
#   character encoding (encoding), without which a reader guesses between UTF-8 and GB18030.
# custom:
#   id: PUB-006
#   title_zh: '开放数据为机器可读、非专有格式（CSV、Parquet、JSON），并注明编码'
#   remediation_zh: '在电子表格之外另行发布 CSV、Parquet 或 JSON 格式的分发，并声明 CSV 的编码（`encoding: utf-8`）。'
#   standard: GB/T 38664.3-2020
#   clause: 5 评价指标体系; 6.2 指标计算; Annex A 指标权重
#   basis: 'T: GB/T 38664.3-2020 TOC (guifanku.com/757751.html), 5, 6.2 and Annex A seen; S: the indicator names (bhygbaby)'
#   severity: info
#   remediation: >-
#     Publish a CSV, Parquet or JSON distribution beside any spreadsheet, and declare the
#     encoding of the CSV (`encoding: utf-8`).
package dgcheck.rules.release.open_formats

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	meta.released
	closed := [f | some f in meta.declared_formats; not f in meta.vocab.open_formats]
	count(closed) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("open data in a format that is not open: %s", [concat(", ", sort(closed))]),
		"message_zh": sprintf("开放数据采用了非开放格式：%s", [concat("、", sort(closed))]),
		"evidence": {"formats": sort(closed)},
	})
}

warning contains result.finding(rego.metadata.chain(), {
	"message": "open CSV data does not declare its encoding",
	"message_zh": "开放的 CSV 数据未声明其字符编码",
}) if {
	meta.released
	input.dataset.format == "csv"
	not meta.given(["encoding"])
}
