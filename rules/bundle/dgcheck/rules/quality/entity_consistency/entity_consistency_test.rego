package dgcheck.rules.quality.entity_consistency_test

import data.dgcheck.rules.quality.entity_consistency

_name := {"key": ["sfzh"], "attribute": "name", "entities": 1990, "inconsistent": 3, "samples": [{"row": 88}]}

test_fail_one_id_two_names if {
	findings := entity_consistency.warning with input as {"profile": {"table": {"entities": [_name]}}}
	[f] := [f | some f in findings]
	f.id == "QUAL-014"
	f.column == "name"
	f.message == "name: 3 of 1990 entities (by sfzh) carry more than one value (X = 0.9985)"
	f.samples == [{"row": 88}]
}

test_success_consistent_entities if {
	e := object.union(_name, {"inconsistent": 0, "samples": []})
	count(entity_consistency.warning) == 0 with input as {"profile": {"table": {"entities": [e]}}}
	entity_consistency.measures == {{"id": "QUAL-014", "indicator": "consistency", "element": "sfzh:name", "a": 1990, "b": 1990}} with input as {"profile": {"table": {"entities": [e]}}}
}
