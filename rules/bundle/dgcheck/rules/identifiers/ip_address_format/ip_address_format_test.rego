package dgcheck.rules.identifiers.ip_address_format_test

import data.dgcheck.rules.identifiers.ip_address_format

test_fail_ip_address_format if {
	col := {"name": "ip", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"ip_address": {"matched": 90, "valid": 90, "masked": 0, "traits": {"private": 3}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "ip_address", "detector": "ip_address", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in ip_address_format.warning] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-015"
	f.column == "ip"
	f.measure.b == 100
}

test_success_ip_address_format if {
	col := {"name": "ip", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"ip_address": {"matched": 100, "valid": 100, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "ip_address", "detector": "ip_address", "confidence": 0.99, "form": "raw"}}
	count(ip_address_format.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_untyped_column_is_not_judged if {
	col := {"name": "ip", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"ip_address": {"matched": 30, "valid": 30, "masked": 0, "traits": {"private": 3}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}}
	count(ip_address_format.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
