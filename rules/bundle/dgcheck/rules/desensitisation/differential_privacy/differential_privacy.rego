# METADATA
# title: A differential-privacy claim declares its mechanism and a bounded epsilon
# description: >-
#   If the metadata claims differential privacy (deidentification.dp), it names the mechanism
#   and the privacy budget epsilon, and epsilon is at most thresholds.dp_epsilon_max: a claim
#   without them cannot be checked, and a large epsilon protects little.
# custom:
#   id: DESENS-017
#   title_zh: '差分隐私声明须说明其机制和有界的 epsilon'
#   remediation_zh: '声明 deidentification.dp.mechanism 和 dp.epsilon（近似差分隐私还须声明 delta），且 epsilon 不超出策略规定。'
#   standard: GB/T 37964-2019
#   clause: '(no clause: cited as a whole)'
#   basis: 'NF: no differential-privacy clause of GB/T 37964-2019 found; the standard is cited as a whole'
#   severity: warning
#   remediation: Declare deidentification.dp.mechanism and dp.epsilon (and delta for approximate DP), with epsilon within the policy.
package dgcheck.rules.desensitisation.differential_privacy

import data.dgcheck.lib.config
import data.dgcheck.lib.result

warning contains finding if {
	dp := input.metadata.deidentification.dp
	is_object(dp)
	missing := [k | some k in ["mechanism", "epsilon"]; not dp[k]]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("differential privacy is claimed without %s", [concat(" and ", missing)]),
		"message_zh": sprintf("声明采用差分隐私，但未说明%s", [concat("和", [_zh[k] | some k in missing])]),
		"evidence": {"missing": missing},
	})
}

_zh := {"mechanism": "所用机制（mechanism）", "epsilon": "隐私预算（epsilon）"}

warning contains finding if {
	epsilon := input.metadata.deidentification.dp.epsilon
	epsilon > config.thresholds.dp_epsilon_max
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("differential privacy with epsilon %v, above %v", [epsilon, config.thresholds.dp_epsilon_max]),
		"message_zh": sprintf("差分隐私的 epsilon 为 %v，高于 %v", [epsilon, config.thresholds.dp_epsilon_max]),
		"evidence": {"epsilon": epsilon, "max": config.thresholds.dp_epsilon_max},
	})
}
