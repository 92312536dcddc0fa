# METADATA
# description: >-
#   Readings shared by the desensitisation rules (DESENS-*) and the open-release gate
#   (PUB-003): whether the data leaves its holder, each column's declared field and role, the
#   forms its values take, and the re-identification figures judged against the policy.
package dgcheck.lib.desens

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.profile

policy := data.dgcheck.config.desensitisation

# METADATA
# description: The metadata declares a deidentification block.
declares_deidentification if count(meta.object_at(["deidentification"])) > 0

# METADATA
# description: Anyone may download the data (cn.open_type is an unconditional open type).
unconditionally_open if input.metadata.cn.open_type in policy.unconditional_open_types

# METADATA
# description: >-
#   The data leaves its holder as de-identified data: it declares its de-identification, or
#   its open type releases it. Re-identification risk is judged then.
released if declares_deidentification

released if input.metadata.cn.open_type in policy.released_open_types

# METADATA
# description: The identifier role the metadata gives the column named name ("" if none).
role(name) := object.get(meta.field_of[name], "identifier_role", "")

role(name) := "" if not meta.field_of[name]

# METADATA
# description: Share of col's present values in the given form (masked, hashed, ...); 0 if none.
form_share(col, form) := col.forms[form] / profile.non_null(col) if profile.non_null(col) > 0

form_share(col, _) := 0 if profile.non_null(col) == 0

# METADATA
# description: >-
#   col is masked: its field declares masking, or at least thresholds.form_min_rate of its
#   present values are character-masked.
masked_column(col) if meta.field_of[col.name].masking

masked_column(col) if form_share(col, "masked") >= config.thresholds.form_min_rate

# METADATA
# description: >-
#   k the data must reach over its quasi-identifiers: thresholds.k_min, or the k the metadata
#   declares if larger.
k_target := max({config.thresholds.k_min, object.get(input.metadata, ["deidentification", "k"], 0)})

# METADATA
# description: >-
#   The re-identification evidence, when the data is released and k falls short of
#   k_target: what DESENS-012 reports and PUB-003 refuses in open data.
k_shortfall := r if {
	released
	r := input.profile.table.reidentification
	r.rows > 0
	r.k < k_target
}

# METADATA
# description: >-
#   A sentence describing the shortfall: k, the quasi-identifiers, the unique rows, and whether
#   the figures are estimates.
describe_k(r) := sprintf("k = %d over the quasi-identifiers %s (%s), below %d: %d of %d rows are unique%s", [
	r.k, concat(", ", r.quasi_identifiers), r.source, k_target, r.unique_rows, r.rows,
	estimated(r),
])

estimated(r) := sprintf("; estimated from a %v sample of the classes", [r.sample_rate]) if r.approximate

estimated(r) := "" if not r.approximate

# METADATA
# description: describe_k in Chinese, for a finding's message_zh.
describe_k_zh(r) := sprintf("准标识符 %s（%s）上的 k = %d，低于 %d：%d 行中有 %d 行是唯一的%s", [
	concat(", ", r.quasi_identifiers), r.source, r.k, k_target, r.rows, r.unique_rows,
	estimated_zh(r),
])

estimated_zh(r) := sprintf("；以上数字系按 %v 的比例抽取等价类估算", [r.sample_rate]) if r.approximate

estimated_zh(r) := "" if not r.approximate

# METADATA
# description: The smallest classes, as samples located at their first row.
class_samples(classes) := [{"row": c.first_row} | some c in classes]

# METADATA
# description: >-
#   Columns holding plain (unkeyed) hashes of a low-entropy identifier, which enumeration
#   reverses: each with its hashed count and what it identifies.
unkeyed_hashes contains {"column": col.name, "hashed": col.forms.hashed, "identifier": identifier} if {
	some col in input.profile.columns
	form_share(col, "hashed") >= config.thresholds.form_min_rate
	not keyed(col.name)
	identifier := _hashed_identifier(col)
}

# METADATA
# description: >-
#   Columns of digests whose source nothing declares (no masking, validator, name hint,
#   pseudonym_of or direct role), in data that holds personal information: if they hash an
#   ID or mobile number without a key, enumeration reverses them, and nothing says they do
#   not.
undeclared_hashes contains {"column": col.name, "hashed": col.forms.hashed} if {
	input.metadata.pi.contains_pi == true
	some col in input.profile.columns
	form_share(col, "hashed") >= config.thresholds.form_min_rate
	not keyed(col.name)
	not _hashed_identifier(col)
	not role(col.name) in {"quasi", "sensitive", "other"}
}

# What a hashed column stands for: the low-entropy identifier its masking (data), validator or
# name declares, the column it pseudonymises, or else its declared direct role.
_hashed_identifier(col) := concat(", ", sort(named)) if {
	named := _declared_identifiers(col)
	count(named) > 0
}

_hashed_identifier(col) := "a direct identifier" if {
	count(_declared_identifiers(col)) == 0
	role(col.name) == "direct"
}

# METADATA
# description: >-
#   What a column of unkeyed_hashes stands for (its identifier), in Chinese: the same low-entropy
#   identifiers, the column it pseudonymises, or a direct identifier.
hashed_identifier_zh(col) := concat(", ", sort(named)) if {
	named := _declared_identifiers_zh(col)
	count(named) > 0
}

hashed_identifier_zh(col) := "某一直接标识符" if {
	count(_declared_identifiers_zh(col)) == 0
	role(col.name) == "direct"
}

_declared_identifiers(col) := _declared_detectors(col) | {sprintf("a pseudonym of %s", [of]) | of := meta.field_of[col.name].masking.pseudonym_of}

_declared_identifiers_zh(col) := _declared_detectors(col) | {sprintf("%s 的假名", [of]) | of := meta.field_of[col.name].masking.pseudonym_of}

_declared_detectors(col) := ({d |
	d := meta.field_of[col.name].masking.data
	d in policy.low_entropy_identifiers
} | {d |
	some d in policy.low_entropy_identifiers
	profile.declares_validator(col, d)
}) | {d |
	some d in object.get(col, "hints", [])
	d in policy.low_entropy_identifiers
}

# A keyed method with its key kept somewhere named.
keyed(name) if {
	m := meta.field_of[name].masking
	m.method in policy.keyed_methods
	m.key_ref != ""
}

# METADATA
# description: Some range of ranges (1-based, inclusive [from, to]) overlaps [lo, hi].
reveals(ranges, lo, hi) if {
	some r in ranges
	r[0] <= hi
	r[1] >= lo
}

# METADATA
# description: >-
#   The masked shapes of col that reveal part of [lo, hi] among values of the given length:
#   their total count and samples located at each shape's first row.
revealing_shapes(col, length, lo, hi) := {"count": sum([s.count | some s in shapes]), "samples": [{"row": s.first_row} | some s in shapes], "shapes": [s.shape | some s in shapes]} if {
	shapes := [s |
		some s in object.get(col, ["forms", "mask_shapes"], [])
		s.length == length
		reveals(s.kept, lo, hi)
	]
	count(shapes) > 0
}
