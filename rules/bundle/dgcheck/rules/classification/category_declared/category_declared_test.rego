package dgcheck.rules.classification.category_declared_test

import data.dgcheck.rules.classification.category_declared

test_fail_no_category if {
	[f] := [f | some f in category_declared.warning] with input as {"metadata": {"classification": {"sector": "民政"}}}
	f.id == "CLASS-002"
	f.message == "the metadata declares no classification.category_path of the dataset's category"
}

test_success_category if {
	count(category_declared.warning) == 0 with input as {"metadata": {"classification": {"sector": "民政", "category_path": ["民政", "社会救助"]}}}
}
