package dgcheck.rules.metadata.update_frequency_test

import data.dgcheck.rules.metadata.update_frequency

test_fail_free_text_frequency if {
	findings := update_frequency.warning with input as {"metadata": {"accrual_periodicity": "每个月底"}}
	[f] := [f | some f in findings]
	f.id == "META-010"
	f.message == "accrual_periodicity \"每个月底\" is not a term of the update-frequency vocabulary"
}

test_success_chinese_eu_and_iso_terms if {
	every p in ["每月", "http://publications.europa.eu/resource/authority/frequency/MONTHLY", "R/P1M", "不定期"] {
		count(update_frequency.warning) == 0 with input as {"metadata": {"accrual_periodicity": p}}
	}
}
