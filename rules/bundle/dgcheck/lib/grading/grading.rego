# METADATA
# description: >-
#   The grading model applied to a dataset (data.dgcheck.grading): each column's grade, from
#   the type the column classifier detected in its values and from its name's hints, and the
#   level the dataset as a whole should have (就高从严: never below its most sensitive column,
#   raised by combinations of quasi-identifiers). Rules read their evidence here, and
#   `dgcheck classify` prints suggestion.
package dgcheck.lib.grading

import data.dgcheck.lib.config

# METADATA
# description: >-
#   The model's name: input.options.grading_model, else jrt0197 for financial data (a
#   declared JR/T 0197 level or a financial sector), else the default.
model_name := input.options.grading_model

model_name := "jrt0197" if {
	not input.options.grading_model
	financial
}

model_name := data.dgcheck.grading.default_model if {
	not input.options.grading_model
	not financial
}

# METADATA
# description: The dataset is financial data, graded by JR/T 0197 unless a run says otherwise.
financial if is_number(input.metadata.classification.industry.jrt0197_level)

financial if input.metadata.classification.sector in data.dgcheck.grading.financial_sectors

# METADATA
# description: The selected grading model.
model := data.dgcheck.grading.models[model_name]

# METADATA
# description: Position of level in the model's order, low to high; undefined for a level the model lacks.
rank(level) := i if {
	some i, l in model.levels
	l == level
}

# METADATA
# description: >-
#   col's classification when its confidence reaches thresholds.classify_min_confidence.
detected(col) := c if {
	c := col.classification
	c.type != ""
	c.confidence >= config.thresholds.classify_min_confidence
}

# METADATA
# description: >-
#   The grade the model gives col's detected type: the type's entry, with its masked
#   variant when the column holds no raw value (form masked).
type_grade(col) := object.union(_form_entry(entry, c.form), {"type": c.type, "source": "values", "form": c.form, "confidence": c.confidence}) if {
	c := detected(col)
	entry := model.types[c.type]
}

_form_entry(entry, "masked") := object.remove(object.union(entry, object.get(entry, "masked", {})), ["masked"])

_form_entry(entry, form) := object.remove(entry, ["masked"]) if form != "masked"

# METADATA
# description: >-
#   The grades col's name hints at (categories without a detector: health, credential,
#   birth_date, ...).
hint_grades(col) := [object.union(model.hints[h], {"type": h, "source": "name"}) |
	some h in object.get(col, "hints", [])
	model.hints[h]
]

# METADATA
# description: >-
#   The grades of the personal identifiers col's values hold inside other text (a remark
#   carrying an ID number): a free-text column is graded as what it carries.
embedded_grades(col) := [object.union(object.remove(model.types[d], ["masked"]), {"type": d, "source": "text"}) |
	some d, c in object.get(col, "detectors", {})
	object.get(c, "embedded", 0) > 0
	data.dgcheck.identifiers.detectors[d].personal
	model.types[d]
]

_grades(col) := array.concat(array.concat([g | g := type_grade(col)], hint_grades(col)), embedded_grades(col))

# METADATA
# description: >-
#   Each graded column's grade, by column name: of its type grade and hint grades, the one
#   of the highest level (the type grade when they tie, values outweighing a name).
column_grades[col.name] := g if {
	some col in input.profile.columns
	gs := _grades(col)
	count(gs) > 0
	top := max([rank(x.level) | some x in gs])
	g := [x | some x in gs; rank(x.level) == top][0]
}

# METADATA
# description: The quasi-identifier kinds the graded columns hold (birth_date, sex, postcode, location, ...).
quasi_types contains g.type if {
	some col in input.profile.columns
	some g in _grades(col)
	g.quasi == true
}

_max_rank := max([rank(g.level) | some g in column_grades])

_combination := model.quasi_combination

