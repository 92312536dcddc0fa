package dgcheck.rules.metadata.title_present_test

import data.dgcheck.rules.metadata.title_present

test_fail_no_metadata if {
	title_present.violation == {{
		"id": "META-001",
		"title": "Dataset has a non-empty title",
		"area": "metadata",
		"severity": "error",
		"standard": "DCAT-AP 3.0.1",
		"clause": "shapes.ttl :Dataset_Shape",
		"remediation": "Give the dataset a title in its metadata, in Chinese and, where the catalogue shows one, in English: `title: {zh: \"…\", en: \"…\"}`.",
		"message": "the metadata gives the dataset no non-blank title (languages given: 0)",
		"message_zh": "元数据未给出非空的数据集名称（已给出的语种数：0）",
	}} with input as {"metadata": {}}
}

test_fail_blank_in_every_language if {
	some f in title_present.violation with input as {"metadata": {"title": {"zh": "  ", "en": ""}}}
	f.id == "META-001"
	f.message == "the metadata gives the dataset no non-blank title (languages given: 2)"
	not f.column
}

test_success_chinese_title if {
	count(title_present.violation) == 0 with input as {"metadata": {"title": {"zh": "低保家庭名册"}}}
}

test_success_one_language_non_blank if {
	count(title_present.violation) == 0 with input as {"metadata": {"title": {"zh": "", "en": "Households on minimum living allowance"}}}
}

# A plain string is a title (the sidecar reads one as Chinese); other types are not, and never
# fail the run.
test_success_plain_string_title if {
	count(title_present.violation) == 0 with input as {"metadata": {"title": "低保名册"}}
}

test_fail_title_of_wrong_types if {
	every title in [5, true, [], {"zh": 5}, {"zh": {"x": "y"}}] {
		[f] := [f | some f in title_present.violation] with input as {"metadata": {"title": title}}
		startswith(f.message, "the metadata gives the dataset no non-blank title")
	}
}
