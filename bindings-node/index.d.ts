/**
 * arrears: statutory late-payment interest and recovery compensation (France, Germany, the UK,
 * any EU state) from dated, sourced rate tables; payment terms; dunning; receivables KPIs.
 *
 * Money is a decimal string (`"1234.50"`, never a JS number: 0.1 + 0.2 is not 0.3), dates are
 * `"YYYY-MM-DD"` strings (a `Date` is an instant, not a civil date: see {@link civilDate}).
 * Every operation of docs/operations.md takes a request document and returns a response document.
 */

export * from './types'
import type {
  DateString, DecimalString, LedgerDocument, LedgerRequest, InterestRequest, Statement,
  AgendaRequest, Agenda, ClaimsRequest, Claims, JournalEntry, LedgerInterestOptions, PolicyChoice,
  CustomerSettings, RateSeries, DebtorStatus, PaymentTerms, CalendarSpec
} from './types'

/** Every operation `run` accepts (docs/operations.md). */
export type Operation =
  | 'split' | 'day_count' | 'holidays' | 'business_days' | 'due_date' | 'check_terms' | 'allocate'
  | 'ledger_state' | 'aging' | 'kpis' | 'kpi_rows' | 'interest' | 'ledger_interest' | 'claims'
  | 'agenda' | 'policy' | 'rates' | 'rate_on' | 'plan' | 'plan_status' | 'letter' | 'risk'
  | 'backtest' | 'report' | 'fec'

/** A request or response document. */
export type Document = Record<string, unknown>

/** The typed requests (generated from docs/schemas/); other operations take a {@link Document}. */
export interface Requests {
  interest: InterestRequest
  ledger_state: LedgerRequest
  allocate: LedgerRequest
  agenda: AgendaRequest
  claims: ClaimsRequest
}
/** The typed responses; other operations return a {@link Document}. */
export interface Responses {
  interest: Statement
  agenda: Agenda
  claims: Claims
}
/** The request document of an operation. */
export type RequestOf<O extends Operation> = O extends keyof Requests ? Requests[O] : Document
/** The response document of an operation. */
export type ResponseOf<O extends Operation> = O extends keyof Responses ? Responses[O] : Document

/** Runs one operation of docs/operations.md on a request document and returns the response.
 * @throws {ArrearsError} for a request the core refuses (`err.code`, `err.path`).
 * @throws {TypeError} for a request that is not a document, or holds a `Date` or a `BigInt`. */
/** Options of {@link readFec}: those of the `fec` operation (docs/fec.md) and the file's encoding. */
export interface FecReadOptions {
  /** A short notation ("45 jours fin de mois"), a terms document, or `{default?, customers?, invoices?}`. */
  terms?: string | PaymentTerms | { default?: unknown, customers?: Record<string, unknown>, invoices?: Record<string, unknown> }
  country?: string
  customers?: Document[]
  disputes?: Document[]
  customer_accounts?: string[]
  opening_journals?: string[]
  journals?: Record<string, 'sales' | 'bank' | 'opening' | 'ignore'>
  currency?: string
  /** `utf-8` or `iso-8859-15` (default: UTF-8, or ISO-8859-15 when the file is not UTF-8). */
  encoding?: string
}

/** Reads a FEC file (Fichier des Écritures Comptables) into `{ledger, lines, used, unused,
 * reconciliation, reconciled, ...}`: the `fec` operation on the file's decoded text. */
export function readFec (path: string, options?: FecReadOptions): Document

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

// ---------------------------------------------------------------------------------------------
// One function per area: each builds the request of docs/operations.md and calls run().

/** Options of the ledger-wide calls: the rest of their request documents. */
export interface LedgerOptions {
  /** Regimes and statement conventions (docs/interest.md). */
  interest?: LedgerInterestOptions
  /** What was done already (docs/dunning.md): contacts, promises, disputes, plans. */
  journal?: JournalEntry[]
  /** Your own rate series, in addition to the built-in ones. */
  rates?: RateSeries[]
}

/** Options of {@link agenda} and {@link report}. */
export interface AgendaOptions {
  /** Regimes and statement conventions (docs/interest.md). */
  interest?: LedgerInterestOptions
  /** What was done already (docs/dunning.md): contacts, promises, disputes, plans. */
  journal?: JournalEntry[]
  /** A preset id (`"fr_standard"`) or a policy document. */
  policy?: PolicyChoice
  /** Settings per customer id. */
  customers?: { [id: string]: CustomerSettings | undefined }
  /** A policy per country of the customer. */
  country_policies?: { [country: string]: PolicyChoice | undefined }
}

