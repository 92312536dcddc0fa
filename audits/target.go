package audits

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/datasets"
)

// Dataset is one dataset of an audit.
type Dataset struct {
	// Name is the dataset's identity across audits: its data file's path relative to the
	// audit root, with forward slashes. Baselines, resumption, shards and history key on it.
	Name     string
	Path     string // the data file, as opened
	Metadata string // metadata file named by a manifest; "" looks beside the data
	Profile  string // conformance profile named by a manifest; "" is the configured one
	Owner    string // who answers for the dataset, from a manifest
	Encoding string // CSV encoding named by a manifest; "" sniffs it
	// Problem, when set, is why the dataset cannot be checked at all (a symbolic link out of
	// the audit root); the audit records it as the dataset's error.
	Problem string
}

// Target is what an audit checks: a directory searched for datasets, or a manifest listing them.
type Target struct {
	// Root is the directory dataset names are relative to: the directory audited, or the
	// manifest's directory. Nothing is read from outside it unless AllowOutside was set.
	Root     string
	Manifest string // the manifest file; "" when a directory is audited
	Datasets []Dataset
	// Notices are things worth saying that are not errors (a glob that matched nothing).
	Notices []string

	allowOutside bool
}

// ResolveOptions says how to read a target.
type ResolveOptions struct {
	// AllowOutside lets a manifest name files outside its directory ("..", absolute paths,
	// symbolic links that lead out); without it they are refused.
	AllowOutside bool
	// Skip lists directories a directory search must not enter (the audit's own output).
	Skip []string
}

// Resolve reads a target: a directory is searched recursively for CSV and Parquet files (with
// their sidecars or datapackage.json beside them), a .yaml, .yml or .json file is read as a
// manifest. Datasets come sorted by name. An unreadable or invalid manifest is an error naming
// the file and line.
func Resolve(target string, o ResolveOptions) (*Target, error) {
	st, err := os.Stat(target)
	if err != nil {
		return nil, err
	}
	var t *Target
	if st.IsDir() {
		t, err = searchDir(target, o)
	} else {
		t, err = readManifest(target, o)
	}
	if err != nil {
		return nil, err
	}
	for i, d := range t.Datasets {
		// A named pipe, socket or device would block the audit's first read of it (hashing,
		// then parsing) forever: it is that dataset's error, found without opening it. A
		// missing file is left to the audit, which reports it as such.
		if err := datasets.CheckRegular(d.Path); d.Problem == "" && errors.Is(err, datasets.ErrNotRegular) {
			t.Datasets[i].Problem = err.Error()
		}
	}
	slices.SortFunc(t.Datasets, func(a, b Dataset) int { return strings.Compare(a.Name, b.Name) })
	for i := 1; i < len(t.Datasets); i++ {
		if t.Datasets[i].Name == t.Datasets[i-1].Name {
			return nil, fmt.Errorf("%s: dataset %s is listed twice", target, t.Datasets[i].Name)
		}
	}
	slices.Sort(t.Notices)
	return t, nil
}

func newTarget(root, manifest string, o ResolveOptions) (*Target, error) {
	if _, err := datasets.RealPath(root); err != nil {
		return nil, err
	}
	return &Target{Root: root, Manifest: manifest, allowOutside: o.AllowOutside}, nil
}

// dataExtensions are the files a directory search takes for datasets. ".txt", which
// datasets also reads as CSV, is taken only with a sidecar of its own: most .txt files in a
// catalogue are read-me files.
var dataExtensions = []string{".csv", ".tsv", ".parquet", ".pq"}

