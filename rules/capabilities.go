package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// withheld says why a built-in function is withheld from policies ("reads the clock"), or ""
// when policies may call it. A policy judges the evidence it is given and nothing else: an untrusted pack cannot
// send a profile anywhere or read the machine it runs on, and a run gives the same findings on
// every machine and every time. So what reaches outside the input is withheld: the network
// (http.send, net.*), the process's environment and configuration (opa.runtime), the clock
// (time.now_ns, and the JWT and certificate checks that compare against it; rules read
// input.options.now), randomness (rand.intn, uuid.rfc4122, and signing, which draws random
// numbers), and whatever else OPA marks non-deterministic.
func withheld(b *ast.Builtin) string {
	switch name := b.Name; {
	case name == "http.send" || strings.HasPrefix(name, "net."):
		return "reaches the network"
	case name == "opa.runtime":
		return "reads the environment"
	case name == "time.now_ns" || name == "io.jwt.decode_verify" ||
		strings.HasPrefix(name, "crypto.x509.parse_and_verify_certificates"):
		return "reads the clock"
	case name == "rand.intn" || name == "uuid.rfc4122" || strings.HasPrefix(name, "io.jwt.encode_sign"):
		return "draws random numbers"
	case b.Nondeterministic:
		return "is non-deterministic"
	}
	return ""
}

// capabilities are this OPA version's, less the withheld built-ins.
func capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(caps.Builtins, func(b *ast.Builtin) bool { return withheld(b) != "" })
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
		if !found {
			continue
		}
		if b, known := ast.BuiltinMap[name]; known && withheld(b) != "" {
			e.Message = fmt.Sprintf("%s is not allowed: it %s, and dgcheck rules run without network, environment, clock or randomness so that a check gives the same findings everywhere", name, withheld(b))
		}
	}
	return errs
}
