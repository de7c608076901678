/* Generated from docs/schemas/ by scripts/schema-types.js: do not edit. */
/* eslint-disable */

/**
 * Who the debtor is. It decides which statute applies to a late payment: the rules on late
 * payment in commercial transactions (C. com. L441-10, § 288 (2) BGB, the UK Late Payment Act
 * 1998, directive 2011/7/EU) cover businesses and public authorities, not consumers; French
 * public buyers follow the public-procurement code (R2192-31, D2192-35); and the limitation
 * period differs (two years against French consumers, C. consom. L218-2).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DebtorStatus".
 */
export type DebtorStatus = "business" | "consumer" | "public_body";
/**
 * A calendar date `YYYY-MM-DD` that exists (2024-02-30 is refused).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DateString".
 */
export type DateString = string;
/**
 * Payment terms, an object tagged by `kind` (docs/terms.md). Ranges (days 0..=3650, day of month 1..=31, shares summing to 100, 1..=120 instalments) are checked when the document is read.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PaymentTerms".
 */
export type PaymentTerms =
  | {
      kind: "immediate";
    }
  | {
      kind: "net_days";
      days: number;
    }
  | {
      kind: "days_end_of_month";
      days: number;
      method: EomMethod;
    }
  | {
      kind: "end_of_month";
      after_days?: number;
      plus_days?: number;
    }
  | {
      kind: "day_of_following_month";
      day: number;
    }
  | {
      kind: "deposit";
      share_percent?: DecimalString | null;
      amount?: DecimalString | null;
      deposit_terms?: PaymentTerms;
      balance_terms: PaymentTerms;
    }
  | {
      kind: "instalments";
      count?: number | null;
      first?: PaymentTerms | null;
      every?: InstalmentPeriod | null;
      parts?: InstalmentPart[] | null;
    };
/**
 * Which computation of "N jours fin de mois": A = issue date + N days then end of that month; B = end of the issue month then + N days.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "EomMethod".
 */
export type EomMethod = "days_then_end_of_month" | "end_of_month_then_days";
/**
 * A decimal written as a string: optional `-`, digits, optionally `.` and digits. JSON numbers, exponents and thousands separators are refused.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DecimalString".
 */
export type DecimalString = string;
/**
 * An active ISO 4217 alphabetic code, upper case (`EUR`).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Currency".
 */
export type Currency = string;
/**
 * What a payment is.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PaymentKind".
 */
export type PaymentKind = "payment" | "deposit";
/**
 * An interest regime id (docs/interest.md).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Regime".
 */
export type Regime =
  | "fr_b2b"
  | "fr_b2b_contractual"
  | "fr_legal_professional"
  | "fr_legal_consumer"
  | "fr_public_procurement"
  | "de_b2b"
  | "de_consumer"
  | "uk_late_payment"
  | "eu_directive"
  | "contractual";
/**
 * A day-count convention (docs/interest.md): the default is `act_365_fixed`.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DayCount".
 */
export type DayCount = "act_365_fixed" | "act_act" | "act_360" | "thirty_e_360" | "thirty_e_360_isda";
/**
 * How the reference rate is sampled for a day of delay (docs/legal-rates.md §7, ambiguity 3).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RateFixing".
 */
export type RateFixing = "per_half_year" | "fixed_at_start" | "every_change";
/**
 * Where cents are rounded (docs/legal-rates.md §7, ambiguity 4). Always half-up.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Rounding".
 */
export type Rounding = "total" | "per_segment" | "daily_amount";
/**
 * Imputation of partial payments (docs/legal-rates.md §7, ambiguity 5).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Allocation".
 */
export type Allocation = "interest_first" | "principal_first";
/**
 * A built-in calendar id (`"fr"`), or an id with extra closed days.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CalendarSpec".
 */
export type CalendarSpec =
  | (
      | "weekends"
      | "fr"
      | "fr_alsace_moselle"
      | "de"
      | "de_bw"
      | "de_by"
      | "de_be"
      | "de_bb"
      | "de_hb"
      | "de_hh"
      | "de_he"
      | "de_mv"
      | "de_ni"
      | "de_nw"
      | "de_rp"
      | "de_sl"
      | "de_sn"
      | "de_st"
      | "de_sh"
      | "de_th"
      | "uk_england_wales"
    )
  | {
      id:
        | "weekends"
        | "fr"
        | "fr_alsace_moselle"
        | "de"
        | "de_bw"
        | "de_by"
        | "de_be"
        | "de_bb"
        | "de_hb"
        | "de_hh"
        | "de_he"
        | "de_mv"
        | "de_ni"
        | "de_nw"
        | "de_rp"
        | "de_sl"
        | "de_sn"
        | "de_st"
        | "de_sh"
        | "de_th"
        | "uk_england_wales";
      closures?: DateString[];
    };
