# METADATA
# title: Pseudonyms of low-entropy identifiers use a keyed or secret method
# description: >-
#   A column holds hex or base64 digests (at least thresholds.form_min_rate of its values) of
#   an identifier with few possible values (resident ID numbers, mobiles, bank cards: about
#   10^10-10^11 each), and its masking declares no keyed method (hmac, tokenization, fpe,
#   encryption) with a key reference: anyone can hash every possible number and read the
#   column back. Such a column is a direct identifier.
# custom:
#   id: DESENS-010
#   title_zh: '低熵标识符的假名使用带密钥或秘密的方法生成'
#   remediation_zh: '以带密钥的假名替换普通哈希（使用秘密密钥的 HMAC、令牌库或保留格式加密），密钥单独保管，并声明 masking: {method: hmac, key_ref: ...}。'
#   standard: PIPL (个人信息保护法); GB/T 35273-2020; GB/T 37964-2019
#   clause: 'PIPL art. 73(三), art. 51(三); GB/T 35273-2020 6.2 去标识化处理; GB/T 37964-2019 Annex A (pseudonymisation: keyed hash, MAC)'
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, arts. 51 and 73 read; T: GB/T 35273-2020 TOC (web.tlawyer.cn), 6.2 seen; S: GB/T 37964-2019 Annex A''s techniques, cited by one implementation'
#   severity: error
#   remediation: >-
#     Replace the plain hashes by keyed pseudonyms (HMAC with a secret key, a token vault, or
#     format-preserving encryption), keep the key apart, and declare masking: {method: hmac,
#     key_ref: ...}.
package dgcheck.rules.desensitisation.keyed_pseudonyms

import data.dgcheck.lib.desens
import data.dgcheck.lib.result

violation contains finding if {
	some h in desens.unkeyed_hashes
	finding := result.finding(rego.metadata.chain(), {
		"column": h.column,
		"message": sprintf("%s: %d values are unkeyed hashes of %s, which enumeration reverses: a direct identifier", [
			h.column, h.hashed, h.identifier,
		]),
		"message_zh": sprintf("%s：%d 个值是无密钥哈希（哈希对象：%s），可通过穷举还原：属于直接标识符", [
			h.column, h.hashed, _identifier_zh(h),
		]),
		"evidence": h,
	})
}

# What h's column hashes, in Chinese (h.identifier if no column of its name says).
_identifier_zh(h) := concat(", ", zh) if {
	zh := {desens.hashed_identifier_zh(col) | some col in input.profile.columns; col.name == h.column}
	count(zh) > 0
} else := h.identifier

# Digests of an undeclared source: a warning, since they may hash something of high entropy.
violation contains finding if {
	some h in desens.undeclared_hashes
	finding := result.finding(rego.metadata.chain(), {
		"column": h.column,
		"severity": "warning",
		"message": sprintf(
			"%s: %d values are digests of an undeclared source; if they hash a low-entropy identifier (an ID or mobile number) without a key, enumeration reverses them",
			[h.column, h.hashed],
		),
		"message_zh": sprintf(
			"%s：%d 个值是来源未声明的摘要值；若其为低熵标识符（如公民身份号码或手机号码）的无密钥哈希，可通过穷举还原",
			[h.column, h.hashed],
		),
		"evidence": h,
	})
}
