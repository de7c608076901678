#!/usr/bin/env node
'use strict'
// The library from Node: `penalties()` of the npm package on the CSV tables read into columns
// (arrays of strings, as a backend holding its invoices in memory would pass them), the same CSV
// out as `arrears penalties`.
//
//   node arrears_node.js --invoices invoices.csv --payments payments.csv \
//       --customers customers.csv --as-of 2026-06-30 --out out.csv [--repeat 5]
//
// Prints on stderr, as JSON, the median wall time of the `penalties()` call alone (columns in,
// the checked book, the batch engine, columns out) over `--repeat` calls. The package is loaded
// from bindings-node/; run.py points NAPI_RS_NATIVE_LIBRARY_PATH at a release build of the addon.
// The CSV reader splits on commas: enough for the generated tables (no quoted fields), not a
// general CSV reader.
const fs = require('node:fs')
const path = require('node:path')
const arrears = require(path.join(__dirname, '..', '..', 'bindings-node'))

function args () {
  const out = { repeat: '1' }
  const argv = process.argv.slice(2)
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '').replace('-', '_')] = argv[i + 1]
  return out
}

function columns (file, keep) {
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const header = lines[0].split(',')
  const index = keep.map((k) => header.indexOf(k))
  const cols = keep.map(() => [])
  for (let r = 1; r < lines.length; r++) {
    const line = lines[r]
    if (line === '') continue
    const cells = line.split(',')
    for (let c = 0; c < index.length; c++) {
      const v = index[c] < 0 ? '' : cells[index[c]]
      cols[c].push(v === '' ? null : v)
    }
  }
  return Object.fromEntries(keep.map((k, c) => [k, cols[c]]))
}

function main () {
  const a = args()
  const tables = {
    invoices: columns(a.invoices, ['id', 'customer', 'issue_date', 'due_date', 'amount', 'currency']),
    payments: columns(a.payments, ['customer', 'invoice', 'date', 'amount', 'currency']),
    customers: columns(a.customers, ['id', 'country', 'debtor'])
  }
  const times = []
  let t
  for (let i = 0; i < Math.max(1, Number(a.repeat)); i++) {
    const start = process.hrtime.bigint()
    t = arrears.penalties(tables, { as_of: a.as_of })
    times.push(Number(process.hrtime.bigint() - start) / 1e9)
  }
  const keys = ['id', 'customer', 'currency', 'due_date', 'days_late', 'bucket', 'outstanding', 'interest',
    'interest_paid', 'interest_outstanding', 'fixed_compensation', 'total_due']
  const cols = keys.map((k) => t[k])
  const out = [keys.join(',')]
  for (let r = 0; r < t.id.length; r++) out.push(cols.map((c) => c[r]).join(','))
  fs.writeFileSync(a.out, out.join('\n') + '\n')
  times.sort((x, y) => x - y)
  process.stderr.write(JSON.stringify({ penalties_call_seconds: times[Math.floor(times.length / 2)], rows: t.id.length }) + '\n')
}

main()
