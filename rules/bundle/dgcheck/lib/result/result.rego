# METADATA
# description: >-
#   Builds findings. Every rule reports through finding() so that a finding's identity comes
#   from one place, the rule package's METADATA annotations, and its shape is always that of
#   reports.Finding (id, title, area, severity, standard, clause, remediation, column, message,
#   measure, evidence, samples).
package dgcheck.lib.result

# METADATA
# description: >-
#   The finding a rule reports. chain is rego.metadata.chain() called in the rule; details
#   holds what the rule measured: column, message, measure, evidence and samples (each
#   optional but message). The package annotation of data.dgcheck.rules.<area>.<name> gives
#   the identity, and identity wins over details so no rule can report under another's id;
#   details.severity may only lower the annotated severity.
finding(chain, details) := object.union(object.union(details, identity), lowered) if {
	some link in chain
	link.annotations.scope == "package"

	some area
	["dgcheck", "rules", area, _] = link.path

	annotation := link.annotations
	identity := {
		"id": annotation.custom.id,
		"title": annotation.title,
		"area": area,
		"severity": annotation.custom.severity,
		"standard": annotation.custom.standard,
		"clause": annotation.custom.clause,
		"remediation": annotation.custom.remediation,
	}

	# A rule may lower its severity for one finding (details.severity), never raise it.
	lowered := {"severity": s |
		s := details.severity
		_rank[s] < _rank[annotation.custom.severity]
	}
}

_rank := {"info": 1, "warning": 2, "error": 3}

# METADATA
# description: >-
#   The GB/T 36344 ratio form: a of b evaluated elements meet the requirement, x = a/b.
#   Undefined when nothing was evaluated (b = 0): a rule has nothing to say then.

measure(a, b) := {"a": a, "b": b, "x": a / b} if b > 0

# METADATA
# description: >-
#   x with four decimals ("0.9990") for messages. Built from integers because sprintf prints a
#   whole number such as 1 with %d only, never with %.4f.
ratio(x) := sprintf("%d.%04d", [floor(scaled / 10000), scaled % 10000]) if scaled := round(x * 10000)

# METADATA
# description: >-
#   One element a quality rule measured, whether or not it met the requirement, for the
#   GB/T 36344 indicator scores (data.dgcheck.main.scores): the rule's id and indicator
#   (custom.indicator: normativity, completeness, accuracy, consistency, timeliness or
#   accessibility), what was measured (element: a column, a key, a declared check), and a of
#   b evaluated items that met it. Undefined when nothing was evaluated (b = 0).
measurement(chain, element, a, b) := {
	"id": annotation.custom.id,
	"indicator": annotation.custom.indicator,
	"element": element,
	"a": a,
	"b": b,
} if {
	b > 0
	some link in chain
	link.annotations.scope == "package"
	annotation := link.annotations
}
