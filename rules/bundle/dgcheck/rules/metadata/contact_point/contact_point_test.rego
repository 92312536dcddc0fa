package dgcheck.rules.metadata.contact_point_test

import data.dgcheck.rules.metadata.contact_point

test_fail_empty_contact_point if {
	findings := contact_point.warning with input as {"metadata": {"contact_point": {"email": " "}}}
	[f] := [f | some f in findings]
	f.id == "META-005"
	f.severity == "warning"
	f.message == "the metadata gives no contact point with an e-mail address or telephone number"
}

test_success_phone_only if {
	count(contact_point.warning) == 0 with input as {"metadata": {"contact_point": {"phone": "027-87654321"}}}
}
