# METADATA
# title: All dates and times are ISO 8601 / GB/T 7408.1
# description: >-
#   Every date the metadata gives (issued, modified, valid_until, temporal start and end,
#   classification.reviewed_at, pi.pia_date) is an ISO 8601 (GB/T 7408.1-2023) calendar
#   date, YYYY-MM-DD, or date-time, YYYY-MM-DDThh:mm[:ss][zone], that exists. A date written
#   any other way (2025/7/5, 2025年7月5日) cannot be compared with the data or with today.
# custom:
#   id: META-011
#   title_zh: '所有日期和时间符合 ISO 8601 / GB/T 7408.1'
#   remediation_zh: '日期写作 YYYY-MM-DD（2025-07-05），时间写作带时区的 YYYY-MM-DDThh:mm:ss（2025-07-05T09:30:00+08:00）。'
#   standard: GB/T 21063.3-2007; GB/T 7408.1-2023 (ISO 8601-1:2019)
#   clause: 'GB/T 21063.3-2007 (no clause: cited as a whole; it refers dates to GB/T 7408-2005); GB/T 7408.1-2023 5 日期和时间表示法'
#   basis: 'T: GB/T 21063.3-2007 refers to GB/T 7408-2005 (gbstd.com); T: GB/T 7408.1-2023 TOC (docx.baby/p/20787085404870.html; chinesestandard.net GBT7408.1-2023), 5 seen'
#   severity: error
#   remediation: >-
#     Write dates as YYYY-MM-DD (2025-07-05) and times as YYYY-MM-DDThh:mm:ss with a zone
#     (2025-07-05T09:30:00+08:00).
package dgcheck.rules.metadata.iso_dates

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_dates := [
	["issued"], ["modified"], ["valid_until"], ["temporal", "start"], ["temporal", "end"],
	["classification", "reviewed_at"], ["pi", "pia_date"],
]

violation contains finding if {
	some path in _dates
	value := object.get(input.metadata, path, "")
	meta.present(value)
	not meta.iso(value)
	property := concat(".", path)
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%s %q is not an ISO 8601 date (YYYY-MM-DD) or date-time", [property, value]),
		"message_zh": sprintf("%s %q 不是 ISO 8601 日期（YYYY-MM-DD）或日期时间", [property, value]),
		"evidence": {"property": property, "value": value},
	})
}
