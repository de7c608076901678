'use strict'
// The per-area functions: each gives what run() gives for the request it builds, and the figures
// checked by hand below come from the statutes and published rules named beside them.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const arrears = require('..')

const sample = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'sample-ledger.json'), 'utf8'))
// The sample's as-of date (core/src/sample.rs AS_OF).
const AS_OF = '2026-06-30'

test('interest: the L441-10 statement by hand', () => {
  // ECB main refinancing rate 4.50 % on 1 January 2024 + 10 points = 14.50 % (C. com. L441-10);
  // 30 days on 1,000.00: 1000 × 0.145 × 30 / 365 = 11.918 → 11.92; EUR 40 (D441-5).
  const s = arrears.interest({ regime: 'fr_b2b', principal: '1000.00', currency: 'EUR', due_date: '2024-01-31', until: '2024-03-01' })
  assert.equal(s.interest, '11.92')
  assert.equal(s.fixed_compensation, '40.00')
  assert.equal(s.total_due, '1051.92')
})

test('dueDate: 45 days end of month (C. com. L441-10 I)', () => {
  // End of December 2024, then + 45 days: 14 February 2025.
  const out = arrears.dueDate({ kind: 'days_end_of_month', days: 45, method: 'end_of_month_then_days' }, '2024-12-15')
  assert.equal(out.due_date, '2025-02-14')
  assert.deepEqual(out, arrears.run('due_date', {
    terms: { kind: 'days_end_of_month', days: 45, method: 'end_of_month_then_days' }, issue_date: '2024-12-15'
  }))
})

test('checkTerms: 90 days between businesses in France exceeds the 60-day cap', () => {
  // 1 January to 1 April 2026 is 90 days; L441-10 I allows 60 days from the invoice date (2 March)
  // or 45 days end of month (17 March): both exceeded. 1 March (59 days) is within.
  const findings = arrears.checkTerms({ jurisdiction: 'fr', debtor: 'business', issue_date: '2026-01-01', due_date: '2026-04-01' })
  assert.deepEqual(findings.map((f) => [f.code, f.days, f.reference]), [['terms.fr_over_60_days', 90, 'C. com. L441-10 I']])
  assert.deepEqual(arrears.checkTerms({ jurisdiction: 'fr', debtor: 'business', issue_date: '2026-01-01', due_date: '2026-03-01' }), [])
})

test('split, dayCount, holidays', () => {
  // 100.00 in three: 33.33 × 3 = 99.99, the remaining cent to the first part.
  assert.deepEqual(arrears.split('100.00', 'EUR', 3), ['33.34', '33.33', '33.33'])
  const weighted = arrears.split('1000.01', 'EUR', ['30', '70'])
  assert.equal(weighted.reduce((a, b) => a + Math.round(Number(b) * 100), 0), 100001)
  // 31 January to 1 March 2024: 29 days of February (leap year) + 1.
  assert.equal(arrears.dayCount('act_365_fixed', '2024-01-31', '2024-03-01').days, 30)
  // France has 11 public holidays (C. trav. L3133-1); 14 July among them.
  const fr = arrears.holidays('fr', 2026)
  assert.equal(fr.length, 11)
  assert.ok(fr.some((h) => h.date === '2026-07-14'))
})

test('rates and rateOn: the ECB rate of March 2024', () => {
  // ECB main refinancing operations: 4.50 % from 20 September 2023 to 11 June 2024.
  const r = arrears.rateOn('ecb_mro', '2024-03-01')
  assert.equal(r.rate_percent, '4.50')
  assert.equal(r.from, '2023-09-20')
  assert.ok(arrears.rates().series.some((s) => s.id === 'ecb_mro'))
})

