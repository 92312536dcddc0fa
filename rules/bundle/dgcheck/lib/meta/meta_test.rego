package dgcheck.lib.meta_test

import data.dgcheck.lib.meta

test_field_of_indexes_the_dictionary_by_name_first_entry_first if {
	fields := [{"name": "a", "unit": "元"}, {"name": "b"}, {"name": "a", "unit": "万元"}]
	meta.field_of == {"a": {"name": "a", "unit": "元"}, "b": {"name": "b"}} with input as {"metadata": {"fields": fields}}
	meta.field_of == {} with input as {"metadata": {}}
}

test_time_ns_agrees_with_the_time_builtins_in_their_range if {
	meta.time_ns("1970-01-01") == 0
	meta.time_ns("2025-07-05") == time.parse_ns("2006-01-02", "2025-07-05")
	meta.time_ns("2024-02-29") == time.parse_ns("2006-01-02", "2024-02-29")
	meta.time_ns("1900-03-01") == time.parse_ns("2006-01-02", "1900-03-01")
	meta.time_ns("2025-07-05T10:30") == time.parse_rfc3339_ns("2025-07-05T10:30:00Z")
	meta.time_ns("2025-01-01T00:00:00.5+08:00") == time.parse_rfc3339_ns("2025-01-01T00:00:00.5+08:00")
}

# Dates outside time.parse_ns's range (1677-2262) are dates all the same: no error, and in
# their place on the calendar.
test_time_ns_reaches_dates_the_time_builtins_cannot if {
	meta.time_ns("9999-12-31") > meta.time_ns("2262-04-12")
	meta.time_ns("9999-12-31T23:59:59+08:00") > meta.time_ns("9999-12-31")
	meta.time_ns("0001-01-01") < meta.time_ns("1600-01-01")
	meta.time_ns("1600-01-01") < time.parse_ns("2006-01-02", "1678-01-01")
	meta.time_ns("0000-03-01") - meta.time_ns("0000-02-29") == ((24 * 60) * 60) * 1000000000
}

test_time_ns_is_undefined_for_what_is_not_a_date if {
	not meta.time_ns("2026-02-30")
	not meta.time_ns(20250705)
	not meta.time_ns(["2025-07-05"])
	not meta.iso("2025-13-01")
	not meta.format(true)
}

test_declared_formats_take_a_media_type_where_there_is_no_format if {
	formats := meta.declared_formats with input as {"metadata": {"distributions": [
		{"media_type": "text/csv"},
		{"format": "parquet", "media_type": "text/csv"},
	]}}
	formats == {"csv", "parquet"}
}