func searchDir(dir string, o ResolveOptions) (*Target, error) {
	t, err := newTarget(dir, "", o)
	if err != nil {
		return nil, err
	}
	var skip []string
	for _, s := range o.Skip {
		if real, err := datasets.RealPath(s); err == nil {
			skip = append(skip, real)
		}
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if real, err := datasets.RealPath(p); err == nil && slices.Contains(skip, real) {
				return filepath.SkipDir
			}
			return nil
		}
		if !isDataFile(p) {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		ds := Dataset{Name: filepath.ToSlash(rel), Path: p}
		// WalkDir does not follow links, but a linked file would be opened through its link.
		if d.Type()&fs.ModeSymlink != 0 {
			if err := t.within(p); err != nil {
				ds.Problem = err.Error()
			}
		}
		t.Datasets = append(t.Datasets, ds)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(t.Datasets) == 0 {
		t.Notices = append(t.Notices, fmt.Sprintf("%s holds no CSV or Parquet file", dir))
	}
	return t, nil
}

func isDataFile(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	if slices.Contains(dataExtensions, ext) {
		return true
	}
	if ext != ".txt" {
		return false
	}
	meta := datasets.FindMetadata(p)
	return meta != "" && filepath.Base(meta) != "datapackage.json"
}

// outsideError is a path whose links lead outside the audit root.
type outsideError struct{ path, root, real string }

func (e *outsideError) Error() string {
	return fmt.Sprintf("%s leads outside the audit root %s (to %s); pass --allow-outside to audit it", e.path, e.root, e.real)
}

// readRoot is the folder the files a dataset's metadata names must lie in to be read: the
// audit root, or "" (anywhere) with --allow-outside. The same wall as the manifest's paths.
func (t *Target) readRoot() string {
	if t.allowOutside {
		return ""
	}
	return t.Root
}

// within checks that a file, once its links are followed, lies inside the audit root: an
// *outsideError when it does not, another error when its links cannot be followed.
func (t *Target) within(p string) error {
	if t.allowOutside {
		return nil
	}
	inside, real, err := datasets.Contained(t.Root, p)
	if err != nil {
		return err
	}
	if !inside {
		return &outsideError{p, t.Root, real}
	}
	return nil
}

// Manifest is the file format of an audit manifest (YAML or JSON):
//
//	defaults:                 # optional; any entry may override
//	  owner: 洪山区民政局
//	  profile: public-release
//	datasets:
//	  - path: dibao/hongshan_dibao_2025.csv
//	    metadata: dibao/hongshan_dibao_2025.meta.yaml   # optional; default: beside the data
//	    owner: 社会救助科
//	    encoding: gb18030                                # optional; default: sniffed
//	  - path: open/**/*.parquet                         # globs: * ? [..] and ** for any depth
//	    optional: true                                  # a glob that matches nothing is an error without it
//
// Paths are relative to the manifest's directory and may not leave it.
type Manifest struct {
	Defaults ManifestEntry   `yaml:"defaults"`
	Datasets []ManifestEntry `yaml:"datasets"`
}

// ManifestEntry names one dataset, or many by a glob.
type ManifestEntry struct {
	Path     string `yaml:"path"`
	Metadata string `yaml:"metadata"`
	Profile  string `yaml:"profile"`
	Owner    string `yaml:"owner"`
	Encoding string `yaml:"encoding"`
	// Optional: a glob that matches no file is a notice rather than the manifest's error.
	Optional bool `yaml:"optional"`

	line int
}

// manifestKeys are the keys of a manifest entry.
var manifestKeys = []string{"path", "metadata", "profile", "owner", "encoding", "optional"}

// UnmarshalYAML records the entry's line, for errors that name it, and refuses unknown keys
// (a misspelt "metadta" must not silently fall back to the sidecar beside the data).
func (e *ManifestEntry) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			if k := n.Content[i]; !slices.Contains(manifestKeys, k.Value) {
				return fmt.Errorf("line %d: unknown key %q (want %s)", k.Line, k.Value, strings.Join(manifestKeys, ", "))
			}
		}
	}
	type plain ManifestEntry
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*e = ManifestEntry(p)
	e.line = n.Line
	return nil
}