/** The interest statement of one debt (`interest`; docs/interest.md). */
export function interest (request: InterestRequest): Statement
/** The due date of an invoice under payment terms (`due_date`; docs/terms.md). */
export function dueDate (terms: PaymentTerms, issueDate: DateString, options?: {
  amount?: DecimalString, currency?: string, roll?: string, jurisdiction?: string, debtor?: DebtorStatus
}): { due_date: DateString, schedule: Document[], findings: Document[] }
/** Whether payment terms are lawful (`check_terms`): the findings, each with its source. */
export function checkTerms (request: {
  jurisdiction: string, debtor: DebtorStatus, issue_date: DateString, due_date: DateString, terms?: PaymentTerms
}): Document[]
/** An amount split into `parts` equal parts or by `weights`, the cents spread exactly (`split`). */
export function split (amount: DecimalString, currency: string, partsOrWeights: number | DecimalString[]): DecimalString[]
/** Days and year fraction between two dates under a day-count convention (`day_count`). */
export function dayCount (convention: string, from: DateString, to: DateString): { days: number, year_fraction: DecimalString }
/** A calendar's public holidays of a year (`holidays`). */
export function holidays (calendar: CalendarSpec, year: number): Array<{ date: DateString, name: string, local_name: string }>
/** Business-day arithmetic (`business_days`): `{calendar, date, add?, roll?}` or `{calendar, from, to}`. */
export function businessDays (request: Document): Document

/** The state of a ledger on a date: receivables, customers, totals, allocations (`ledger_state`). */
export function ledgerState (ledger: LedgerDocument, asOf: DateString): Document
/** As {@link ledgerState}, off the main thread. */
export function ledgerStateAsync (ledger: LedgerDocument, asOf: DateString): Promise<Document>
/** Which payment settled which invoice (`allocate`). */
export function allocate (ledger: LedgerDocument, asOf: DateString): Document
/** As {@link allocate}, off the main thread. */
export function allocateAsync (ledger: LedgerDocument, asOf: DateString): Promise<Document>
/** The aged balance (`aging`): options `bounds`, `basis`. */
export function aging (ledger: LedgerDocument, asOf: DateString, options?: Document): Document
/** As {@link aging}, off the main thread. */
export function agingAsync (ledger: LedgerDocument, asOf: DateString, options?: Document): Promise<Document>
/** The statements of every receivable of a ledger (`ledger_interest`). */
export function ledgerInterest (ledger: LedgerDocument, asOf: DateString, options?: LedgerOptions): Document
/** As {@link ledgerInterest}, off the main thread. */
export function ledgerInterestAsync (ledger: LedgerDocument, asOf: DateString, options?: LedgerOptions): Promise<Document>
/** What each late customer owes: lines, principal, interest, fixed compensation (`claims`). */
export function claims (ledger: LedgerDocument, asOf: DateString, options?: LedgerOptions): Claims
/** As {@link claims}, off the main thread. */
export function claimsAsync (ledger: LedgerDocument, asOf: DateString, options?: LedgerOptions): Promise<Claims>
/** The day's dunning actions, escalations, pauses and promises (`agenda`; docs/dunning.md). */
export function agenda (ledger: LedgerDocument, asOf: DateString, options?: AgendaOptions): Agenda
/** As {@link agenda}, off the main thread. */
export function agendaAsync (ledger: LedgerDocument, asOf: DateString, options?: AgendaOptions): Promise<Agenda>
/** Key figures over a period: DSO, CEI, days to pay, recovery, forecast, provisions (`kpis`; docs/kpi.md). */
export function kpis (ledger: LedgerDocument, asOf: DateString, from: DateString, to: DateString, options?: Document): Document
/** As {@link kpis}, off the main thread. */
export function kpisAsync (ledger: LedgerDocument, asOf: DateString, from: DateString, to: DateString, options?: Document): Promise<Document>
/** The key figures as tidy rows (`kpi_rows`). */
export function kpiRows (ledger: LedgerDocument, asOf: DateString, from: DateString, to: DateString, options?: Document): { columns: string[], rows: Document[] }
/** As {@link kpiRows}, off the main thread. */
export function kpiRowsAsync (ledger: LedgerDocument, asOf: DateString, from: DateString, to: DateString, options?: Document): Promise<{ columns: string[], rows: Document[] }>
/** Per-customer risk scores, grades and reasons (`risk`; docs/risk.md). */
export function risk (ledger: LedgerDocument, asOf: DateString, options?: Document): Document
/** As {@link risk}, off the main thread. */
export function riskAsync (ledger: LedgerDocument, asOf: DateString, options?: Document): Promise<Document>
/** How well the risk score ranked customers after `cutoff` (`backtest`). */
export function backtest (ledger: LedgerDocument, cutoff: DateString, horizonDays: number, options?: Document): Document
/** As {@link backtest}, off the main thread. */
export function backtestAsync (ledger: LedgerDocument, cutoff: DateString, horizonDays: number, options?: Document): Promise<Document>
/** The self-contained HTML report (`report`). */
export function report (ledger: LedgerDocument, asOf: DateString, options?: AgendaOptions & { title?: string }): string
/** As {@link report}, off the main thread. */
export function reportAsync (ledger: LedgerDocument, asOf: DateString, options?: AgendaOptions & { title?: string }): Promise<string>

