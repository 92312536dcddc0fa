// The Frictionless oracle for dgcheck's data package drafts (metadata_draft_oracle_test.go):
// loads a datapackage.json with Frictionless' own JavaScript library in strict mode (an invalid
// descriptor throws), then reads every row of every tabular resource with casting and every
// constraint checked, collecting each failed row instead of stopping at the first
// (forceCast). Prints one JSON object: the rows read and the errors, per resource.
//
// usage: node oracle.js path/to/datapackage.json
'use strict'
const path = require('path')
const {Package} = require('datapackage')

async function main(descriptor) {
  const out = {valid: false, errors: [], resources: []}
  let pkg
  try {
    pkg = await Package.load(descriptor, {basePath: path.dirname(descriptor), strict: true})
  } catch (err) {
    const details = (err.errors || []).map(e => String(e.message || e))
    out.errors.push(String(err.message || err), ...details)
    return out
  }
  out.valid = pkg.valid
  out.errors.push(...pkg.errors.map(e => String(e.message || e)))
  for (const resource of pkg.resources) {
    const r = {name: resource.name, tabular: resource.tabular, rows: 0, errors: []}
    out.resources.push(r)
    if (!resource.tabular) continue
    try {
      const rows = await resource.iter({cast: true, forceCast: true, extended: true})
      for await (const row of rows) {
        if (row instanceof Error) {
          r.errors.push(`row ${row.rowNumber}: ${row.message}`, ...(row.errors || []).map(e => `row ${row.rowNumber}: ${e.message || e}`))
        } else {
          r.rows++
        }
      }
    } catch (err) {
      r.errors.push(String(err.message || err), ...(err.errors || []).map(e => String(e.message || e)))
    }
  }
  return out
}

main(process.argv[2]).then(
  out => { process.stdout.write(JSON.stringify(out) + '\n') },
  err => { process.stderr.write(String(err && err.stack || err) + '\n'); process.exit(2) },
)
