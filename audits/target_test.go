package audits

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree writes files (slash path → content) under a new directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func names(ds []Dataset) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Name)
	}
	return out
}

func TestDirectorySearch(t *testing.T) {
	dir := tree(t, map[string]string{
		"a/roll.csv":           "x\n1\n",
		"a/roll.meta.yaml":     "title: t\n",
		"a/b/deep.parquet":     "PAR1",
		"a/b/table.TSV":        "x\n",
		"notes.txt":            "a read-me, not a dataset",
		"export.txt":           "x\n1\n",
		"export.meta.yaml":     "title: t\n",
		".git/objects/x.csv":   "x\n",
		"out/datasets/r.csv":   "x\n", // the audit's own output
		"pkg/datapackage.json": `{"resources": []}`,
	})
	outside := tree(t, map[string]string{"secret.csv": "x\n1\n"})
	if err := os.Symlink(filepath.Join(outside, "secret.csv"), filepath.Join(dir, "a", "linked.csv")); err != nil {
		t.Fatal(err)
	}
	tg, err := Resolve(dir, ResolveOptions{Skip: []string{filepath.Join(dir, "out")}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a/b/deep.parquet", "a/b/table.TSV", "a/linked.csv", "a/roll.csv", "export.txt"}
	if got := names(tg.Datasets); !slices.Equal(got, want) {
		t.Errorf("datasets %q, want %q", got, want)
	}
	for _, d := range tg.Datasets {
		if (d.Name == "a/linked.csv") != (d.Problem != "") {
			t.Errorf("%s: problem %q", d.Name, d.Problem)
		}
	}
	if linked := tg.Datasets[2]; !strings.Contains(linked.Problem, "outside the audit root") {
		t.Errorf("a link out of the root: %q", linked.Problem)
	}
}

func TestManifest(t *testing.T) {
	dir := tree(t, map[string]string{
		"hongshan/dibao.csv":         "x\n",
		"hongshan/dibao.meta.yaml":   "title: t\n",
		"wuchang/2025/a.parquet":     "PAR1",
		"wuchang/2025/b.parquet":     "PAR1",
		"wuchang/2024/old/c.parquet": "PAR1",
		"wuchang/.hidden/d.parquet":  "PAR1",
		"meta/shared.yaml":           "title: t\n",
		"manifest.yaml": `# the 2025 audit
defaults:
  owner: 武汉市民政局
  profile: public-release
datasets:
  - path: hongshan/dibao.csv
    metadata: meta/shared.yaml
    owner: 洪山区民政局
    encoding: gb18030
  - path: wuchang/**/*.parquet
  - path: qingshan/*.csv
    optional: true
  - path: missing.csv
`,
	})
	tg, err := Resolve(filepath.Join(dir, "manifest.yaml"), ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"hongshan/dibao.csv", "missing.csv", "wuchang/2024/old/c.parquet", "wuchang/2025/a.parquet", "wuchang/2025/b.parquet"}
	if got := names(tg.Datasets); !slices.Equal(got, want) {
		t.Fatalf("datasets %q, want %q", got, want)
	}
	first := tg.Datasets[0]
	if first.Owner != "洪山区民政局" || first.Profile != "public-release" || first.Encoding != "gb18030" ||
		first.Metadata != filepath.Join(dir, "meta", "shared.yaml") {
		t.Errorf("first entry %+v", first)
	}
	if c := tg.Datasets[2]; c.Owner != "武汉市民政局" || c.Metadata != "" {
		t.Errorf("a glob's dataset takes the defaults and finds its own metadata: %+v", c)
	}
	if len(tg.Notices) != 1 || !strings.Contains(tg.Notices[0], "manifest.yaml:11: qingshan/*.csv matches no file") {
		t.Errorf("notices %q", tg.Notices)
	}
}

func TestManifestErrorsAreLocated(t *testing.T) {
	outside := tree(t, map[string]string{"secret.csv": "x\n"})
	for _, tc := range []struct {
		name, manifest, want string
	}{
		{"dot-dot", "datasets:\n  - path: ok.csv\n  - path: ../secret.csv\n", "manifest.yaml:3: ../secret.csv is outside the manifest's directory"},
		{"absolute", "datasets:\n  - path: " + filepath.Join(outside, "secret.csv") + "\n", "manifest.yaml:2: "},
		{"dot-dot glob", "datasets:\n  - path: ../*.csv\n", "manifest.yaml:2: ../*.csv is outside"},
		{"metadata outside", "datasets:\n  - path: ok.csv\n    metadata: ../m.yaml\n", "manifest.yaml:2: ../m.yaml is outside"},
		{"link out", "datasets:\n  - path: link.csv\n", "leads outside the audit root"},
		{"unknown key", "datasets:\n  - path: ok.csv\n    onwer: me\n", `line 3: unknown key "onwer"`},
		{"no path", "datasets:\n  - owner: me\n", "manifest.yaml:2: dataset entry has no path"},
		{"nothing", "# empty\n", "manifest lists no datasets"},
		{"twice", "datasets:\n  - path: ok.csv\n  - path: ./ok.csv\n", "dataset ok.csv is listed twice"},
		{"glob with metadata", "datasets:\n  - path: '*.csv'\n    metadata: m.yaml\n", "cannot go with the glob"},
		{"bad glob", "datasets:\n  - path: '[.csv'\n", "bad glob"},
		{"glob of nothing", "datasets:\n  - path: ok.csv\n  - path: 'qingshan/*.csv'\n", "manifest.yaml:3: qingshan/*.csv matches no file (mark the entry optional: true"},
		{"linked folder out", "datasets:\n  - path: 'out/*.csv'\n", "leads outside the audit root"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tree(t, map[string]string{"ok.csv": "x\n", "manifest.yaml": tc.manifest})
			if err := os.Symlink(filepath.Join(outside, "secret.csv"), filepath.Join(dir, "link.csv")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
				t.Fatal(err)
			}
			_, err := Resolve(filepath.Join(dir, "manifest.yaml"), ResolveOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestAllowOutside(t *testing.T) {
	outside := tree(t, map[string]string{"secret.csv": "x\n", "more/a.csv": "x\n"})
	dir := t.TempDir()
	rel, err := filepath.Rel(dir, outside)
	if err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "manifest.yaml")
	body := "datasets:\n  - path: " + filepath.ToSlash(filepath.Join(rel, "secret.csv")) + "\n  - path: " + filepath.ToSlash(rel) + "/more/*.csv\n"
	if err := os.WriteFile(manifest, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	tg, err := Resolve(manifest, ResolveOptions{AllowOutside: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(tg.Datasets) != 2 || !strings.HasPrefix(tg.Datasets[0].Name, "../") {
		t.Fatalf("datasets %q", names(tg.Datasets))
	}
	// Outside names still get an output directory inside the audit's.
	for _, d := range tg.Datasets {
		if out := datasetDir(d.Name); !filepath.IsLocal(filepath.FromSlash(out)) {
			t.Errorf("%s reports into %s, outside the output directory", d.Name, out)
		}
	}
}

func TestTargetMustBeDirectoryOrManifest(t *testing.T) {
	dir := tree(t, map[string]string{"roll.csv": "x\n"})
	_, err := Resolve(filepath.Join(dir, "roll.csv"), ResolveOptions{})
	if err == nil || !strings.Contains(err.Error(), "check one dataset with dgcheck check") {
		t.Errorf("auditing a data file: %v", err)
	}
}

func TestMatchSegments(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"*.csv", "a.csv", true},
		{"*.csv", "d/a.csv", false},
		{"**/*.csv", "a.csv", true},
		{"**/*.csv", "d/e/a.csv", true},
		{"d/**", "d/e/a.csv", true},
		{"d/**/a.csv", "d/a.csv", true},
		{"d/**/a.csv", "x/a.csv", false},
		{"d/?.csv", "d/ab.csv", false},
		{"d/[ab].csv", "d/b.csv", true},
	} {
		if got := matchSegments(strings.Split(tc.pattern, "/"), strings.Split(tc.name, "/")); got != tc.want {
			t.Errorf("%s ~ %s = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

func TestShards(t *testing.T) {
	for _, bad := range []string{"", "3", "0/3", "4/3", "1/0", "a/b", "-1/2", "1/2/3"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("shard %q accepted", bad)
		}
	}
	s, err := ParseShard("2/3")
	if err != nil || s != (Shard{2, 3}) || s.String() != "2/3" {
		t.Errorf("2/3 = %+v, %v", s, err)
	}
	// Every dataset falls in exactly one shard, and the shards are not lopsided.
	counts := make([]int, 3)
	for i := range 3000 {
		name := filepath.ToSlash(filepath.Join("bureau", string(rune('a'+i%26)), "roll-"+strings.Repeat("x", i%7)+string(rune('0'+i%10))+".csv")) + "#" + string(rune(i))
		held := 0
		for j := 1; j <= 3; j++ {
			if (Shard{j, 3}).Holds(name) {
				held++
				counts[j-1]++
			}
		}
		if held != 1 {
			t.Fatalf("%q is in %d shards", name, held)
		}
	}
	for j, n := range counts {
		if n < 800 {
			t.Errorf("shard %d/3 holds %d of 3000", j+1, n)
		}
	}
	if !(Shard{}).Holds("anything") {
		t.Error("the whole audit must hold every dataset")
	}
}

// A glob follows a linked folder inside the root, and searches each real folder once however
// the links loop (real folders under their own paths); a file link that loops is that
// dataset's problem, named, not the manifest's abort.
func TestGlobThroughLinks(t *testing.T) {
	dir := tree(t, map[string]string{"data/2025/a.csv": "x\n", "archive/2019/b.csv": "x\n",
		"manifest.yaml": "datasets:\n  - path: 'data/**/*.csv'\n"})
	for _, link := range [][2]string{
		{"../archive", "data/old"},        // a linked folder inside the root, beyond the glob's folder
		{"2025", "data/current"},          // a second way to a folder the search reaches anyway
		{"..", "data/2025/up"},            // a link to an ancestor: a loop for a naive walk
		{"loop-b.csv", "data/loop-a.csv"}, // two links naming each other
		{"loop-a.csv", "data/loop-b.csv"},
	} {
		if err := os.Symlink(link[0], filepath.Join(dir, link[1])); err != nil {
			t.Fatal(err)
		}
	}
	tg, err := Resolve(filepath.Join(dir, "manifest.yaml"), ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range tg.Datasets {
		got[d.Name] = d.Problem
	}
	want := []string{"data/2025/a.csv", "data/loop-a.csv", "data/loop-b.csv", "data/old/2019/b.csv"}
	if names := slices.Sorted(maps.Keys(got)); !slices.Equal(names, want) {
		t.Fatalf("datasets %q, want %q", names, want)
	}
	for _, name := range []string{"data/loop-a.csv", "data/loop-b.csv"} {
		if p := got[name]; !strings.Contains(p, filepath.FromSlash(name)) || !strings.Contains(p, "too many levels of symbolic links") {
			t.Errorf("%s: problem %q; want the loop, naming the file", name, p)
		}
	}
	if got["data/2025/a.csv"] != "" || got["data/old/2019/b.csv"] != "" {
		t.Errorf("a real file, or one in a linked folder, has a problem: %q", got)
	}
}
