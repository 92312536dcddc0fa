package datasets

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/dgcheck/dgcheck/internal/s3test"
)

func TestParseObjectURL(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want objectLocation
		err  string
	}{
		{raw: "s3://data/roll/", want: objectLocation{bucket: "data", prefix: "roll/"}},
		{raw: "s3://data", want: objectLocation{bucket: "data"}},
		{raw: "s3://data/a/b.parquet?endpoint=http://127.0.0.1:7070&region=cn-north-1",
			want: objectLocation{bucket: "data", prefix: "a/b.parquet", endpoint: "http://127.0.0.1:7070", region: "cn-north-1"}},
		{raw: "s3:///roll/", err: "names no bucket"},
		{raw: "s3://key:secret@data/roll/", err: "credentials do not go in the URL"},
		{raw: "s3://data/roll/?versionId=3", err: "unknown parameter versionId="},
	} {
		got, err := parseObjectURL(tc.raw)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want one saying %q", tc.raw, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: %+v, %v; want %+v", tc.raw, got, err, tc.want)
		}
	}
}

// A prefix's objects are read in the order a local directory of the same files is walked, so
// that rows are numbered alike; a listing's byte order differs where a name continues past a
// folder's ("-" and "." sort before "/").
func TestObjectsAreOrderedAsTheDirectoryIsWalked(t *testing.T) {
	dir := t.TempDir()
	names := []string{"year=2024/a.parquet", "year=2024-b/a.parquet", "year=2024.5/a.parquet",
		"year=2024/z/a.parquet", "a.parquet", "b.parquet"}
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var walked []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			walked = append(walked, filepath.ToSlash(rel))
		}
		return err
	})
	listed := slices.Sorted(slices.Values(names)) // a listing's byte order
	if slices.Equal(listed, walked) {
		t.Fatalf("the names do not tell the two orders apart: %q", listed)
	}
	slices.SortFunc(listed, compareWalk)
	if !slices.Equal(listed, walked) {
		t.Errorf("objects in order %q, the walk's %q", listed, walked)
	}
}

// Each range request asks for the version listed: an object replaced between the listing and
// a read is an error naming it, not a file made of two versions' bytes.
func TestObjectReplacedMidReadIsAnError(t *testing.T) {
	srv := s3test.Start(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.parquet"), []byte("first version"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv.Upload(t, "data", "", dir)
	ctx := context.Background()
	head, err := srv.Client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("data"), Key: aws.String("a.parquet")})
	if err != nil {
		t.Fatal(err)
	}
	o := &object{ctx: ctx, client: srv.Client, bucket: "data", key: "a.parquet", size: *head.ContentLength, etag: *head.ETag}
	buf := make([]byte, 5)
	if n, err := o.ReadAt(buf, 6); err != nil || string(buf[:n]) != "versi" {
		t.Fatalf("ReadAt(6) = %q, %v; want the listed version's bytes", buf[:n], err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.parquet"), []byte("second version"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv.Upload(t, "data", "", dir)
	if _, err := o.ReadAt(buf, 6); err == nil || !strings.Contains(err.Error(), "s3://data/a.parquet") || !strings.Contains(err.Error(), "PreconditionFailed") {
		t.Errorf("ReadAt after the object was replaced: %v; want an error naming it and its precondition", err)
	}
}
