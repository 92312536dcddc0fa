# METADATA
# description: >-
#   The configuration a run judges with: the defaults in data.dgcheck.config, overridden by
#   what the caller passes in input.options (dgcheck.yaml, flags).
package dgcheck.lib.config

# METADATA
# description: >-
#   Thresholds for this run: each default in data.dgcheck.config.thresholds unless
#   input.options.thresholds overrides it.
thresholds := object.union(data.dgcheck.config.thresholds, object.get(input, ["options", "thresholds"], {}))
