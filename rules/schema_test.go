package rules

import (
	"bytes"
	"testing"
)

// Callers (the docs generator) may edit what they get; the schema rules compile with must not
// change under them.
func TestInputSchemaIsACopy(t *testing.T) {
	got := InputSchema()
	if !bytes.Equal(got, inputSchema) {
		t.Fatal("InputSchema differs from the embedded schema")
	}
	got[0] = 'x'
	if inputSchema[0] != '{' {
		t.Error("changing InputSchema's result changed the embedded schema")
	}
}
