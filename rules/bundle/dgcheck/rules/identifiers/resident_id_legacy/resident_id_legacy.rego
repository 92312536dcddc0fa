# METADATA
# title: Legacy 15-digit citizen ID numbers are flagged
# description: >-
#   A column holding resident ID numbers also holds legacy 15-digit numbers of GB 11643-1989,
#   which have no check digit and a two-digit year: they cannot be validated and should have
#   been upgraded.
# custom:
#   id: ID-005
#   title_zh: '标记 15 位旧版公民身份号码'
#   remediation_zh: '将 15 位号码升位为 18 位：在第 6 位后插入 19 并按 GB 11643-1999 计算校验码，再逐一对照登记簿确认。'
#   standard: GB 11643-1999
#   clause: 前言 (supersedes GB 11643-1989 社会保障号码, whose 15-digit form this rule flags)
#   basis: 'T: GB 11643-1999 foreword (zh.wikisource.org): it supersedes GB 11643-1989; S: the 15-digit layout (blog.youkuaiyun.com); NF: a clause for that layout'
#   severity: warning
#   remediation: >-
#     Upgrade the 15-digit numbers to 18 digits: insert 19 after position 6 and compute the GB
#     11643-1999 check digit, then confirm each against the register.
package dgcheck.rules.identifiers.resident_id_legacy

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_resident_id")
	n := identifiers.trait(col, "cn_resident_id", "legacy_15")
	n > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d legacy 15-digit resident ID numbers", [col.name, n]),
		"message_zh": sprintf("%s：含 %d 个旧版 15 位公民身份号码", [col.name, n]),
		"evidence": {"legacy_15": n, "matched": identifiers.counts(col, "cn_resident_id").matched},
		"samples": identifiers.counts(col, "cn_resident_id").invalid_samples,
	})
}