func readManifest(file string, o ResolveOptions) (*Target, error) {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".yaml", ".yml", ".json":
	default:
		return nil, fmt.Errorf("%s: an audit target is a directory or a manifest (.yaml, .yml or .json); check one dataset with dgcheck check", file)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var m Manifest
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: manifest: %w", file, err)
	}
	if len(m.Datasets) == 0 {
		return nil, fmt.Errorf("%s: manifest lists no datasets (want a datasets: list of entries with a path)", file)
	}
	t, err := newTarget(filepath.Dir(file), file, o)
	if err != nil {
		return nil, err
	}
	for _, e := range m.Datasets {
		if err := t.addEntry(file, m.Defaults, e); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (t *Target) addEntry(file string, defaults, e ManifestEntry) error {
	at := fmt.Sprintf("%s:%d", file, e.line)
	if e.Path == "" {
		return fmt.Errorf("%s: dataset entry has no path", at)
	}
	base := Dataset{
		Profile:  cmp.Or(e.Profile, defaults.Profile),
		Owner:    cmp.Or(e.Owner, defaults.Owner),
		Encoding: cmp.Or(e.Encoding, defaults.Encoding),
	}
	if e.Metadata != "" {
		meta, err := t.manifestPath(at, e.Metadata)
		if err != nil {
			return err
		}
		base.Metadata = meta
	}
	if datasets.IsURL(e.Path) {
		d := base
		d.Path, d.Name = e.Path, urlName(e.Path)
		t.Datasets = append(t.Datasets, d)
		return nil
	}
	if !hasMeta(e.Path) {
		p, err := t.manifestPath(at, e.Path)
		if err != nil {
			return err
		}
		d := base
		d.Path, d.Name = p, t.nameOf(p)
		t.Datasets = append(t.Datasets, d)
		return nil
	}
	if e.Metadata != "" {
		return fmt.Errorf("%s: metadata names one file, so it cannot go with the glob %s; give matching datasets sidecars of their own", at, e.Path)
	}
	matches, err := t.glob(at, e.Path)
	if err != nil {
		return err
	}
	if len(matches) == 0 {
		if !e.Optional {
			return fmt.Errorf("%s: %s matches no file (mark the entry optional: true if it may match none)", at, e.Path)
		}
		t.Notices = append(t.Notices, fmt.Sprintf("%s: %s matches no file", at, e.Path))
	}
	for _, m := range matches {
		d := base
		d.Path, d.Name, d.Problem = m.path, t.nameOf(m.path), m.problem
		t.Datasets = append(t.Datasets, d)
	}
	return nil
}

// globMatch is a file a glob matched, and why it cannot be checked when it cannot (a link
// that loops): the audit accounts for it as that dataset's error rather than stopping.
type globMatch struct{ path, problem string }

// urlName is the name in an audit of a dataset named by URL, a path like a file's: for a
// database table tables/<host>/<database>/<table>, from its URL without the user or password
// ("local" for a Unix socket); for objects in storage objects/<bucket>/<prefix>.
func urlName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "tables/unparsed"
	}
	if datasets.IsObjectURL(raw) {
		return path.Join("objects", u.Host, strings.Trim(u.Path, "/"))
	}
	host := cmp.Or(u.Hostname(), "local")
	return path.Join("tables", host, strings.Trim(u.Path, "/"), u.Query().Get("table"))
}

// manifestPath resolves a path a manifest gives, refusing one that leaves the root, by ".."
// or through a link, unless that is allowed. A file that does not exist is let through: the
// audit records it as that dataset's error, so that it is accounted for.
func (t *Target) manifestPath(at, p string) (string, error) {
	native := filepath.FromSlash(p)
	if !t.allowOutside && !filepath.IsLocal(native) {
		return "", fmt.Errorf("%s: %s is outside the manifest's directory; pass --allow-outside to audit it", at, p)
	}
	full := native
	if !filepath.IsAbs(native) {
		full = filepath.Join(t.Root, native)
	}
	if _, err := os.Lstat(full); err == nil {
		if err := t.within(full); err != nil {
			return "", fmt.Errorf("%s: %w", at, err)
		}
	}
	return full, nil
}

// nameOf is a data file's name in the audit: its path relative to the root.
func (t *Target) nameOf(p string) string {
	if rel, err := filepath.Rel(t.Root, p); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}