/**
 * The amount interest is computed on (docs/legal-rates.md §7, ambiguity 6).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Base".
 */
export type Base = "gross" | "net";
/**
 * What the UK fixed-sum band is measured on (docs/legal-rates.md §7, ambiguity 7).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "FixedSumBasis".
 */
export type FixedSumBasis = "principal" | "outstanding_when_late";
/**
 * Whether a contractual rate is per year or per month.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RatePeriod".
 */
export type RatePeriod = "annual" | "monthly";
/**
 * Simple interest, or interest added to the balance every month (contractual only).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Compounding".
 */
export type Compounding = "simple" | "monthly";
/**
 * The unit of a series' values. Every built-in series is in percent per annum.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RateUnit".
 */
export type RateUnit = "percent_per_annum";
/**
 * One journal line: `at` (when recorded), `date` (the day it counts for) and the event's fields, tagged by `type` (docs/dunning.md).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "JournalEntry".
 */
export type JournalEntry =
  | {
      type: "action";
      /**
       * Customer.
       */
      customer: string;
      /**
       * The main step of the action.
       */
      step: string;
      /**
       * Channel used.
       */
      channel: Channel;
      /**
       * Receivables covered, each with its step.
       */
      items: ActionItem[];
      /**
       * Free text.
       */
      note?: string | null;
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "promise";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Amount promised.
       */
      amount: DecimalString;
      /**
       * Currency.
       */
      currency: Currency;
      /**
       * Day the customer promised to pay by.
       */
      promised_date: DateString;
      /**
       * Receivables covered (all the customer's when empty).
       */
      receivables?: string[];
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "dispute";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Invoice.
       */
      invoice: string;
      /**
       * Disputed amount (default: the whole invoice).
       */
      amount?: DecimalString | null;
      /**
       * The customer's reason.
       */
      reason?: string | null;
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "dispute_resolved";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Invoice.
       */
      invoice: string;
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "plan";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Receivables the plan settles.
       */
      receivables: string[];
      /**
       * The plan document (`arrears::plans`).
       */
      plan: {
        [k: string]: unknown | undefined;
      };
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "stop";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Invoice (the whole customer when absent).
       */
      invoice?: string | null;
      /**
       * Until this day (included); indefinitely when absent.
       */
      until?: DateString | null;
      /**
       * Why.
       */
      reason?: string | null;
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "resume";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Invoice (the whole customer when absent).
       */
      invoice?: string | null;
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "policy";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Preset id.
       */
      policy: string;
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "debtor_kind";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Kind.
       */
      kind: DebtorKind;
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    }
  | {
      type: "note";
      /**
       * Customer.
       */
      customer: string;
      /**
       * Text.
       */
      text: string;
      /**
       * Timestamp of the record (RFC 3339 text, never interpreted).
       */
      at: string;
      date: DateString;
    };
/**
 * How a step reaches the customer.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Channel".
 */
export type Channel = "email" | "sms" | "phone" | "letter" | "registered_letter" | "visit" | "agency" | "court";
/**
 * How a debtor behaves (docs/domain.md §4): it changes the path.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DebtorKind".
 */
export type DebtorKind = "cannot_pay" | "late_on_purpose" | "avoids";
/**
 * A policy given by preset id or in full.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PolicyChoice".
 */
export type PolicyChoice = string | Policy;
/**
 * How a step speaks. Firm but courteous, never threatening (docs/domain.md §3).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Tone".
 */
export type Tone = "neutral" | "friendly" | "firm" | "formal" | "legal";
/**
 * The end of the amicable ladder.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Escalation".
 */
export type Escalation = "agency" | "court" | "write_off";
/**
 * What to do with penalties still owed on invoices that were paid late: L441-10 and D441-5
 * C. com. make them due (the EUR 40 "de plein droit"), but a creditor usually claims them
 * deliberately, not in every friendly reminder. The choice applies the same way in every output.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "SettledPenalties".
 */
export type SettledPenalties = "omit" | "claim";
/**
 * Where a promise stands.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PromiseStatus".
 */
export type PromiseStatus = "pending" | "kept" | "broken";

export interface Documents {
  LedgerDocument?: LedgerDocument;
  LedgerRequest?: LedgerRequest;
  InterestRequest?: InterestRequest;
  Statement?: Statement;
  AgendaRequest?: AgendaRequest;
  Agenda?: Agenda;
  ClaimsRequest?: ClaimsRequest;
  Claims?: Claims;
}
/**
 * A customer (débiteur).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CustomerRecord".
 */
