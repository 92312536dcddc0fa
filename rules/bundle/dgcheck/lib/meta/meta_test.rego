package dgcheck.lib.meta_test

import data.dgcheck.lib.meta

test_field_of_indexes_the_dictionary_by_name_first_entry_first if {
	fields := [{"name": "a", "unit": "元"}, {"name": "b"}, {"name": "a", "unit": "万元"}]
	meta.field_of == {"a": {"name": "a", "unit": "元"}, "b": {"name": "b"}} with input as {"metadata": {"fields": fields}}
	meta.field_of == {} with input as {"metadata": {}}
}
