'use strict'
// Generates types.d.ts, the TypeScript types of the documents, from the JSON Schemas the core
// generates (docs/schemas/, schemars): the ledger and its state, the interest request and statement,
// the agenda, claims, due-date, plan, letter, risk and KPI requests and answers. `node scripts/schema-types.js` writes it;
// `--check` fails when the committed file is stale (test/schema-types.test.js runs it).
const fs = require('node:fs')
const path = require('node:path')
const { compile } = require('json-schema-to-typescript')

const SCHEMAS = path.join(__dirname, '..', '..', 'docs', 'schemas')
const OUT = path.join(__dirname, '..', 'types.d.ts')

// schema file -> the name of its root type
const ROOTS = {
  'ledger.schema.json': 'LedgerDocument',
  'ledger-request.schema.json': 'LedgerRequest',
  'interest-request.schema.json': 'InterestRequest',
  'statement.schema.json': 'Statement',
  'agenda-request.schema.json': 'AgendaRequest',
  'agenda.schema.json': 'Agenda',
  'claims-request.schema.json': 'ClaimsRequest',
  'claims.schema.json': 'Claims',
  'ledger-state.schema.json': 'LedgerState',
  'due-date-request.schema.json': 'DueDateRequest',
  'due-date.schema.json': 'DueDateResponse',
  'plan-request.schema.json': 'PlanRequest',
  'plan.schema.json': 'PaymentPlan',
  'letter-request.schema.json': 'LetterRequest',
  'letter.schema.json': 'Letter',
  'risk-request.schema.json': 'RiskRequest',
  'risk.schema.json': 'RiskResponse',
  'kpis-request.schema.json': 'KpisRequest',
  'kpis.schema.json': 'KpiReport'
}

// Every schema's definitions go into one schema (shared ones, such as Regime or PaymentTerms, once;
// a definition that differs between schemas is an error), the roots among them under their names,
// compiled in one pass. `Date` and `Decimal` are renamed: `Date` would shadow JavaScript's.
const RENAME = { Date: 'DateString', Decimal: 'DecimalString' }

function renamed (value) {
  if (Array.isArray(value)) return value.map(renamed)
  if (value === null || typeof value !== 'object') return value
  const out = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') {
      // A reference becomes the type's name (`tsType`): with a `$ref` beside a description the
      // compiler would declare a numbered copy of the type for every field.
      const name = v.replace('#/$defs/', '')
      out.tsType = RENAME[name] || name
    } else {
      out[k] = renamed(v)
    }
  }
  return out
}

async function generate () {
  const defs = {}
  // The shape, without the words around it (a root and the same type as a definition differ in
  // title and description only).
  const shape = ({ title, description, ...rest }) => JSON.stringify(rest)
  const define = (name, schema, file) => {
    if (defs[name] !== undefined) {
      if (shape(defs[name]) !== shape(schema)) {
        throw new Error(`${file}: the definition ${name} differs from another schema's`)
      }
      return
    }
    defs[name] = schema
  }
  for (const [file, root] of Object.entries(ROOTS)) {
    const schema = renamed(JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')))
    for (const [name, def] of Object.entries(schema.$defs || {})) {
      define(RENAME[name] || name, { ...def, title: RENAME[name] || name }, file)
    }
    const { $defs, $schema, ...body } = schema
    define(root, { ...body, title: root }, file)
  }
  const all = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Documents',
    type: 'object',
    properties: Object.fromEntries(Object.values(ROOTS).map((r) => [r, { tsType: r }])),
    additionalProperties: false,
    $defs: defs
  }
  const ts = await compile(all, 'Documents', {
    bannerComment: '/* Generated from docs/schemas/ by scripts/schema-types.js: do not edit. */\n/* eslint-disable */',
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: true,
    format: true
  })
  return ts.endsWith('\n') ? ts : ts + '\n'
}

async function main () {
  const text = await generate()
  if (process.argv.includes('--check')) {
    const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : ''
    if (old !== text) {
      console.error('types.d.ts is stale: run `node scripts/schema-types.js` in bindings-node/')
      process.exit(1)
    }
    return
  }
  fs.writeFileSync(OUT, text)
}

module.exports = { generate }
if (require.main === module) main().catch((e) => { console.error(e); process.exit(1) })
