package main

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v3"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Every command line of README.md's "Using it" section runs as written, flags before the
// path, and with its flags after the path (dgcheck check data.csv --format json, dgcheck
// audit catalogue/ -o audit/), each in a fresh copy of the same working directory; the two
// must end alike: exit code, what is printed and every file written.
func TestReadmeExamplesTakeFlagsBeforeAndAfterThePath(t *testing.T) {
	examples := readmeExamples(t)
	type outcome struct {
		code           int
		stdout, stderr string
	}
	run := func(t *testing.T, dir string, lines [][]string) ([]outcome, map[string]string) {
		t.Chdir(dir)
		var outcomes []outcome
		keyIDs := []string{dir, "$DIR"}
		for _, args := range lines {
			if args[0] == "init" {
				// init drafts the metadata of data that has none; the examples before it
				// read data.csv's.
				if err := os.Remove("data.meta.yaml"); err != nil {
					t.Fatal(err)
				}
			}
			stdout, stderr, code := runCLI(t, args...)
			if code == exitUsageOrInput {
				t.Errorf("dgcheck %s: exit 2: %s", strings.Join(args, " "), stderr)
			}
			// A key is random by design: the two runs' keys are named by the order they
			// were made in, and so are their signatures.
			for _, id := range generatedKey.FindAllStringSubmatch(stderr, -1) {
				keyIDs = append(keyIDs, id[1], fmt.Sprintf("$KEY%d", len(keyIDs)/2))
			}
			hide := strings.NewReplacer(keyIDs...)
			outcomes = append(outcomes, outcome{code, hide.Replace(stdout), hide.Replace(stderr)})
		}
		files := treeContents(t, dir)
		hide := strings.NewReplacer(keyIDs...)
		for name, content := range files {
			files[name] = hide.Replace(unsigned(t, name, content))
		}
		return outcomes, files
	}
	var moved [][]string
	for _, args := range examples {
		moved = append(moved, flagsLast(t, args))
	}
	if n := countDifferent(examples, moved); n < 8 {
		t.Fatalf("only %d README examples have flags to move after their path:\n%q", n, moved)
	}
	var before, after []outcome
	var beforeFiles, afterFiles map[string]string
	t.Run("flags before the path", func(t *testing.T) {
		before, beforeFiles = run(t, readmeFixture(t), examples)
	})
	t.Run("flags after the path", func(t *testing.T) {
		after, afterFiles = run(t, readmeFixture(t), moved)
	})
	if len(before) != len(examples) || len(after) != len(examples) {
		t.Fatalf("ran %d and %d of %d examples", len(before), len(after), len(examples))
	}
	for i := range examples {
		if before[i] != after[i] {
			t.Errorf("dgcheck %s: exit %d\nstdout %.2000q\nstderr %q\nbut dgcheck %s: exit %d\nstdout %.2000q\nstderr %q",
				strings.Join(examples[i], " "), before[i].code, before[i].stdout, before[i].stderr,
				strings.Join(moved[i], " "), after[i].code, after[i].stdout, after[i].stderr)
		}
	}
	if !reflect.DeepEqual(keys(beforeFiles), keys(afterFiles)) {
		t.Errorf("files written differ:\nflags before %q\nflags after  %q", keys(beforeFiles), keys(afterFiles))
	}
	for name, content := range beforeFiles {
		if other, ok := afterFiles[name]; ok && other != content {
			t.Errorf("%s differs with the flags after the path", name)
		}
	}
	// What the README promises: the examples' reports were written, in their formats.
	for _, name := range []string{"report.json", "report.html", "results.sarif", "summary.md", "junit.xml", "data.meta.yaml", "audit/portfolio.json", "next/portfolio.json", "report.attestation.json", "signed/portfolio.attestation.json"} {
		if beforeFiles[name] == "" {
			t.Errorf("no %s after the README examples (files: %q)", name, keys(beforeFiles))
		}
	}
}

