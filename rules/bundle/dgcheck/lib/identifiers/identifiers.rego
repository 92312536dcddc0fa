# METADATA
# description: >-
#   Readings shared by the identifier-validity rules (ID-001..018): which columns hold an
#   identifier, and the GB/T 36344 measure of a validity rate with its finding details.
package dgcheck.lib.identifiers

import data.dgcheck.lib.profile
import data.dgcheck.lib.result

# METADATA
# description: col holds detector's identifier (profile.holds).
typed(col, detector) if profile.holds(col, detector)

# METADATA
# description: col's counts for detector, with zeros when absent.
counts(col, detector) := object.union(
	{"matched": 0, "valid": 0, "masked": 0, "traits": {}, "invalid_samples": [], "raw_samples": []},
	object.get(col, ["detectors", detector], {}),
)

# METADATA
# description: How many of col's matched values have trait.
trait(col, detector, t) := object.get(counts(col, detector), ["traits", t], 0)

# METADATA
# description: Non-null values of col that are not masked, those a format rate is over.
unmasked(col, detector) := profile.non_null(col) - counts(col, detector).masked

# METADATA
# description: >-
#   The details of a rate finding when a of b is below min: the message says what the
#   b - a failing values are (what; in Chinese what_zh, [noun, predicate], as ["值", "不是 IP
#   地址"] for "b 个值中有 b - a 个不是 IP 地址"), measure is the GB/T 36344 ratio.
below(col, a, b, min, what, what_zh, evidence, samples) := {
	"column": col.name,
	"message": sprintf("%s: %d of %d %s (X = %s, below %s)", [col.name, b - a, b, what, result.ratio(m.x), result.ratio(min)]),
	"message_zh": sprintf("%s：%d 个%s中有 %d 个%s（X = %s，低于 %s）", [col.name, b, what_zh[0], b - a, what_zh[1], result.ratio(m.x), result.ratio(min)]),
	"measure": m,
	"evidence": evidence,
	"samples": samples,
} if {
	m := result.measure(a, b)
	m.x < min
}

# METADATA
# description: >-
#   details as a check-character finding on col reports them; when col's plausible values
#   mostly fail detector's check character the column is only shaped like the identifier, and
#   the finding says so at warning rather than as a sure identifier's error.
judged(col, detector, details) := details if not profile.mostly_invalid(col, detector)

judged(col, detector, details) := object.union(details, {
	"severity": "warning",
	"message": sprintf("%s; the column is shaped like %s but mostly invalid", [details.message, profile.noun(detector)]),
	"message_zh": sprintf("%s；该列形似%s，但大多无效", [details.message_zh, profile.noun_zh(detector)]),
}) if profile.mostly_invalid(col, detector)
