package dgcheck.rules.quality.temporal_coverage_test

import data.dgcheck.rules.quality.temporal_coverage

_start := {"name": "start_date", "constraints": {"temporal_coverage": {
	"reference": "2015-01-01..2025-06-30",
	"evaluated": 2000,
	"failed": 3,
	"samples": [{"row": 5, "value": "2*********"}],
}}}

test_fail_dates_after_coverage if {
	findings := temporal_coverage.warning with input as {"profile": {"columns": [_start]}}
	[f] := [f | some f in findings]
	f.id == "QUAL-016"
	f.message == "start_date: 3 of 2000 dates fall outside the declared temporal coverage 2015-01-01..2025-06-30 (X = 0.9985)"
}

test_success_within_coverage if {
	col := json.patch(_start, [{"op": "replace", "path": "/constraints/temporal_coverage/failed", "value": 0}])
	count(temporal_coverage.warning) == 0 with input as {"profile": {"columns": [col]}}
	temporal_coverage.measures == {{"id": "QUAL-016", "indicator": "timeliness", "element": "start_date:temporal_coverage", "a": 2000, "b": 2000}} with input as {"profile": {"columns": [col]}}
}
