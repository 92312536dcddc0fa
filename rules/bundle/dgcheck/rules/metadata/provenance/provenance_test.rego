package dgcheck.rules.metadata.provenance_test

import data.dgcheck.rules.metadata.provenance

test_fail_untraced if {
	findings := provenance.warning with input as {"metadata": {"source": []}}
	[f] := [f | some f in findings]
	f.id == "META-025"
	f.message == "the metadata declares neither provenance nor source"
}

test_success_provenance_or_lineage if {
	count(provenance.warning) == 0 with input as {"metadata": {"provenance": "区民政局社会救助信息系统导出"}}
	count(provenance.warning) == 0 with input as {"metadata": {"lineage": {"sources": ["全国低保系统"]}}}
}