export interface CustomerRecord {
  /**
   * Identifier used by invoices and payments.
   */
  id: string;
  /**
   * Display name.
   */
  name?: string | null;
  /**
   * Free-form segment used by policies and reports (e.g. `key_account`).
   */
  segment?: string | null;
  /**
   * Sector (e.g. `construction`, `services`, `commerce`, `industry`, `telecoms`).
   */
  sector?: string | null;
  /**
   * ISO 3166-1 alpha-2 country code (chooses the interest regime and limitation period).
   */
  country?: string | null;
  /**
   * Postal address, one line per element (letters and formal notices need it).
   */
  address?: string[];
  /**
   * Email address for reminders.
   */
  email?: string | null;
  /**
   * Who the debtor is: `business` (the default when absent), `consumer` or `public_body`. It
   * chooses the statutory regime ([`crate::interest::ledger::choose_regime`]) and the
   * limitation period.
   */
  debtor?: DebtorStatus | null;
}
/**
 * An invoice. Either `due_date` or `terms` gives when it must be paid; terms that split the
 * amount (deposit + balance, instalments) make one receivable per part.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "InvoiceRecord".
 */
export interface InvoiceRecord {
  /**
   * Invoice number, unique in the ledger.
   */
  id: string;
  /**
   * Customer identifier.
   */
  customer: string;
  /**
   * Issue date (date de facture).
   */
  issue_date: DateString;
  /**
   * Due date (date d'échéance) as printed on the invoice. Wins over `terms` when both are given.
   */
  due_date?: DateString | null;
  /**
   * Payment terms, used when there is no `due_date`.
   */
  terms?: PaymentTerms | null;
  /**
   * Amount due, tax included (TTC): the base of French late penalties unless agreed otherwise.
   */
  amount: DecimalString;
  /**
   * Amount before tax (HT), if known.
   */
  net_amount?: DecimalString | null;
  /**
   * Tax (TVA/VAT/USt), if known. With `net_amount`, must add up to `amount`.
   */
  tax_amount?: DecimalString | null;
  /**
   * Currency of the invoice.
   */
  currency: Currency;
}
/**
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "InstalmentPeriod".
 */
export interface InstalmentPeriod {
  months?: number | null;
  days?: number | null;
}
/**
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "InstalmentPart".
 */
export interface InstalmentPart {
  share_percent: DecimalString;
  terms: PaymentTerms;
}
/**
 * A payment received.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PaymentRecord".
 */
export interface PaymentRecord {
  /**
   * Identifier (bank reference); optional but recommended, it orders same-day payments.
   */
  id?: string | null;
  /**
   * The paying customer; may be omitted when `invoice` or `allocations` name invoices.
   */
  customer?: string | null;
  /**
   * Value date: the day the funds reached the creditor.
   */
  date: DateString;
  /**
   * Amount received.
   */
  amount: DecimalString;
  /**
   * Currency received.
   */
  currency: Currency;
  /**
   * The invoice the customer said they were paying (remittance advice). Any surplus stays as
   * an unapplied credit on the customer's account.
   */
  invoice?: string | null;
  /**
   * Explicit matching (lettrage) to several invoices. Any remainder stays unapplied.
   * Without `invoice` and `allocations` the payment goes to the oldest open invoices first.
   */
  allocations?: AllocationRecord[] | null;
  /**
   * Payment or deposit.
   */
  kind?: PaymentKind;
}
/**
 * One line of an explicit matching.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AllocationRecord".
 */
export interface AllocationRecord {
  /**
   * Invoice identifier.
   */
  invoice: string;
  /**
   * Amount of the payment applied to it.
   */
  amount: DecimalString;
}
/**
 * A credit note (avoir): reduces what an invoice asks, or credits the customer's account.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CreditNoteRecord".
 */
export interface CreditNoteRecord {
  /**
   * Credit-note number.
   */
  id?: string | null;
  /**
   * The invoice it corrects; without it, the amount is credited to the customer's account.
   */
  invoice?: string | null;
  /**
   * The customer (required when there is no `invoice`).
   */
  customer?: string | null;
  /**
   * Date of the credit note.
   */
  date: DateString;
  /**
   * Amount, tax included.
   */
  amount: DecimalString;
  /**
   * Currency.
   */
  currency: Currency;
}
/**
 * A write-off (passage en perte) of what is left on an invoice.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "WriteOffRecord".
 */
export interface WriteOffRecord {
  /**
   * Reference of the decision; optional, it names the write-off in allocations.
   */
  id?: string | null;
  /**
   * Invoice written off.
   */
  invoice: string;
  /**
   * Date of the decision.
   */
  date: DateString;
  /**
   * Amount written off; by default all that is outstanding on that date.
   */
  amount?: DecimalString | null;
  /**
   * Why (kept for the audit trail).
   */
  reason?: string | null;
}
/**
 * A dispute (litige) on an invoice, whole or in part.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DisputeRecord".
 */
