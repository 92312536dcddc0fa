package dgcheck.rules.classification.derived_lineage_test

import data.dgcheck.rules.classification.derived_lineage

_meta := {"classification": {"level": "general", "general_sublevel": 2}, "lineage": {"sources": [{"name": "户籍库", "level": "general-4"}]}}

test_fail_unjustified_lower_grade if {
	[f] := [f | some f in derived_lineage.warning] with input as {"metadata": _meta, "profile": {"columns": []}, "options": {}}
	f.id == "CLASS-011"
	f.severity == "info"
	f.message == "source 户籍库 is graded general-4, above the dataset's general-2, and lineage.justification does not say why"
}

test_success_justified if {
	meta := json.patch(_meta, [{"op": "add", "path": "/lineage/justification", "value": "aggregated to street level"}])
	count(derived_lineage.warning) == 0 with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
}
