package dgcheck.rules.desensitisation.differential_privacy_test

import data.dgcheck.rules.desensitisation.differential_privacy

test_fail_no_epsilon if {
	findings := differential_privacy.warning with input as {"metadata": {"deidentification": {"dp": {"mechanism": "laplace"}}}}
	[f.message | some f in findings] == ["differential privacy is claimed without epsilon"]
}

test_fail_large_epsilon if {
	findings := differential_privacy.warning with input as {"metadata": {"deidentification": {"dp": {"mechanism": "laplace", "epsilon": 8}}}}
	[f.evidence | some f in findings] == [{"epsilon": 8, "max": 1}]
}

test_success_bounded_claim if {
	count(differential_privacy.warning) == 0 with input as {"metadata": {"deidentification": {"dp": {"mechanism": "laplace", "epsilon": 0.5}}}}
}

test_success_no_claim if {
	count(differential_privacy.warning) == 0 with input as {"metadata": {"deidentification": {"dp": null}}}
}
