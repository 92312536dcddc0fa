package dgcheck.rules.crossborder.destinations_declared_test

import data.dgcheck.rules.crossborder.destinations_declared

test_fail_unnamed if {
	[f] := [f | some f in destinations_declared.violation] with input as {"metadata": {"cross_border": {"planned": true, "destinations": ["Singapore"]}}}
	f.id == "XB-001"
	f.message == `a transfer abroad is planned but destinations ["Singapore"] are not ISO 3166-1 (GB/T 2659.1-2022) two-letter country codes; no recipients are named (cross_border.recipients)`
	f.message_zh == `拟向境外提供数据，但目的地 ["Singapore"] 不是 ISO 3166-1（GB/T 2659.1-2022）两字母国家代码；未列明境外接收方（cross_border.recipients）`
}

test_fail_two_letters_that_name_no_country if {
	[f] := [f | some f in destinations_declared.violation] with input as {"metadata": {"cross_border": {"planned": true, "destinations": ["SG", "UK", "XX"], "recipients": ["Acme"]}}}
	f.message == `a transfer abroad is planned but destinations ["UK", "XX"] are not ISO 3166-1 (GB/T 2659.1-2022) two-letter country codes`
}

test_success_named if {
	count(destinations_declared.violation) == 0 with input as {"metadata": {"cross_border": {"planned": true, "destinations": ["SG", "DE", "HK"], "recipients": ["Acme"]}}}
	count(destinations_declared.violation) == 0 with input as {"metadata": {"cross_border": {"planned": false}}}
}

# destinations: 5 names no destination; it is reported, not a failure of the rule.
test_fail_destinations_of_the_wrong_type if {
	every destinations in [5, {}, true, null] {
		[f] := [f | some f in destinations_declared.violation] with input as {"metadata": {"cross_border": {"planned": true, "destinations": destinations, "recipients": 3}}}
		f.message == "a transfer abroad is planned but no destinations are named (cross_border.destinations); no recipients are named (cross_border.recipients)"
	}
}

test_success_one_destination_as_a_string if {
	count(destinations_declared.violation) == 0 with input as {"metadata": {"cross_border": {"planned": true, "destinations": "SG", "recipients": ["Acme"]}}}
}
