/**
 * arrears: statutory late-payment interest and recovery compensation (France, Germany, the UK,
 * any EU state) from dated, sourced rate tables; payment terms; dunning; receivables KPIs.
 *
 * Money is a decimal string (`"1234.50"`, never a JS number: 0.1 + 0.2 is not 0.3), dates are
 * `"YYYY-MM-DD"` strings (a `Date` is an instant, not a civil date: see {@link civilDate}).
 * Every operation of docs/operations.md takes a request document and returns a response document.
 */

/** A decimal amount as text, e.g. `"1234.50"`. */
export type DecimalString = string
/** A civil date as text, `"YYYY-MM-DD"`. */
export type DateString = string

/** Every operation `run` accepts (docs/operations.md). */
export type Operation =
  | 'split' | 'day_count' | 'holidays' | 'business_days' | 'due_date' | 'check_terms' | 'allocate'
  | 'ledger_state' | 'aging' | 'kpis' | 'kpi_rows' | 'interest' | 'ledger_interest' | 'claims'
  | 'agenda' | 'policy' | 'rates' | 'rate_on' | 'plan' | 'plan_status' | 'letter' | 'risk'
  | 'backtest' | 'report'

/** The statutory and contractual interest regimes (docs/interest.md). */
export type Regime =
  | 'fr_b2b' | 'fr_b2b_contractual' | 'fr_legal_professional' | 'fr_legal_consumer'
  | 'fr_public_procurement' | 'de_b2b' | 'de_consumer' | 'uk_late_payment' | 'eu_directive'
  | 'contractual'

/** A payment or a credit note on a debt: `{date, amount}`. */
export interface DatedAmount {
  date: DateString
  amount: DecimalString
}

/** Statement conventions; every one has a regime default (docs/interest.md). */
export interface InterestOptions {
  day_count?: 'act_365_fixed' | 'act_act' | 'act_360' | 'thirty_e_360' | 'thirty_e_360_isda'
  count_payment_day?: boolean
  rate_fixing?: 'per_half_year' | 'fixed_at_start' | 'every_change'
  rounding?: 'total' | 'per_segment' | 'daily_amount'
  allocation?: 'interest_first' | 'principal_first'
  rate_percent?: DecimalString
  legal_rate_multiplier?: DecimalString
  reference_series?: string
  margin_points?: DecimalString
  contract_date?: DateString
  roll_due_date?: boolean
  calendar?: string | { id: string, closures?: DateString[] }
  base?: 'gross' | 'net'
  net_principal?: DecimalString
  fixed_compensation?: boolean
  fixed_sum_basis?: 'principal' | 'outstanding_when_late'
  fixed_sum?: DecimalString
  rate_period?: 'annual' | 'monthly'
  compounding?: 'simple' | 'monthly'
  fee_fixed?: DecimalString
  fee_percent?: DecimalString
}

/** The interest request (docs/interest.md). */
export interface InterestRequest {
  regime: Regime
  /** The amount that fell due on `due_date`; above zero. */
  principal: DecimalString
  /** ISO 4217 code. */
  currency: string
  /** The agreed payment date; interest runs from the next day. */
  due_date: DateString
  /** The last day interest is computed for. */
  until: DateString
  payments?: DatedAmount[]
  credits?: DatedAmount[]
  options?: InterestOptions
  /** Rate-series documents that add to or replace built-in series (docs/rates.md). */
  rates?: unknown[]
}

/** A period at one balance and one rate. */
export interface Segment {
  from: DateString
  to: DateString
  days: number
  balance: DecimalString
  rate_percent: DecimalString
  interest: DecimalString
  interest_exact: DecimalString
}

/** The interest statement: every figure explained by its segments and rates. */
export interface Statement {
  regime: Regime
  currency: string
  principal: DecimalString
  due_date: DateString
  until: DateString
  interest: DecimalString
  fixed_compensation: DecimalString
  total_due: DecimalString
  interest_paid: DecimalString
  interest_outstanding: DecimalString
  principal_outstanding: DecimalString
  segments: Segment[]
  events: Array<Record<string, unknown>>
  rates_used: Array<{ series: string, from: DateString, rate_percent: DecimalString, flag?: string }>
  warnings: string[]
}

/** A request or response document. */
export type Document = Record<string, unknown>

/** The typed requests; other operations take a {@link Document}. */
export interface Requests {
  interest: InterestRequest
}
/** The typed responses; other operations return a {@link Document}. */
export interface Responses {
  interest: Statement
}
/** The request document of an operation. */
export type RequestOf<O extends Operation> = O extends keyof Requests ? Requests[O] : Document
/** The response document of an operation. */
export type ResponseOf<O extends Operation> = O extends keyof Responses ? Responses[O] : Document

/** Runs one operation of docs/operations.md on a request document and returns the response.
 * @throws {ArrearsError} for a request the core refuses (`err.code`, `err.path`).
 * @throws {TypeError} for a request that is not a document, or holds a `Date` or a `BigInt`. */
export function run<O extends Operation> (op: O, input: RequestOf<O>): ResponseOf<O>

/** As {@link run}, computed on libuv's thread pool: the event loop keeps running meanwhile. */
export function runAsync<O extends Operation> (op: O, input: RequestOf<O>): Promise<ResponseOf<O>>

/** The civil date (`"YYYY-MM-DD"`) of an instant in a named time zone, e.g. `"Europe/Paris"`. */
export function civilDate (date: Date, timeZone: string): DateString

/** One problem of an error that found several. */
export interface Problem {
  code: string
  message: string
  path?: string
}

/** An error of the arrears core. */
export class ArrearsError extends Error {
  /** The stable code (docs/errors.md), e.g. `"money.invalid_amount"`. */
  readonly code: string
  /** Where in the request it happened, e.g. `"payments[0].amount"`. */
  readonly path?: string
  /** Every problem found, when there were several. */
  readonly problems: Problem[]
}

/** Every operation name `run` accepts, in documentation order. */
export function operations (): Operation[]
/** The catalogue of error codes: `[code, description]` pairs. */
export function errorCodes (): Array<[string, string]>
/** The version of the package and its core. */
export const version: string