export interface DisputeRecord {
  /**
   * Invoice disputed.
   */
  invoice: string;
  /**
   * Day the customer raised it.
   */
  opened: DateString;
  /**
   * Day it was settled, if it was.
   */
  resolved?: DateString | null;
  /**
   * Disputed amount; by default the whole invoice.
   */
  amount?: DecimalString | null;
  /**
   * The customer's reason.
   */
  reason?: string | null;
}
/**
 * A whole ledger: customers, invoices and the dated events that settle them.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LedgerDocument".
 */
export interface LedgerDocument {
  /**
   * Customers (optional). When the list is not empty, every invoice must name one of them.
   */
  customers?: CustomerRecord[];
  /**
   * Invoices (factures).
   */
  invoices: InvoiceRecord[];
  /**
   * Payments received (règlements), including deposits (acomptes).
   */
  payments?: PaymentRecord[];
  /**
   * Credit notes (avoirs).
   */
  credit_notes?: CreditNoteRecord[];
  /**
   * Write-offs of irrecoverable amounts (passages en perte).
   */
  write_offs?: WriteOffRecord[];
  /**
   * Disputes (litiges) on invoices.
   */
  disputes?: DisputeRecord[];
}
/**
 * A ledger and an as-of date.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LedgerRequest".
 */
export interface LedgerRequest {
  /**
   * The ledger document.
   */
  ledger: LedgerDocument;
  /**
   * End of the day the state is asked for.
   */
  as_of: DateString;
}
/**
 * A dated amount: a payment or a credit.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DatedAmount".
 */
export interface DatedAmount {
  /**
   * Value date.
   */
  date: DateString;
  /**
   * Amount, above zero.
   */
  amount: DecimalString;
}
/**
 * Conventions; every field is optional and defaults to the regime's documented value.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "InterestOptions".
 */
export interface InterestOptions {
  /**
   * Year basis.
   */
  day_count?: DayCount | null;
  /**
   * Whether the day of a payment still bears interest on the amount paid.
   */
  count_payment_day?: boolean | null;
  /**
   * How the reference rate is sampled.
   */
  rate_fixing?: RateFixing | null;
  /**
   * Where cents are rounded.
   */
  rounding?: Rounding | null;
  /**
   * Imputation of partial payments.
   */
  allocation?: Allocation | null;
  /**
   * An annual (or, with `rate_period: monthly`, monthly) rate replacing the statutory one.
   */
  rate_percent?: DecimalString | null;
  /**
   * `fr_b2b_contractual`: "N fois le taux d'intérêt légal".
   */
  legal_rate_multiplier?: DecimalString | null;
  /**
   * The reference series (default per regime).
   */
  reference_series?: string | null;
  /**
   * Points added to the reference rate (default per regime).
   */
  margin_points?: DecimalString | null;
  /**
   * When the obligation arose (default: the due date).
   */
  contract_date?: DateString | null;
  /**
   * Move a due date on a non-business day to the next business day (§ 193 BGB).
   */
  roll_due_date?: boolean | null;
  /**
   * Calendar for `roll_due_date` (default `de`).
   */
  calendar?: CalendarSpec | null;
  /**
   * Gross (default) or net base.
   */
  base?: Base | null;
  /**
   * The net amount when `base` is `net`.
   */
  net_principal?: DecimalString | null;
  /**
   * Claim the regime's fixed sum (default true where it has one).
   */
  fixed_compensation?: boolean | null;
  /**
   * UK band basis.
   */
  fixed_sum_basis?: FixedSumBasis | null;
  /**
   * `eu_directive`: the fixed sum in the request's currency (default EUR 40).
   */
  fixed_sum?: DecimalString | null;
  /**
   * `contractual`: the rate is per year or per month.
   */
  rate_period?: RatePeriod | null;
  /**
   * `contractual`: simple or monthly compounding.
   */
  compounding?: Compounding | null;
  /**
   * `contractual`: a fixed fee.
   */
  fee_fixed?: DecimalString | null;
  /**
   * `contractual`: a fee as a percentage of the principal.
   */
  fee_percent?: DecimalString | null;
}
/**
 * A dated rate series with its sources and the last date it is known to hold (docs/rates.md).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RateSeries".
 */