/** A dunning policy checked, every default filled in (`policy`). */
export function policy (policy: PolicyChoice): Document
/** A payment plan: instalments, totals, findings (`plan`; docs/plans.md). */
export function plan (request: Document): Document
/** Each instalment's status and the plan's state (`plan_status`). */
export function planStatus (plan: Document, payments: Array<{ date: DateString, amount: DecimalString }>, asOf: DateString): Document
/** A letter rendered from its context (`letter`; docs/letters.md). */
export function letter (context: Document, format?: 'text' | 'html' | 'markdown'): {
  template: string, language: string, format: string, subject: string, body: string, checks: Document[], missing: string[]
}
/** The built-in rate series summarised, or one with its entries (`rates`). */
export function rates (series?: string): { series: Document[] }
/** The rate of a series on a date (`rate_on`). */
export function rateOn (series: string, date: DateString): {
  series: string, date: DateString, from: DateString, rate_percent: DecimalString, flag?: string, note?: string, known_until: DateString
}

// ---------------------------------------------------------------------------------------------
// The batch interface: whole tables through the portfolio engine.

/** A text column: one entry per row (`null` or `""` for none). */
export type TextColumn = Array<string | null | undefined>
/** A date column: `"YYYY-MM-DD"` strings, or days since 1970-01-01 in an `Int32Array` (Arrow's
 * `Date32`). */
export type DateColumn = TextColumn | Int32Array
/** Amounts in minor units of each row's currency (cents for EUR): BigInts, or safe integers. */
export type MinorColumn = BigInt64Array | Array<bigint | number>

/** The invoices as columns. Amounts as decimal strings (`amount`) or in minor units
 * (`amount_minor`), never JS numbers. */
export interface InvoiceColumns {
  id: TextColumn
  customer: TextColumn
  issue_date: DateColumn
  due_date: DateColumn
  amount?: TextColumn
  amount_minor?: MinorColumn
  currency?: TextColumn
}
/** An invoice as a row. */
export interface InvoiceRow {
  id: string
  customer: string
  issue_date: DateString
  due_date: DateString
  amount?: DecimalString
  amount_minor?: bigint | number
  currency?: string
}
/** The payments as columns: each names its invoice, or its customer (then allocated oldest first). */
export interface PaymentColumns {
  id?: TextColumn
  customer?: TextColumn
  invoice?: TextColumn
  date: DateColumn
  amount?: TextColumn
  amount_minor?: MinorColumn
  currency?: TextColumn
}
/** A payment as a row. */
export interface PaymentRow {
  id?: string
  customer?: string
  invoice?: string
  date: DateString
  amount?: DecimalString
  amount_minor?: bigint | number
  currency?: string
}
/** The customers as columns: countries and kinds of debtor choose the regime. */
export interface CustomerColumns {
  id: TextColumn
  country?: TextColumn
  debtor?: TextColumn
}
/** A customer as a row. */
export interface CustomerRow {
  id: string
  country?: string
  debtor?: DebtorStatus
}

