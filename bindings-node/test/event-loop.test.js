'use strict'
// A portfolio-sized call off the main thread: the event loop keeps ticking while it runs.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const arrears = require('..')

function ledger (n) {
  const invoices = []
  const payments = []
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 28)
    const month = 1 + (i % 12)
    const due = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    invoices.push({ id: `F${i}`, customer: `C${i % 200}`, issue_date: '2024-12-01', due_date: due, amount: `${100 + (i % 900)}.${String(i % 100).padStart(2, '0')}`, currency: 'EUR' })
    if (i % 3 === 0) payments.push({ customer: `C${i % 200}`, invoice: `F${i}`, date: '2025-09-01', amount: '50.00', currency: 'EUR' })
  }
  const customers = Array.from({ length: 200 }, (_, c) => ({ id: `C${c}`, country: 'FR' }))
  return { customers, invoices, payments }
}

test('the event loop keeps ticking during an async ledger call', async () => {
  const request = { ledger: ledger(40000), as_of: '2026-06-30' }
  let ticks = 0
  const timer = setInterval(() => { ticks += 1 }, 1)
  const started = Date.now()
  const out = await arrears.runAsync('ledger_interest', request)
  const elapsed = Date.now() - started
  clearInterval(timer)
  assert.equal(out.receivables.length, 40000 - 0)
  // While the work ran on the thread pool, timers fired: at least a few per 10 ms elapsed. The
  // synchronous call would have blocked every one of them.
  assert.ok(ticks >= Math.min(5, Math.floor(elapsed / 10)), `${ticks} ticks in ${elapsed} ms`)
  assert.ok(ticks > 0)
})

test('the event loop keeps ticking during an async batch call', async () => {
  const { customers, invoices, payments } = ledger(100000)
  // Columns: reading them happens on the main thread, the book and the engine on the pool.
  const col = (rows, keys) => Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])]))
  const tables = {
    invoices: col(invoices, ['id', 'customer', 'issue_date', 'due_date', 'amount', 'currency']),
    payments: col(payments, ['customer', 'invoice', 'date', 'amount', 'currency']),
    customers: col(customers, ['id', 'country'])
  }
  let ticks = 0
  const timer = setInterval(() => { ticks += 1 }, 1)
  const started = Date.now()
  const pending = arrears.penaltiesAsync(tables, { as_of: '2026-06-30' })
  const afterCall = ticks
  const out = await pending
  const elapsed = Date.now() - started
  clearInterval(timer)
  assert.equal(out.id.length, 100000)
  assert.equal(afterCall, 0, 'nothing ran during the synchronous part')
  assert.ok(ticks >= Math.min(5, Math.floor(elapsed / 20)), `${ticks} ticks in ${elapsed} ms`)
  assert.ok(ticks > 0)
})