export interface RateSeries {
  /**
   * Stable identifier, used in documents by every language (`ecb_mro`, `fr_l441_10`, ...).
   */
  id: string;
  /**
   * Human name.
   */
  name: string;
  /**
   * Unit of the values.
   */
  unit: RateUnit;
  /**
   * Where the values come from.
   */
  source: string;
  /**
   * What a value means and from when it applies; the legal role of the series.
   */
  semantics?: string;
  /**
   * The last date the series is known to hold. Dates after it have no rate.
   */
  known_until: DateString;
  /**
   * Why `known_until` is what it is.
   */
  known_until_reason?: string | null;
  /**
   * The values, in strictly increasing order of `from`.
   */
  entries: RateEntry[];
}
/**
 * One value of a series: `rate_percent` applies from `from` (inclusive) until the day before the next entry's `from` (or until the series' `known_until` for the last entry).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RateEntry".
 */
export interface RateEntry {
  /**
   * First day the rate applies.
   */
  from: DateString;
  /**
   * The rate, in the series' unit (percent per annum), exactly as published.
   */
  rate_percent: DecimalString;
  /**
   * For a rate read from another series on a given day (the UK late-payment reference rate
   * is Bank Rate on 31 Dec / 30 Jun): that day.
   */
  reference_day?: DateString | null;
  /**
   * Why this value must not be taken as confirmed fact: single-sourced, derived, unverified,
   * or right but outside the period its rule applied. A computation using a flagged entry
   * reports the flag as a warning.
   */
  flag?: string | null;
  /**
   * Other facts about the entry (for example the ECB tender kind).
   */
  note?: string | null;
}
/**
 * What to compute.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "InterestRequest".
 */
export interface InterestRequest {
  /**
   * The regime.
   */
  regime: Regime;
  /**
   * The amount that fell due, above zero.
   */
  principal: DecimalString;
  /**
   * Its currency.
   */
  currency: Currency;
  /**
   * The agreed payment date.
   */
  due_date: DateString;
  /**
   * The last day interest is computed for.
   */
  until: DateString;
  /**
   * Payments by the debtor.
   */
  payments?: DatedAmount[];
  /**
   * Credit notes reducing the principal.
   */
  credits?: DatedAmount[];
  /**
   * Conventions.
   */
  options?: InterestOptions;
  /**
   * Rate series to add to or replace the built-in ones.
   */
  rates?: RateSeries[];
}
/**
 * One run of days at one rate on one balance.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Segment".
 */
export interface Segment {
  /**
   * First interest day.
   */
  from: DateString;
  /**
   * Last interest day (included).
   */
  to: DateString;
  /**
   * Interest days under the day count.
   */
  days: number;
  /**
   * Amount bearing interest.
   */
  balance: DecimalString;
  /**
   * Annual rate applied, in percent.
   */
  rate_percent: DecimalString;
  /**
   * Interest of the segment rounded half-up to the minor unit (for reading).
   */
  interest: DecimalString;
  /**
   * Interest of the segment as it enters the total under the rounding rule: exact for
   * `total`, rounded for `per_segment`, daily amount × days for `daily_amount`.
   */
  interest_exact: DecimalString;
}
/**
 * What a payment or credit did.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AppliedEvent".
 */
export interface AppliedEvent {
  /**
   * Value date.
   */
  date: DateString;
  /**
   * `payment` or `credit`.
   */
  kind: string;
  /**
   * Amount.
   */
  amount: DecimalString;
  /**
   * Part that paid interest.
   */
  to_interest: DecimalString;
  /**
   * Part that reduced the principal.
   */
  to_principal: DecimalString;
}
/**
 * A reference-rate entry a computation read.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RateUsed".
 */
export interface RateUsed {
  /**
   * Series id.
   */
  series: string;
  /**
   * The entry's start date.
   */
  from: DateString;
  /**
   * Its value.
   */
  rate_percent: DecimalString;
  /**
   * The entry's flag, when single-sourced, derived or unverified.
   */
  flag?: string | null;
}
/**
 * Something a person should know about a figure.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Warning".
 */
export interface Warning {
  /**
   * `rate_flagged`, `rate_supplied`, `contractual_rate_below_floor`, `historical_regime`.
   */
  code: string;
  /**
   * Explanation.
   */
  message: string;
}
/**
 * The itemised result.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Statement".
 */
export interface Statement {
  /**
   * The regime applied.
   */
  regime: Regime;
  /**
   * Currency of every amount.
   */
  currency: Currency;
  /**
   * The principal of the request.
   */
  principal: DecimalString;
  /**
   * The due date interest ran from (after any § 193 roll).
   */
  due_date: DateString;
  /**
   * The end date.
   */
  until: DateString;
  /**
   * All interest accrued.
   */
  interest: DecimalString;
  /**
   * The regime's fixed compensation (or the contractual fee).
   */
  fixed_compensation: DecimalString;
  /**
   * Principal outstanding + interest outstanding + fixed compensation.
   */
  total_due: DecimalString;
  /**
   * Interest covered by payments.
   */
  interest_paid: DecimalString;
  /**
   * Interest still owed.
   */
  interest_outstanding: DecimalString;
  /**
   * Principal still owed.
   */
  principal_outstanding: DecimalString;
  /**
   * The runs of days.
   */
  segments: Segment[];
  /**
   * Payments and credits as applied.
   */
  events: AppliedEvent[];
  /**
   * Reference-rate entries read.
   */
  rates_used: RateUsed[];
  /**
   * Warnings.
   */
  warnings: Warning[];
}
/**
 * One receivable of a recorded action, with the step done for it.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ActionItem".
 */
