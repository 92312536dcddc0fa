package dgcheck.lib.gate_test

import data.dgcheck.lib.gate

waiver := {
	"rule": "QUAL-011", "dataset": "data/**/*.csv", "reason": "known repeats", "owner": "ops@example.org",
	"expires": "2026-03-31", "source": "dgcheck.yaml:9",
}

opts(waivers) := {"now": "2026-03-31T23:00:00Z", "waivers": waivers}

dataset := {"path": "./data/2026/roll.csv", "name": "roll.csv"}

repeat := {"id": "QUAL-011", "severity": "warning", "message": "2 rows repeat"}

test_waiver_in_force_marks_the_finding if {
	f := gate.judged(repeat) with input as {"dataset": dataset, "options": opts([waiver])}
	f.waived == {"reason": "known repeats", "owner": "ops@example.org", "expires": "2026-03-31"}
	f.severity == "warning"
}

test_waiver_expired_the_day_after if {
	f := gate.judged(repeat) with input as {"dataset": dataset, "options": object.union(opts([waiver]), {"now": "2026-04-01T00:00:00Z"})}
	not f.waived
	gate.expired(waiver) with input as {"options": {"now": "2026-04-01T00:00:00Z"}}
}

test_waiver_of_another_rule_or_dataset_or_column_waives_nothing if {
	others := [
		object.union(waiver, {"rule": "QUAL-007"}),
		object.union(waiver, {"dataset": "other/*.csv"}),
		object.union(waiver, {"column": "mobile"}),
	]
	every w in others {
		f := gate.judged(repeat) with input as {"dataset": dataset, "options": opts([w])}
		not f.waived
	}
}

test_waiver_by_file_name_and_column if {
	w := object.union(waiver, {"dataset": "roll.*", "column": "mobile"})
	f := gate.judged(object.union(repeat, {"column": "mobile"})) with input as {"dataset": dataset, "options": opts([w])}
	f.waived.reason == "known repeats"
}

test_first_covering_waiver_wins if {
	second := object.union(waiver, {"reason": "second"})
	f := gate.judged(repeat) with input as {"dataset": dataset, "options": opts([waiver, second])}
	f.waived.reason == "known repeats"
}

test_rule_cannot_waive_itself if {
	f := gate.judged(object.union(repeat, {"waived": {"reason": "trust me"}})) with input as {"dataset": dataset}
	not f.waived
}

test_severity_overridden if {
	f := gate.judged(repeat) with input as {"options": {"severity_overrides": {"QUAL-011": "error"}}}
	f.severity == "error"
	g := gate.judged(object.union(repeat, {"id": "QUAL-007"})) with input as {"options": {"severity_overrides": {"QUAL-011": "error"}}}
	g.severity == "warning"
}
