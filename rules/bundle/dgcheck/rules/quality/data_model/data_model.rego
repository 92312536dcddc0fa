# METADATA
# title: 'File structure matches the declared model: columns, types, primary key, nullability'
# description: >-
#   The file's structure is the model the metadata declares: every header field has a name of
#   its own (a blank or repeated name is reported with the header line and field, and the
#   column is measured under the name dgcheck gave it), and a dataset with a field dictionary
#   declares the primary key that identifies its rows, naming columns the file has. Every
#   other column the metadata names (quasi-identifiers, sensitive attributes, foreign keys,
#   business rules, derivations, temporal orders, entities, the time field, the PI subject
#   key, the column a pseudonym is of) is one the file has: one it lacks is reported with the
#   key that names it, since the check it asks for then measures only the columns that exist
#   (k-anonymity over the other quasi-identifiers) or is not made. A of B header fields are
#   well formed, X = A/B. Columns against the dictionary are META-016's, types META-017's.
#   A file the metadata names (a foreign key's dataset, a data dictionary) that lies outside
#   the folder the check may read in is reported with the key and line that name it, and is
#   not read: metadata must not make the checker read, and report on, files elsewhere.
# custom:
#   id: QUAL-002
#   title_zh: '文件结构与声明的模型一致：列、类型、主键、是否可空'
#   remediation_zh: '为每一列提供唯一且非空的表头名称；以其值能标识一行的列声明 primary_key。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 规范性/数据模型
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: error
#   indicator: normativity
#   remediation: >-
#     Give every column a unique, non-blank header name; declare primary_key with the columns
#     whose values identify a row.
package dgcheck.rules.quality.data_model

import data.dgcheck.lib.meta
import data.dgcheck.lib.profile
import data.dgcheck.lib.result

_columns := count(input.dataset.columns)

measures contains result.measurement(rego.metadata.chain(), "header", _columns - input.profile.table.header_issues.count, _columns)

measures contains result.measurement(rego.metadata.chain(), "primary_key", _keyed, 1) if meta.given(["fields"])

violation contains finding if {
	some issue in input.profile.table.header_issues.samples
	finding := result.finding(rego.metadata.chain(), {
		"column": issue.column,
		"message": sprintf("%s: %s; the column is read as %q", [_where(issue), issue.detail, issue.column]),
		"message_zh": sprintf("%s：%s；该列按 %q 读取", [_where_zh(issue), profile.detail_zh(issue), issue.column]),
		"measure": result.measure(_columns - input.profile.table.header_issues.count, _columns),
		"evidence": {"line": issue.line, "detail": issue.detail},
	})
}

# A CSV header is line 1; a Parquet schema has no line.
_where(issue) := sprintf("header (line %d)", [issue.line]) if issue.line > 0

_where(issue) := "schema" if not issue.line > 0

_where_zh(issue) := sprintf("表头（第 %d 行）", [issue.line]) if issue.line > 0

_where_zh(issue) := "模式（schema）" if not issue.line > 0

violation contains result.finding(rego.metadata.chain(), {
	"message": "the file has no header row and no data: there are no columns to check",
	"message_zh": "文件既无表头行也无数据：没有可检查的列",
	"measure": result.measure(0, 1),
}) if {
	input.dataset.format == "csv"
	_columns == 0
}

violation contains result.finding(rego.metadata.chain(), {
	"message": "the metadata has a field dictionary but declares no primary key (primary_key)",
	"message_zh": "元数据有字段字典，但未声明主键（primary_key）",
	"measure": result.measure(0, 1),
}) if {
	meta.given(["fields"])
	not meta.given(["primary_key"])
}

violation contains finding if {
	some column in input.metadata.primary_key

	# A key entry that is not a string names no column (the metadata reader reports its type);
	# a finding's column is a name.
	is_string(column)
	not column in input.dataset.columns
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf("the primary key names %s, which the file does not have", [column]),
		"message_zh": sprintf("主键指定了列 %s，但文件中没有该列", [column]),
		"measure": result.measure(0, 1),
	})
}

violation contains finding if {
	some refused in object.get(input.dataset, "refused", [])
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%s%s names %s, outside %s, the folder this check may read in: it was not read (--read-within or --allow-outside reads it)", [refused.key, _on_line(refused), refused.path, refused.root]),
		"message_zh": sprintf("%s%s指向 %s，位于本次检查可读取的目录 %s 之外：未读取（--read-within 或 --allow-outside 可读取）", [refused.key, _on_line_zh(refused), refused.path, refused.root]),
		"measure": result.measure(0, 1),
		"evidence": {"key": refused.key, "line": object.get(refused, "line", 0), "path": refused.path, "root": refused.root},
	})
}

# A refusal's line, where the reader found it (0: none).
_on_line(refused) := sprintf(" (line %d)", [refused.line]) if object.get(refused, "line", 0) > 0

_on_line(refused) := "" if object.get(refused, "line", 0) == 0

_on_line_zh(refused) := sprintf("（第 %d 行）", [refused.line]) if object.get(refused, "line", 0) > 0

_on_line_zh(refused) := " " if object.get(refused, "line", 0) == 0

