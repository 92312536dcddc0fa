# METADATA
# description: >-
#   Applies the run's configuration (dgcheck.yaml and flags, passed as input.options) to the
#   findings of the rules it selects (input.options.rules, which data.dgcheck.main judges): a
#   severity can be overridden, and a finding that a waiver in force covers is marked waived,
#   never dropped. A waiver past its expiry date waives nothing; CONF-001 reports it.
package dgcheck.lib.gate

# METADATA
# description: >-
#   The finding as the configuration has it: with the severity it overrides, and with the
#   first waiver in force that covers it (in the order of dgcheck.yaml). A rule cannot waive
#   its own findings: whatever "waived" it set is replaced.
judged(finding) := object.union_n([object.remove(finding, ["waived"]), severity(finding), waiver(finding)])

default severity(_) := {}

severity(finding) := {"severity": s} if s := input.options.severity_overrides[finding.id]

default waiver(_) := {}

waiver(finding) := {"waived": {"reason": w.reason, "owner": w.owner, "expires": w.expires}} if {
	covering := [w | some w in input.options.waivers; covers(w, finding)]
	w := covering[0]
}

covers(w, finding) if {
	w.rule == finding.id
	not expired(w)
	concerns(w)
	column_matches(w, finding)
}

column_matches(w, _) if not w.column

column_matches(w, finding) if w.column == finding.column

# METADATA
# description: >-
#   Whether a waiver is past its expiry date: it waives through the day it names (UTC, the
#   date of input.options.now). Dates are YYYY-MM-DD, so they compare as strings.
expired(w) if substring(input.options.now, 0, 10) > w.expires

# METADATA
# description: >-
#   Whether a waiver's dataset glob names this dataset: the path as given (without a leading
#   ./; * stays within a directory, ** crosses them), or, for a glob without a /, the file name.
concerns(w) if glob.match(w.dataset, ["/"], trim_prefix(input.dataset.path, "./"))

concerns(w) if {
	not contains(w.dataset, "/")
	glob.match(w.dataset, ["/"], input.dataset.name)
}
