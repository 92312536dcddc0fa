# METADATA
# title: Credentials never appear in a dataset for sharing or release
# description: >-
#   A column whose name says it holds credentials (密码, 口令, password, pin, cvv, token, secret,
#   track data, ...; hint credential) holds values: passwords, PINs, card verification values
#   and tokens, hashed or not, must not leave the system that checks them (GB/T 35273-2020
#   Annex B counts 鉴别信息 such as 口令 as sensitive personal information; JR/T 0171-2020 puts
#   authentication data in class C3).
# custom:
#   id: CLASS-013
#   title_zh: '用于共享或开放的数据集不得包含鉴别凭证'
#   remediation_zh: '在共享或开放前从数据集中删除该列；任何屏蔽都不能使鉴别凭证可以安全共享。'
#   standard: GB/T 35273-2020; JR/T 0171-2020
#   clause: GB/T 35273-2020 Annex B (鉴别信息 such as 口令, under 个人财产信息); JR/T 0171-2020 4 个人金融信息概述 (C3)
#   basis: 'T: GB/T 35273-2020 TOC (web.tlawyer.cn) and JR/T 0171-2020 TOC (jinmi8.com/doc/9508/25676); S: Annex B''s content and the C3 class (duoshoushopping.com/product/29.html)'
#   severity: error
#   remediation: >-
#     Drop the column from the dataset before it is shared or released; no masking makes a
#     credential safe to share.
package dgcheck.rules.classification.credentials

import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	"credential" in object.get(col, "hints", [])
	n := (col.rows - col.nulls) - col.blanks
	n > 0
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: %d values in a column whose name says it holds credentials", [col.name, n]),
		"message_zh": sprintf("%s：列名表明该列存放鉴别凭证，其中有 %d 个值", [col.name, n]),
		"evidence": {"non_null": n, "hints": col.hints},
	})
}
