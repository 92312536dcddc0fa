package rules

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one Rego test (a test_* rule in a *_test.rego file).
type TestResult struct {
	Package string // e.g. data.dgcheck.rules.quality.readable_test
	Name    string // e.g. test_fail_ragged_rows
	File    string
	Row     int
	Passed  bool
	Skipped bool   // a todo_test_* rule
	Err     error  // the test could not be evaluated (it neither passed nor failed)
	Output  []byte // what the test printed
}

// RunTests runs the Rego tests of the embedded bundle and of the user packs in dirs, as
// `opa test` would but with dgcheck's capabilities, and returns one result per test sorted by
// package and name. The error is for packs that do not load or compile, not for failed tests.
func RunTests(ctx context.Context, dirs ...string) ([]TestResult, error) {
	b, err := loadPacks(dirs, true)
	if err != nil {
		return nil, err
	}
	schemaSet, err := schemas()
	if err != nil {
		return nil, err
	}
	compiler := ast.NewCompiler().
		WithCapabilities(capabilities()).
		WithSchemas(schemaSet).
		WithEnablePrintStatements(true).
		WithDefaultRegoVersion(ast.RegoV1)
	store := inmem.NewWithOpts(inmem.OptRoundTripOnWrite(false))
	txn, err := store.NewTransaction(ctx, storage.WriteParams)
	if err != nil {
		return nil, err
	}
	defer store.Abort(ctx, txn)

	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		SetBundles(map[string]*bundle.Bundle{bundleName: b.Bundle}).
		SetDefaultRegoVersion(ast.RegoV1).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(true).
		RunTests(ctx, txn)
	if err != nil {
		return nil, fmt.Errorf("compiling rule tests: %w", compileErrors(err))
	}

	var results []TestResult
	for r := range ch {
		results = append(results, TestResult{
			Package: r.Package,
			Name:    r.Name,
			File:    r.Location.File,
			Row:     r.Location.Row,
			Passed:  r.Pass(),
			Skipped: r.Skip,
			Err:     r.Error,
			Output:  r.Output,
		})
	}
	slices.SortFunc(results, func(a, b TestResult) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Name, b.Name))
	})
	return results, nil
}
