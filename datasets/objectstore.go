package datasets

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
)

// Object storage: s3://bucket/prefix/ names the Parquet objects under the prefix as one
// dataset, read as a local directory of them is (parquet_dir.go): their keys' key=value/
// segments are Hive partitions. s3://bucket/key.parquet names one object. Any S3-compatible
// service serves (AWS, MinIO, Alibaba OSS, Huawei OBS, versitygw): the endpoint, region and
// credentials come from the AWS SDK's usual sources (AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL,
// AWS_REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE and the shared files),
// or the endpoint and region from the URL's query (?endpoint=http://127.0.0.1:7070&region=cn-north-1).
// With an endpoint other than AWS's, buckets are addressed by path, as S3-compatible servers
// expect. Objects are read by range requests: a file's footer, then each row group's column
// chunks, never the whole object at once.

// IsObjectURL reports whether path names objects in storage.
func IsObjectURL(path string) bool { return strings.HasPrefix(path, "s3://") }

// IsURL reports whether path names a source by URL, a database table or objects in storage,
// rather than a local file: there is nothing beside it to find, and its bytes have no digest.
func IsURL(path string) bool { return IsDatabaseURL(path) || IsObjectURL(path) }

// objectLocation is what an s3:// URL names.
type objectLocation struct {
	bucket, prefix   string
	endpoint, region string
}

func parseObjectURL(raw string) (objectLocation, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return objectLocation{}, errors.New("the URL does not parse (want s3://bucket/prefix/)")
	}
	if u.User != nil {
		return objectLocation{}, errors.New("credentials do not go in the URL: give them in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile in AWS_PROFILE")
	}
	if u.Host == "" {
		return objectLocation{}, errors.New("the URL names no bucket (want s3://bucket/prefix/)")
	}
	loc := objectLocation{bucket: u.Host, prefix: strings.TrimPrefix(u.Path, "/")}
	for k, v := range u.Query() {
		switch k {
		case "endpoint":
			loc.endpoint = v[0]
		case "region":
			loc.region = v[0]
		default:
			return objectLocation{}, fmt.Errorf("unknown parameter %s= (known: endpoint, region)", k)
		}
	}
	return loc, nil
}

// shown is the location as reports name it: the URL without its query.
func (l objectLocation) shown() string { return "s3://" + l.bucket + "/" + l.prefix }

// objectClient is a client for loc's service, configured as the AWS SDK and loc say. Where
// the SDK finds no credentials the client is anonymous, as a public bucket of open data
// allows; anonymous says so, for the error a private bucket then gives.
func objectClient(ctx context.Context, loc objectLocation) (client *s3.Client, anonymous bool, err error) {
	// The SDK's own log lines (a fallback to IMDSv1 off EC2) would interleave with the
	// report; what matters reaches the user as the error.
	opts := []func(*awsconfig.LoadOptions) error{awsconfig.WithLogger(logging.Nop{})}
	if loc.region != "" {
		opts = append(opts, awsconfig.WithRegion(loc.region))
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, false, fmt.Errorf("reading the AWS configuration: %w", err)
	}
	if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
		cfg.Credentials, anonymous = aws.AnonymousCredentials{}, true
	}
	if cfg.Region == "" {
		// S3-compatible servers take any region; AWS routes us-east-1 to the bucket's own.
		cfg.Region = "us-east-1"
	}
	custom := loc.endpoint != "" || os.Getenv("AWS_ENDPOINT_URL_S3") != "" || os.Getenv("AWS_ENDPOINT_URL") != ""
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		if loc.endpoint != "" {
			o.BaseEndpoint = aws.String(loc.endpoint)
		}
		o.UsePathStyle = custom
		// Checksums only where the API requires them: many S3-compatible servers do not
		// know the newer checksum headers, and a range read cannot be checked whole anyway.
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	}), anonymous, nil
}

