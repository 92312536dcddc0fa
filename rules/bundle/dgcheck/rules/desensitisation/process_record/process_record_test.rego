package dgcheck.rules.desensitisation.process_record_test

import data.dgcheck.rules.desensitisation.process_record

test_fail_no_record if {
	findings := process_record.warning with input as {"metadata": {"pi": {"contains_pi": true}, "cn": {"open_type": "无条件开放"}}}
	[f.message | some f in findings] == ["the de-identification record lacks objective, approved_by, approved_at, review_due"]
}

test_fail_incomplete_record if {
	findings := process_record.warning with input as {"metadata": {"deidentification": {"process": {"objective": "open release", "approved_by": "x"}}}}
	[f.evidence.missing | some f in findings] == [["approved_at", "review_due"]]
}

test_success_complete_record if {
	count(process_record.warning) == 0 with input as {"metadata": {"deidentification": {"process": {
		"objective": "open release", "approved_by": "数据安全小组",
		"approved_at": "2025-07-01", "review_due": "2026-07-01",
	}}}}
}

test_success_no_personal_information_kept_inside if {
	count(process_record.warning) == 0 with input as {"metadata": {"pi": {"contains_pi": true}}}
}

# A process that is not an object (a string, a list, a number) records nothing: the record
# lacks every key, and the rule says so rather than failing.
test_fail_process_of_the_wrong_type if {
	every process in ["approved", ["objective"], 12, true] {
		findings := process_record.warning with input as {"metadata": {"deidentification": {"process": process}}}
		[f.evidence.missing | some f in findings] == [["objective", "approved_by", "approved_at", "review_due"]]
	}
}

# A deidentification that is not an object declares none.
test_success_deidentification_of_the_wrong_type if {
	count(process_record.warning) == 0 with input as {"metadata": {"deidentification": "yes"}}
}