# METADATA
# description: >-
#   True when the quasi-identifiers present are enough kinds (quasi_combination.min) to raise
#   the dataset's level above its most sensitive column.
raised if {
	count(quasi_types) >= _combination.min
	_max_rank < rank(_combination.max_level)
}

# METADATA
# description: The level the data suggests for the dataset, undefined when no column is graded.
suggested_level := model.levels[min([_max_rank + _combination.raise, rank(_combination.max_level)])] if raised

suggested_level := model.levels[_max_rank] if {
	column_grades[_]
	not raised
}

# METADATA
# description: The most sensitive column (first by name among equals) and its grade.
most_sensitive := [name, g] if {
	names := sort([name | some name, g in column_grades; rank(g.level) == _max_rank])
	name := names[0]
	g := column_grades[name]
}

# METADATA
# description: >-
#   The level the metadata declares, in the model's terms: general-N (GB/T 43697, general
#   with its sub-level; a general grade without one counts as general-1), important, core;
#   or the JR/T 0197 level 1-5.
declared_level := _declared_gbt if model_name != "jrt0197"

declared_level := sprintf("%d", [input.metadata.classification.industry.jrt0197_level]) if {
	model_name == "jrt0197"
	is_number(input.metadata.classification.industry.jrt0197_level)
}

_declared_name := data.dgcheck.grading.level_names[input.metadata.classification.level]

_declared_gbt := sprintf("general-%d", [object.get(input.metadata.classification, "general_sublevel", 1)]) if {
	_declared_name == "general"
}

_declared_gbt := _declared_name if _declared_name != "general"

# METADATA
# description: A level name (core, important, general-2, ...) of a field's declaration, in the model's terms.
field_level(level) := level if rank(level)

field_level(level) := data.dgcheck.grading.level_names[level] if {
	not rank(level)
	data.dgcheck.grading.level_names[level] in {"core", "important"}
}

# METADATA
# description: The columns whose grade makes them personal information, and those sensitive.
pi_columns contains name if {
	some name, g in column_grades
	g.pi == true
}

sensitive_columns contains name if {
	some name, g in column_grades
	g.sensitive == true
	g.source in {"values", "text"}
}

# METADATA
# description: >-
#   What `dgcheck classify` reports: the model, each column's grade, and the dataset's
#   suggested level; undefined when the selected model does not exist.
suggestion := {
	"model": model_name,
	"columns": column_grades,
	"level": _or_empty.level,
	"most_sensitive": _or_empty.most_sensitive,
	"quasi_identifiers": sort(quasi_types),
	"raised": raised_flag,
	"contains_pi": count(pi_columns) > 0,
	"contains_sensitive_pi": count(sensitive_columns) > 0,
	"declared_level": _or_empty.declared_level,
} if model

# The parts of suggestion that may be undefined, "" or [] instead.
_or_empty := object.union({"level": "", "most_sensitive": [], "declared_level": ""}, object.union_n([
	{"level": l | l := suggested_level},
	{"most_sensitive": m | m := most_sensitive},
	{"declared_level": d | d := declared_level},
]))

# METADATA
# description: Whether combinations of quasi-identifiers raised the level.
default raised_flag := false

raised_flag if raised

# METADATA
# description: >-
#   A lower bound on the people the dataset is about: the most distinct values of a column
#   graded a direct identifier, or of the declared subject key (pi.subject_key); 0 when none.
subjects := max(array.concat([0], [col.distinct |
	some col in input.profile.columns
	_subject_column(col)
]))

_subject_column(col) if column_grades[col.name].role == "direct"

_subject_column(col) if col.name == input.metadata.pi.subject_key

# METADATA
# description: >-
#   A lower bound on the people whose sensitive personal information the dataset holds: the
#   most distinct values of a column whose values are graded sensitive; 0 when none.
sensitive_subjects := max(array.concat([0], [col.distinct |
	some col in input.profile.columns
	col.name in sensitive_columns
]))
