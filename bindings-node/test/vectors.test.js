'use strict'
// Every conformance vector in tests/vectors/ through run(), compared as the Rust runner does
// (core/tests/vectors.rs): `expected` is a subset of the output (every key it names present and
// equal, recursively; arrays of the same length matched element by element); `expected_error` is
// the code of the ArrearsError thrown.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const arrears = require('..')

const VECTORS = path.resolve(__dirname, '..', '..', 'tests', 'vectors')

function files (dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return files(p)
    return e.name.endsWith('.json') ? [p] : []
  }).sort()
}

function contains (expected, actual, at = '$') {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${at}: expected an array, got ${JSON.stringify(actual)}`)
    assert.equal(actual.length, expected.length, `${at}: expected ${expected.length} items, got ${JSON.stringify(actual)}`)
    expected.forEach((e, i) => contains(e, actual[i], `${at}[${i}]`))
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${at}: expected an object, got ${JSON.stringify(actual)}`)
    for (const [k, v] of Object.entries(expected)) {
      assert.ok(k in actual, `${at}.${k}: missing in output`)
      contains(v, actual[k], `${at}.${k}`)
    }
  } else {
    assert.strictEqual(actual, expected, `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
  }
}

const all = files(VECTORS)
let count = 0
for (const file of all) {
  const area = path.basename(path.dirname(file))
  for (const c of JSON.parse(fs.readFileSync(file, 'utf8')).cases) {
    count += 1
    test(`${area}/${c.id}`, () => {
      if ('expected_error' in c) {
        assert.throws(() => arrears.run(c.op, c.input), (e) => {
          assert.ok(e instanceof arrears.ArrearsError, String(e))
          assert.equal(e.code, c.expected_error, e.message)
          return true
        })
      } else {
        contains(c.expected, arrears.run(c.op, c.input))
      }
    })
  }
}

test('the vectors were found', () => {
  assert.ok(all.length >= 20, `only ${all.length} vector files under ${VECTORS}`)
  assert.ok(count >= 400, `only ${count} cases`)
})