export interface ActionItem {
  /**
   * Receivable id.
   */
  receivable: string;
  /**
   * Step id done for it.
   */
  step: string;
}
/**
 * A dunning policy.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Policy".
 */
export interface Policy {
  /**
   * Identifier.
   */
  id: string;
  /**
   * Display name.
   */
  name?: string;
  /**
   * Language of its letters (`fr`, `en`, `de`).
   */
  language?: string;
  /**
   * Business-day calendar of the contacts.
   */
  calendar: CalendarSpec;
  /**
   * Minimum days between two contacts with one customer (at least 1).
   */
  min_gap_days?: number;
  /**
   * A partial payment sends the receivable back to the first post-due step.
   */
  reset_on_partial_payment?: boolean;
  /**
   * Days after a promised date before the promise is broken.
   */
  promise_grace_days?: number;
  /**
   * The n-th broken promise switches the customer to `firm_policy`.
   */
  broken_promises_to_firm?: number;
  /**
   * The policy of firm mode (a preset id), if any.
   */
  firm_policy?: string | null;
  /**
   * Warn this many days before a claim is time-barred.
   */
  limitation_warning_days?: number;
  /**
   * The ladder, in order.
   */
  steps: Step[];
}
/**
 * One step of a ladder.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface Step {
  /**
   * Identifier, unique in the policy (recorded in the journal).
   */
  id: string;
  /**
   * Days from the due date (negative: before it).
   */
  offset_days: number;
  /**
   * Channel.
   */
  channel: Channel;
  /**
   * Tone.
   */
  tone: Tone;
  /**
   * Letter template id.
   */
  template: string;
  /**
   * May be passed over when a later step is already due.
   */
  skippable?: boolean;
  /**
   * Conditions.
   */
  conditions?: Conditions;
  /**
   * This step is the formal notice (mise en demeure).
   */
  formal_notice?: boolean;
  /**
   * This step ends the amicable ladder.
   */
  escalation?: Escalation | null;
}
/**
 * Conditions a step needs; a step whose conditions fail is passed over.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Conditions".
 */
export interface Conditions {
  /**
   * The customer's overdue total (in the receivable's currency) must be at least this.
   */
  min_amount?: DecimalString | null;
  /**
   * The receivable's amount must be at least this (e.g. a courtesy call above 5,000).
   */
  min_invoice_amount?: DecimalString | null;
  /**
   * The customer's segment must be one of these.
   */
  segments?: string[];
  /**
   * The customer's risk grade (A–E) must be one of these.
   */
  risk_grades?: string[];
  /**
   * The debtor kind must be one of these.
   */
  debtor_kinds?: DebtorKind[];
}
/**
 * What the caller knows about a customer beyond the ledger.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CustomerSettings".
 */
export interface CustomerSettings {
  /**
   * Another policy for this customer.
   */
  policy?: PolicyChoice | null;
  /**
   * Risk grade A–E (from `risk`, or the caller's own).
   */
  risk_grade?: string | null;
  /**
   * Business (default) or consumer, for limitation periods.
   */
  debtor?: DebtorStatus | null;
}
/**
 * Which regime applies to whom, and with which conventions.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LedgerInterestOptions".
 */
export interface LedgerInterestOptions {
  /**
   * Regime for customers without an explicit one (default: by country).
   */
  regime?: Regime | null;
  /**
   * Regime per customer id.
   */
  by_customer?: {
    [k: string]: Regime | undefined;
  };
  /**
   * Conventions applied to every statement.
   */
  options?: InterestOptions;
  /**
   * Whether the penalties still owed on receivables already settled late are claimed in the
   * report's totals, the agenda's contacts and the letters (`claim`), or only shown as owed but
   * not claimed (`omit`, the default). See [`crate::claim`].
   */
  settled_penalties?: SettledPenalties;
}
/**
 * `agenda` request.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AgendaRequest".
 */
