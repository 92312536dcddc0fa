# METADATA
# description: >-
#   Readings of input.metadata shared by the metadata, quality and release rules: whether a
#   value is given, the open type, formats and update cycle in canonical form, ISO 8601 dates,
#   and each declared field beside the column it describes.
package dgcheck.lib.meta

import data.dgcheck.lib.profile

vocab := data.dgcheck.config.metadata_vocabularies

# METADATA
# description: >-
#   x is given: it is, or holds at any depth, a non-blank string, a number or a boolean. A
#   text with only blank languages, an empty list or an object of empty values is not.
present(x) if {
	walk(x, [_, v])
	_value(v)
}

_value(v) if {
	is_string(v)
	trim_space(v) != ""
}

_value(v) if is_number(v)

_value(v) if is_boolean(v)

# METADATA
# description: The metadata gives a value at path (a list of keys).
given(path) if present(object.get(input.metadata, path, ""))

# METADATA
# description: >-
#   The object the metadata gives at path; {} when it gives none or a value of another type,
#   which the metadata reader reports: rules read its keys without failing on a string.
object_at(path) := v if {
	v := object.get(input.metadata, path, {})
	is_object(v)
}

default object_at(_) := {}

# METADATA
# description: >-
#   count(x) of a string, array, object or set; 0 for a value of another type (a number or a
#   boolean where the metadata should hold a list), so that counting never fails the run.
size(x) := count(x) if type_name(x) in {"string", "array", "object", "set"}

default size(_) := 0

# METADATA
# description: >-
#   The declared open type in canonical form (unconditional, conditional or closed);
#   undefined when none is declared or it is not in the vocabulary.
open_kind := vocab.open_types[input.metadata.cn.open_type]

# METADATA
# description: The metadata declares the data open (unconditionally or on conditions).
released if open_kind in {"unconditional", "conditional"}

# METADATA
# description: A declared format, media type or file-type IRI in canonical form (csv, parquet, ...).
format(f) := name if {
	is_string(f)
	some name, synonyms in vocab.formats
	lower(f) in {lower(s) | some s in synonyms}
}

format(f) := lower(f) if {
	is_string(f)
	not _known_format(f)
}

_known_format(f) if {
	some synonyms in vocab.formats
	lower(f) in {lower(s) | some s in synonyms}
}

# METADATA
# description: >-
#   The formats the metadata declares, for the dataset and for its distributions: a
#   distribution's format, or its media type where it gives no format (DCAT-US gives only
#   mediaType, "the machine-readable file format ... of the distribution's downloadURL").
declared_formats contains format(input.metadata.format) if present(input.metadata.format)

declared_formats contains format(d.format) if {
	some d in input.metadata.distributions
	present(d.format)
}

declared_formats contains format(d.media_type) if {
	some d in input.metadata.distributions
	is_object(d)
	not present(object.get(d, "format", ""))
	present(object.get(d, "media_type", ""))
}

# METADATA
# description: >-
#   The update cycle in days of the declared accrual_periodicity; undefined when it has none
#   (irregular, continuous) or is not in the vocabulary.
cycle_days := vocab.update_frequencies[input.metadata.accrual_periodicity].days

