# METADATA
# title: Core or important data, or data typed 不予开放, is never in an open-release bundle
# description: >-
#   Data graded core or important (classification.level; metadata_vocabularies.closed_levels)
#   is never declared open (无条件开放 or 有条件开放), and data declared 不予开放 never passes
#   the public-release gate (a run with the public-release profile).
# custom:
#   id: PUB-001
#   title_zh: '核心数据、重要数据或开放类型为不予开放的数据，不得出现在开放发布包中'
#   remediation_zh: '核心数据和重要数据不得开放发布：将 cn.open_type 声明为 不予开放，仅在其级别要求的管控措施下共享；不予开放的数据须经开放类型复核并变更后方可发布。'
#   standard: DSL (数据安全法); GB/T 43697-2024; GB/T 38664.1-2020
#   clause: 'DSL art. 21 (¶1-3), art. 42; GB/T 43697-2024 6.1 分级框架; GB/T 38664.1-2020 3.1 政务数据 (note: 不宜开放共享政务数据)'
#   basis: 'T: LawRefBook/Laws 数据安全法(2021-06-10).md, arts. 21 and 42 read; T: GB/T 43697-2024 TOC (gbstandards.icu/s/462422), 6.1 seen; T: GB/T 38664.1-2020 3.1 (dingdangling.com/rules/73256.html)'
#   severity: error
#   remediation: >-
#     Keep core and important data out of open release: declare cn.open_type 不予开放 and
#     share it only under the controls its grade requires; release 不予开放 data only after
#     its open type is reviewed and changed.
package dgcheck.rules.release.closed_data

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains finding if {
	level := input.metadata.classification.level
	level in meta.vocab.closed_levels
	meta.released
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("data graded %s is declared %s", [level, input.metadata.cn.open_type]),
		"message_zh": sprintf("级别为 %s 的数据被声明为%s", [level, input.metadata.cn.open_type]),
		"evidence": {"level": level, "open_type": input.metadata.cn.open_type},
	})
}

violation contains finding if {
	meta.open_kind == "closed"
	input.options.profile == "public-release"
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("data declared %s is checked for public release", [input.metadata.cn.open_type]),
		"message_zh": sprintf("声明为%s的数据正按公开发布要求接受检查", [input.metadata.cn.open_type]),
		"evidence": {"open_type": input.metadata.cn.open_type, "profile": input.options.profile},
	})
}
