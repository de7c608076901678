// ES module entry: the same functions as the CommonJS entry (index.js).
import arrears from './index.js'

export const {
  run, runAsync, civilDate, ArrearsError, operations, errorCodes, version,
  interest, dueDate, checkTerms, split, dayCount, holidays, businessDays,
  ledgerState, ledgerStateAsync, allocate, allocateAsync, aging, agingAsync,
  ledgerInterest, ledgerInterestAsync, claims, claimsAsync, agenda, agendaAsync,
  policy, plan, planStatus, letter,
  kpis, kpisAsync, kpiRows, kpiRowsAsync, risk, riskAsync, backtest, backtestAsync,
  report, reportAsync, rates, rateOn,
  penalties, penaltiesAsync, customerTotals, customerTotalsAsync, kpisOfTables, kpisOfTablesAsync, rowsOf
} = arrears
export default arrears
