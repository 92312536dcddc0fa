# METADATA
# title: Catalogue record (if present) has title, description, publisher
# description: >-
#   When the metadata names the catalogue that lists the dataset (dcat:Catalog), the catalogue
#   has a title, a description and a publisher with a name.
# custom:
#   id: META-004
#   title_zh: '编目记录（如有）包含名称、摘要和提供方'
#   remediation_zh: '补全 catalog 块：`catalog: {title: …, description: …, publisher: {name: …}}`；如数据集未在目录中登记，则删除该块。'
#   standard: DCAT-AP 3.0.1
#   clause: shapes.ttl :Catalog_Shape
#   basis: 'T: SEMICeu/DCAT-AP releases/3.0.1/html/shacl/shapes.ttl (snapshot 7c531da), :Catalog_Shape read'
#   severity: error
#   remediation: >-
#     Complete the catalog block: `catalog: {title: …, description: …, publisher: {name: …}}`,
#     or remove it if the dataset is not registered in a catalogue.
package dgcheck.rules.metadata.catalog_record

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_required := [["title"], ["description"], ["publisher", "name"]]

violation contains finding if {
	catalog := input.metadata.catalog
	is_object(catalog)
	missing := [concat(".", path) | some path in _required; not meta.present(object.get(catalog, path, ""))]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the catalogue record lacks %s", [concat(", ", missing)]),
		"message_zh": sprintf("编目记录缺少 %s", [concat("、", missing)]),
		"evidence": {"missing": missing},
	})
}
