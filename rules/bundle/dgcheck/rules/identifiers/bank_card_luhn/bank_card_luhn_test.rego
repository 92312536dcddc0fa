package dgcheck.rules.identifiers.bank_card_luhn_test

import data.dgcheck.rules.identifiers.bank_card_luhn

test_fail_bank_card_luhn if {
	col := {"name": "yhkh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"bank_card": {"matched": 98, "valid": 94, "masked": 2, "traits": {"bad_luhn": 4, "unionpay": 80}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "bank_card", "detector": "bank_card", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in bank_card_luhn.violation] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-009"
	f.column == "yhkh"
	f.measure.b == 98
}

test_success_bank_card_luhn if {
	col := {"name": "yhkh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"bank_card": {"matched": 100, "valid": 100, "masked": 0, "traits": {"bad_luhn": 0, "unionpay": 100}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "bank_card", "detector": "bank_card", "confidence": 0.99, "form": "raw"}}
	count(bank_card_luhn.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_untyped_column_is_not_judged if {
	col := {"name": "yhkh", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"bank_card": {"matched": 30, "valid": 30, "masked": 0, "traits": {"bad_luhn": 4, "unionpay": 80}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}}
	count(bank_card_luhn.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
