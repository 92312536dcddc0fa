package reports

// MarkdownText makes text from the data, the metadata or the rules safe in a Markdown table
// cell, and MarkdownCode shows a path or name as code where it can: the escaping the Markdown
// report uses, shared with other Markdown writers (the audit portfolio's) so there is one.
func MarkdownText(s string) string { return mdText(s) }

// MarkdownCode: see MarkdownText.
func MarkdownCode(s string) string { return mdCode(s) }