func hasMeta(p string) bool { return strings.ContainsAny(p, "*?[") }

// glob finds the files whose paths match pattern, relative to the root; "**" matches any
// number of folders. The search starts at the pattern's fixed leading folders, does not
// enter hidden files and folders, and follows linked folders that stay inside the root
// (each real folder once, so a link to an ancestor does not loop). A matched file whose links
// lead outside the root is refused, as a path the manifest names is; one whose links cannot
// be followed is a match with its problem.
func (t *Target) glob(at, pattern string) ([]globMatch, error) {
	if !t.allowOutside && !filepath.IsLocal(filepath.FromSlash(pattern)) {
		return nil, fmt.Errorf("%s: %s is outside the manifest's directory; pass --allow-outside to audit it", at, pattern)
	}
	segments := strings.Split(path.Clean(pattern), "/")
	for _, s := range segments {
		if _, err := path.Match(s, ""); err != nil {
			return nil, fmt.Errorf("%s: bad glob %s: %w", at, pattern, err)
		}
	}
	fixed := 0
	for fixed < len(segments) && !hasMeta(segments[fixed]) {
		fixed++
	}
	// Joined, not path.Join-ed: an absolute pattern's leading "" segment keeps its slash.
	start := filepath.FromSlash(strings.Join(segments[:fixed], "/"))
	if !filepath.IsAbs(start) {
		start = filepath.Join(t.Root, start)
	}
	var out []globMatch
	st, err := os.Stat(start)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", at, err)
	}
	if !st.IsDir() {
		return nil, nil
	}
	if err := t.within(start); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", at, pattern, err)
	}
	visited := map[string]bool{}
	if real, err := datasets.RealPath(start); err == nil {
		visited[real] = true
	}
	var pending []string
	// Real folders first, then linked ones: a folder reached both ways is searched once, under
	// its own path, and a link is followed only to a folder the search has not seen.
	var links []string
	walk := func(dir string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			p := filepath.Join(dir, e.Name())
			if e.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(p); err == nil && st.IsDir() {
					if err := t.within(p); err != nil {
						return fmt.Errorf("%s: %s: %w", at, pattern, err)
					}
					links = append(links, p)
					continue
				}
			}
			if e.IsDir() {
				if real, err := datasets.RealPath(p); err == nil && !visited[real] {
					visited[real] = true
					pending = append(pending, p)
				}
				continue
			}
			rel, err := filepath.Rel(start, p)
			if err != nil {
				return err
			}
			if !matchSegments(segments[fixed:], strings.Split(filepath.ToSlash(rel), "/")) {
				continue
			}
			m := globMatch{path: p}
			if err := t.within(p); err != nil {
				var outside *outsideError
				if errors.As(err, &outside) {
					return fmt.Errorf("%s: %w", at, err)
				}
				m.problem = err.Error()
			}
			out = append(out, m)
		}
		return nil
	}
	pending = append(pending, start)
	for len(pending) > 0 || len(links) > 0 {
		if len(pending) == 0 {
			link := links[0]
			links = links[1:]
			if real, err := datasets.RealPath(link); err == nil && !visited[real] {
				visited[real] = true
				pending = append(pending, link)
			}
			continue
		}
		dir := pending[0]
		pending = pending[1:]
		if err := walk(dir); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b globMatch) int { return strings.Compare(a.path, b.path) })
	return out, nil
}

// matchSegments matches a path, split at slashes, against a pattern likewise split, where a
// "**" segment stands for any number of segments, none included.
func matchSegments(pattern, name []string) bool {
	if len(pattern) == 0 {
		return len(name) == 0
	}
	if pattern[0] == "**" {
		for i := 0; i <= len(name); i++ {
			if matchSegments(pattern[1:], name[i:]) {
				return true
			}
		}
		return false
	}
	if len(name) == 0 {
		return false
	}
	ok, _ := path.Match(pattern[0], name[0])
	return ok && matchSegments(pattern[1:], name[1:])
}