// A flag may follow the path, and the paths, in every command that takes one.
func TestFlagsAfterPositionalArguments(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		before, after []string
		code          int
	}{
		{[]string{"check", "--format", "json", "--fail-on", "warning", exampleClean}, []string{"check", exampleClean, "--format", "json", "--fail-on", "warning"}, exitConformant},
		{[]string{"check", "-f", "json", exampleClean}, []string{"check", exampleClean, "-f", "json"}, exitConformant},
		{[]string{"check", "-q", example}, []string{"check", example, "-q"}, exitNonConformant},
		{[]string{"classify", "--format", "json", exampleClean}, []string{"classify", exampleClean, "--format", "json"}, exitConformant},
		{[]string{"init", "-o", "-", exampleClean}, []string{"init", exampleClean, "-o", "-"}, exitConformant},
		{[]string{"rules", "show", "--rules", dir, "qual-011"}, []string{"rules", "show", "qual-011", "--rules", dir}, exitConformant},
		{[]string{"history", "--format", "json", dir}, []string{"history", dir, "--format", "json"}, exitUsageOrInput},
	} {
		stdout, stderr, code := runCLI(t, tc.before...)
		stdout2, stderr2, code2 := runCLI(t, tc.after...)
		if code != tc.code || code2 != code || normalise(stdout, dir) != normalise(stdout2, dir) || stderr != stderr2 {
			t.Errorf("dgcheck %s: exit %d, stderr %q\ndgcheck %s: exit %d, stderr %q\nwant both exit %d and the same output",
				strings.Join(tc.before, " "), code, stderr, strings.Join(tc.after, " "), code2, stderr2, tc.code)
		}
	}
	// -- ends the flags: what follows is a path, even one that looks like a flag.
	_, stderr, code := runCLI(t, "check", "--", "--format")
	if code != exitUsageOrInput || !strings.Contains(stderr, "--format") || strings.Contains(stderr, "flag") {
		t.Errorf("check -- --format: exit %d, stderr %q; want the file --format not found", code, stderr)
	}
}

