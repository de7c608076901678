'use strict'
// Randomized documents: every answer is a document, an ArrearsError or a TypeError; the process
// never crashes. Deterministic (a seeded generator), so a failure is reproducible.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const arrears = require('..')

function rng (seed) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const VALUES = [null, true, false, 0, -1, 1.5, 1e308, NaN, '', 'x', '2024-02-29', '2024-13-01', '1000.00', '-5',
  '1e3', 'EUR', 'fr_b2b', [], {}, [{}], { date: '2024-01-01', amount: '1.00' }, '9'.repeat(40)]
const KEYS = ['regime', 'principal', 'currency', 'due_date', 'until', 'payments', 'ledger', 'as_of', 'invoices',
  'terms', 'issue_date', 'amount', 'policy', 'context', 'series', 'date', 'from', 'to', 'options']

function doc (r, depth) {
  const out = {}
  const n = Math.floor(r() * 6)
  for (let i = 0; i < n; i++) {
    const k = KEYS[Math.floor(r() * KEYS.length)]
    out[k] = depth > 0 && r() < 0.3 ? doc(r, depth - 1) : VALUES[Math.floor(r() * VALUES.length)]
  }
  return out
}

test('random documents give a document or a coded error', () => {
  const r = rng(20261206)
  const ops = arrears.operations()
  let errors = 0
  for (let i = 0; i < 3000; i++) {
    const op = ops[Math.floor(r() * ops.length)]
    try {
      const out = arrears.run(op, doc(r, 2))
      assert.equal(typeof out, 'object')
    } catch (e) {
      errors += 1
      if (e instanceof arrears.ArrearsError) {
        assert.match(e.code, /^[a-z_]+\.[a-z_]+$/, e.message)
        assert.notEqual(e.code, 'internal.panic', e.message)
      } else {
        assert.ok(e instanceof TypeError, String(e))
      }
    }
  }
  assert.ok(errors > 2000)
})
