package dgcheck.rules.classification.important_data_review_test

import data.dgcheck.rules.classification.important_data_review

test_fail_large_unreviewed if {
	[f] := [f | some f in important_data_review.warning] with input as {"metadata": {}, "profile": {"rows": 2000000, "columns": [{"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 1900000, "hints": [], "detectors": {"cn_resident_id": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}]}, "options": {}}
	f.id == "CLASS-009"
	f.evidence == {"rows": 2000000, "subjects": 1900000, "threshold": 1000000}
}

test_success_reviewed if {
	count(important_data_review.warning) == 0 with input as {"metadata": {"classification": {"reviewed_at": "2025-06-01"}}, "profile": {"rows": 2000000, "columns": []}, "options": {}}
}

test_success_small if {
	count(important_data_review.warning) == 0 with input as {"metadata": {}, "profile": {"rows": 2000, "columns": []}, "options": {}}
}