export interface AgendaRequest {
  /**
   * The ledger.
   */
  ledger: LedgerDocument;
  /**
   * The day of the agenda.
   */
  as_of: DateString;
  /**
   * The journal so far.
   */
  journal?: JournalEntry[];
  /**
   * The default policy.
   */
  policy?: PolicyChoice;
  /**
   * Per-customer settings.
   */
  customers?: {
    [k: string]: CustomerSettings | undefined;
  };
  /**
   * Regime choice for the penalties quoted.
   */
  interest?: LedgerInterestOptions;
  /**
   * The policy of customers of a country (ISO 3166-1) without a policy of their own; by
   * default `GB` → `en_standard` and `DE` → `de_standard`, so a British customer gets English
   * letters on the UK calendar and a German one German letters on German holidays.
   */
  country_policies?: {
    [k: string]: PolicyChoice | undefined;
  };
}
/**
 * One contact to make today.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Action".
 */
export interface Action {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Name, if known.
   */
  name?: string | null;
  /**
   * The policy followed.
   */
  policy: string;
  /**
   * The main step (the most advanced of the items).
   */
  step: string;
  /**
   * Channel.
   */
  channel: Channel;
  /**
   * Tone.
   */
  tone: Tone;
  /**
   * Letter template.
   */
  template: string;
  /**
   * Language of the letter.
   */
  language: string;
  /**
   * Receivables covered.
   */
  items: AgendaItem[];
  /**
   * Receivables of the customer settled late whose penalties the contact claims too (only with
   * `settled_penalties: claim`, see [`crate::claim`]).
   */
  settled?: ClaimLine[];
  /**
   * Totals per currency: outstanding + interest + fixed compensation, the contact's
   * [`crate::claim::CustomerClaim`].
   */
  totals: ActionTotal[];
  /**
   * Why this action today.
   */
  reason: string;
}
/**
 * One receivable in an action.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AgendaItem".
 */
export interface AgendaItem {
  /**
   * Receivable id.
   */
  receivable: string;
  /**
   * Invoice id.
   */
  invoice: string;
  /**
   * The step due for it.
   */
  step: string;
  /**
   * Its due date.
   */
  due_date: DateString;
  /**
   * Days past due on the as-of date (negative before the due date).
   */
  days_late: number;
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Amount claimed: outstanding less any disputed part.
   */
  outstanding: DecimalString;
  /**
   * Interest claimed on the as-of date (the claim's, see [`crate::claim`]).
   */
  interest: DecimalString;
  /**
   * Fixed compensation.
   */
  fixed_compensation: DecimalString;
  /**
   * Why no penalties are quoted for this receivable (no regime for the customer, a rate not
   * yet known), when none are.
   */
  penalties_unavailable?: string | null;
}
/**
 * One receivable of a claim.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ClaimLine".
 */
export interface ClaimLine {
  /**
   * Receivable id (`F1`, or `F1#2` for a part).
   */
  receivable: string;
  /**
   * Invoice id.
   */
  invoice: string;
  /**
   * Issue date of the invoice.
   */
  issue_date: DateString;
  /**
   * Due date.
   */
  due_date: DateString;
  /**
   * Currency of every amount.
   */
  currency: Currency;
  /**
   * Amount of the receivable.
   */
  amount: DecimalString;
  /**
   * Principal claimed: outstanding in the ledger less the disputed part (zero once settled).
   */
  outstanding: DecimalString;
  /**
   * Disputed part, left out of the claim.
   */
  disputed: DecimalString;
  /**
   * Days past due on the claim's date (negative before the due date); for a receivable settled
   * late, the days it was late.
   */
  days_late: number;
  /**
   * The day a receivable paid late was settled.
   */
  settled_on?: DateString | null;
  /**
   * Interest claimed (see the module documentation).
   */
  interest: DecimalString;
  /**
   * Fixed compensation claimed.
   */
  fixed_compensation: DecimalString;
  /**
   * `outstanding + interest + fixed_compensation`.
   */
  total: DecimalString;
  /**
   * The regime of the penalties, when they were computed.
   */
  regime?: Regime | null;
}
/**
 * An action's total in one currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ActionTotal".
 */
export interface ActionTotal {
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Outstanding claimed.
   */
  outstanding: DecimalString;
  /**
   * Interest + fixed compensation.
   */
  penalties: DecimalString;
  /**
   * Sum: what the contact claims.
   */
  total: DecimalString;
  /**
   * Receivables of the contact not yet due (a pre-due step): mentioned, not claimed.
   */
  not_yet_due: DecimalString;
}
/**
 * An end of the amicable ladder reached today.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "EscalationCase".
 */
export interface EscalationCase {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Agency, court or write-off.
   */
  kind: Escalation;
  /**
   * Receivables concerned.
   */
  receivables: string[];
  /**
   * Amount claimed per currency (principal + penalties).
   */
  totals: ActionTotal[];
  /**
   * Date of the formal notice sent for them, if the journal has one (an injonction de payer
   * needs it).
   */
  formal_notice_date?: DateString | null;
}
/**
 * A receivable (or customer) not contacted today, and why.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Paused".
 */
