# METADATA
# title: Every distribution has an access URL
# description: >-
#   Each distribution the metadata lists (dcat:distribution) gives dcat:accessURL as a URI
#   (scheme:rest, e.g. https://...), so a catalogue can link to it. A download URL that is a
#   URI is a way to the file too, and counts: DCAT-US v1.1 (Project Open Data) records give one
#   or the other, its schema calling downloadURL the "URL providing direct access to a
#   downloadable file". A dataset that lists no distribution has nothing to check here.
# custom:
#   id: META-003
#   title_zh: '每个分发都有访问地址'
#   remediation_zh: '为 distributions 的每一项给出 access_url（可获取文件的页面或服务，https://…），以及可直接下载的 download_url。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes.ttl :Distribution_Shape
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes.ttl (snapshot 7c531da), :Distribution_Shape read'
#   severity: error
#   remediation: >-
#     Give each entry of distributions an access_url: the page or service where the file can
#     be obtained (https://…), and a download_url where it can be downloaded directly.
package dgcheck.rules.metadata.distribution_access_url

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

violation contains finding if {
	# Numbered as a list: distributions given as an object are not a list of them.
	is_array(input.metadata.distributions)
	some i, d in input.metadata.distributions

	# An entry that is not an object gives no access URL.
	url := object.get(_object(d), "access_url", "")
	not _uri(url)
	not _uri(object.get(_object(d), "download_url", ""))
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("distribution %d (%s) has %s", [i + 1, _name(d), _problem(url)]),
		"message_zh": sprintf("第 %d 个分发（%s）%s", [i + 1, _name_zh(d), _problem_zh(url)]),
		"evidence": {"distribution": i + 1, "access_url": url},
	})
}

_object(d) := d if is_object(d)

_object(d) := {} if not is_object(d)

_uri(s) if {
	is_string(s)
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*:\S+$`, s)
}

_problem(url) := "no access URL" if not meta.present(url)

_problem(url) := sprintf("an access URL that is not a URI: %q", [url]) if meta.present(url)

_problem_zh(url) := "没有访问地址" if not meta.present(url)

_problem_zh(url) := sprintf("的访问地址不是 URI：%q", [url]) if meta.present(url)

_name(d) := d.title if meta.present(object.get(_object(d), "title", ""))

_name(d) := object.get(_object(d), "format", "no title") if not meta.present(object.get(_object(d), "title", ""))

_name_zh(d) := d.title if meta.present(object.get(_object(d), "title", ""))

_name_zh(d) := object.get(_object(d), "format", "无名称") if not meta.present(object.get(_object(d), "title", ""))
