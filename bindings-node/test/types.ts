// Type test: compiled with `tsc --noEmit` in strict mode (tsconfig.json). A use of the types
// that must compile, and misuses that must not (`@ts-expect-error`).
import { run, runAsync, ArrearsError, civilDate, type InterestRequest, type Statement, type Regime } from 'arrears'

const request: InterestRequest = {
  regime: 'fr_b2b', principal: '1000.00', currency: 'EUR', due_date: '2024-01-31', until: civilDate(new Date(), 'Europe/Paris')
}
const statement: Statement = run('interest', request)
const total: string = statement.total_due
const regime: Regime = statement.regime
void total, regime

async function later (): Promise<string> {
  const s = await runAsync('interest', request)
  return s.interest
}
void later

try {
  run('ledger_state', { ledger: { invoices: [] }, as_of: '2026-03-31' })
} catch (e) {
  if (e instanceof ArrearsError) {
    const code: string = e.code
    const where: string | undefined = e.path
    void code, where
  }
}

// @ts-expect-error money is a decimal string, not a number
run('interest', { ...request, principal: 1000 })
// @ts-expect-error not a regime
run('interest', { ...request, regime: 'fr_b2c' })
// @ts-expect-error not an operation
run('penalty', {})

// The per-area functions and the generated document types.
import {
  claims, agenda, dueDate, penalties, penaltiesAsync, customerTotals, rowsOf,
  type LedgerDocument, type Agenda, type Claims, type PenaltyColumns, type CustomerTotal, type InvoiceRow
} from 'arrears'

const ledger: LedgerDocument = {
  invoices: [{ id: 'F1', customer: 'C1', issue_date: '2026-01-10', due_date: '2026-02-09', amount: '1200.00', currency: 'EUR' }]
}
const owed: Claims = claims(ledger, '2026-03-31')
const today: Agenda = agenda(ledger, '2026-03-31', { policy: 'fr_standard' })
const due: string = dueDate({ kind: 'days_end_of_month', days: 45, method: 'end_of_month_then_days' }, '2024-12-15').due_date
void owed, today, due

const rows: InvoiceRow[] = [{ id: 'F1', customer: 'C1', issue_date: '2024-01-01', due_date: '2024-01-31', amount: '1000.00', currency: 'EUR' }]
const table: PenaltyColumns = penalties({ invoices: rows }, { as_of: '2024-03-01', country: 'FR' })
const interestText: string = table.interest[0]
const minor: PenaltyColumns<BigInt64Array> = penalties({ invoices: rows }, { as_of: '2024-03-01', money: 'minor' })
const cents: bigint = minor.total_due[0]
const late: number = rowsOf(table)[0].days_late
const totals: CustomerTotal[] = customerTotals({ invoices: rows }, { as_of: '2024-03-01' })
void interestText, cents, late, totals
void penaltiesAsync({ invoices: rows }, { as_of: '2024-03-01' }).then((t) => t.total_due[0].length)

// @ts-expect-error money is a decimal string in a row, not a number
penalties({ invoices: [{ ...rows[0], amount: 1000 }] }, { as_of: '2024-03-01' })
// @ts-expect-error the options need as_of
penalties({ invoices: rows }, { country: 'FR' })
// @ts-expect-error a ledger invoice's amount is a decimal string
const badLedger: LedgerDocument = { invoices: [{ id: 'F1', customer: 'C1', issue_date: '2026-01-10', amount: 1200, currency: 'EUR' }] }
void badLedger
// @ts-expect-error not a debtor kind
customerTotals({ invoices: rows }, { as_of: '2024-03-01', debtor: 'company' })
