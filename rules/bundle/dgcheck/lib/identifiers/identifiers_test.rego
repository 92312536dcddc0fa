package dgcheck.lib.identifiers_test

import data.dgcheck.lib.identifiers

_col := {"name": "tyshxydm", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"cn_uscc": {"matched": 8, "valid": 7, "masked": 2, "traits": {"bad_check_char": 1}}}, "classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 0.95, "form": "mixed"}}

test_typed_by_classification if {
	identifiers.typed(_col, "cn_uscc") with input as {"metadata": {}}
	not identifiers.typed(_col, "cn_org_code") with input as {"metadata": {}}
}

test_typed_by_validator if {
	col := {"name": "c", "rows": 1, "nulls": 1, "blanks": 0, "detectors": {}}
	identifiers.typed(col, "cn_uscc") with input as {"metadata": {"fields": [{"name": "c", "validator": "cn_uscc_gb32100"}]}}
}

test_not_typed_below_confidence if {
	col := json.patch(_col, [{"op": "replace", "path": "/classification/confidence", "value": 0.5}])
	not identifiers.typed(col, "cn_uscc") with input as {"metadata": {}}
}

test_counts_and_traits if {
	identifiers.counts(_col, "cn_uscc").matched == 8
	identifiers.counts(_col, "email").matched == 0
	identifiers.trait(_col, "cn_uscc", "bad_check_char") == 1
	identifiers.trait(_col, "cn_uscc", "bad_org_code") == 0
	identifiers.unmasked(_col, "cn_uscc") == 8
}

test_below if {
	d := identifiers.below(_col, 7, 8, 0.999, "are bad", ["值", "无效"], {}, [])
	d.message == "tyshxydm: 1 of 8 are bad (X = 0.8750, below 0.9990)"
	d.message_zh == "tyshxydm：8 个值中有 1 个无效（X = 0.8750，低于 0.9990）"
	d.measure == {"a": 7, "b": 8, "x": 0.875}
	not identifiers.below(_col, 8, 8, 0.999, "are bad", ["值", "无效"], {}, [])
	not identifiers.below(_col, 0, 0, 0.999, "are bad", ["值", "无效"], {}, [])
}

test_judged_mostly_invalid if {
	col := {"name": "jgdm", "detectors": {"cn_org_code": {"matched": 10, "plausible": 10, "valid": 2}}}
	d := identifiers.judged(col, "cn_org_code", {"message": "jgdm: bad", "message_zh": "jgdm：无效"})
	d.severity == "warning"
	d.message == "jgdm: bad; the column is shaped like organisation codes but mostly invalid"
	d.message_zh == "jgdm：无效；该列形似组织机构代码，但大多无效"
}

test_judged_mostly_valid if {
	col := {"name": "jgdm", "detectors": {"cn_org_code": {"matched": 10, "plausible": 10, "valid": 9}}}
	identifiers.judged(col, "cn_org_code", {"message": "jgdm: bad", "message_zh": "jgdm：无效"}) == {"message": "jgdm: bad", "message_zh": "jgdm：无效"}
}

# Eight digits are a Taiwan permit's form and a thousand other things': only the classifier,
# which weighs the column's name, types such a column; 18-digit numbers with real address
# codes and birth dates are typed by their values.
test_weak_identifiers_are_typed_by_the_classifier if {
	col := {"name": "n", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"tw_permit": {"matched": 10, "plausible": 10, "valid": 10, "masked": 0}}}
	not identifiers.typed(col, "tw_permit") with input as {}
	classified := object.union(col, {"classification": {"type": "tw_permit", "detector": "tw_permit", "confidence": 0.9}})
	identifiers.typed(classified, "tw_permit") with input as {}
	ids := {"name": "n", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 10, "plausible": 10, "valid": 10, "masked": 0}}}
	identifiers.typed(ids, "cn_resident_id") with input as {}
}