default _keyed := 0

_keyed := 1 if {
	meta.given(["primary_key"])
	every column in input.metadata.primary_key {
		column in input.dataset.columns
	}
}

# Where the metadata names columns besides the primary key and the field dictionary, as
# [key, name]: the key says which declaration names the column, so that the finding points at
# it. Values of the wrong type name nothing here (the metadata schema rejects them at the door).
_references contains [key, name] if {
	some list in ["qi_columns", "sensitive_columns"]
	some name in _names(object.get(input.metadata, ["deidentification", list], []))
	key := concat(".", ["deidentification", list])
}

_references contains [sprintf("foreign_keys[%d].fields", [i]), name] if {
	some i, fk in _list(object.get(input.metadata, "foreign_keys", []))
	is_object(fk)
	some name in _names(object.get(fk, "fields", []))
}

_references contains [sprintf("business_rules[%d].%s", [i, side]), name] if {
	some i, r in _list(object.get(input.metadata, "business_rules", []))
	is_object(r)
	some side in ["column", "other"]
	name := object.get(r, side, "")
	_named(name)
}

_references contains [sprintf("consistency[%d].%s", [i, side]), name] if {
	some i, d in _list(object.get(input.metadata, "consistency", []))
	is_object(d)
	some side in ["column", "from"]
	name := object.get(d, side, "")
	_named(name)
}

_references contains [sprintf("temporal_order[%d]", [i]), name] if {
	some i, order in _list(object.get(input.metadata, "temporal_order", []))
	some name in _names(order)
}

_references contains [sprintf("entities[%d].%s", [i, side]), name] if {
	some i, e in _list(object.get(input.metadata, "entities", []))
	is_object(e)
	some side in ["key", "attributes"]
	some name in _names(object.get(e, side, []))
}

_references contains [key, name] if {
	some key in ["time_field", "pi.subject_key"]
	name := object.get(input.metadata, split(key, "."), "")
	_named(name)
}

_references contains [sprintf("fields[%d].masking.pseudonym_of", [i]), name] if {
	some i, f in _list(object.get(input.metadata, "fields", []))
	is_object(f)
	name := object.get(f, ["masking", "pseudonym_of"], "")
	_named(name)
}

_list(x) := x if is_array(x)

_list(x) := [] if not is_array(x)

_names(x) := [n | some n in _list(x); _named(n)]

_named(name) if {
	is_string(name)
	name != ""
}

violation contains finding if {
	is_array(input.dataset.columns)
	some [key, name] in _references
	not name in input.dataset.columns
	finding := result.finding(rego.metadata.chain(), {
		"column": name,
		"message": sprintf("%s names %s, which the file does not have%s", [key, name, _consequence(key)]),
		"message_zh": sprintf("%s 指定了列 %s，但文件中没有该列%s", [key, name, _consequence_zh(key)]),
		"evidence": {"key": key, "missing": name},
	})
}

# A foreign key references as many fields as it has, and has some: one that does not is not
# measured (the scan skips it), so it is reported here rather than left to look checked.
violation contains finding if {
	some i, fk in _list(object.get(input.metadata, "foreign_keys", []))
	is_object(fk)
	fields := _list(object.get(fk, "fields", []))
	referenced := _list(object.get(fk, ["reference", "fields"], []))
	_malformed(fields, referenced)
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("foreign_keys[%d]: fields [%s] reference [%s]; a foreign key references one field for each of its own, so it is not checked", [
			i, concat(", ", _names(fields)), concat(", ", _names(referenced)),
		]),
		"message_zh": sprintf("foreign_keys[%d]：字段 [%s] 引用 [%s]；外键须为自身的每个字段各引用一个字段，因此未检查该外键", [
			i, concat(", ", _names(fields)), concat(", ", _names(referenced)),
		]),
		"evidence": {"key": sprintf("foreign_keys[%d]", [i]), "fields": fields, "referenced": referenced},
	})
}

_malformed(fields, referenced) if count(fields) != count(referenced)

_malformed(fields, _) if count(fields) == 0

# What the scan did without the column, where the profile says.
_consequence("deidentification.qi_columns") := sprintf("; k-anonymity and uniqueness are measured over %s only", [concat(", ", qi)]) if {
	qi := input.profile.table.reidentification.quasi_identifiers
	count(qi) > 0
}

_consequence("deidentification.qi_columns") := "; no quasi-identifier it names is in the file, so re-identification risk is not measured" if {
	not _measured_qi
}

_consequence(key) := "" if key != "deidentification.qi_columns"

_consequence_zh("deidentification.qi_columns") := sprintf("；k-匿名和唯一性仅基于 %s 计算", [concat(", ", qi)]) if {
	qi := input.profile.table.reidentification.quasi_identifiers
	count(qi) > 0
}

_consequence_zh("deidentification.qi_columns") := "；其指定的准标识符均不在文件中，因此未评估重标识风险" if {
	not _measured_qi
}

_consequence_zh(key) := "" if key != "deidentification.qi_columns"

_measured_qi if count(input.profile.table.reidentification.quasi_identifiers) > 0
