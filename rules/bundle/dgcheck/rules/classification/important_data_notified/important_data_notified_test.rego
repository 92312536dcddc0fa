package dgcheck.rules.classification.important_data_notified_test

import data.dgcheck.rules.classification.important_data_notified

test_fail_important_without_notification if {
	[f] := [f | some f in important_data_notified.warning] with input as {"metadata": {"classification": {"level": "重要"}}}
	f.id == "CLASS-010"
	startswith(f.message, "the dataset is graded important")
}

test_fail_notified_without_ref if {
	[f] := [f | some f in important_data_notified.warning] with input as {"metadata": {"classification": {"level": "important", "important_data_notified": {"value": true}}}}
	f.message == "important_data_notified is true without the notification's reference (ref)"
}

test_fail_notified_but_general if {
	[f] := [f | some f in important_data_notified.warning] with input as {"metadata": {"classification": {"level": "general", "important_data_notified": {"value": true, "ref": "鄂数据〔2025〕1号"}}}}
	f.message == "the dataset was notified as important data but is graded general"
}

test_fail_notified_without_level if {
	[f] := [f | some f in important_data_notified.warning] with input as {"metadata": {"classification": {"important_data_notified": {"value": true, "ref": "x"}}}}
	f.message == "the dataset was notified as important data but is graded null"
}

test_success_consistent if {
	count(important_data_notified.warning) == 0 with input as {"metadata": {"classification": {"level": "important", "important_data_notified": {"value": true, "ref": "鄂数据〔2025〕1号"}}}}
	count(important_data_notified.warning) == 0 with input as {"metadata": {"classification": {"level": "general", "important_data_notified": {"value": false, "ref": null}}}}
}
