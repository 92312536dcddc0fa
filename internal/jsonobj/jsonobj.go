// Package jsonobj reads and writes JSON objects with their members in the order they are
// written, which encoding/json's maps lose: a data package a person wrote keeps its order when
// dgcheck adds a resource to it, and a generated schema keeps its source's order.
package jsonobj

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Member is one key of an object and its value as written.
type Member struct {
	Key   string
	Value json.RawMessage
}

// Members splits a JSON object into its members, in order. Anything but one object (another
// value, or data after it) is an error.
func Members(src []byte) ([]Member, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	if t, err := dec.Token(); err != nil {
		return nil, err
	} else if t != json.Delim('{') {
		return nil, fmt.Errorf("the top level is not an object")
	}
	var ms []Member
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		ms = append(ms, Member{t.(string), v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the top-level object")
	}
	return ms, nil
}

// Object writes members as one compact JSON object, in their order; keys are not
// HTML-escaped, as the writers that indent it write.
func Object(ms []Member) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := Marshal(m.Key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.Value)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// Marshal is json.Marshal without escaping <, > and &.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
