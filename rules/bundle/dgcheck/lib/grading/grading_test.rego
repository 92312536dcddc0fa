package dgcheck.lib.grading_test

import data.dgcheck.lib.grading

_col(name, type, form, conf) := {"name": name, "hints": [], "classification": {"type": type, "confidence": conf, "form": form}}

_sfzh := _col("sfzh", "cn_resident_id", "raw", 0.99)

_mobile := _col("mobile", "mobile", "raw", 1)

_birth := {"name": "birth_date", "hints": ["birth_date"]}

_sex := {"name": "sex", "hints": ["sex"]}

_zip := _col("yb", "postcode", "raw", 1)

_input(cols, metadata) := {"metadata": metadata, "profile": {"columns": cols}, "options": {}}

test_default_model_and_type_grade if {
	g := grading.column_grades with input as _input([_sfzh], {})
	g.sfzh.level == "general-4"
	g.sfzh.sensitive == true
	g.sfzh.pi_category == "个人身份信息"
	g.sfzh.source == "values"
	grading.model_name == "gbt43697" with input as _input([_sfzh], {})
}

test_masked_form_grades_lower if {
	g := grading.column_grades with input as _input([_col("sfzh", "cn_resident_id", "masked", 1)], {})
	g.sfzh.level == "general-2"
	g.sfzh.sensitive == false
	not g.sfzh.masked
}

test_low_confidence_is_not_graded if {
	g := grading.column_grades with input as _input([_col("sfzh", "cn_resident_id", "raw", 0.6)], {})
	count(g) == 0
}

test_hint_grade_from_the_name if {
	g := grading.column_grades with input as _input([{"name": "病史", "hints": ["health"]}], {})
	g["病史"].sensitive == true
	g["病史"].source == "name"
}

test_dataset_level_is_the_most_sensitive_column if {
	grading.suggested_level == "general-4" with input as _input([_mobile, _sfzh], {})
	grading.most_sensitive == ["sfzh", grading.column_grades.sfzh] with input as _input([_mobile, _sfzh], {})
	grading.suggested_level == "general-3" with input as _input([_mobile], {})
}

test_quasi_identifier_combination_raises if {
	i := _input([_mobile, _birth, _sex, _zip], {})
	grading.suggested_level == "general-4" with input as i
	grading.raised with input as i
	grading.quasi_types == {"birth_date", "sex", "postcode"} with input as i
}

test_two_quasi_identifiers_do_not_raise if {
	i := _input([_mobile, _birth, _sex], {})
	grading.suggested_level == "general-3" with input as i
	not grading.raised with input as i
}

test_raise_stops_at_max_level if {
	i := _input([_sfzh, _birth, _sex, _zip], {})
	grading.suggested_level == "general-4" with input as i
	not grading.raised with input as i
}

test_declared_levels if {
	grading.declared_level == "general-2" with input as _input([], {"classification": {"level": "general", "general_sublevel": 2}})
	grading.declared_level == "general-1" with input as _input([], {"classification": {"level": "一般"}})
	grading.declared_level == "important" with input as _input([], {"classification": {"level": "重要数据"}})
}

test_financial_data_selects_jrt0197 if {
	i := _input([_sfzh], {"classification": {"sector": "金融", "industry": {"jrt0197_level": 2}}})
	grading.model_name == "jrt0197" with input as i
	grading.declared_level == "2" with input as i
	grading.column_grades.sfzh.level == "3" with input as i
}

test_option_selects_the_model if {
	i := {"metadata": {"classification": {"sector": "金融"}}, "profile": {"columns": [_sfzh]}, "options": {"grading_model": "gbt43697"}}
	grading.model_name == "gbt43697" with input as i
}

test_suggestion if {
	s := grading.suggestion with input as _input([_mobile, _sfzh, {"name": "x", "hints": []}], {"classification": {"level": "general", "general_sublevel": 2}})
	s.level == "general-4"
	s.contains_pi
	s.contains_sensitive_pi
	s.declared_level == "general-2"
	s.most_sensitive[0] == "sfzh"
	object.keys(s.columns) == {"mobile", "sfzh"}
}

test_suggestion_without_graded_columns if {
	s := grading.suggestion with input as _input([{"name": "x", "hints": []}], {})
	s.level == ""
	not s.contains_pi
	s.raised == false
}

test_subjects if {
	sfzh := object.union(_sfzh, {"distinct": 1500})
	mobile := object.union(_mobile, {"distinct": 1700})
	key := {"name": "hh", "hints": [], "distinct": 2000}
	grading.subjects == 1700 with input as _input([sfzh, mobile], {})
	grading.sensitive_subjects == 1500 with input as _input([sfzh, mobile], {})
	grading.subjects == 2000 with input as _input([sfzh, key], {"pi": {"subject_key": "hh"}})
	grading.subjects == 0 with input as _input([key], {})
	grading.sensitive_subjects == 0 with input as _input([mobile], {})
}

# A remark carrying ID numbers is graded as ID numbers are: personal, sensitive information.
test_free_text_graded_as_what_it_carries if {
	remark := {"name": "bz", "rows": 100, "nulls": 0, "blanks": 0, "hints": [], "detectors": {
		"cn_resident_id": {"matched": 0, "plausible": 0, "valid": 0, "masked": 0, "embedded": 10},
		"cn_uscc": {"matched": 0, "plausible": 0, "valid": 0, "masked": 0, "embedded": 5},
	}}
	g := grading.column_grades.bz with input as {"metadata": {}, "options": {}, "profile": {"columns": [remark]}}
	g.type == "cn_resident_id"
	g.source == "text"
	g.sensitive == true
	grading.sensitive_columns == {"bz"} with input as {"metadata": {}, "options": {}, "profile": {"columns": [remark]}}
}
