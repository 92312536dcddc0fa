package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// withheld reports the built-in functions policies may not call. They reach outside the
// input: the network (http.send, net.*), the process's environment and configuration
// (opa.runtime) and the clock (time.now_ns; rules read input.options.now). A policy judges
// the evidence it is given and nothing else, so an untrusted pack cannot send a profile
// anywhere, and a run gives the same findings on every machine.
func withheld(builtin string) bool {
	return builtin == "http.send" || strings.HasPrefix(builtin, "net.") ||
		builtin == "opa.runtime" || builtin == "time.now_ns"
}

// capabilities are this OPA version's, less the withheld built-ins.
func capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(caps.Builtins, func(b *ast.Builtin) bool { return withheld(b.Name) })
	caps.AllowNet = []string{}
	return caps
}

// compileErrors returns the compiler's located errors from err, which OPA wraps in context
// of its own ("bundle activation failed"), and rewrites "undefined function http.send" for a
// withheld built-in, which would otherwise read as a typo in the policy.
func compileErrors(err error) error {
	var errs ast.Errors
	if !errors.As(err, &errs) {
		return err
	}
	for _, e := range errs {
		name, found := strings.CutPrefix(e.Message, "undefined function ")
		if found && withheld(name) {
			e.Message = fmt.Sprintf("%s is not allowed: dgcheck rules run without network, environment or clock access", name)
		}
	}
	return errs
}
