package dgcheck.rules.metadata.description_present_test

import data.dgcheck.rules.metadata.description_present

test_fail_blank_description if {
	description_present.violation == {{
		"id": "META-002",
		"title": "Dataset has a non-empty description",
		"area": "metadata",
		"severity": "error",
		"standard": "DCAT-AP 3.0.1",
		"clause": "shapes.ttl :Dataset_Shape",
		"remediation": concat(" ", [
			"Describe the dataset in its metadata: what it holds, for whom, from when to when, and how",
			"often it is updated: `description: {zh: \"…\", en: \"…\"}`.",
		]),
		"message": "the metadata gives the dataset no non-blank description (languages given: 1)",
		"message_zh": "元数据未给出非空的数据集摘要（已给出的语种数：1）",
	}} with input as {"metadata": {"description": {"zh": "  "}}}
}

test_fail_no_metadata if {
	count(description_present.violation) == 1 with input as {"metadata": {}}
}

test_success_described_in_one_language if {
	count(description_present.violation) == 0 with input as {"metadata": {"description": {"en": "Households on the roll"}}}
}
