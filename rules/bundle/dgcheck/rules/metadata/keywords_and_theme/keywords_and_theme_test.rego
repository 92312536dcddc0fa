package dgcheck.rules.metadata.keywords_and_theme_test

import data.dgcheck.rules.metadata.keywords_and_theme

test_fail_no_keywords_nor_theme if {
	findings := keywords_and_theme.warning with input as {"metadata": {"keywords": []}}
	{f.message | some f in findings} == {"the metadata gives no keywords", "the metadata gives no theme"}
}

test_fail_theme_outside_taxonomy if {
	findings := keywords_and_theme.warning with input as {"metadata": {"keywords": ["低保"], "theme": "体育"}}
		with data.dgcheck.config.metadata_vocabularies.themes as ["社会救助", "民政"]
	[f] := [f | some f in findings]
	f.message == "theme \"体育\" is not in the configured taxonomy (社会救助, 民政)"
}

test_success_keywords_and_theme if {
	count(keywords_and_theme.warning) == 0 with input as {"metadata": {"keywords": ["低保"], "theme": "社会救助"}}
}
