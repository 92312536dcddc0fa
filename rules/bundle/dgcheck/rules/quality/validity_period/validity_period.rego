# METADATA
# title: Data is within its declared validity period
# description: >-
#   Data that declares the last date it may be used (valid_until) is checked before then:
#   one element, A of B = 1 of 1 while today (the date of input.options.now) is not after it.
# custom:
#   id: QUAL-020
#   title_zh: '数据处于声明的有效期内'
#   remediation_zh: '撤下过期数据，或发布带有新 valid_until 的当前版本。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 可访问性/可用性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: info
#   indicator: accessibility
#   remediation: >-
#     Withdraw the expired data, or publish a current version with a new valid_until.
package dgcheck.rules.quality.validity_period

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_today := substring(input.options.now, 0, 10)

default _valid := 0

_valid := 1 if substring(input.metadata.valid_until, 0, 10) >= _today

measures contains result.measurement(rego.metadata.chain(), "valid_until", _valid, 1) if meta.iso(input.metadata.valid_until)

warning contains finding if {
	meta.iso(input.metadata.valid_until)
	_valid == 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the data was valid until %s; today is %s", [input.metadata.valid_until, _today]),
		"message_zh": sprintf("数据的有效期截至 %s，现已过期（今天是 %s）", [input.metadata.valid_until, _today]),
		"measure": result.measure(0, 1),
		"evidence": {"valid_until": input.metadata.valid_until},
	})
}