// readmeExamples are the dgcheck command lines in the sh blocks of README.md's "Using it"
// section, without "dgcheck" and their comments.
func readmeExamples(t *testing.T) [][]string {
	t.Helper()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(raw), "\n## Using it\n")
	if !ok {
		t.Fatal(`README.md has no "## Using it" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var examples [][]string
	inBlock := false
	for line := range strings.Lines(section) {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock || !strings.HasPrefix(line, "dgcheck ") {
			continue
		}
		line, _, _ = strings.Cut(line, " #")
		examples = append(examples, strings.Fields(line)[1:])
	}
	if len(examples) < 12 {
		t.Fatalf("%d examples in README.md's Using it section: %q", len(examples), examples)
	}
	return examples
}

// flagsLast is the command line args with its positional arguments moved before its flags,
// right after the command's name.
func flagsLast(t *testing.T, args []string) []string {
	t.Helper()
	cmd, i := newApp(io.Discard, io.Discard), 0
	for ; i < len(args); i++ {
		sub := cmd.Command(args[i])
		if sub == nil {
			break
		}
		cmd = sub
	}
	var positional, flags []string
	for j := i; j < len(args); j++ {
		arg := args[j]
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			positional = append(positional, arg)
			continue
		}
		flags = append(flags, arg)
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name == "help" || name == "h" {
			continue
		}
		f := flagNamed(cmd, name)
		if f == nil {
			t.Fatalf("dgcheck %s: %s has no flag %s", strings.Join(args, " "), cmd.FullName(), arg)
		}
		if v, ok := f.(interface{ TakesValue() bool }); ok && v.TakesValue() && !hasValue && j+1 < len(args) {
			j++
			flags = append(flags, args[j])
		}
	}
	return slices.Concat(args[:i], positional, flags)
}

func flagNamed(cmd *cli.Command, name string) cli.Flag {
	for _, f := range cmd.Flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

func countDifferent(a, b [][]string) int {
	n := 0
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			n++
		}
	}
	return n
}

// readmeFixture is a working directory with the files the README's examples name: data.csv
// and data.parquet with their sidecar, meta.yaml, a GB18030 export.csv, a rule pack in
// my-policies and a catalogue.
func readmeFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	read := func(path string) []byte {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	write := func(name string, content []byte) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stem := strings.TrimSuffix(example, ".csv")
	cleanStem := strings.TrimSuffix(exampleClean, ".csv")
	meta := read(stem + ".meta.yaml")
	write("data.csv", read(example))
	write("data.parquet", read(stem+".parquet"))
	write("data.meta.yaml", meta)
	write("meta.yaml", meta)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(read(example))
	if err != nil {
		t.Fatal(err)
	}
	write("export.csv", gb)
	write("my-policies/dgcheck/rules/acme/notes/notes.rego", []byte("# METADATA\n# title: Notes\n# custom:\n#   id: ACME-001\n#   standard: s\n#   clause: c\n#   severity: info\n#   remediation: r\npackage dgcheck.rules.acme.notes\n\nwarning contains {\"id\": \"ACME-001\"} if false\n"))
	write("catalogue/roll.csv", read(example))
	write("catalogue/roll.meta.yaml", meta)
	write("catalogue/clean/roll.csv", read(exampleClean))
	write("catalogue/clean/roll.parquet", read(cleanStem+".parquet"))
	write("catalogue/clean/roll.meta.yaml", read(cleanStem+".meta.yaml"))
	return dir
}

// treeContents is every file under dir by its slash path, text files' contents normalised;
// a SQLite database (the audits' history) is compared by presence only.
func treeContents(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if filepath.Ext(path) == ".db" {
			raw = []byte("database")
		}
		files[filepath.ToSlash(rel)] = normalise(string(raw), dir)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// generatedKey finds the id of a key keygen made in what it prints.
var generatedKey = regexp.MustCompile(`key ([0-9a-f]{64}): private key`)

// unsigned is a file with what differs between two keys hidden: a key's PEM is "key" and an
// attestation's signatures are "signature" (their key ids stay, for the caller to name), and
// so are the digests of the signed attestations a portfolio's statement names.
func unsigned(t *testing.T, name, content string) string {
	t.Helper()
	switch {
	case strings.HasSuffix(name, ".key") || strings.HasSuffix(name, ".pub"):
		return "key"
	case strings.HasSuffix(name, "attestation.json"):
		var envelope map[string]any
		if err := json.Unmarshal([]byte(content), &envelope); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		payload, err := base64.StdEncoding.DecodeString(fmt.Sprint(envelope["payload"]))
		if err != nil {
			t.Fatalf("%s: payload: %v", name, err)
		}
		var statement map[string]any
		if err := json.Unmarshal(payload, &statement); err != nil {
			t.Fatalf("%s: payload: %v", name, err)
		}
		subjects, _ := statement["subject"].([]any)
		for _, s := range subjects {
			if s, ok := s.(map[string]any); ok && strings.HasSuffix(fmt.Sprint(s["name"]), "attestation.json") {
				s["digest"] = "signature"
			}
		}
		envelope["payload"] = statement
		signatures, _ := envelope["signatures"].([]any)
		for _, s := range signatures {
			if s, ok := s.(map[string]any); ok && s["sig"] != nil {
				s["sig"] = "signature"
			}
		}
		raw, err := json.Marshal(envelope)
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	return content
}

// normalise hides what differs between two runs in two directories: the directory.
func normalise(s, dir string) string {
	return strings.ReplaceAll(s, dir, "$DIR")
}

func keys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}

func TestVersionFlag(t *testing.T) {
	for _, flag := range []string{"--version", "-v"} {
		stdout, stderr, code := runCLI(t, flag)
		if code != exitConformant || stdout != "dgcheck "+version+"\n" || stderr != "" {
			t.Errorf("dgcheck %s: exit %d, stdout %q, stderr %q", flag, code, stdout, stderr)
		}
	}
}

// A mistyped command or flag is a usage error that names what was probably meant; a name
// near nothing suggests nothing.
func TestMistypedCommandsAndFlagsAreSuggested(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // "" for no suggestion
	}{
		{[]string{"chek", example}, `unknown command "chek"; did you mean "check"? (see dgcheck --help)`},
		{[]string{"audti", "-o", t.TempDir(), "catalogue/"}, `did you mean "audit"?`},
		{[]string{"rules", "lst"}, `did you mean "list"? (see dgcheck rules --help)`},
		{[]string{"check", "--formt", "json", example}, "flag provided but not defined: -formt; did you mean --format? (see dgcheck check --help)"},
		{[]string{"check", example, "--fail_on", "warning"}, "did you mean --fail-on?"},
		{[]string{"audit", "-o", t.TempDir(), "--reusme", "catalogue/"}, "did you mean --resume?"},
		{[]string{"nosuch"}, ""},
		{[]string{"check", "--colour", example}, ""},
		{[]string{"check", "-x", example}, ""},
	} {
		stdout, stderr, code := runCLI(t, tc.args...)
		if code != exitUsageOrInput || stdout != "" || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", tc.args, code, stdout, stderr)
		}
		if tc.want == "" && strings.Contains(stderr, "did you mean") || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: stderr %q, want %q", tc.args, stderr, cmp.Or(tc.want, "no suggestion"))
		}
	}
}

// An -o whose extension names no format is a usage error that lists the extensions that do,
// not a text report under another name; --format names the format of such a file.
func TestOutputWithUnknownExtension(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	_, stderr, code := runCLI(t, "check", "-o", pdf, exampleClean)
	if code != exitUsageOrInput || !strings.Contains(stderr, "known: .txt .text .json .md .html .htm .sarif .xml") {
		t.Errorf("-o report.pdf: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(pdf); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("-o report.pdf wrote a file (%v)", err)
	}
	if _, stderr, code := runCLI(t, "check", "-o", filepath.Join(dir, "r.json"), "-o", pdf, exampleClean); code != exitUsageOrInput || !strings.Contains(stderr, "report.pdf") {
		t.Errorf("-o r.json -o report.pdf: exit %d, stderr %q", code, stderr)
	}
	out := filepath.Join(dir, "report.out")
	if _, stderr, code := runCLI(t, "check", "--format", "json", "-o", out, exampleClean); code != exitConformant {
		t.Fatalf("--format json -o report.out: exit %d, stderr %q", code, stderr)
	}
	if raw, err := os.ReadFile(out); err != nil || !json.Valid(raw) {
		t.Errorf("--format json -o report.out wrote no JSON (%v)", err)
	}
}

// audit -q prints nothing: the portfolio is in --output and the exit code is the answer.
func TestAuditQuiet(t *testing.T) {
	catalogue := readmeFixture(t)
	loud, quiet := t.TempDir(), t.TempDir()
	stdout, stderr, code := runCLI(t, "audit", "-o", loud, catalogue)
	if code != exitNonConformant || !strings.Contains(stdout, "portfolio:") {
		t.Fatalf("audit: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	stdout, stderr, quietCode := runCLI(t, "audit", catalogue, "-q", "-o", quiet)
	if quietCode != code || stdout != "" || stderr != "" {
		t.Errorf("audit -q: exit %d (without -q %d), stdout %q, stderr %q", quietCode, code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(quiet, "portfolio.json")); err != nil {
		t.Errorf("audit -q wrote no portfolio: %v", err)
	}
}

// The enumerated flags are refused as they are parsed, by check and audit alike, with the
// values they accept, before any file is read (the dataset named here does not exist).
func TestEnumFlagsAreRefusedWithTheirValues(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "absent.csv")
	out := filepath.Join(t.TempDir(), "audit")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--lang", "fr", missing}, `--lang: unknown language "fr" (want one of en, zh)`},
		{[]string{"audit", "-o", out, missing, "--lang", "fr"}, `--lang: unknown language "fr" (want one of en, zh)`},
		{[]string{"check", "--fail-on", "fatal", missing}, `--fail-on: unknown severity "fatal" (want error, warning or info)`},
		{[]string{"audit", "-o", out, "--fail-on", "fatal", missing}, `--fail-on: unknown severity "fatal"`},
		{[]string{"check", "--format", "pdf", missing}, `--format: unknown format "pdf" (want one of text, json, markdown, html, sarif, junit)`},
		{[]string{"audit", "-o", out, "--report-format", "html", "--report-format", "pdf", missing}, `--report-format: unknown format "pdf"`},
		{[]string{"audit", "-o", out, "--profile", "public", missing}, `--profile: unknown profile "public"`},
		{[]string{"check", "--input-format", "xlsx", "-"}, `--input-format: unknown format "xlsx" (want one of csv, parquet)`},
		{[]string{"rules", "doc", "--format", "pdf"}, `--format: unknown format "pdf" (want one of markdown, html)`},
		{[]string{"rules", "doc", "--lang", "fr"}, `--lang: unknown language "fr" (want one of en, zh)`},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "absent.csv") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q, before the dataset is opened", tc.args, code, stderr, tc.want)
		}
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused audit created its output directory (%v)", err)
	}
}
