# METADATA
# title: 'Cross-field constraints hold (ID-derived birth date and sex, region codes, references)'
# description: >-
#   Related data agree. Each declared derivation (consistency: the birth date and sex a
#   resident ID number encodes equal the birth-date and sex columns; its address code, or a
#   credit code's registering division, equals a region column) holds on A of B rows whose
#   identifier is readable, X = A/B; and each declared foreign key names a row of the
#   referenced dataset on A of B rows with a key. Each fails below
#   thresholds.derivation_min or thresholds.foreign_key_min (1.0).
# custom:
#   id: QUAL-015
#   title_zh: '跨字段约束成立（由证件号码推导的出生日期和性别、行政区划代码、引用关系）'
#   remediation_zh: '在源头更正出错的一方：标识符或由其推导的列；对外键，更正键值或补齐被引用数据集中缺失的行。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 一致性/关联数据一致性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number; T: the ID parity-to-sex rule in GB 11643-1999''s text (zh.wikisource.org)'
#   severity: warning
#   indicator: consistency
#   remediation: >-
#     Correct whichever side is wrong at the source: the identifier or the column derived from
#     it; for a foreign key, the key or the missing row of the referenced dataset.
package dgcheck.rules.quality.related_consistency

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_read := {
	"cn_id_birth_date": "birth date",
	"cn_id_sex": "sex",
	"cn_id_region": "address code",
	"uscc_region": "registering division",
}

_read_zh := {
	"cn_id_birth_date": "出生日期",
	"cn_id_sex": "性别",
	"cn_id_region": "地址码",
	"uscc_region": "登记管理机关行政区划",
}

measures contains result.measurement(rego.metadata.chain(), concat(":", [c.name, c.columns[1]]), c.evaluated - c.failed, c.evaluated) if {
	some c in meta.row_checks("consistency")
}

measures contains result.measurement(rego.metadata.chain(), concat(":", ["foreign_key", concat(",", fk.columns)]), fk.evaluated - fk.failed, fk.evaluated) if {
	some fk in input.profile.table.foreign_keys
}

warning contains finding if {
	some c in meta.row_checks("consistency")
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.derivation_min
	finding := result.finding(rego.metadata.chain(), {
		"column": c.columns[1],
		"message": sprintf("%s: %d of %d rows disagree with the %s in %s (X = %s)", [
			c.columns[1], c.failed, c.evaluated, _read[c.name], c.columns[0], result.ratio(measure.x),
		]),
		"message_zh": sprintf("%s：%d 行中有 %d 行与 %s 中的%s不一致（X = %s）", [
			c.columns[1], c.evaluated, c.failed, c.columns[0], _read_zh[c.name], result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"derivation": c.name, "from": c.columns[0]},
		"samples": c.samples,
	})
}

warning contains finding if {
	some fk in input.profile.table.foreign_keys
	measure := result.measure(fk.evaluated - fk.failed, fk.evaluated)
	measure.x < config.thresholds.foreign_key_min
	columns := concat(",", fk.columns)
	finding := result.finding(rego.metadata.chain(), {
		"column": columns,
		"message": sprintf("foreign key %s: %d of %d keys are not found in %s of %s (X = %s)", [
			columns, fk.failed, fk.evaluated, concat(",", fk.referenced.columns), fk.referenced.path, result.ratio(measure.x),
		]),
		"message_zh": sprintf("外键 %s：%d 个键中有 %d 个在 %s 的 %s 中找不到（X = %s）", [
			columns, fk.evaluated, fk.failed, fk.referenced.path, concat(",", fk.referenced.columns), result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"referenced": fk.referenced},
		"samples": fk.samples,
	})
}
