package dgcheck.rules.crossborder.important_assessment_test

import data.dgcheck.rules.crossborder.important_assessment

test_fail_important_under_contract if {
	meta := {"classification": {"level": "important"}, "cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "standard_contract"}}
	[f] := [f | some f in important_assessment.violation] with input as {"metadata": meta}
	f.id == "XB-003"
	f.evidence == {"mechanism": "standard_contract", "approval_ref": null}
}

test_success_assessed if {
	meta := {"classification": {"level": "重要"}, "cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"], "mechanism": "security_assessment", "approval_ref": "网信办〔2025〕12号"}}
	count(important_assessment.violation) == 0 with input as {"metadata": meta}
	count(important_assessment.violation) == 0 with input as {"metadata": {"classification": {"level": "general"}, "cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"]}}}
}
