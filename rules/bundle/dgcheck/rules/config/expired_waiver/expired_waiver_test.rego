package dgcheck.rules.config.expired_waiver_test

import data.dgcheck.rules.config.expired_waiver

waiver := {
	"rule": "QUAL-012", "dataset": "examples/dibao/*.csv", "column": "household_id",
	"reason": "renumbering in progress", "owner": "roll-keeper@example.org", "expires": "2026-01-31",
	"source": "dgcheck.yaml:12",
}

dataset := {"path": "examples/dibao/hongshan_dibao_2025.csv", "name": "hongshan_dibao_2025.csv"}

test_fail_expired_waiver if {
	expired_waiver.violation == {{
		"id": "CONF-001",
		"title": "Waivers have not expired",
		"area": "config",
		"severity": "warning",
		"standard": "dgcheck configuration (no external standard)",
		"clause": "none (a rule of dgcheck's own; STANDARDS.md has no catalogue row for it)",
		"remediation": concat(" ", [
			"Fix what the waiver covered and delete the waiver, or renew it in dgcheck.yaml with a new",
			"expiry date and a reason that still holds.",
		]),
		"column": "household_id",
		"message": concat("", [
			"the waiver of QUAL-012 for examples/dibao/*.csv, column household_id (dgcheck.yaml:12, ",
			"owner roll-keeper@example.org) expired on 2026-01-31: the findings it covered count again",
		]),
		"message_zh": concat("", [
			"规则 QUAL-012 对 examples/dibao/*.csv 中 household_id 列的豁免（dgcheck.yaml:12，",
			"负责人 roll-keeper@example.org）已于 2026-01-31 到期：其原先豁免的问题重新计入",
		]),
		"evidence": {
			"rule": "QUAL-012", "dataset": "examples/dibao/*.csv", "owner": "roll-keeper@example.org",
			"expires": "2026-01-31", "source": "dgcheck.yaml:12",
		},
	}} with input as {"dataset": dataset, "options": {"now": "2026-02-01T08:00:00Z", "waivers": [waiver]}}
}

test_fail_expired_waiver_without_column if {
	w := object.remove(waiver, ["column"])
	[f] := [f | some f in expired_waiver.violation] with input as {"dataset": dataset, "options": {"now": "2026-02-01T08:00:00Z", "waivers": [w]}}
	not f.column
	startswith(f.message, "the waiver of QUAL-012 for examples/dibao/*.csv (dgcheck.yaml:12,")
	startswith(f.message_zh, "规则 QUAL-012 对 examples/dibao/*.csv 的豁免（dgcheck.yaml:12，")
}

test_success_waiver_in_force_through_its_last_day if {
	count(expired_waiver.violation) == 0 with input as {"dataset": dataset, "options": {"now": "2026-01-31T23:59:59Z", "waivers": [waiver]}}
}

test_success_expired_waiver_of_another_dataset if {
	other := object.union(waiver, {"dataset": "examples/other/*.csv"})
	count(expired_waiver.violation) == 0 with input as {"dataset": dataset, "options": {"now": "2026-02-01T08:00:00Z", "waivers": [other]}}
}

test_success_no_waivers if {
	count(expired_waiver.violation) == 0 with input as {"dataset": dataset, "options": {"now": "2026-02-01T08:00:00Z"}}
}
