package dgcheck.rules.release.authorised_operation_test

import data.dgcheck.rules.release.authorised_operation

test_fail_incomplete_authorisation_and_raw_delivery if {
	findings := authorised_operation.warning with input as {"metadata": {"authorised_operation": {
		"operator": "某数据集团",
		"is_raw_public_data": true,
		"delivery": "external",
	}}}
	{f.message | some f in findings} == {
		"the authorised operation does not declare its implementing_body, agreement_ref",
		"raw public data is marked for external delivery (is_raw_public_data, delivery: external)",
	}
}

test_success_declared_product if {
	count(authorised_operation.warning) == 0 with input as {"metadata": {"authorised_operation": {
		"implementing_body": "市数据局",
		"operator": "某数据集团",
		"agreement_ref": "授权运营协议〔2025〕1号",
		"delivery": "model",
	}}}
}

test_success_not_an_operation if {
	count(authorised_operation.warning) == 0 with input as {"metadata": {}}
}
