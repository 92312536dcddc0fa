# METADATA
# title: 'Dirty values are absent: placeholders, mojibake, control characters, outliers'
# description: >-
#   A column's values are free of dirt: placeholders standing for a value (NULL, N/A, -, 无
#   outside the dataset's declared missing_values, in a field not required; in a required
#   field QUAL-007 counts them as missing), sentinel numbers (999999), mojibake (U+FFFD, 锟斤拷,
#   UTF-8 read as Latin-1), control characters, and in code columns full-width forms and
#   ideographic spaces (U+3000) that break matching, and statistical outliers in a column of
#   measures (numbers that are not codes or identifiers): values beyond Tukey's fences at
#   thresholds.outlier_k (3, "far out") interquartile ranges, on the log scale for a column of
#   positive numbers (thresholds.outlier_log_scale), in columns of at least
#   thresholds.outlier_min_values numbers. A of B present values are clean, X = A/B, and the
#   column fails above thresholds.dirty_max (0, a project default) dirty.
# custom:
#   id: QUAL-013
#   title_zh: '不存在脏数据：占位符、乱码、控制字符、离群值'
#   remediation_zh: '在源头清洗数据：缺失值留空（或在 missing_values 中声明其占位符），从原始编码重新导出乱码文本，去除控制字符，将代码中的全角数字和空格转换为 ASCII 字符，并逐条核实离群值（录入错误、单位错误或真实的极端值）。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 准确性/脏数据出现率
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: accuracy
#   remediation: >-
#     Clean the values at the source: leave a missing value empty (or declare its token in
#     missing_values), re-export garbled text from the original encoding, strip control
#     characters, convert full-width digits and spaces in codes to ASCII, and check each
#     outlier at its source (a typing or unit error, or a true extreme).
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
		"message": sprintf("%s: %d of %d values are dirty: %s (X = %s)%s", [
			col.name, dirty, present, concat(", ", [sprintf("%s %d", [k, n]) | some k, n in kinds]), result.ratio(measure.x),
			_fence_note(col),
		]),
		"message_zh": sprintf("%s：%d 个值中有 %d 个脏数据：%s（X = %s）%s", [
			col.name, present, dirty, concat("、", [sprintf("%s %d 个", [object.get(_kind_zh, k, k), n]) | some k, n in kinds]), result.ratio(measure.x),
			_fence_note_zh(col),
		]),
		"measure": measure,
		"evidence": kinds,
		"samples": _samples(col),
	})
}

# Dirty values, each counted once: the kinds' counts add a value with two counted kinds twice,
# so each such overlap (col.dirty_overlaps) gives back all but one of its count. Outliers are
# numbers and placeholders missing-value tokens, neither of which any kind of dirt is.
_dirty(col) := (sum([n | some n in _kinds(col)]) - _overcounted(col)) + sum([n | some n in _placeholders(col)])

_overcounted(col) := sum([extra |
	some o in object.get(col, "dirty_overlaps", [])
	counted := count([k | some k in o.kinds; _counts(col, k)])
	counted > 1
	extra := o.count * (counted - 1)
])

# The kinds of dirt that count in this column, by count.
_kinds(col) := object.union(
	{kind: issues.count | some kind, issues in col.dirty; _counts(col, kind)},
	{"outlier": n | n := _fence(col).below + _fence(col).above; n > 0},
)

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

_required(name) if meta.field_of[name].nullable == false

_samples(col) := array.slice(sorted, 0, 5) if {
	dirt := [s | some kind, issues in col.dirty; _counts(col, kind); some s in issues.samples]
	all := array.concat(dirt, _outlier_samples(col))

	# One sample per row, the first listed (dirt before outliers), should two kinds show the
	# same row's value differently.
	rows := {r: all[min(indices)] | some s in all; r := s.row; indices := [i | some i, x in all; x.row == r]}
	sorted := [rows[r] | some r in sort(object.keys(rows))]
}

# The fence QUAL-013 counts outliers beyond, in a column of measures: numbers enough for
# quartiles to mean something, and not codes or identifiers, whose spread says nothing.
_fence(col) := fence if {
	config.thresholds.outlier_k > 0
	col.spread.count >= config.thresholds.outlier_min_values
	not meta.code_column(col)
	some fence in col.spread.fences
	fence.k == config.thresholds.outlier_k
	fence.scale == _scale(col)
}

_outlier_samples(col) := _fence(col).samples

default _outlier_samples(_) := []

_scale(col) := "log" if {
	config.thresholds.outlier_log_scale == 1
	col.spread.positive
} else := "linear"

_fence_note(col) := sprintf("; outliers are beyond Tukey's fences [%s, %s] (k = %v on %s values)%s", [
	_number(_fence(col).lower), _number(_fence(col).upper), _fence(col).k, _scale(col),
	_estimated(_fence(col)),
]) if {
	_kinds(col).outlier
} else := ""

_estimated(fence) := ", estimated from a quantile sketch" if not fence.exact

else := ""

_kind_zh := {
	"sentinel": "哨兵值", "mojibake": "乱码", "control": "控制字符", "fullwidth": "全角字符",
	"ideographic_space": "全角空格", "outlier": "离群值", "placeholder": "占位符",
}

_fence_note_zh(col) := sprintf("；离群值指超出 Tukey 围栏 [%s, %s] 的值（k = %v，%s尺度）%s", [
	_number(_fence(col).lower), _number(_fence(col).upper), _fence(col).k, _scale_zh[_scale(col)],
	_estimated_zh(_fence(col)),
]) if {
	_kinds(col).outlier
} else := ""

_scale_zh := {"log": "对数", "linear": "线性"}

_estimated_zh(fence) := "，由分位数草图估算" if not fence.exact

else := ""

# A fence to two decimals, enough to judge a value against it.
_number(x) := format_int(x, 10) if x == round(x)

else := sprintf("%.2f", [x])
