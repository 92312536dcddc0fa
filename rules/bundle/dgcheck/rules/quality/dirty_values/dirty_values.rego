# METADATA
# title: 'Dirty values are absent: placeholders, mojibake, control characters'
# description: >-
#   A column's values are free of dirt: placeholders standing for a value (NULL, N/A, -, 无
#   outside the dataset's declared missing_values, in a field not required; in a required
#   field QUAL-007 counts them as missing), sentinel numbers (999999), mojibake (U+FFFD, 锟斤拷,
#   UTF-8 read as Latin-1), control characters, and in code columns full-width forms and
#   ideographic spaces (U+3000) that break matching. A of B present values are clean, X = A/B,
#   and the column fails above thresholds.dirty_max (0, a project default) dirty. Statistical
#   outliers are not measured.
# custom:
#   id: QUAL-013
#   title_zh: '不存在脏数据：占位符、乱码、控制字符'
#   remediation_zh: '在源头清洗数据：缺失值留空（或在 missing_values 中声明其占位符），从原始编码重新导出乱码文本，去除控制字符，并将代码中的全角数字和空格转换为 ASCII 字符。'
#   standard: GB/T 36344-2018
#   clause: 准确性/脏数据出现率 (indicator; sub-clause number unknown)
#   severity: warning
#   indicator: accuracy
#   remediation: >-
#     Clean the values at the source: leave a missing value empty (or declare its token in
#     missing_values), re-export garbled text from the original encoding, strip control
#     characters, and convert full-width digits and spaces in codes to ASCII.
# schemas:
#   - input: schema.dgcheck.input
package dgcheck.rules.quality.dirty_values

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

measures contains result.measurement(rego.metadata.chain(), col.name, present - min([_dirty(col), present]), present) if {
	some col in input.profile.columns
	present := profile.non_null(col)
}

warning contains finding if {
	some col in input.profile.columns
	present := profile.non_null(col)
	dirty := min([_dirty(col), present])
	measure := result.measure(present - dirty, present)
	1 - measure.x > config.thresholds.dirty_max
	kinds := object.union(_kinds(col), _placeholder_kinds(col))
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d of %d values are dirty: %s (X = %s)", [
			col.name, dirty, present, concat(", ", [sprintf("%s %d", [k, n]) | some k, n in kinds]), result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": kinds,
		"samples": _samples(col),
	})
}

_dirty(col) := sum([n | some n in _kinds(col)]) + sum([n | some n in _placeholders(col)])

# The kinds of dirt that count in this column, by count.
_kinds(col) := {kind: issues.count | some kind, issues in col.dirty; _counts(col, kind)}

_counts(_, kind) if kind in {"sentinel", "mojibake", "control"}

_counts(col, kind) if {
	kind in {"fullwidth", "ideographic_space"}
	meta.code_column(col)
}

# Placeholder tokens the dataset does not declare as its missing values, in a field that is
# not required.
_placeholders(col) := {token: n |
	some token, n in col.missing_tokens
	not token in object.get(input.metadata, "missing_values", [])
	not _required(col.name)
}

_placeholder_kinds(col) := {"placeholder": sum([n | some n in _placeholders(col)])} if count(_placeholders(col)) > 0

default _placeholder_kinds(_) := {}

_required(name) if {
	some field in input.metadata.fields
	field.name == name
	field.nullable == false
}

_samples(col) := array.slice(sorted, 0, 5) if {
	rows := {s.row: s | some kind, issues in col.dirty; _counts(col, kind); some s in issues.samples}
	sorted := [rows[r] | some r in sort(object.keys(rows))]
}
