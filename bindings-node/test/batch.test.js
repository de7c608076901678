'use strict'
// The batch interface: tables as columns or rows through the portfolio engine. Its figures must
// be the per-invoice engine's (run('ledger_interest'), checked against statutes and published
// examples by the conformance vectors) to the cent, whatever the input form.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const arrears = require('..')

// A seeded generator (mulberry32), so that a failure can be replayed.
function rng (seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY = 86400000
const iso = (day) => new Date(day * DAY).toISOString().slice(0, 10)
const dayOf = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY
const cents = (s) => BigInt(s.replace('.', ''))
const money = (c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`

// French, German and British customers (regimes by country: L441-10 C. com., § 288 (2) BGB, the
// 1998 Act), invoices over 2023–2025, payments partial or whole, early or late, naming their
// invoice or only the customer (then allocated oldest first).
function portfolio (seed, n) {
  const r = rng(seed)
  const customers = []
  for (let c = 0; c < Math.max(3, n / 10); c++) {
    customers.push({ id: `C${c}`, country: ['FR', 'DE', 'GB'][c % 3] })
  }
  const invoices = []
  const payments = []
  for (let k = 0; k < n; k++) {
    const customer = customers[Math.floor(r() * customers.length)]
    const issue = dayOf('2023-01-01') + Math.floor(r() * 1000)
    const due = issue + [0, 30, 45, 60][Math.floor(r() * 4)]
    const amount = BigInt(1000 + Math.floor(r() * 500000))
    const currency = customer.country === 'GB' ? 'GBP' : 'EUR'
    invoices.push({ id: `F${k}`, customer: customer.id, issue_date: iso(issue), due_date: iso(due), amount: money(amount), currency })
    const shape = r()
    if (shape < 0.6) {
      const date = iso(due - 20 + Math.floor(r() * 200))
      const part = shape < 0.4 ? amount : amount / 2n
      if (part > 0n) {
        payments.push(r() < 0.8
          ? { id: `P${k}`, invoice: `F${k}`, date, amount: money(part) }
          : { id: `P${k}`, customer: customer.id, date, amount: money(part), currency })
      }
    }
  }
  return { customers, invoices, payments }
}

const AS_OF = '2026-06-30'

function referenceStatements (tables) {
  // The ledger document names every payment's currency (the tables take the invoice's).
  const currency = new Map(tables.invoices.map((i) => [i.id, i.currency]))
  const payments = tables.payments.map((p) => ({ currency: currency.get(p.invoice), ...p }))
  const ledger = { customers: tables.customers, invoices: tables.invoices, payments }
  const out = arrears.ledgerInterest(ledger, AS_OF)
  return new Map(out.receivables.map((r) => [r.invoice, r.statement]))
}

test('the single invoice of the statute by hand', () => {
  // 30 days late at 14.50 % (ECB 4.50 + 10, C. com. L441-10): 1000 × 0.145 × 30/365 = 11.92, and
  // EUR 40 (D441-5).
  const t = arrears.penalties({
    invoices: [{ id: 'F1', customer: 'C1', issue_date: '2024-01-01', due_date: '2024-01-31', amount: '1000.00', currency: 'EUR' }]
  }, { as_of: '2024-03-01', country: 'FR' })
  assert.deepEqual(arrears.rowsOf(t)[0], {
    row: 0, id: 'F1', customer: 'C1', currency: 'EUR', due_date: '2024-01-31', days_late: 30, bucket: '1-30',
    outstanding: '1000.00', interest: '11.92', interest_paid: '0.00', interest_outstanding: '11.92',
    fixed_compensation: '40.00', total_due: '1051.92', no_penalties: null
  })
})

test('every row equals the per-invoice engine, to the cent', () => {
  for (const seed of [1, 2, 3]) {
    const tables = portfolio(seed, 300)
    const t = arrears.penalties(tables, { as_of: AS_OF })
    const reference = referenceStatements(tables)
    assert.equal(t.id.length, 300)
    let compared = 0
    for (const [k, id] of t.id.entries()) {
      const s = reference.get(id)
      if (s === undefined) continue
      compared++
      for (const column of ['interest', 'interest_paid', 'interest_outstanding', 'fixed_compensation', 'total_due']) {
        assert.equal(t[column][k], s[column], `seed ${seed}, ${id}, ${column}`)
      }
    }
    assert.ok(compared > 250, `seed ${seed}: ${compared} rows compared`)
  }
})

test('columns, rows, typed arrays and minor units give the same table', () => {
  const tables = portfolio(7, 200)
  const fromRows = arrears.penalties(tables, { as_of: AS_OF })
  const columns = (rows, keys) => Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k] ?? null)]))
  const inv = tables.invoices
  const typed = {
    invoices: {
      id: inv.map((i) => i.id),
      customer: inv.map((i) => i.customer),
      issue_date: Int32Array.from(inv, (i) => dayOf(i.issue_date)),
      due_date: Int32Array.from(inv, (i) => dayOf(i.due_date)),
      amount_minor: BigInt64Array.from(inv, (i) => cents(i.amount)),
      currency: inv.map((i) => i.currency)
    },
    payments: columns(tables.payments, ['id', 'customer', 'invoice', 'date', 'amount', 'currency']),
    customers: columns(tables.customers, ['id', 'country'])
  }
  assert.deepEqual(arrears.penalties(typed, { as_of: AS_OF }), fromRows)
  const minor = arrears.penalties(typed, { as_of: AS_OF, money: 'minor' })
  assert.ok(minor.total_due instanceof BigInt64Array)
  assert.deepEqual([...minor.total_due].map(money), fromRows.total_due)
  assert.deepEqual([...minor.interest].map(money), fromRows.interest)
})

test('per-customer totals are the sums of the invoice rows', () => {
  const tables = portfolio(11, 300)
  const t = arrears.penalties(tables, { as_of: AS_OF })
  const totals = arrears.customerTotals(tables, { as_of: AS_OF })
  const sums = new Map()
  for (let k = 0; k < t.id.length; k++) {
    const key = `${t.customer[k]} ${t.currency[k]}`
    const s = sums.get(key) || { invoices: 0, outstanding: 0n, interest: 0n, fixed: 0n, total: 0n, maxLate: 0 }
    s.invoices++
    s.outstanding += cents(t.outstanding[k])
    s.interest += cents(t.interest[k])
    s.fixed += cents(t.fixed_compensation[k])
    s.total += cents(t.total_due[k])
    if (cents(t.outstanding[k]) > 0n) s.maxLate = Math.max(s.maxLate, t.days_late[k])
    sums.set(key, s)
  }
  assert.equal(totals.length, sums.size)
  for (const c of totals) {
    const s = sums.get(`${c.customer} ${c.currency}`)
    assert.equal(c.invoices, s.invoices)
    assert.equal(c.outstanding, money(s.outstanding))
    assert.equal(c.interest, money(s.interest))
    assert.equal(c.fixed_compensation, money(s.fixed))
    assert.equal(c.total_due, money(s.total))
    assert.equal(c.max_days_late, s.maxLate)
    assert.equal(c.aging.reduce((a, b) => a + cents(b.amount), 0n), s.outstanding)
  }
})

test('an empty table gives an empty table', () => {
  const t = arrears.penalties({ invoices: [] }, { as_of: AS_OF })
  assert.equal(t.row.length, 0)
  assert.deepEqual(t.id, [])
  assert.deepEqual(t.total_due, [])
  assert.deepEqual(arrears.customerTotals({ invoices: { id: [], customer: [], issue_date: [], due_date: [], amount: [] } }, { as_of: AS_OF }), [])
})

test('the async variants give the same tables', async () => {
  const tables = portfolio(5, 100)
  assert.deepEqual(await arrears.penaltiesAsync(tables, { as_of: AS_OF }), arrears.penalties(tables, { as_of: AS_OF }))
  assert.deepEqual(await arrears.customerTotalsAsync(tables, { as_of: AS_OF }), arrears.customerTotals(tables, { as_of: AS_OF }))
  await assert.rejects(arrears.penaltiesAsync(tables, { as_of: '2026-13-01' }), (e) => e.code === 'date.invalid')
})

test('bad input: coded errors with their place, every problem at once', () => {
  const good = { id: 'F1', customer: 'C1', issue_date: '2024-01-01', due_date: '2024-01-31', amount: '100.00', currency: 'EUR' }
  const code = (tables, options, expected, path) => assert.throws(
    () => arrears.penalties(tables, { as_of: '2024-06-30', ...options }),
    (e) => {
      assert.ok(e instanceof arrears.ArrearsError, e.message)
      assert.equal(e.code, expected, e.message)
      if (path !== undefined) assert.equal(e.path, path)
      return true
    })
  code({ invoices: [{ ...good, amount: 100.5 }] }, {}, 'money.invalid_amount', 'invoices[0].amount')
  code({ invoices: { ...Object.fromEntries(Object.entries(good).map(([k, v]) => [k, [v]])), amount: [0.1] } }, {}, 'money.invalid_amount', 'invoices[0].amount')
  code({ invoices: [{ ...good, amount_minor: 10.5, amount: undefined }] }, {}, 'money.invalid_amount', 'invoices[0].amount_minor')
  code({ invoices: [{ ...good, due: '2024-01-31' }] }, {}, 'input.invalid_document', 'invoices.due')
  code({ invoices: [{ ...good, issue_date: '2024-02-30' }] }, {}, 'date.invalid', 'invoices[0].issue_date')
  code({ invoices: [{ ...good, currency: 'EURO' }] }, {}, 'money.unknown_currency', 'invoices[0].currency')
  code({ invoices: [good, good] }, {}, 'ledger.duplicate_id', 'invoices[1]')
  code({ invoices: [{ ...good, currency: undefined }] }, {}, 'import.missing_column')
  code({ invoices: [good] }, { bogus: true }, 'input.invalid_document', 'bogus')
  code({ invoices: [good], payments: [{ invoice: 'F9', date: '2024-02-01', amount: '1.00' }] }, {}, 'ledger.unknown_invoice', 'payments[0]')
  code({ invoices: { id: ['F1'], customer: ['C1'], issue_date: Int32Array.of(19723), due_date: Int32Array.of(2147483647), amount: ['1.00'], currency: ['EUR'] } },
    {}, 'date.invalid', 'invoices[0].due_date')
  // Columns cross the boundary joined by NUL: a cell holding one, or a column of another length
  // than its table's, is refused rather than shifted into the next row.
  const one = (over) => ({ invoices: { id: ['F1'], customer: ['C1'], issue_date: ['2024-01-01'], due_date: ['2024-01-31'], amount: ['1.00'], currency: ['EUR'], ...over } })
  code(one({ customer: ['C\u00001'] }), {}, 'import.invalid_cell', 'invoices.customer')
  code(one({ amount: ['1.00', '2.00'] }), {}, 'import.invalid_cell', 'invoices.amount')
  code(one({ due_date: Int32Array.of(19753, 19754) }), {}, 'import.invalid_cell', 'invoices.due_date')
  code(one({ id: undefined }), {}, 'import.missing_column', 'invoices.id')
  // Several bad rows: one error listing each with its place.
  assert.throws(() => arrears.penalties({ invoices: [{ ...good, issue_date: 'x' }, { ...good, id: 'F2', amount: '1.001' }, { ...good, id: 'F3', customer: '' }] }, { as_of: '2024-06-30' }),
    (e) => {
      assert.deepEqual(e.problems.map((p) => p.path.split('.')[0].split(' ')[0]), ['invoices[0]', 'invoices[1]', 'invoices[2]'])
      return true
    })
  assert.throws(() => arrears.penalties({ invoices: [{ ...good, issue_date: new Date() }] }, { as_of: '2024-06-30' }), TypeError)
  assert.throws(() => arrears.penalties({ invoices: [good] }, {}), TypeError)
  assert.throws(() => arrears.penalties({ invoices: [good], refunds: [] }, { as_of: '2024-06-30' }), TypeError)
})

test("the guide's example (docs/guide-node.md) gives the figures computed by hand there", () => {
  const fs = require('node:fs')
  const path = require('node:path')
  const guide = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'guide-node.md'), 'utf8')
  const block = guide.split('## Whole tables')[1].match(/```js\n([\s\S]*?)```/)[1]
  const code = block.replace("require('arrears')", 'require(\'..\')').replace(/^t\.total_due.*$/m, 'return t')
  // eslint-disable-next-line no-new-func
  const t = new Function('require', code)(require)
  assert.deepEqual(t.total_due, ['1099.99', '41.35'])
  assert.deepEqual(t.interest, ['59.99', '1.35'])
})

test('the key figures of tables equal those of the ledger document', async () => {
  const tables = portfolio(21, 400)
  const currency = new Map(tables.invoices.map((i) => [i.id, i.currency]))
  const ledger = {
    customers: tables.customers,
    invoices: tables.invoices,
    payments: tables.payments.map((p) => ({ currency: currency.get(p.invoice), ...p }))
  }
  const period = { as_of: AS_OF, from: '2026-01-01', to: AS_OF }
  for (const group_by of ['portfolio', 'customer']) {
    const options = { per_currency: true }
    const fast = arrears.kpisOfTables(tables, { ...period, group_by, options })
    assert.deepEqual(fast, arrears.kpis(ledger, AS_OF, period.from, period.to, { group_by, options }))
    assert.ok(fast.groups.length > (group_by === 'customer' ? 10 : 1))
  }
  assert.deepEqual(await arrears.kpisOfTablesAsync(tables, { ...period, options: { per_currency: true } }),
    arrears.kpisOfTables(tables, { ...period, options: { per_currency: true } }))
  assert.throws(() => arrears.kpisOfTables(tables, { ...period, group_by: 'sector' }),
    (e) => e.code === 'input.invalid_value' && e.path === 'group_by')
  assert.throws(() => arrears.kpisOfTables(tables, { as_of: AS_OF }), TypeError)
})

test('a rate published after the release is given with `rates`; a row without penalties says why', () => {
  // tests/vectors/agenda/rates.json: 1,000.00 (French B2B) due 2026-11-30, as of 2027-01-15; the
  // built-in fr_l441_10 ends on 2026-12-31. With the caller's series (2.15 % from 2027-01-01,
  // illustrative): 31 days at 12.40 % + 15 days at 12.15 %, ACT/365: 10.5315 + 4.9932 = 15.52.
  const path = require('node:path')
  const vectors = require(path.join(__dirname, '..', '..', 'tests', 'vectors', 'agenda', 'rates.json'))
  const input = vectors.cases.find((c) => c.id === 'agenda-rate-supplied-with-the-request').input
  const tables = { invoices: input.ledger.invoices, customers: input.ledger.customers.map(({ id, country }) => ({ id, country })) }
  const withRates = arrears.penalties(tables, { as_of: '2027-01-15', rates: input.rates })
  assert.deepEqual([withRates.interest[0], withRates.fixed_compensation[0]], ['15.52', '40.00'])
  assert.deepEqual(withRates.no_penalties, [null])
  const totals = arrears.customerTotals(tables, { as_of: '2027-01-15', rates: input.rates })
  assert.equal(totals[0].interest, '15.52')
  const without = arrears.penalties(tables, { as_of: '2027-01-15' })
  assert.equal(without.interest[0], '0.00')
  assert.match(without.no_penalties[0], /rates\.unknown_date/)
  assert.equal(arrears.agenda(input.ledger, '2027-01-15', { rates: input.rates }).actions[0].items[0].interest, '15.52')
})