# METADATA
# description: s is an ISO 8601 calendar date (YYYY-MM-DD) that exists.
iso_date(s) if {
	is_string(s)
	regex.match(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`, s)
	[y, m, d] := [to_number(p) | some p in split(s, "-")]
	d <= _days_in(y, m)
}

# METADATA
# description: >-
#   s is an ISO 8601 date-time (a date, T, hh:mm[:ss[.fff]], and an optional zone, Z or
#   ±hh:mm) whose date exists.
iso_datetime(s) if {
	is_string(s)
	regex.match(`^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$`, s)
	iso_date(substring(s, 0, 10))
}

# METADATA
# description: s is an ISO 8601 (GB/T 7408.1-2023) date or date-time.
iso(s) if iso_date(s)

iso(s) if iso_datetime(s)

# METADATA
# description: >-
#   The instant of an ISO 8601 date (its midnight, UTC) or date-time (UTC when it names no
#   zone), in nanoseconds; undefined for anything else, so a malformed date never reaches a
#   parser that would fail the run. Counted from the calendar, not by time.parse_ns, whose
#   range (1677-2262) would fail the run on 0001-01-01 or 9999-12-31: those are dates too,
#   far in the past or the future, and rules judge them as such.
time_ns(s) := _days_since_epoch(s) * _day_ns if iso_date(s)

# The time of day (with its zone) is measured on 1970-01-01, inside every parser's range.
time_ns(s) := (_days_since_epoch(substring(s, 0, 10)) * _day_ns) + time.parse_rfc3339_ns(concat("", ["1970-01-01", substring(_rfc3339(s), 10, -1)])) if {
	iso_datetime(s)
}

_day_ns := ((24 * 60) * 60) * 1000000000

# Days from 1970-01-01 to the date YYYY-MM-DD in the proleptic Gregorian calendar (the
# days_from_civil algorithm: 400-year eras of 146097 days, years starting in March so that the
# leap day ends one). Years are shifted by one era so that none is negative (January 0000
# counts in year -1): floor rounds negative quotients toward zero here.
_days_since_epoch(date) := days if {
	[y, m, d] := [to_number(p) | some p in split(date, "-")]
	year := (y - _before_march(m)) + 400
	era := floor(year / 400)
	year_of_era := year - (era * 400)
	day_of_year := floor(((153 * ((m + 9) % 12)) + 2) / 5) + (d - 1)
	day_of_era := (((year_of_era * 365) + floor(year_of_era / 4)) - floor(year_of_era / 100)) + day_of_year
	days := (((era - 1) * 146097) + day_of_era) - 719468
}

_before_march(m) := 1 if m <= 2

_before_march(m) := 0 if m > 2

# An ISO 8601 date-time as RFC 3339 wants it: with seconds and a zone.
_rfc3339(s) := concat("", [date_time, zone]) if {
	parts := regex.find_all_string_submatch_n(`^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?(.*)$`, s, 1)[0]
	seconds := _or(parts[2], ":00")
	date_time := concat("", [parts[1], seconds])
	zone := _or(parts[4], "Z")
}

_or(x, _) := x if x != ""

_or("", y) := y

_days_in(y, 2) := 29 if _leap(y)

_days_in(y, 2) := 28 if not _leap(y)

_leap(y) if {
	y % 4 == 0
	y % 100 != 0
}

_leap(y) if y % 400 == 0

_days_in(_, m) := 30 if m in {4, 6, 9, 11}

_days_in(_, m) := 31 if m in {1, 3, 5, 7, 8, 10, 12}

# METADATA
# description: >-
#   Each field-dictionary entry by its name (the first, if the dictionary names a field twice,
#   which the metadata rules report). Rules look a column's entry up here: scanning
#   input.metadata.fields for every column made judging a dataset of 200 declared columns take
#   seconds. The inner comprehension is indexed by OPA on name, so building this is linear.
field_of := {name: input.metadata.fields[min(indices)] |
	some field in input.metadata.fields
	name := field.name
	indices := [i | some i, other in input.metadata.fields; other.name == name]
}

# METADATA
# description: The profile of the column named name; undefined when the file has none.
column(name) := col if {
	some col in input.profile.columns
	col.name == name
}

# METADATA
# description: >-
#   The column holds codes: its field names a code list, a standard, a validator or a pattern,
#   or its values have an identifier's structure. Full-width forms and ideographic spaces break
#   such values (QUAL-013).
code_column(col) if {
	some key in ["code_list", "standard_ref", "validator"]
	present(object.get(field_of, [col.name, key], ""))
}

code_column(col) if present(object.get(field_of, [col.name, "constraints", "pattern"], ""))

code_column(col) if {
	some detector in profile.direct
	profile.holds(col, detector)
}

# The unified social credit code's 31 characters (GB 32100-2015; STANDARDS.md §3.2), each
# worth its index, and the weights 3^(i-1) mod 31 of positions 1-17.
_uscc_chars := "0123456789ABCDEFGHJKLMNPQRTUWXY"

_uscc_weights := [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

# METADATA
# description: >-
#   code is a unified social credit code with a right check character: 18 characters of the
#   31-character set, positions 3-8 digits, and position 18 = 31 - (Σ value·weight mod 31).
#   For a code the metadata gives (META-014); codes in the data are the detectors'.
uscc_valid(code) if {
	is_string(code)
	regex.match(`^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$`, code)
	chars := split(code, "")
	s := sum([v | some i, w in _uscc_weights; v := indexof(_uscc_chars, chars[i]) * w])
	chars[17] == substring(_uscc_chars, (31 - (s % 31)) % 31, 1)
}

# METADATA
# description: >-
#   The declared checks of the given names that the scan made, as [column, name, counts]
#   (profile columns[].constraints: type, minimum, pattern, code_list, ...).
checks(names) := {[col.name, name, c] |
	some col in input.profile.columns
	some name, c in col.constraints
	name in names
}

# METADATA
# description: The declared row-level checks of a kind the scan made (profile table.row_checks).
row_checks(kind) := {c | some c in input.profile.table.row_checks; c.kind == kind}
