package dgcheck.rules.identifiers.vehicle_plate_format_test

import data.dgcheck.rules.identifiers.vehicle_plate_format

test_fail_vehicle_plate_format if {
	col := {"name": "cph", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"vehicle_plate": {"matched": 95, "valid": 95, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "vehicle_plate", "detector": "vehicle_plate", "confidence": 0.99, "form": "raw"}}
	[f] := [f | some f in vehicle_plate_format.warning] with input as {"metadata": {}, "profile": {"columns": [col]}}
	f.id == "ID-011"
	f.column == "cph"
	f.measure.b == 100
}

test_success_vehicle_plate_format if {
	col := {"name": "cph", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"vehicle_plate": {"matched": 100, "valid": 100, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}, "classification": {"type": "vehicle_plate", "detector": "vehicle_plate", "confidence": 0.99, "form": "raw"}}
	count(vehicle_plate_format.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_untyped_column_is_not_judged if {
	col := {"name": "cph", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"vehicle_plate": {"matched": 30, "valid": 30, "masked": 0, "traits": {}, "invalid_samples": [{"row": 3, "value": "x"}], "raw_samples": []}}}
	count(vehicle_plate_format.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
