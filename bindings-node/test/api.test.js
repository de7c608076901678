'use strict'
// The API around run(): money and dates as strings, what is refused and how, errors with codes,
// the async variant, CommonJS and ESM entries. Figures by hand.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const arrears = require('..')

const INVOICE = {
  regime: 'fr_b2b', principal: '1000.00', currency: 'EUR', due_date: '2024-01-31', until: '2024-03-01'
}

test('an interest statement by hand', () => {
  // C. com. L441-10: ECB 4.50 % + 10 points = 14.50 % for H1 2024; 30 days (1 Feb to 1 Mar),
  // ACT/365F: 1000.00 × 0.145 × 30 / 365 = 11.9178 → 11.92; D441-5: EUR 40.
  const s = arrears.run('interest', INVOICE)
  assert.equal(s.interest, '11.92')
  assert.equal(s.fixed_compensation, '40.00')
  assert.equal(s.total_due, '1051.92')
  assert.deepEqual(s.segments.map((x) => [x.from, x.to, x.days, x.rate_percent]), [['2024-02-01', '2024-03-01', 30, '14.50']])
})

test('money as a JS number is refused with a coded error and its place', () => {
  assert.throws(() => arrears.run('interest', { ...INVOICE, principal: 1000.1 }), (e) => {
    assert.ok(e instanceof arrears.ArrearsError)
    assert.ok(e instanceof Error)
    assert.equal(e.code, 'money.invalid_amount')
    assert.match(e.path, /principal/)
    return true
  })
})

test('a Date is refused; civilDate names the time zone', () => {
  assert.throws(() => arrears.run('interest', { ...INVOICE, until: new Date(Date.UTC(2024, 2, 1)) }), TypeError)
  // 23:30 UTC on 29 February is already 1 March in Paris (UTC+1 in winter).
  const instant = new Date(Date.UTC(2024, 1, 29, 23, 30))
  assert.equal(arrears.civilDate(instant, 'Europe/Paris'), '2024-03-01')
  assert.equal(arrears.civilDate(instant, 'UTC'), '2024-02-29')
  assert.throws(() => arrears.civilDate(instant), TypeError)
})

test('bad documents get coded errors, never a crash', () => {
  assert.throws(() => arrears.run('no_such_op', {}), (e) => e.code === 'input.unknown_operation' || /operation/.test(e.message))
  assert.throws(() => arrears.run('interest', { ...INVOICE, due_date: '2024-02-30' }), (e) => e.code === 'date.invalid')
  assert.throws(() => arrears.run('interest', [1, 2]), (e) => e.code === 'input.invalid_document')
  assert.throws(() => arrears.run('interest', undefined), TypeError)
  assert.throws(() => arrears.run('interest', { ...INVOICE, principal: 10n }), TypeError)
})

test('a ledger with several bad rows reports every problem', () => {
  const inv = (id) => ({ id, customer: 'C1', issue_date: '2026-01-10', due_date: '2026-02-09', amount: '100.00', currency: 'EUR' })
  assert.throws(() => arrears.run('ledger_state', { ledger: { invoices: [inv('F1'), inv('F1')] }, as_of: '2026-03-31' }), (e) => {
    assert.equal(e.code, 'ledger.duplicate_id')
    assert.equal(e.path, 'ledger.invoices[1]')
    return true
  })
})

test('the async variant gives the same document', async () => {
  assert.deepEqual(await arrears.runAsync('interest', INVOICE), arrears.run('interest', INVOICE))
  await assert.rejects(arrears.runAsync('interest', { ...INVOICE, currency: 'XXX' }), arrears.ArrearsError)
})

test('operations and error codes are listed', () => {
  assert.ok(arrears.operations().includes('ledger_interest'))
  const codes = new Map(arrears.errorCodes())
  assert.ok(codes.has('money.invalid_amount'))
  assert.match(arrears.version, /^\d+\.\d+\.\d+/)
})

test('the ES module entry exports the same functions', async () => {
  const esm = await import('../index.mjs')
  assert.equal(esm.run('interest', INVOICE).total_due, '1051.92')
  assert.equal(esm.ArrearsError, arrears.ArrearsError)
})