func openObjects(ctx context.Context, raw string, c config) (Reader, error) {
	loc, err := parseObjectURL(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", RedactURL(raw), err)
	}
	shown := loc.shown()
	client, anonymous, err := objectClient(ctx, loc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	parts, keys, size, err := listObjects(ctx, client, loc)
	if err != nil && anonymous {
		return nil, fmt.Errorf("%s: %w (no credentials were found, so the request was anonymous: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)", shown, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	name := path.Base(strings.TrimSuffix(loc.prefix, "/"))
	if name == "." || name == "/" {
		name = loc.bucket
	}
	return openParts(&parquetDirReader{ctx: ctx, c: c, parts: parts, keys: keys,
		openPart: func(ctx context.Context, part parquetPart, c config) (Reader, error) {
			key := strings.TrimPrefix(part.path, "s3://"+loc.bucket+"/")
			obj := &object{ctx: ctx, client: client, bucket: loc.bucket, key: key, size: part.size, etag: part.etag}
			return openParquetFile(ctx, obj, part.path, path.Base(key), part.size, c)
		},
		src: Source{Path: shown, Name: name, Format: Parquet, Size: size}})
}

// listObjects lists the Parquet objects under loc's prefix in key order, as parquetParts lists
// a directory's files: an object whose key is the prefix is the dataset alone; otherwise the
// prefix is a folder, and hidden objects and folders and those Spark leaves are not data.
func listObjects(ctx context.Context, client *s3.Client, loc objectLocation) (parts []parquetPart, keys []string, size int64, err error) {
	folder := loc.prefix
	if folder != "" && !strings.HasSuffix(folder, "/") {
		if head, err := client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &loc.bucket, Key: &loc.prefix}); err == nil {
			part := parquetPart{path: loc.shown(), size: aws.ToInt64(head.ContentLength), etag: aws.ToString(head.ETag)}
			return []parquetPart{part}, nil, part.size, nil
		}
		folder += "/"
	}
	var ps partSet
	pages := s3.NewListObjectsV2Paginator(client, &s3.ListObjectsV2Input{Bucket: &loc.bucket, Prefix: &folder})
	var objects []parquetPart
	rels := map[string]string{}
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("listing the objects: %w", serviceErr(err))
		}
		for _, o := range page.Contents {
			key := aws.ToString(o.Key)
			rel := strings.TrimPrefix(key, folder)
			if !strings.EqualFold(path.Ext(rel), ".parquet") || slices.ContainsFunc(strings.Split(rel, "/"), notData) {
				continue
			}
			p := "s3://" + loc.bucket + "/" + key
			rels[p] = path.Dir(rel)
			objects = append(objects, parquetPart{path: p, size: aws.ToInt64(o.Size), etag: aws.ToString(o.ETag)})
		}
	}
	// Listings come in UTF-8 byte order, which is the path order of a directory's walk only
	// within one folder: sort as a walk would visit them.
	slices.SortFunc(objects, func(a, b parquetPart) int { return compareWalk(a.path, b.path) })
	for _, o := range objects {
		if err := ps.add(o, rels[o.path]); err != nil {
			return nil, nil, 0, err
		}
	}
	if len(ps.parts) == 0 {
		return nil, nil, 0, fmt.Errorf("no .parquet object under the prefix %q: a prefix is read as one Parquet dataset of the objects under it", folder)
	}
	return ps.parts, ps.keys, ps.size, nil
}

// serviceErr is what the service said, its error code and message (NoSuchBucket: The
// specified bucket does not exist.), without the SDK's request ids and attempt counts; an error
// that never reached the service (a refused connection) is kept whole.
func serviceErr(err error) error {
	var api smithy.APIError
	if errors.As(err, &api) {
		return fmt.Errorf("%s: %s", api.ErrorCode(), api.ErrorMessage())
	}
	return err
}

// compareWalk orders slash-separated paths as filepath.WalkDir visits them: segment by
// segment, so that a/b/c comes before a/b-c (a listing's byte order puts "-" before "/").
func compareWalk(a, b string) int {
	return slices.Compare(strings.Split(a, "/"), strings.Split(b, "/"))
}

// object is one stored object read by range requests, each pinned to the version listed, so
// that an object replaced during the read is an error rather than a mix of two files.
type object struct {
	ctx               context.Context
	client            *s3.Client
	bucket, key, etag string
	size, pos         int64
}

func (o *object) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("s3://%s/%s: read at negative offset %d", o.bucket, o.key, off)
	}
	if off >= o.size {
		return 0, io.EOF
	}
	want := min(int64(len(p)), o.size-off)
	in := &s3.GetObjectInput{Bucket: &o.bucket, Key: &o.key, Range: aws.String(fmt.Sprintf("bytes=%d-%d", off, off+want-1))}
	if o.etag != "" {
		in.IfMatch = &o.etag
	}
	out, err := o.client.GetObject(o.ctx, in)
	if err != nil {
		return 0, fmt.Errorf("s3://%s/%s: reading bytes %d-%d: %w", o.bucket, o.key, off, off+want-1, serviceErr(err))
	}
	defer out.Body.Close()
	n, err := io.ReadFull(out.Body, p[:want])
	if err != nil {
		return n, fmt.Errorf("s3://%s/%s: reading bytes %d-%d: %w", o.bucket, o.key, off, off+want-1, err)
	}
	if want < int64(len(p)) {
		return n, io.EOF
	}
	return n, nil
}

func (o *object) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += o.pos
	case io.SeekEnd:
		offset += o.size
	default:
		return 0, fmt.Errorf("seek: bad whence %d", whence)
	}
	if offset < 0 {
		return 0, fmt.Errorf("seek: negative position %d", offset)
	}
	o.pos = offset
	return offset, nil
}

func (o *object) Close() error { return nil }
