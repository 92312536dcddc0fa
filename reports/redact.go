package reports

import (
	"reflect"
	"sort"
)

// Redact passes every string of the report that came from the data or its metadata through
// redact (the caller's identifier filter, detect.Redact for dgcheck): column names, notices,
// findings' columns, messages, evidence and samples, tool errors, and every string of the
// profile and the metadata, map keys included. It runs once, on the finished report and after
// the rules judged it (they match metadata fields by their raw names), so that every writer
// prints the same masked text. What the run's own inputs name is left as it is: the paths of
// the data and metadata files (SARIF and JUnit locate results by them), the rules' identity
// and the configuration's waivers.
//
// Redact changes the profile and metadata values in place, through their pointers, maps and
// slices: the report owns them once it is built.
func (r *Report) Redact(redact func(string) string) {
	RedactStrings(&r.Dataset.Columns, redact)
	RedactStrings(&r.Notices, redact)
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Column, f.Message, f.MessageZh = redact(f.Column), redact(f.Message), redact(f.MessageZh)
		RedactStrings(&f.Evidence, redact)
		for j := range f.Samples {
			f.Samples[j].Value = redact(f.Samples[j].Value)
		}
	}
	for i := range r.ToolErrors {
		te := &r.ToolErrors[i]
		te.Error, te.Location, te.Cause = redact(te.Error), redact(te.Location), redact(te.Cause)
	}
	r.Profile = RedactStrings(r.Profile, redact)
	r.Metadata = RedactStrings(r.Metadata, redact)
}

// RedactStrings applies redact to every string reachable from v through exported struct
// fields, pointers, interfaces, slices, arrays and maps (keys too), and returns v. What a
// pointer, slice or map reaches is changed in place; a value held directly (a struct in an
// interface) is copied, changed and returned, so use the result. Unexported fields are left
// alone: the JSON encoders, which report writers use, do not show them either.
func RedactStrings[T any](v T, redact func(string) string) T {
	rv := reflect.ValueOf(&v).Elem()
	w := redactWalker{redact: redact, seen: map[uintptr]bool{}}
	w.walk(rv)
	return v
}

type redactWalker struct {
	redact func(string) string
	seen   map[uintptr]bool // pointers and maps done, against cycles and repeated work
}

// walk redacts v, which must be settable or reached only through things walk can set.
func (w *redactWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			if s := w.redact(v.String()); s != v.String() {
				v.SetString(s)
			}
		}
	case reflect.Pointer:
		if v.IsNil() || w.seen[v.Pointer()] {
			return
		}
		w.seen[v.Pointer()] = true
		w.walk(v.Elem())
	case reflect.Interface:
		if v.IsNil() || !v.CanSet() {
			return
		}
		// What an interface holds cannot be set in place: copy it, redact, put it back.
		e := v.Elem()
		c := reflect.New(e.Type()).Elem()
		c.Set(e)
		w.walk(c)
		v.Set(c)
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				w.walk(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() || v.Type().Elem().Kind() == reflect.Uint8 {
			return // []byte is data, not text
		}
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
	case reflect.Array:
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() || w.seen[v.Pointer()] {
			return
		}
		w.seen[v.Pointer()] = true
		w.walkMap(v)
	}
}

// walkMap redacts a map's keys and values. Entries are re-set in the order of their original
// keys, so that two keys masked to the same text leave the same survivor on every run.
func (w *redactWalker) walkMap(v reflect.Value) {
	keys := v.MapKeys()
	stringKeys := v.Type().Key().Kind() == reflect.String
	if stringKeys {
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	}
	type entry struct{ old, key, val reflect.Value }
	entries := make([]entry, 0, len(keys))
	for _, k := range keys {
		val := reflect.New(v.Type().Elem()).Elem()
		val.Set(v.MapIndex(k))
		w.walk(val)
		key := k
		if stringKeys {
			key = reflect.New(v.Type().Key()).Elem()
			key.Set(k)
			w.walk(key)
		}
		entries = append(entries, entry{k, key, val})
	}
	for _, e := range entries {
		if !e.key.Equal(e.old) {
			v.SetMapIndex(e.old, reflect.Value{})
		}
	}
	for _, e := range entries {
		v.SetMapIndex(e.key, e.val)
	}
}
