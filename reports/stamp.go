package reports

// Stamp records how a report was made, so that an archived report can be reproduced and its
// evidence traced: the dgcheck version, the rules and the configuration it judged with (by
// digest), every file it read (by SHA-256 and size), and when the work started and ended.
type Stamp struct {
	Version string `json:"version"`
	// RulesDigest is the SHA-256 of the rule bundle: built-in and user rules and their data.
	RulesDigest string `json:"rules_digest"`
	// ConfigDigest is the SHA-256 of the effective configuration files, concatenated in the
	// order they apply; with none, the SHA-256 of nothing.
	ConfigDigest string  `json:"config_digest"`
	Inputs       []Input `json:"inputs"`
	Started      string  `json:"started"` // RFC 3339, UTC
	Ended        string  `json:"ended"`
}

// Input is one file a report was made from.
type Input struct {
	Role   string `json:"role"` // data, metadata, manifest, config or baseline
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}
