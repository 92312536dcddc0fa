# METADATA
# title: Resource format declared and equals the actual file format
# description: >-
#   The metadata declares the format (信息资源格式) of the dataset or of its distributions,
#   and the file checked is in a declared format: a CSV described as Parquet, or the other way
#   round, is not what the catalogue promises. Media types and EU file-type IRIs count as the
#   format they name (metadata_vocabularies.formats). A table read from a database is in no
#   file format: its distributions' formats are those of the files it is published as.
# custom:
#   id: META-015
#   title_zh: '已声明资源格式且与文件实际格式一致'
#   remediation_zh: '声明文件的真实格式：`format: csv`；数据集以多种格式（csv 和 parquet）发布时，按分发分别声明格式。'
#   standard: 政务信息资源目录编制指南(试行)
#   clause: 核心元数据 信息资源格式
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004)'
#   severity: error
#   remediation: >-
#     Declare the format the file really has: `format: csv`, or a format per distribution when
#     the dataset is published in several (csv and parquet).
package dgcheck.rules.metadata.format_matches

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains result.finding(rego.metadata.chain(), {
	"message": sprintf("the metadata declares no format; the file is %s", [input.dataset.format]),
	"message_zh": sprintf("元数据未声明格式；文件格式为 %s", [input.dataset.format]),
}) if count(meta.declared_formats) == 0

violation contains finding if {
	count(meta.declared_formats) > 0
	input.dataset.format in _file_formats
	not input.dataset.format in meta.declared_formats
	declared := sort(meta.declared_formats)
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the file is %s but the metadata declares %s", [input.dataset.format, concat(", ", declared)]),
		"message_zh": sprintf("文件格式为 %s，但元数据声明的格式为 %s", [input.dataset.format, concat("、", declared)]),
		"evidence": {"actual": input.dataset.format, "declared": declared},
	})
}

# The formats of files; a database table (postgresql, mysql) is in none.
_file_formats := {"csv", "parquet"}
