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