/** The tables of a batch call: columns or arrays of rows. */
export interface Tables {
  invoices: InvoiceColumns | InvoiceRow[]
  payments?: PaymentColumns | PaymentRow[]
  customers?: CustomerColumns | CustomerRow[]
}

/** The options of a batch call. */
export interface BatchOptions {
  as_of: DateString
  /** Currency of rows without one. */
  currency?: string
  /** Country of customers without one. */
  country?: string
  /** Kind of debtor of customers without one. */
  debtor?: DebtorStatus
  /** Regimes (`regime`, `by_customer`), conventions (`options`), `settled_penalties`. */
  interest?: LedgerInterestOptions
  /** Money columns as decimal strings (default) or as BigInt64Arrays of minor units. */
  money?: 'string' | 'minor'
  /** Rate series added to the built-in table or replacing one (docs/rates.md): a reference rate
   * published after this release. */
  rates?: RateSeries[]
}

/** The per-invoice penalty table as columns; row `k` is input invoice `row[k]` (invoices issued
 * after `as_of` are left out). `M` is the type of the money columns. */
export interface PenaltyColumns<M = string[]> {
  row: Uint32Array
  id: string[]
  customer: string[]
  currency: string[]
  due_date: DateString[]
  /** Days late: 0 before the due date and once settled. */
  days_late: Int32Array
  /** `not_due`, `1-30`, `31-60`, `61-90`, `91+` or `settled`. */
  bucket: string[]
  outstanding: M
  /** Interest accrued over the whole delay (rate changes, partial payments, imputation). */
  interest: M
  interest_paid: M
  interest_outstanding: M
  fixed_compensation: M
  /** `outstanding + interest + fixed_compensation`, the statement's total due. */
  total_due: M
  /** Null, or why a late invoice has no penalties (no regime for the customer, a rate not yet
   * known: give it with `rates`). */
  no_penalties: (string | null)[]
}

/** The penalty table of whole tables through the portfolio engine (as `arrears penalties`). */
export function penalties (tables: Tables, options: BatchOptions & { money: 'minor' }): PenaltyColumns<BigInt64Array>
export function penalties (tables: Tables, options: BatchOptions & { money?: 'string' }): PenaltyColumns
/** As {@link penalties}, computed on libuv's thread pool. */
export function penaltiesAsync (tables: Tables, options: BatchOptions & { money: 'minor' }): Promise<PenaltyColumns<BigInt64Array>>
export function penaltiesAsync (tables: Tables, options: BatchOptions & { money?: 'string' }): Promise<PenaltyColumns>

/** One customer's totals in one currency. */
export interface CustomerTotal {
  customer: string
  currency: string
  invoices: number
  open_invoices: number
  overdue_invoices: number
  outstanding: DecimalString
  overdue: DecimalString
  /** Outstanding by aging bucket. */
  aging: Array<{ bucket: string, amount: DecimalString }>
  max_days_late: number
  interest: DecimalString
  interest_outstanding: DecimalString
  fixed_compensation: DecimalString
  total_due: DecimalString
}
/** Per-customer totals of the penalty table, sorted by customer then currency. */
export function customerTotals (tables: Tables, options: BatchOptions): CustomerTotal[]
/** As {@link customerTotals}, computed on libuv's thread pool. */
export function customerTotalsAsync (tables: Tables, options: BatchOptions): Promise<CustomerTotal[]>

/** The options of {@link kpisOfTables}: the `kpis` request without its ledger, and the rows'
 * defaults. */
export interface TablesKpisOptions {
  as_of: DateString
  from: DateString
  to: DateString
  /** Segments and sectors are not among the tables' columns: use {@link kpis} on a ledger. */
  group_by?: 'portfolio' | 'customer'
  journal?: JournalEntry[]
  options?: Document
  currency?: string
  country?: string
  debtor?: DebtorStatus
}
/** The key figures of whole tables: the report {@link kpis} gives for the same ledger, without
 * building a ledger document. */
export function kpisOfTables (tables: Tables, options: TablesKpisOptions): Document
/** As {@link kpisOfTables}, computed on libuv's thread pool. */
export function kpisOfTablesAsync (tables: Tables, options: TablesKpisOptions): Promise<Document>

/** The rows of a table of columns, e.g. `rowsOf(penalties(...))`. */
export function rowsOf<C extends object> (columns: C): Array<{ [K in keyof C]: C[K] extends ArrayLike<infer T> ? T : never }>