test('ledger functions give what run() gives', () => {
  const same = (fn, op, request, ...args) => assert.deepEqual(fn(...args), arrears.run(op, request), op)
  same(arrears.ledgerState, 'ledger_state', { ledger: sample, as_of: AS_OF }, sample, AS_OF)
  same(arrears.allocate, 'allocate', { ledger: sample, as_of: AS_OF }, sample, AS_OF)
  same(arrears.aging, 'aging', { ledger: sample, as_of: AS_OF }, sample, AS_OF)
  same(arrears.claims, 'claims', { ledger: sample, as_of: AS_OF }, sample, AS_OF)
  same(arrears.agenda, 'agenda', { ledger: sample, as_of: AS_OF, policy: 'fr_standard' }, sample, AS_OF, { policy: 'fr_standard' })
  // The sample bills in EUR and GBP: KPIs per currency (docs/kpi.md), never converted.
  const perCurrency = { options: { per_currency: true } }
  same(arrears.kpis, 'kpis', { ledger: sample, as_of: AS_OF, from: '2026-01-01', to: '2026-06-30', ...perCurrency },
    sample, AS_OF, '2026-01-01', '2026-06-30', perCurrency)
  same(arrears.kpiRows, 'kpi_rows', { ledger: sample, as_of: AS_OF, from: '2026-01-01', to: '2026-06-30', ...perCurrency },
    sample, AS_OF, '2026-01-01', '2026-06-30', perCurrency)
  same(arrears.risk, 'risk', { ledger: sample, as_of: AS_OF }, sample, AS_OF)
  same(arrears.backtest, 'backtest', { ledger: sample, cutoff: '2025-12-31', horizon_days: 120 }, sample, '2025-12-31', 120)
  // docs/risk.md §What keeps it honest: the sample's data end on 2026-06-30; options pass through.
  assert.throws(() => arrears.backtest(sample, '2025-12-31', 365), (e) => e.code === 'risk.horizon_past_data')
  const fresh = arrears.backtest(sample, '2025-12-31', 180, { exclude_late_at_cutoff: true, bootstrap: { samples: 0 } })
  assert.equal(fresh.auc_interval, null)
  assert.ok(fresh.customers.every((c) => !(c.observed && c.late_at_cutoff)))
  const html = arrears.report(sample, AS_OF, { title: 'Q2' })
  assert.match(html, /^<!DOCTYPE html>/i)
  assert.match(html, /Q2/)
})

test('the async variants give the same documents', async () => {
  assert.deepEqual(await arrears.claimsAsync(sample, AS_OF), arrears.claims(sample, AS_OF))
  assert.deepEqual(await arrears.agendaAsync(sample, AS_OF), arrears.agenda(sample, AS_OF))
  assert.equal(await arrears.reportAsync(sample, AS_OF), arrears.report(sample, AS_OF))
  await assert.rejects(arrears.claimsAsync(sample, '2026-02-30'), (e) => e.code === 'date.invalid')
  await assert.rejects(arrears.claimsAsync(sample, AS_OF, 'not options'), TypeError)
})

test('a claim adds up: principal + interest + fixed compensation = total', () => {
  for (const c of arrears.claims(sample, AS_OF).claims) {
    const cents = (s) => BigInt(s.replace('.', ''))
    assert.equal(cents(c.principal) + cents(c.interest) + cents(c.fixed_compensation), cents(c.total), c.customer)
  }
})

test('policy, plan, planStatus, letter', () => {
  const p = arrears.policy('fr_standard')
  assert.ok(Array.isArray(p.steps) && p.steps.length > 0)
  // docs/plans.md: 1,200.00 in 3 monthly instalments, no interest: 400.00 each.
  const plan = arrears.plan({ amount: '1200.00', currency: 'EUR', first_date: '2026-01-15', instalments: 3, every: 'month' })
  assert.deepEqual(plan.instalments.map((i) => i.amount), ['400.00', '400.00', '400.00'])
  const status = arrears.planStatus(plan, [{ date: '2026-01-15', amount: '400.00' }], '2026-03-01')
  assert.deepEqual(status, arrears.run('plan_status', { plan, payments: [{ date: '2026-01-15', amount: '400.00' }], as_of: '2026-03-01' }))
  assert.throws(() => arrears.letter({}, 'text'), (e) => typeof e.code === 'string')
})

test('readFec reads the sample FEC into the ledger it came from (docs/fec.md)', () => {
  const path = require('node:path')
  const fs = require('node:fs')
  const examples = path.join(__dirname, '..', '..', 'examples')
  const side = (name) => JSON.parse(fs.readFileSync(path.join(examples, `sample-fec-${name}.json`), 'utf8'))
  const out = arrears.readFec(path.join(examples, 'sample-fec.txt'), {
    terms: side('terms'), customers: side('customers'), disputes: side('disputes')
  })
  assert.equal(out.reconciled, true)
  assert.deepEqual(out.unused, [])
  assert.equal(out.customer_lines, out.used)
  // What each customer is claimed, the same as from the sample ledger.
  const totals = (c) => c.claims.map((x) => `${x.customer} ${x.currency} ${x.total}`).sort()
  assert.deepEqual(totals(arrears.claims(out.ledger, AS_OF)), totals(arrears.claims(sample, AS_OF)))
  // A short notation for everyone.
  const plain = arrears.readFec(path.join(examples, 'sample-fec.txt'), { terms: '30 jours nets', country: 'FR' })
  assert.ok(plain.ledger.invoices.every((i) => i.terms.kind === 'net_days' && i.terms.days === 30))
  assert.throws(() => arrears.readFec(path.join(examples, 'sample-fec.txt'), { terms: '30 jours environ' }), (e) => e.code === 'terms.invalid')
})
