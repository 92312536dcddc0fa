package dgcheck.rules.desensitisation.effectiveness_declared_test

import data.dgcheck.rules.desensitisation.effectiveness_declared

test_fail_nothing_declared if {
	findings := effectiveness_declared.warning with input as {"metadata": {"deidentification": {"k": 5, "effect_level": null}}}
	[f.message | some f in findings] == ["the de-identification declares no effect_level and no evaluated_at"]
}

test_success_declared if {
	count(effectiveness_declared.warning) == 0 with input as {"metadata": {"deidentification": {"effect_level": "去标识化", "evaluated_at": "2025-07-01"}}}
}

test_success_no_deidentification if {
	count(effectiveness_declared.warning) == 0 with input as {"metadata": {}}
}

# A deidentification that is not an object declares no de-identification to evaluate.
test_success_deidentification_of_the_wrong_type if {
	every d in ["k=5", [1], 5] {
		count(effectiveness_declared.warning) == 0 with input as {"metadata": {"deidentification": d}}
	}
}
