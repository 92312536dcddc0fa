package dgcheck.lib.config_test

import data.dgcheck.lib.config

test_thresholds_default_to_data if {
	config.thresholds.completeness_min == 1 with input as {}
}

test_thresholds_overridden_by_options if {
	t := config.thresholds with input as {"options": {"thresholds": {"completeness_min": 0.98}}}
	t.completeness_min == 0.98
	t.id_check_digit_min == 0.999
}