export interface Paused {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Receivable id (absent: the whole customer).
   */
  receivable?: string | null;
  /**
   * `disputed`, `promise`, `plan`, `stopped`, `min_gap`.
   */
  reason: string;
  /**
   * Until when, if known.
   */
  until?: DateString | null;
}
/**
 * A promise and its status on the as-of date.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PromiseState".
 */
export interface PromiseState {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Day it was made.
   */
  made_on: DateString;
  /**
   * Day promised.
   */
  promised_date: DateString;
  /**
   * Amount promised.
   */
  amount: DecimalString;
  /**
   * Amount paid toward it by its date + grace (so far).
   */
  paid: DecimalString;
  /**
   * Status.
   */
  status: PromiseStatus;
}
/**
 * A warning attached to the agenda.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AgendaWarning".
 */
export interface AgendaWarning {
  /**
   * `limitation_near`, `time_barred`, `hand_over_suggested`, `firm_mode`, `ladder_exhausted`,
   * `penalties_unavailable` (a contact quotes no penalties for some receivables, with the reason),
   * `rate_flagged` (a contact's penalties use a rate not yet confirmed by its publication).
   */
  code: string;
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Receivable id, when about one.
   */
  receivable?: string | null;
  /**
   * Explanation.
   */
  message: string;
}
/**
 * The agenda of a day.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Agenda".
 */
export interface Agenda {
  /**
   * As-of date.
   */
  as_of: DateString;
  /**
   * Whether the as-of date is a business day of the policy's calendar (no contact otherwise).
   */
  business_day: boolean;
  /**
   * Contacts to make, one per customer at most, sorted by customer id.
   */
  actions: Action[];
  /**
   * Ends of the ladder reached.
   */
  escalations: EscalationCase[];
  /**
   * What is paused and why.
   */
  paused: Paused[];
  /**
   * Promises and their status.
   */
  promises: PromiseState[];
  /**
   * Warnings.
   */
  warnings: AgendaWarning[];
}
/**
 * `claims` request: a ledger, an as-of date, the regime choice and the journal's disputes.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ClaimsRequest".
 */
export interface ClaimsRequest {
  /**
   * The ledger.
   */
  ledger: LedgerDocument;
  /**
   * As-of date.
   */
  as_of: DateString;
  /**
   * Regime choice, conventions, and whether penalties on invoices paid late are claimed.
   */
  interest?: LedgerInterestOptions;
  /**
   * The dunning journal (its disputes are left out of what is claimed).
   */
  journal?: JournalEntry[];
  /**
   * Extra or replacement rate series.
   */
  rates?: RateSeries[];
}
/**
 * What is claimed from one customer in one currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CustomerClaim".
 */
export interface CustomerClaim {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Name, when the ledger has one.
   */
  name?: string | null;
  /**
   * Currency of every amount.
   */
  currency: Currency;
  /**
   * Overdue receivables by due date, then (with [`SettledPenalties::Claim`]) those settled
   * late: what is claimed.
   */
  lines: ClaimLine[];
  /**
   * Selected receivables not yet due, by due date: mentioned for information (a contact that
   * groups them, a pre-due reminder), never claimed nor counted in the totals.
   */
  upcoming?: ClaimLine[];
  /**
   * Principal claimed.
   */
  principal: DecimalString;
  /**
   * Interest claimed.
   */
  interest: DecimalString;
  /**
   * Fixed compensation claimed.
   */
  fixed_compensation: DecimalString;
  /**
   * `principal + interest + fixed_compensation`.
   */
  total: DecimalString;
  /**
   * Penalties (interest + fixed compensation) still owed on receivables settled late and not
   * claimed ([`SettledPenalties::Omit`]); zero when they are claimed.
   */
  settled_not_claimed: DecimalString;
  /**
   * How many receivables settled late `settled_not_claimed` covers.
   */
  settled_not_claimed_count: number;
  /**
   * Late receivables claimed without penalties, and why.
   */
  without_penalties?: SkippedReceivable[];
  /**
   * The statements' warnings (an unverified rate, ...), once each.
   */
  warnings?: Warning[];
}
/**
 * A receivable for which no statement was computed, and why.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "SkippedReceivable".
 */
export interface SkippedReceivable {
  /**
   * Receivable id.
   */
  receivable: string;
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Error code (`interest.no_regime` when no regime applies to the customer).
   */
  code: string;
  /**
   * Why.
   */
  reason: string;
}
/**
 * `claims` response.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Claims".
 */
export interface Claims {
  /**
   * As-of date.
   */
  as_of: DateString;
  /**
   * One claim per late customer and currency.
   */
  claims: CustomerClaim[];
}
