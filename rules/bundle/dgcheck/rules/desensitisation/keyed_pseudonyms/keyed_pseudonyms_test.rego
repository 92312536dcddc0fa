package dgcheck.rules.desensitisation.keyed_pseudonyms_test

import data.dgcheck.rules.desensitisation.keyed_pseudonyms

_col := {"name": "sfzh_sha256", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {}, "forms": {"hashed": 100}}

test_fail_plain_sha256_of_ids if {
	findings := keyed_pseudonyms.violation with input as {
		"metadata": {"fields": [{"name": "sfzh_sha256", "identifier_role": "direct", "masking": {"method": "hash", "pseudonym_of": "sfzh"}}]},
		"profile": {"columns": [_col]},
	}
	[f] := [f | some f in findings]
	f.id == "DESENS-010"
	f.message == "sfzh_sha256: 100 values are unkeyed hashes of a pseudonym of sfzh, which enumeration reverses: a direct identifier"
	f.message_zh == "sfzh_sha256：100 个值是无密钥哈希（哈希对象：sfzh 的假名），可通过穷举还原：属于直接标识符"
}

test_success_hmac_with_key if {
	count(keyed_pseudonyms.violation) == 0 with input as {
		"metadata": {"fields": [{"name": "sfzh_sha256", "masking": {"method": "hmac", "data": "cn_resident_id", "key_ref": "kms://dibao/2025"}}]},
		"profile": {"columns": [_col]},
	}
}

test_success_hash_of_something_else if {
	count(keyed_pseudonyms.violation) == 0 with input as {
		"metadata": {"fields": [{"name": "sfzh_sha256", "identifier_role": "other"}]},
		"profile": {"columns": [_col]},
	}
}

# A column of digests that nothing explains, in personal data: a warning that asks what they
# hash. Declared as keyed, or as another role, or in data of no person, it is left alone.
test_warn_digests_of_an_undeclared_source if {
	col := {"name": "c7", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {}, "forms": {"hashed": 100}}
	findings := keyed_pseudonyms.violation with input as {"metadata": {"pi": {"contains_pi": true}}, "profile": {"columns": [col]}}
	[f] := [f | some f in findings]
	f.severity == "warning"
	f.column == "c7"
	count(keyed_pseudonyms.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
	count(keyed_pseudonyms.violation) == 0 with input as {
		"metadata": {"pi": {"contains_pi": true}, "fields": [{"name": "c7", "identifier_role": "other"}]},
		"profile": {"columns": [col]},
	}
}
