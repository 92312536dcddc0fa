package dgcheck.lib.desens_test

import data.dgcheck.lib.desens

_col(name, forms) := {"name": name, "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "forms": forms}

test_released_when_declared_or_opened if {
	desens.released with input as {"metadata": {"deidentification": {"k": 5}}}
	desens.released with input as {"metadata": {"cn": {"open_type": "有条件开放"}}}
	not desens.released with input as {"metadata": {"cn": {"open_type": "不予开放"}}}
	desens.unconditionally_open with input as {"metadata": {"cn": {"open_type": "无条件开放"}}}
	not desens.unconditionally_open with input as {"metadata": {"cn": {"open_type": "有条件开放"}}}
}

test_masked_column_declared_or_by_form if {
	desens.masked_column(_col("a", {"masked": 0})) with input as {"metadata": {"fields": [{"name": "a", "masking": {"method": "mask"}}]}}
	desens.masked_column(_col("a", {"masked": 5})) with input as {"metadata": {}}
	not desens.masked_column(_col("a", {"masked": 4})) with input as {"metadata": {}}
}

test_k_target_is_the_larger_of_policy_and_declaration if {
	desens.k_target == 5 with input as {"metadata": {"deidentification": {"k": 3}}}
	desens.k_target == 10 with input as {"metadata": {"deidentification": {"k": 10}}}
	desens.k_target == 2 with input as {"metadata": {}, "options": {"thresholds": {"k_min": 2}}}
}

test_k_shortfall_only_when_released if {
	r := {"rows": 10, "k": 1}
	desens.k_shortfall == r with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"table": {"reidentification": r}}}
	not desens.k_shortfall with input as {"metadata": {}, "profile": {"table": {"reidentification": r}}}
	not desens.k_shortfall with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"table": {"reidentification": {"rows": 10, "k": 5}}}}
}

test_unkeyed_hashes if {
	cols := [
		_col("sfzh_sha", {"hashed": 10}),
		_col("mobile_hmac", {"hashed": 10}),
		_col("note", {"hashed": 10}),
	]
	md := {"fields": [
		{"name": "sfzh_sha", "validator": "cn_id_gb11643"},
		{"name": "mobile_hmac", "masking": {"method": "hmac", "data": "mobile", "key_ref": "kms://dibao/2025"}},
		{"name": "note"},
	]}
	desens.unkeyed_hashes == {{"column": "sfzh_sha", "hashed": 10, "identifier": "cn_resident_id"}} with input as {
		"metadata": md,
		"profile": {"columns": cols},
	}
}

test_keyed_method_without_its_key_is_unkeyed if {
	md := {"fields": [{"name": "m", "masking": {"method": "hmac", "data": "mobile"}}]}
	count(desens.unkeyed_hashes) == 1 with input as {"metadata": md, "profile": {"columns": [_col("m", {"hashed": 10})]}}
}

test_hashed_column_named_for_an_identifier if {
	col := object.union(_col("sfzh_md5", {"hashed": 10}), {"hints": ["cn_resident_id"]})
	desens.unkeyed_hashes == {{"column": "sfzh_md5", "hashed": 10, "identifier": "cn_resident_id"}} with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_hashed_column_declared_twice_is_one_finding if {
	md := {"fields": [{"name": "h", "validator": "cn_id_gb11643", "masking": {"method": "hash", "data": "mobile"}}]}
	desens.unkeyed_hashes == {{"column": "h", "hashed": 10, "identifier": "cn_resident_id, mobile"}} with input as {"metadata": md, "profile": {"columns": [_col("h", {"hashed": 10})]}}
}

test_field_named_twice_is_read_once if {
	desens.role("a") == "quasi" with input as {"metadata": {"fields": [{"name": "a", "identifier_role": "quasi"}, {"name": "a", "identifier_role": "other"}]}}
	desens.role("b") == "" with input as {"metadata": {"fields": []}}
}

test_hashed_identifier_zh if {
	md := {"fields": [
		{"name": "h", "validator": "cn_id_gb11643", "masking": {"method": "hash", "data": "mobile"}},
		{"name": "p", "masking": {"method": "hash", "pseudonym_of": "sfzh"}},
		{"name": "d", "identifier_role": "direct"},
	]}
	desens.hashed_identifier_zh(_col("h", {"hashed": 10})) == "cn_resident_id, mobile" with input as {"metadata": md}
	desens.hashed_identifier_zh(_col("p", {"hashed": 10})) == "sfzh 的假名" with input as {"metadata": md}
	desens.hashed_identifier_zh(_col("d", {"hashed": 10})) == "某一直接标识符" with input as {"metadata": md}
}

test_describe_k_zh if {
	r := {"k": 2, "quasi_identifiers": ["sex", "age"], "source": "declared", "unique_rows": 3, "rows": 100, "approximate": true, "sample_rate": 0.5}
	desens.describe_k(r) == "k = 2 over the quasi-identifiers sex, age (declared), below 5: 3 of 100 rows are unique; estimated from a 0.5 sample of the classes" with input as {"metadata": {}}
	desens.describe_k_zh(r) == "准标识符 sex, age（declared）上的 k = 2，低于 5：100 行中有 3 行是唯一的；以上数字系按 0.5 的比例抽取等价类估算" with input as {"metadata": {}}
}
