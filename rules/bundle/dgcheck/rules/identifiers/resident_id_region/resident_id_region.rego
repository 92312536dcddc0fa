# METADATA
# title: The address code of a citizen ID number is a real division code
# description: >-
#   In each resident-ID column, A of the B numbers with an ID's structure carry an address
#   code (positions 1-6) found in the bundled GB/T 2260 table, current or retired, X = A/B;
#   the column is reported below thresholds.id_region_min. The table's older editions are
#   incomplete, so a code retired long ago may be reported: a warning, not an error.
# custom:
#   id: ID-003
#   title_zh: '公民身份号码的地址码为真实的行政区划代码'
#   remediation_zh: '对照登记簿核查地址码不在代码表中的号码；如代码真实存在但在内置代码表各版本之前已撤销，将其记入代码表（checkers/detect/data/gbt2260.tsv）。'
#   standard: GB 11643-1999; GB/T 2260-2007
#   clause: 'GB 11643-1999 地址码 (按 GB/T 2260 的规定执行); GB/T 2260-2007 (no clause: cited as a whole)'
#   basis: 'T: GB 11643-1999''s text on 地址码 (zh.wikisource.org), its sub-clause number not found; T: GB/T 2260-2007 and its 2016 amendment (rockocoin page; zhm.100ke.info); NF: a GB/T 2260 clause'
#   severity: warning
#   remediation: >-
#     Check the numbers whose address codes are not in the table against the register; if the
#     codes are real but retired before the bundled table's editions, record them in the table
#     (checkers/detect/data/gbt2260.tsv).
package dgcheck.rules.identifiers.resident_id_region

import data.dgcheck.lib.config
import data.dgcheck.lib.identifiers
import data.dgcheck.lib.result

warning contains finding if {
	some col in input.profile.columns
	identifiers.typed(col, "cn_resident_id")
	c := identifiers.counts(col, "cn_resident_id")
	unknown := identifiers.trait(col, "cn_resident_id", "unknown_region")
	details := identifiers.below(
		col, c.matched - unknown, c.matched, config.thresholds.id_region_min,
		"resident ID numbers carry an address code in no edition of the bundled GB/T 2260 table",
		["公民身份号码", "所含地址码不在内置 GB/T 2260 代码表的任何版本中"],
		{"matched": c.matched, "unknown_region": unknown},
		c.invalid_samples,
	)
	finding := result.finding(rego.metadata.chain(), details)
}
