# METADATA
# title: >-
#   Distribution is readable: file opens, encoding decodes as declared (UTF-8 or GB18030), CSV
#   dialect parses
# description: >-
#   Every row reads cleanly: it has as many fields as the header (no ragged rows), its bytes
#   decode in the file's encoding (no undecodable rows), it has no quote where the CSV dialect
#   allows none (no bare quotes) and no NUL byte, and no line is blank. Each problem is one
#   finding, A of B rows read cleanly, X = A/B, target 1 (blank lines are no rows: A is the
#   rows read, B those plus the blank ones). A file that does not open at all never reaches the
#   rules: dgcheck reports it as an input error.
# custom:
#   id: QUAL-019
#   title_zh: '数据文件可读：能打开、按声明的编码（UTF-8 或 GB18030）解码、CSV 格式可解析'
#   remediation_zh: '以统一编码（UTF-8，或声明为 GB18030）和一致的 CSV 格式重新导出：每行字段数与表头一致，含分隔符或换行的字段加引号。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 可访问性/可访问
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: error
#   indicator: accessibility
#   remediation: >-
#     Re-export the file with one encoding throughout (UTF-8, or GB18030 declared as such) and a
#     consistent CSV dialect: every row with the header's number of fields, fields holding the
#     delimiter or a line break quoted.
package dgcheck.rules.quality.readable

import data.dgcheck.lib.profile
import data.dgcheck.lib.result

violation contains _finding("ragged_rows", "rows have a different number of fields from the header", "字段数与表头不一致") if {
	input.profile.table.ragged_rows.count > 0
}

violation contains _finding("undecodable_rows", sprintf("rows hold bytes that do not decode as %s", [_encoding]), sprintf("含有无法按 %s 解码的字节", [_encoding_zh])) if {
	input.profile.table.undecodable_rows.count > 0
}

violation contains _finding("bare_quote_rows", "rows have a quote inside an unquoted field or after a closing quote, read as a character", "在未加引号的字段中或闭合引号之后出现引号，该引号按普通字符读取") if {
	input.profile.table.bare_quote_rows.count > 0
}

violation contains _finding("nul_rows", "rows hold a NUL byte", "含有 NUL 字节") if {
	input.profile.table.nul_rows.count > 0
}

violation contains result.finding(rego.metadata.chain(), {
	"message": sprintf("%d blank rows among %d rows%s (X = %s)", [issues.count, rows, _first(issues), result.ratio(measure.x)]),
	"message_zh": sprintf("%d 行数据中夹有 %d 个空行%s（X = %s）", [rows, issues.count, _first_zh(issues), result.ratio(measure.x)]),
	"measure": measure,
	"evidence": {"encoding": _encoding, "blank_rows": issues.count, "issues": issues.samples},
	"samples": [{"row": issue.row} | some issue in issues.samples],
}) if {
	issues := input.profile.table.blank_rows
	issues.count > 0
	rows := input.profile.table.rows
	measure := result.measure(rows, rows + issues.count)
}

_encoding := object.get(input, ["dataset", "encoding"], "the detected encoding")

_encoding_zh := object.get(input, ["dataset", "encoding"], "检测到的编码")

# kind names the reading problem in profile.table; problem says it in words, problem_zh in
# Chinese.
_finding(kind, problem, problem_zh) := result.finding(rego.metadata.chain(), {
	"message": sprintf("%d of %d %s%s (X = %s)", [issues.count, rows, problem, _first(issues), result.ratio(measure.x)]),
	"message_zh": sprintf("%d 行中有 %d 行%s%s（X = %s）", [rows, issues.count, problem_zh, _first_zh(issues), result.ratio(measure.x)]),
	"measure": measure,
	"evidence": {"encoding": _encoding, kind: issues.count, "issues": issues.samples},
	"samples": [{"row": issue.row} | some issue in issues.samples],
}) if {
	issues := input.profile.table[kind]
	rows := input.profile.table.rows
	measure := result.measure(rows - issues.count, rows)
}

_first(issues) := sprintf("; first at row %d: %s", [issues.samples[0].row, issues.samples[0].detail])

_first(issues) := "" if not issues.samples[0]

_first_zh(issues) := sprintf("；首次出现在第 %d 行：%s", [issues.samples[0].row, profile.detail_zh(issues.samples[0])])

_first_zh(issues) := "" if not issues.samples[0]

measures contains result.measurement(rego.metadata.chain(), kind, rows - input.profile.table[kind].count, rows) if {
	rows := input.profile.table.rows
	some kind in ["ragged_rows", "undecodable_rows", "bare_quote_rows", "nul_rows"]
}

measures contains result.measurement(rego.metadata.chain(), "blank_rows", rows, rows + input.profile.table.blank_rows.count) if {
	rows := input.profile.table.rows
}
