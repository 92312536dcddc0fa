# METADATA
# title: Waivers have not expired
# description: >-
#   A waiver in dgcheck.yaml accepts a rule's findings on the datasets its glob names until its
#   expiry date. Past that date it waives nothing, so the findings it covered count again, and
#   the waiver itself is reported here so that someone renews it with a current reason or
#   fixes what it covered. A rule of dgcheck's own about its configuration: STANDARDS.md has no
#   row for it, so it has no external standard or clause, and its area is config.
# custom:
#   id: CONF-001
#   title_zh: 豁免未过期
#   standard: dgcheck configuration (no external standard)
#   clause: none (a rule of dgcheck's own; STANDARDS.md has no catalogue row for it)
#   basis: 'P: a rule of dgcheck''s own about its configuration; no external source'
#   severity: warning
#   remediation: >-
#     Fix what the waiver covered and delete the waiver, or renew it in dgcheck.yaml with a new
#     expiry date and a reason that still holds.
#   remediation_zh: 整改豁免所涉问题并删除该豁免，或在 dgcheck.yaml 中以仍然成立的理由和新的到期日续期。
package dgcheck.rules.config.expired_waiver

import data.dgcheck.lib.gate
import data.dgcheck.lib.result

violation contains finding if {
	some w in input.options.waivers
	gate.concerns(w)
	gate.expired(w)

	details := {
		"message": sprintf(
			"the waiver of %s for %s%s (%s, owner %s) expired on %s: the findings it covered count again",
			[w.rule, w.dataset, on_column(w), w.source, w.owner, w.expires],
		),
		"message_zh": sprintf(
			"规则 %s 对 %s%s的豁免（%s，负责人 %s）已于 %s 到期：其原先豁免的问题重新计入",
			[w.rule, w.dataset, on_column_zh(w), w.source, w.owner, w.expires],
		),
		"evidence": {"rule": w.rule, "dataset": w.dataset, "owner": w.owner, "expires": w.expires, "source": w.source},
	}
	finding := result.finding(rego.metadata.chain(), object.union(details, column(w)))
}

default on_column(_) := ""

on_column(w) := sprintf(", column %s", [w.column]) if w.column

default on_column_zh(_) := " "

on_column_zh(w) := sprintf(" 中 %s 列", [w.column]) if w.column

default column(_) := {}

column(w) := {"column": w.column} if w.column
