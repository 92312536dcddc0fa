# METADATA
# description: >-
#   The entry point: collects the findings of every rule. Rules are found by walking
#   data.dgcheck.rules.<area>.<name>, so a rule added to the embedded bundle or to a user pack
#   runs without being listed anywhere.
package dgcheck.main

# METADATA
# description: >-
#   Every finding of every rule. A rule reports through a violation set or, when it only
#   advises, a warning set; either way the finding's severity is the one its annotations give.
# entrypoint: true
findings contains finding if {
	some area, name
	some finding in data.dgcheck.rules[area][name].violation
}

findings contains finding if {
	some area, name
	some finding in data.dgcheck.rules[area][name].warning
}
