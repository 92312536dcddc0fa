# METADATA
# title: Distribution declares format, licence, availability, description
# description: >-
#   Each distribution the metadata lists says what it is (dct:format, dct:description), under
#   what licence (dct:license) and how long it will stay available (dcatap:availability).
# custom:
#   id: META-008
#   title_zh: '分发声明格式、许可、可用性和说明'
#   remediation_zh: '为 distributions 的每一项给出格式（csv、parquet）、许可（license）、可用性（如 stable、available、temporary）和一句话说明。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes_recommended.ttl :Distribution_Shape
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes_recommended.ttl (snapshot 7c531da), :Distribution_Shape read'
#   severity: warning
#   remediation: >-
#     Give each entry of distributions a format (csv, parquet), a license, an availability
#     (e.g. stable, available, temporary) and a one-line description.
package dgcheck.rules.metadata.distribution_details

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	# Numbered as a list: distributions given as an object are not a list of them.
	is_array(input.metadata.distributions)
	some i, d in input.metadata.distributions
	missing := [key | some key in ["format", "license", "availability", "description"]; not meta.present(object.get(_entry(d), key, ""))]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("distribution %d does not declare its %s", [i + 1, concat(", ", missing)]),
		"message_zh": sprintf("第 %d 个分发未声明 %s", [i + 1, concat("、", missing)]),
		"evidence": {"distribution": i + 1, "missing": missing},
	})
}

# An entry that is not an object declares none of them.
_entry(d) := d if is_object(d)

_entry(d) := {} if not is_object(d)
