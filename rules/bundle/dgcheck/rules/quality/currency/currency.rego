# METADATA
# title: Data is current relative to its update cycle
# description: >-
#   The data was last modified (modified) no longer ago than its update cycle
#   (accrual_periodicity, in days per metadata_vocabularies.update_frequencies) times
#   thresholds.currency_grace_cycles (1.5, a project default): now - modified <= cycle × 1.5.
#   And the records are no newer than the declared modification: the latest date of the time
#   field (time_field) is not after modified, or the metadata is older than the data it
#   describes. Each is one element, A of B = 1 of 1 when it holds. A frequency without a cycle
#   (不定期, continuous) cannot be late.
# custom:
#   id: QUAL-017
#   title_zh: '数据相对其更新周期保持时效性'
#   remediation_zh: '按更新周期承诺发布更新并将 modified 设为更新日期，或声明数据实际遵循的更新周期。'
#   standard: GB/T 36344-2018; ISO/IEC 25012:2008
#   clause: GB/T 36344-2018 5 指标说明, indicator 时效性/基于时间点的及时性; ISO/IEC 25012:2008 currentness characteristic
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number; T: ISO/IEC 25012:2008 abstract, 15 characteristics (standards.iteh.ai); S: their names (JDA-DM/GIF guidebook); NF: the currentness clause number'
#   severity: warning
#   indicator: timeliness
#   remediation: >-
#     Publish the update the cycle promises and set modified to its date, or declare the cycle
#     the data really follows.
package dgcheck.rules.quality.currency

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_day_ns := ((24 * 60) * 60) * 1000000000

_age_days := (time.parse_rfc3339_ns(input.options.now) - meta.time_ns(input.metadata.modified)) / _day_ns

_due_days := meta.cycle_days * config.thresholds.currency_grace_cycles

default _current := 0

_current := 1 if _age_days <= _due_days

measures contains result.measurement(rego.metadata.chain(), "modified", _current, 1) if {
	_due_days
	_age_days
}

measures contains result.measurement(rego.metadata.chain(), "time_field", _in_step, 1) if _latest

warning contains finding if {
	_age_days > _due_days
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("modified %s is %d days ago; the data was due within %d days (%v update cycles of %d days)", [
			input.metadata.modified, floor(_age_days), floor(_due_days),
			config.thresholds.currency_grace_cycles, meta.cycle_days,
		]),
		"message_zh": sprintf("修改日期 modified %s 距今已 %d 天，超过应更新的期限 %d 天（%v 个更新周期，每个周期 %d 天）", [
			input.metadata.modified, floor(_age_days), floor(_due_days),
			config.thresholds.currency_grace_cycles, meta.cycle_days,
		]),
		"measure": result.measure(0, 1),
		"evidence": {"modified": input.metadata.modified, "age_days": floor(_age_days), "cycle_days": meta.cycle_days},
	})
}

warning contains finding if {
	_latest
	_in_step == 0
	finding := result.finding(rego.metadata.chain(), {
		"column": input.metadata.time_field,
		"message": sprintf("%s: records are dated up to %s, after the declared modified date %s", [
			input.metadata.time_field, _latest, input.metadata.modified,
		]),
		"message_zh": sprintf("%s：记录的日期最晚至 %s，晚于声明的修改日期 %s", [
			input.metadata.time_field, _latest, input.metadata.modified,
		]),
		"measure": result.measure(0, 1),
		"evidence": {"latest": _latest, "modified": input.metadata.modified},
	})
}

# The latest date of the time field, when the field's values are dates and modified is one.
_latest := col.max if {
	col := meta.column(input.metadata.time_field)
	meta.iso(col.max)
	meta.iso(input.metadata.modified)
}

default _in_step := 0

# Compared day by day: a record of the morning of the day the data was modified is in step.
_in_step := 1 if substring(_latest, 0, 10) <= substring(input.metadata.modified, 0, 10)
