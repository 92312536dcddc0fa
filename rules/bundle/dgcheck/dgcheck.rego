# METADATA
# description: >-
#   The root of dgcheck's policies. Every package under it (the rules, their libraries, the
#   entry point and a user pack's rules) is type-checked against the policy input's schema,
#   so that reading input.profile.colums fails to compile instead of never firing.
# scope: subpackages
# schemas:
#   - input: schema.dgcheck.input
package dgcheck
