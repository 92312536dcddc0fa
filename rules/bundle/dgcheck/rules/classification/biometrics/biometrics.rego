# METADATA
# title: Biometric content is marked sensitive and never released openly
# description: >-
#   A column whose name says it holds biometric data (人脸, 指纹, 声纹, face, fingerprint, ...; hint
#   biometric) and holds values is declared sensitive (fields[].sensitive: true), and the
#   dataset is not open (cn.open_type not an open type): biometrics are sensitive personal
#   information (PIPL art. 28) that a leak makes permanently unusable.
# custom:
#   id: CLASS-012
#   title_zh: '生物识别信息标记为敏感，且不得开放'
#   remediation_zh: '从任何待发布的数据集中删除生物识别信息列；确需保留的，声明为敏感，数据集设为 不予开放，并存储特征模板而非原始图像。'
#   standard: PIPL (个人信息保护法); GB/T 35273-2020; GB/T 45574-2025
#   clause: PIPL art. 28; GB/T 35273-2020 Annex B 个人敏感信息判定; GB/T 45574-2025 6.1 生物识别信息
#   basis: 'T: LawRefBook/Laws 个人信息保护法(2021-08-20).md, art. 28 read; T: GB/T 35273-2020 TOC (web.tlawyer.cn) and GB/T 45574-2025 TOC (max.book118.com/html/2025/0529/8100045007007072.shtm); S: Annex B''s list'
#   severity: error
#   remediation: >-
#     Remove the biometric column from any dataset for release; where it must be kept, declare
#     it sensitive, keep the dataset 不予开放, and store templates rather than raw images.
package dgcheck.rules.classification.biometrics

import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	"biometric" in object.get(col, "hints", [])
	(col.rows - col.nulls) - col.blanks > 0
	problems := array.concat(_open, _not_sensitive(col.name))
	count(problems) > 0
	problems_zh := array.concat(_open_zh, _not_sensitive_zh(col.name))
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: biometric data (by its name), %s", [col.name, concat("; ", problems)]),
		"message_zh": sprintf("%s：依列名判断为生物识别信息，%s", [col.name, concat("；", problems_zh)]),
		"evidence": {"non_null": (col.rows - col.nulls) - col.blanks, "open_type": object.get(input.metadata, ["cn", "open_type"], null)},
	})
}

_open := [sprintf("in data declared %s", [input.metadata.cn.open_type])] if {
	input.metadata.cn.open_type in data.dgcheck.config.classification.open_types
} else := []

_not_sensitive(name) := ["not declared sensitive"] if {
	not _declared_sensitive(name)
} else := []

_open_zh := [sprintf("出现在声明为%s的数据中", [input.metadata.cn.open_type])] if {
	input.metadata.cn.open_type in data.dgcheck.config.classification.open_types
} else := []

_not_sensitive_zh(name) := ["未标记为敏感"] if {
	not _declared_sensitive(name)
} else := []

_declared_sensitive(name) if {
	some f in input.metadata.fields
	f.name == name
	f.sensitive == true
}
