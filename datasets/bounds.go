package datasets

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"
)

// isoDateTime is an ISO 8601 date, or date and time, as the sidecar schema's iso_datetime.
var isoDateTime = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$`)

// boundOfType reports whether v, a declared minimum or maximum, is a value of datatype. Table
// Schema writes bounds in the field's lexical form, so a data package may give a number as
// "780"; but a bound that is no value of its type ("1**" on a number field) checks nothing,
// and accepting it would pass every value unchecked.
func boundOfType(datatype, v string) bool {
	switch datatype {
	case "integer":
		_, err := strconv.ParseInt(v, 10, 64)
		return err == nil
	case "number":
		_, err := strconv.ParseFloat(v, 64)
		return err == nil
	case "date":
		_, err := time.Parse(time.DateOnly, v)
		return err == nil
	case "datetime":
		return isoDateTime.MatchString(v)
	}
	return true // other types' bounds (year, time, ...) are compared as text
}

// typedBounds refuses, located at the value, the first bound (minimum, maximum, exclusive) of a Table Schema
// field that is not a value of the field's type. fieldsNode is the schema's fields list.
func typedBounds(path string, fields []dpField, fieldsNode *yaml.Node) error {
	for i, f := range fields {
		c := f.Constraints
		for _, b := range [...]struct{ key, value string }{{"minimum", c.Minimum}, {"maximum", c.Maximum},
			{"exclusiveMinimum", c.ExclusiveMinimum}, {"exclusiveMaximum", c.ExclusiveMaximum}} {
			if b.value == "" || boundOfType(f.Type, b.value) {
				continue
			}
			n := nodeAt(fieldsNode, []string{strconv.Itoa(i), "constraints", b.key})
			return &ParseError{File: path, Line: int64(n.Line), Column: int64(n.Column),
				Err: fmt.Errorf("field %s: constraints.%s %q is not a value of its type %s", f.Name, b.key, b.value, f.Type)}
		}
	}
	return nil
}
