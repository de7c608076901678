'use strict'
// types.d.ts (the documents' TypeScript types) is generated from docs/schemas/, which the core
// generates: this fails when either side changed without regenerating it
// (`node scripts/schema-types.js`, after `make docs-schemas` at the root).
const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { generate } = require('../scripts/schema-types.js')

test('types.d.ts is generated from the current schemas', async () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', 'types.d.ts'), 'utf8')
  assert.ok((await generate()) === committed, 'types.d.ts is stale: run `node scripts/schema-types.js` in bindings-node/')
})
