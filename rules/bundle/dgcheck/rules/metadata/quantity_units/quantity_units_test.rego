package dgcheck.rules.metadata.quantity_units_test

import data.dgcheck.rules.metadata.quantity_units

test_fail_quantity_without_unit if {
	findings := quantity_units.warning with input as {"metadata": {"fields": [{"name": "monthly_allowance", "semantic_type": "quantity"}]}}
	[f] := [f | some f in findings]
	f.id == "META-019"
	f.column == "monthly_allowance"
	f.message == "monthly_allowance: a quantity without a unit"
}

test_success_quantity_with_unit_or_not_a_quantity if {
	count(quantity_units.warning) == 0 with input as {"metadata": {"fields": [
		{"name": "monthly_allowance", "semantic_type": "quantity", "unit": "元"},
		{"name": "household_id"},
	]}}
}
