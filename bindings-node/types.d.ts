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
 * What claims do with a customer's credits on account.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CreditsOnAccount".
 */
export type CreditsOnAccount = "set_off" | "ignore";
/**
 * Where a promise stands.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PromiseStatus".
 */
export type PromiseStatus = "pending" | "kept" | "broken";
/**
 * What settled (part of) a receivable.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AllocationSource".
 */
export type AllocationSource = "payment" | "deposit" | "credit_note" | "write_off";
/**
 * Where a receivable stands on the as-of date.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ReceivableStatus".
 */
export type ReceivableStatus = "not_due" | "overdue" | "paid" | "credited" | "written_off";
/**
 * How a date that is not a business day is moved (the business day conventions of the ISDA definitions).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Roll".
 */
export type Roll = "none" | "following" | "preceding" | "modified_following";
/**
 * Whose law the terms are checked against.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Jurisdiction".
 */
export type Jurisdiction = "fr" | "de" | "uk" | "eu";
/**
 * Who owes the money, as the payment-term statutes distinguish debtors (default `business`).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "TermsDebtorKind".
 */
export type TermsDebtorKind = "business" | "public_authority" | "consumer";
/**
 * A stable finding code, e.g. `"terms.fr_over_60_days"`. Codes are never renamed once released; new ones may be added.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "FindingCode".
 */
export type FindingCode =
  | "terms.fr_over_60_days"
  | "terms.fr_45_eom_exception"
  | "terms.fr_public_over_30_days"
  | "terms.de_over_60_days"
  | "terms.de_public_over_30_days"
  | "terms.de_public_over_60_days"
  | "terms.de_instalments_exempt"
  | "terms.uk_over_60_days"
  | "terms.uk_public_over_30_days"
  | "terms.eu_over_60_days"
  | "terms.eu_public_over_30_days"
  | "terms.eu_public_over_60_days"
  | "terms.consumer_no_statutory_cap"
  | "terms.due_before_issue";
/**
 * How much a finding matters.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = "info" | "warning";
/**
 * The interval between two instalments: `"month"`, `"week"`, or a number of calendar days (at least 1).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Every".
 */
export type Every = ("month" | "week") | number;
/**
 * A stable finding code. Codes are never renamed once released; new ones may be added.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PlanFindingCode".
 */
export type PlanFindingCode = "plans.over_4_months" | "plans.first_over_7_days";
/**
 * The language of a letter.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Language".
 */
export type Language = "fr" | "en" | "de";
/**
 * The output format of a letter.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Format".
 */
export type Format = "text" | "html";
/**
 * One element a letter may be required to contain.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Element".
 */
export type Element =
  | "mise_en_demeure"
  | "registered_letter"
  | "date"
  | "place"
  | "creditor"
  | "debtor"
  | "invoices"
  | "principal"
  | "penalties"
  | "indemnity"
  | "legal_basis"
  | "total"
  | "deadline"
  | "consequence"
  | "costs"
  | "signature"
  | "instalments"
  | "formal_notice_date";
/**
 * How the customer should pay.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PaymentMethod".
 */
export type PaymentMethod = "bank_transfer" | "direct_debit" | "prepayment";
/**
 * A risk grade, A (best) to E (worst). Written `"A"` to `"E"`, as dunning step conditions
 * (`risk_grades`) expect.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Grade".
 */
export type Grade = "A" | "B" | "C" | "D" | "E";
/**
 * The estimated kind.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "EstimatedKind".
 */
export type EstimatedKind = "cannot_pay" | "late_on_purpose" | "avoids" | "unknown";
/**
 * How the figures are grouped.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "GroupBy".
 */
export type GroupBy = "portfolio" | "customer" | "segment" | "sector";
/**
 * What the age of a receivable is counted from.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AgingBasis".
 */
export type AgingBasis = "due_date" | "invoice_date";
/**
 * What a provision rate applies to.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ProvisionBase".
 */
export type ProvisionBase = "gross" | "net_of_tax";
/**
 * Which receivables the IFRS 9 loss rates are estimated on.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "EstimateOn".
 */
export type EstimateOn = "portfolio" | "group";
/**
 * Whose delays a customer's forecast uses.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ProfileBasis".
 */
export type ProfileBasis = "own" | "portfolio" | "due_date";
/**
 * Where a matrix rate comes from.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RateSource".
 */
export type RateSource = "history" | "age_grid";

export interface Documents {
  LedgerDocument?: LedgerDocument;
  LedgerRequest?: LedgerRequest;
  InterestRequest?: InterestRequest;
  Statement?: Statement;
  AgendaRequest?: AgendaRequest;
  Agenda?: Agenda;
  ClaimsRequest?: ClaimsRequest;
  Claims?: Claims;
  LedgerState?: LedgerState;
  DueDateRequest?: DueDateRequest;
  DueDateResponse?: DueDateResponse;
  PlanRequest?: PlanRequest;
  PaymentPlan?: PaymentPlan;
  LetterRequest?: LetterRequest;
  Letter?: Letter;
  RiskRequest?: RiskRequest;
  RiskResponse?: RiskResponse;
  KpisRequest?: KpisRequest;
  KpiReport?: KpiReport;
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
   * The day the debtor was put on notice (a formal notice, C. civ. 1344; a reminder after the
   * due date, § 286 (1) BGB): interest runs from the day after it instead of from the due date.
   * For `fr_legal_professional`, `fr_legal_consumer` and `de_consumer`, whose interest runs
   * from a notice unless a contract sets a date; never before the due date.
   */
  notice_date?: DateString | null;
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
   * Step id done for it: where its ladder stands now.
   */
  step: string;
  /**
   * The contact that did it, when another receivable's step set the channel: a call step
   * folded into the same day's letter is recorded as `step: "d7_call"` (the ladder moves on)
   * with `folded_into: "d15_letter"` (a letter was sent, not a call made). Absent when the
   * receivable's own step was the contact's.
   */
  folded_into?: string | null;
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
   * Catching up on a backlog (docs/dunning.md rule 2): for a customer whose journal holds no
   * action yet, each late debt starts at the latest step whose date has passed, never beyond a
   * formal notice not yet sent and never at an escalation (default `true`). `false`: every debt
   * climbs the ladder from its first step, however late it is.
   */
  catch_up?: boolean;
  /**
   * Days the formal notice comes forward for a debtor who avoids paying (kind `avoids`,
   * docs/dunning.md rule 9; seed 004: recognise them "assez tôt"), never before D+1 (default 15:
   * fr_standard's D+30 formal notice at D+15, when the penalty letter would have gone).
   */
  avoids_advance_days?: number;
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
   * The debtor's behaviour, as the journal records it (`debtor_kind` lines: `cannot_pay`,
   * `avoids`, ...), must be one of these.
   */
  debtor_kinds?: DebtorKind[];
  /**
   * Who the debtor is (`business`, `consumer`, `public_body`: the request's customer setting,
   * else the ledger's `customers[].debtor`) must be one of these: a step for consumers only (a
   * letter without the B2B penalty clause), or for public bodies.
   */
  debtors?: DebtorStatus[];
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
  /**
   * Whether the customers' credits on account (credit notes not matched, surpluses of
   * payments) are set off against what they owe in claims (`set_off`, the default: C. civ.
   * 1347, § 389 BGB), or left on the account (`ignore`). See [`crate::claim::set_off`].
   */
  credits_on_account?: CreditsOnAccount;
  /**
   * Who each debtor is, by customer id, overriding the ledger's `customers[].debtor` (the
   * agenda's and report's customer settings come here).
   */
  debtors?: {
    [k: string]: DebtorStatus | undefined;
  };
  /**
   * Formal notices sent (mises en demeure, Mahnungen): where interest runs from a notice rather
   * than from the due date (a consumer: C. civ. 1231-6, § 286 (1) BGB), each receivable's
   * interest runs from the first notice to its customer dated after its due date. The agenda
   * and the report add the journal's formal-notice steps here.
   */
  notices?: Notice[];
}
/**
 * A formal notice sent to a customer: a mise en demeure (C. civ. 1344), a Mahnung (§ 286 (1)
 * BGB).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Notice".
 */
export interface Notice {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * The day it was sent.
   */
  date: DateString;
  /**
   * The receivables (or invoices) it names; empty: every receivable of the customer due before
   * `date` (a contact states the whole account, docs/dunning.md rule 3).
   */
  receivables?: string[];
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
   * letters dated on the `uk_england_wales` calendar and a German one German letters on the
   * `de` calendar (docs/dunning.md §Country policies and calendars).
   */
  country_policies?: {
    [k: string]: PolicyChoice | undefined;
  };
  /**
   * Rate series added to the built-in table or replacing its series of the same id
   * (`docs/rates.md`): a rate published after the release.
   */
  rates?: RateSeries[];
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
   * Receivables covered: those whose step is due (`triggered`), then the customer's other
   * overdue receivables being dunned, listed so that the contact states the whole account.
   */
  items: AgendaItem[];
  /**
   * The customer's receivables not yet due, mentioned as information (their amount is the
   * totals' `not_yet_due`; a letter lists them after the ones claimed).
   */
  upcoming?: string[];
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
   * Credits on account set off against it (C. civ. 1347; [`crate::claim::set_off`]).
   */
  set_off?: DecimalString;
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
  /**
   * `true` when this receivable's own step is due today (it triggered the contact); `false` for
   * an overdue receivable of the customer listed so that the contact states the whole account
   * (docs/dunning.md rule 3): its `step` is then the last one done for it (empty when none), and
   * recording the action does not advance its ladder.
   */
  triggered: boolean;
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
   * Credits on account set off against it ([`set_off`]): no longer owed, though the books
   * have not matched them.
   */
  set_off?: DecimalString;
  /**
   * Interest claimed (see the module documentation).
   */
  interest: DecimalString;
  /**
   * Fixed compensation claimed.
   */
  fixed_compensation: DecimalString;
  /**
   * `outstanding − set_off + interest + fixed_compensation`.
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
   * Credits on account set off (C. civ. 1347), subtracted from the total.
   */
  set_off?: DecimalString;
  /**
   * Interest + fixed compensation.
   */
  penalties: DecimalString;
  /**
   * Sum: what the contact claims (`outstanding − set_off + penalties`).
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
   * Principal of the lines, as the books show it (before set-off).
   */
  principal: DecimalString;
  /**
   * Credits on account set off against the lines (C. civ. 1347): subtracted from the total.
   */
  set_off?: DecimalString;
  /**
   * The credits set off, one line each, in the order they arose.
   */
  credits?: ClaimCredit[];
  /**
   * Interest claimed.
   */
  interest: DecimalString;
  /**
   * Fixed compensation claimed.
   */
  fixed_compensation: DecimalString;
  /**
   * `principal − set_off + interest + fixed_compensation`.
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
 * A credit on account set off in a claim: a credit note or the surplus of a payment.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ClaimCredit".
 */
export interface ClaimCredit {
  /**
   * The credit note's or the payment's id.
   */
  reference: string;
  /**
   * A payment, a deposit or a credit note.
   */
  source: AllocationSource;
  /**
   * The day it arose.
   */
  date: DateString;
  /**
   * Amount set off against this claim's lines.
   */
  amount: DecimalString;
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
/**
 * The state of one receivable on the as-of date.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ReceivableState".
 */
export interface ReceivableState {
  /**
   * Receivable id (`F1`, or `F1#2` for a part).
   */
  id: string;
  /**
   * Invoice id.
   */
  invoice: string;
  /**
   * Part label (`deposit`, `balance`, `1/3`...), if the invoice is split.
   */
  label?: string | null;
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Issue date.
   */
  issue_date: DateString;
  /**
   * Due date.
   */
  due_date: DateString;
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Amount asked.
   */
  amount: DecimalString;
  /**
   * Paid so far (payments and deposits).
   */
  paid: DecimalString;
  /**
   * Reduced by credit notes.
   */
  credited: DecimalString;
  /**
   * Written off.
   */
  written_off: DecimalString;
  /**
   * Still owed: amount − paid − credited − written off.
   */
  outstanding: DecimalString;
  /**
   * Part of the outstanding amount under an open dispute.
   */
  disputed: DecimalString;
  /**
   * Status on the as-of date.
   */
  status: ReceivableStatus;
  /**
   * Something paid, something still owed.
   */
  partially_paid: boolean;
  /**
   * Days past the due date: up to the as-of date while open, up to the settlement date once
   * settled; never negative.
   */
  days_late: number;
  /**
   * Day the receivable was settled (outstanding reached zero), if it was.
   */
  settled_on?: DateString | null;
  /**
   * Days from issue to settlement, for receivables settled by payment.
   */
  days_to_pay?: number | null;
}
/**
 * A customer's position on the as-of date, per currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CustomerState".
 */
export interface CustomerState {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Name, when the ledger lists customers.
   */
  name?: string | null;
  /**
   * One entry per currency the customer was invoiced or paid in, sorted by code.
   */
  totals: CurrencyTotals[];
}
/**
 * Totals of a customer (or of the whole ledger) in one currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CurrencyTotals".
 */
export interface CurrencyTotals {
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Sum of receivables issued on or before the as-of date.
   */
  invoiced: DecimalString;
  /**
   * Paid.
   */
  paid: DecimalString;
  /**
   * Credited.
   */
  credited: DecimalString;
  /**
   * Written off.
   */
  written_off: DecimalString;
  /**
   * Outstanding.
   */
  outstanding: DecimalString;
  /**
   * Outstanding on receivables past their due date.
   */
  overdue: DecimalString;
  /**
   * Outstanding under an open dispute.
   */
  disputed: DecimalString;
  /**
   * Unapplied credit (cash on account, credit notes not matched).
   */
  unapplied_credit: DecimalString;
  /**
   * Net balance: outstanding − unapplied credit.
   */
  balance: DecimalString;
  /**
   * Receivables with something outstanding.
   */
  open_receivables: number;
  /**
   * Of which past due.
   */
  overdue_receivables: number;
  /**
   * Largest `days_late` among open receivables.
   */
  max_days_late: number;
}
/**
 * One matching line: so much of an event went to so much of a receivable, on a date.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AllocationLine".
 */
export interface AllocationLine {
  /**
   * Kind of event.
   */
  source: AllocationSource;
  /**
   * The event's id, or its place in the document (`payments[3]`) when it has none.
   */
  reference: string;
  /**
   * Date the amount was applied (a deposit applies on its invoice's issue date).
   */
  date: DateString;
  /**
   * Invoice id.
   */
  invoice: string;
  /**
   * Receivable id.
   */
  receivable: string;
  /**
   * Amount applied.
   */
  amount: DecimalString;
  /**
   * Currency.
   */
  currency: Currency;
}
/**
 * Money received or credited that no receivable has absorbed (yet).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "UnappliedCredit".
 */
export interface UnappliedCredit {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Amount.
   */
  amount: DecimalString;
}
/**
 * One piece of unapplied credit, dated and traced to what produced it: the surplus of a payment
 * or a credit note, or a credit note on account. What the claims set off against what the
 * customer owes (C. civ. 1347; [`crate::claim`]).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CreditOnAccount".
 */
export interface CreditOnAccount {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * The day it arose (the payment's or the credit note's date).
   */
  date: DateString;
  /**
   * Amount.
   */
  amount: DecimalString;
  /**
   * A payment, a deposit or a credit note.
   */
  source: AllocationSource;
  /**
   * Its id (`payments[3]` when it has none).
   */
  reference: string;
  /**
   * The invoice it waits for, when the money was paid for an invoice not issued yet (a deposit):
   * earmarked by the debtor, so never set off against another debt (C. civ. 1342-10).
   */
  waits_for?: string | null;
}
/**
 * The state of a whole ledger at the end of a day.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LedgerState".
 */
export interface LedgerState {
  /**
   * The as-of date.
   */
  as_of: DateString;
  /**
   * Every receivable issued on or before the as-of date, in ledger order.
   */
  receivables: ReceivableState[];
  /**
   * Every customer with a receivable or a credit, sorted by id.
   */
  customers: CustomerState[];
  /**
   * Ledger totals per currency.
   */
  totals: CurrencyTotals[];
  /**
   * Every matching line applied up to the as-of date, in the order applied.
   */
  allocations: AllocationLine[];
  /**
   * Unapplied credits per customer and currency.
   */
  unapplied: UnappliedCredit[];
  /**
   * The same credits piece by piece, in the order they arose: their sum per customer and
   * currency is `unapplied`.
   */
  credits_on_account?: CreditOnAccount[];
  /**
   * Things the replay had to decide that a person should know (a write-off larger than what
   * was outstanding, a payment naming a settled invoice).
   */
  warnings: string[];
}
/**
 * Moves due dates that are not business days, by a calendar and a roll. A due date is never moved before the issue date: when `preceding` or `modified_following` would do so, it rolls to the following business day instead.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DueDateRoll".
 */
export interface DueDateRoll {
  /**
   * The business-day calendar (`"fr"`, `"de"`, `"uk_england_wales"`, `"weekends"`, ..., or
   * `{"id", "closures"}`).
   */
  calendar: CalendarSpec;
  /**
   * How a non-business day moves.
   */
  roll: Roll;
}
/**
 * `due_date` request: payment terms and an issue date; optionally an amount with its currency to split across the schedule, a roll to business days, and a jurisdiction (with the debtor, default `business`) whose caps the due dates are checked against. `amount` and `currency` go together. Unknown fields are refused.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DueDateRequest".
 */
export interface DueDateRequest {
  /**
   * The payment terms.
   */
  terms: PaymentTerms;
  /**
   * The invoice's issue date.
   */
  issue_date: DateString;
  /**
   * The invoice amount, to split across the schedule.
   */
  amount?: DecimalString | null;
  /**
   * The currency of `amount`.
   */
  currency?: Currency | null;
  /**
   * Moves due dates that are not business days.
   */
  roll?: DueDateRoll | null;
  /**
   * Check the due dates against this jurisdiction's caps.
   */
  jurisdiction?: Jurisdiction | null;
  /**
   * The debtor, for the check (default `business`).
   */
  debtor?: TermsDebtorKind | null;
}
/**
 * One receivable of a `due_date` response.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ScheduleItem".
 */
export interface ScheduleItem {
  /**
   * `1/1`, `deposit`, `balance`, `1/3`, `balance 2/3`, ...
   */
  label: string;
  /**
   * The due date, after the roll.
   */
  due_date: DateString;
  /**
   * The date the terms gave, when the roll moved it.
   */
  rolled_from?: DateString | null;
  /**
   * Share of the amount in percent, rounded half-up to 4 decimals, when known.
   */
  share_percent?: DecimalString | null;
  /**
   * The amount, with the currency's decimals, when an amount was given.
   */
  amount?: DecimalString | null;
}
/**
 * One thing the legal check has to say about a payment term (information or a warning, never an error).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  /**
   * The stable code.
   */
  code: FindingCode;
  /**
   * `info` or `warning` (fixed by the code).
   */
  severity: Severity;
  /**
   * An explanation for people, with the dates involved; wording may change, the code does not.
   */
  message: string;
  /**
   * The statute the finding rests on.
   */
  reference: string;
  /**
   * The term in calendar days from the issue date to the due date.
   */
  days: number;
  /**
   * The latest due date the rule allows (for the 45-days-end-of-month exception: the latest
   * date the exception allows), when the rule has one.
   */
  limit?: DateString | null;
  /**
   * The schedule part the finding is about (`balance`, `2/3`), for multi-part terms.
   */
  part?: string | null;
}
/**
 * `due_date` response: the due date when the terms give one, the schedule of receivables and the legal findings.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DueDateResponse".
 */
export interface DueDateResponse {
  /**
   * The due date (rolled) when the terms give one; `null` for deposits and instalments.
   */
  due_date: DateString | null;
  /**
   * The currency of the amounts, when an amount was given.
   */
  currency?: Currency | null;
  /**
   * One item per receivable, in order.
   */
  schedule: ScheduleItem[];
  /**
   * Legal findings (empty without `jurisdiction`).
   */
  findings: Finding[];
}
/**
 * Moves instalment dates that are not business days. A rolled date never goes before the agreement date (it rolls forward instead), and two instalments rolled onto the same day are refused (`plans.invalid`).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PlanRoll".
 */
export interface PlanRoll {
  /**
   * The business-day calendar.
   */
  calendar: CalendarSpec;
  /**
   * How a date that is not a business day moves.
   */
  roll: Roll;
}
/**
 * What the parties agreed: the debt, how it is split, when, at what rate. The `plan` request, and the `terms` of the resulting plan (with `grace_days` filled in and amounts written with the currency's decimals). Exactly one of `instalments` and `max_per_instalment`. Unknown fields are refused.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PlanRequest".
 */
export interface PlanRequest {
  /**
   * The debt, above zero and exact in the currency's minor unit.
   */
  amount: DecimalString;
  /**
   * Its currency.
   */
  currency: Currency;
  /**
   * The number of instalments, `1..=120`. Exactly one of this and `max_per_instalment`.
   */
  instalments?: number | null;
  /**
   * The most one instalment may be (interest included): the plan has the fewest equal
   * instalments that stay within it.
   */
  max_per_instalment?: DecimalString | null;
  /**
   * The first instalment's date (before any roll).
   */
  first_date: DateString;
  /**
   * The interval between instalments (default `month`).
   */
  every?: Every;
  /**
   * The date of the agreement: the first date may not be before it; interest, if any, runs
   * from it.
   */
  agreed_on?: DateString | null;
  /**
   * Simple interest, in percent a year (ACT/365F), on the declining balance, added to each
   * instalment.
   */
  annual_rate_percent?: DecimalString | null;
  /**
   * Days after its due date before an unpaid instalment is missed, `0..=365` (default 5).
   */
  grace_days?: number | null;
  /**
   * Moves instalment dates to business days.
   */
  roll?: PlanRoll | null;
  /**
   * Free text: a file number, the invoices covered.
   */
  reference?: string | null;
}
/**
 * The terms of a payment plan: its request as the plan writes it back, with `grace_days` filled in and amounts written with the currency's decimals.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PlanTerms".
 */
export interface PlanTerms {
  /**
   * The debt, above zero and exact in the currency's minor unit.
   */
  amount: DecimalString;
  /**
   * Its currency.
   */
  currency: Currency;
  /**
   * The number of instalments, `1..=120`. Exactly one of this and `max_per_instalment`.
   */
  instalments?: number | null;
  /**
   * The most one instalment may be (interest included): the plan has the fewest equal
   * instalments that stay within it.
   */
  max_per_instalment?: DecimalString | null;
  /**
   * The first instalment's date (before any roll).
   */
  first_date: DateString;
  /**
   * The interval between instalments (default `month`).
   */
  every: Every;
  /**
   * The date of the agreement: the first date may not be before it; interest, if any, runs
   * from it.
   */
  agreed_on?: DateString | null;
  /**
   * Simple interest, in percent a year (ACT/365F), on the declining balance, added to each
   * instalment.
   */
  annual_rate_percent?: DecimalString | null;
  /**
   * Days after its due date before an unpaid instalment is missed, `0..=365` (default 5).
   */
  grace_days?: number | null;
  /**
   * Moves instalment dates to business days.
   */
  roll?: PlanRoll | null;
  /**
   * Free text: a file number, the invoices covered.
   */
  reference?: string | null;
}
/**
 * One instalment of a payment plan: `amount = principal + interest`; `balance_before` is the principal still owed before this instalment (the base of its interest).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Instalment".
 */
export interface Instalment {
  /**
   * 1, 2, ...
   */
  number: number;
  /**
   * The date it is due (rolled to a business day when the plan has a roll).
   */
  due_date: DateString;
  /**
   * The part of the debt it repays; the principal parts sum exactly to the debt.
   */
  principal: DecimalString;
  /**
   * Interest for the days since the previous instalment (since the agreement for the first),
   * rounded half-up to the minor unit; zero without a rate.
   */
  interest: DecimalString;
  /**
   * What the debtor pays: principal + interest.
   */
  amount: DecimalString;
  /**
   * The principal owed before this instalment.
   */
  balance_before: DecimalString;
  /**
   * With a rate: the days of interest in this instalment.
   */
  interest_days?: number | null;
}
/**
 * The sums of a payment plan: `principal + interest = total`.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PlanTotals".
 */
export interface PlanTotals {
  /**
   * The debt (the sum of the principal parts).
   */
  principal: DecimalString;
  /**
   * The sum of the interest parts.
   */
  interest: DecimalString;
  /**
   * What the debtor pays in all.
   */
  total: DecimalString;
}
/**
 * Something the builder has to say about a plan that goes beyond the practice: information for the creditor, never an error (the parties may agree a longer plan).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PlanFinding".
 */
export interface PlanFinding {
  /**
   * The stable code.
   */
  code: PlanFindingCode;
  /**
   * An explanation with the dates involved; wording may change, the code does not.
   */
  message: string;
}
/**
 * A payment plan: the agreed terms, the schedule, its totals and the findings. The document `plan` returns, and the one `plan_status` and the dunning journal take back.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PaymentPlan".
 */
export interface PaymentPlan {
  /**
   * The request, with `grace_days` filled in and amounts written with the currency's decimals.
   */
  terms: PlanTerms;
  /**
   * The instalments, in date order.
   */
  instalments: Instalment[];
  /**
   * Sums of the instalments.
   */
  totals: PlanTotals;
  /**
   * Where the plan goes beyond the practice.
   */
  findings: PlanFinding[];
}
/**
 * Everything a letter says: the single input of every template, built-in or custom.
 *
 * In a template every field is available under its name (`creditor.name`, `invoices`,
 * `totals.total`, ...); absent optional fields are `none`, so `{% if place %}` works and a
 * misspelt name is an error. Amounts are decimal strings and dates `YYYY-MM-DD` strings, to be
 * written with the `money` and `date` filters.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LetterContext".
 */
export interface LetterContext {
  /**
   * Template id: one of [`TemplateId`] for [`render`]; any name for [`render_custom`] (a
   * known id there still selects the required elements and the default deadline).
   */
  template: string;
  /**
   * Language of the letter.
   */
  language: Language;
  /**
   * Date of the letter.
   */
  date: DateString;
  /**
   * Where it is written ("Paris"), for the date line.
   */
  place?: string | null;
  /**
   * Who writes and is owed.
   */
  creditor: Party;
  /**
   * Who owes.
   */
  debtor: Party;
  /**
   * A reference to quote (customer account, file number).
   */
  reference?: string | null;
  /**
   * Currency of every amount.
   */
  currency: Currency;
  /**
   * The invoices the letter is about.
   */
  invoices?: LetterInvoice[];
  /**
   * Invoices not yet due, mentioned for information after the ones claimed (their amounts are
   * not in the totals).
   */
  upcoming_invoices?: LetterInvoice[];
  /**
   * Invoices already paid, late, whose penalties the letter claims (`outstanding` zero,
   * `settled_on` set): listed after the open ones and counted in the totals.
   */
  settled_invoices?: LetterInvoice[];
  /**
   * Credits on account deducted from the claim, listed under the principal; their sum is
   * `totals.set_off`.
   */
  credits?: LetterCredit[];
  /**
   * The amounts claimed; the sums over `invoices` when omitted.
   */
  totals?: Totals | null;
  /**
   * The interest regime whose statute the letter cites (`fr_b2b`, `de_b2b`,
   * `uk_late_payment`, ...).
   */
  regime?: Regime | null;
  /**
   * How the rate was set, in words ("taux BCE 2,15 % + 10 points = 12,15 %").
   */
  rate_description?: string | null;
  /**
   * Date by which to pay. The formal notice defaults to the letter's date + 8 days (FR),
   * + 14 days (EN, Practice Direction on Pre-Action Conduct) or + 10 days (DE).
   */
  deadline?: DateString | null;
  /**
   * Date of an earlier formal notice (for the agency and court files).
   */
  formal_notice_date?: DateString | null;
  /**
   * The instalments of a payment plan (plan letters).
   */
  instalments?: LetterInstalment[];
  /**
   * Who signs.
   */
  signatory?: Signatory | null;
  /**
   * What the sender should know before sending (a rate not yet confirmed by its official
   * publication, invoices without penalties and why, a missing postal address). Never printed
   * by the built-in templates; copied to [`Letter::warnings`].
   */
  warnings?: string[];
  /**
   * A draft, not the letter to send: its subject and the top of its body say so ("PROJET — NE
   * PAS ENVOYER"), and a letter with legal weight lacking a fact it needs (a postal address)
   * is written anyway instead of refused.
   */
  draft?: boolean;
}
/**
 * A party to the letter: the creditor (who writes) or the debtor (who owes).
 *
 * Every field is printed as given, so write `registration` with its label
 * (`"SIREN 812 345 678"`, `"Company number 01234567"`, `"USt-IdNr. DE123456789"`).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Party".
 */
export interface Party {
  /**
   * Name (company or person); must not be empty.
   */
  name: string;
  /**
   * Postal address, one line per entry (street, postcode and town, country).
   */
  address_lines?: string[];
  /**
   * Email address.
   */
  email?: string | null;
  /**
   * Phone number.
   */
  phone?: string | null;
  /**
   * Registration, with its label: SIREN, company number, USt-IdNr., ...
   */
  registration?: string | null;
  /**
   * Bank account for payments (the creditor's).
   */
  iban?: string | null;
  /**
   * The person the letter is for (debtor) or who answers questions (creditor).
   */
  contact_person?: string | null;
}
/**
 * One invoice as a letter quotes it; amounts in the context's currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LetterInvoice".
 */
export interface LetterInvoice {
  /**
   * Invoice number.
   */
  id: string;
  /**
   * Date of issue.
   */
  issue_date: DateString;
  /**
   * Due date.
   */
  due_date: DateString;
  /**
   * Invoiced amount.
   */
  amount: DecimalString;
  /**
   * Amount still unpaid.
   */
  outstanding: DecimalString;
  /**
   * Days past the due date on the letter's date (negative before it).
   */
  days_late?: number;
  /**
   * Late-payment penalties (interest) accrued on the letter's date.
   */
  interest?: DecimalString;
  /**
   * Fixed recovery compensation claimed for this invoice (EUR 40 in FR and DE B2B, £40/£70/£100
   * in the UK).
   */
  fixed_compensation?: DecimalString;
  /**
   * For an invoice of `settled_invoices`: the day it was paid (late).
   */
  settled_on?: DateString | null;
}
/**
 * A credit on account deducted from what a letter claims: a credit note, or what a payment paid
 * beyond the invoices it was matched to.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LetterCredit".
 */
export interface LetterCredit {
  /**
   * The credit note's or the payment's reference.
   */
  reference: string;
  /**
   * `credit_note`, `payment` or `deposit`.
   */
  source: AllocationSource;
  /**
   * Its date.
   */
  date: DateString;
  /**
   * The amount deducted.
   */
  amount: DecimalString;
}
/**
 * The amounts a letter claims. When omitted from a context they are the sums over its invoices.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Totals".
 */
export interface Totals {
  /**
   * The unpaid principal.
   */
  principal: DecimalString;
  /**
   * Late-payment penalties (interest).
   */
  interest: DecimalString;
  /**
   * Fixed recovery compensation.
   */
  fixed_compensation: DecimalString;
  /**
   * Credits on account deducted (set off, C. civ. 1347): the sum of the context's `credits`.
   */
  set_off?: DecimalString;
  /**
   * `principal − set_off + interest + fixed_compensation` (checked).
   */
  total: DecimalString;
}
/**
 * One instalment of a payment plan, for the plan letters.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LetterInstalment".
 */
export interface LetterInstalment {
  /**
   * 1, 2, 3, ...
   */
  number: number;
  /**
   * The date it is due.
   */
  due_date: DateString;
  /**
   * Its amount.
   */
  amount: DecimalString;
}
/**
 * Who signs the letter for the creditor.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Signatory".
 */
export interface Signatory {
  /**
   * Name.
   */
  name: string;
  /**
   * Position ("Gérante", "Finance Director", "Geschäftsführer").
   */
  title?: string | null;
}
/**
 * A user template: minijinja source for the subject and the body, rendered over the same context as the built-in templates (docs/letters.md).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CustomTemplate".
 */
export interface CustomTemplate {
  /**
   * Subject template (rendered as plain text).
   */
  subject: string;
  /**
   * Body template (rendered as text or as escaped HTML).
   */
  body: string;
}
/**
 * `letter` request: the context, the format, and optionally the caller's own templates. Unknown fields are refused.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LetterRequest".
 */
export interface LetterRequest {
  /**
   * What the letter says.
   */
  context: LetterContext;
  /**
   * `text` (default) or `html`.
   */
  format?: Format;
  /**
   * The caller's templates instead of the built-in one.
   */
  custom?: CustomTemplate | null;
}
/**
 * A rendered letter.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Letter".
 */
export interface Letter {
  /**
   * The template id of the context.
   */
  template: string;
  /**
   * Its language.
   */
  language: Language;
  /**
   * The format of `body`.
   */
  format: Format;
  /**
   * The subject line, always plain text (an email subject; escape it if you put it in HTML).
   */
  subject: string;
  /**
   * The letter: plain text, or a complete HTML page.
   */
  body: string;
  /**
   * The required elements of the template (see [`TemplateId::required`]) the letter contains,
   * in catalogue order.
   */
  checks: Element[];
  /**
   * The required elements it lacks (a missing place, signatory or deadline, a user template
   * that leaves something out).
   */
  missing: Element[];
  /**
   * The context's warnings: what to check before sending.
   */
  warnings?: string[];
}
/**
 * What the caller knows that the ledger does not.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ExternalInputs".
 */
export interface ExternalInputs {
  /**
   * The day these inputs were known (a bureau report's date). A dated input counts only on
   * or after its date: the risk as of an earlier day and a back-test with an earlier cut-off
   * do not see it. The back-test requires it (`docs/risk.md` §Back-test).
   */
  date?: DateString | null;
  /**
   * A credit-bureau score, 0 (worst) to 100 (best).
   */
  bureau_score?: number | null;
  /**
   * The customer is new (first orders): more points, and at least the new-customer deposit.
   */
  new_customer?: boolean | null;
}
/**
 * Points per factor. Positive points mean more risk; the score is their sum, clamped to
 * `0..=100`. Field names are the JSON names.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Weights".
 */
export interface Weights {
  /**
   * Paid invoices needed for the payment history to count in full (credibility 1). With `n`
   * paid invoices the history factors count `min(1, n / full_history_invoices)` and the sector
   * prior the rest; below it the customer is a `thin_file`. Default 4.
   */
  full_history_invoices?: number;
  /**
   * Points of the sector prior per percent of unpaid invoices in the sector's benchmark.
   * Default 2.5 (construction 12 % → 30, telecoms 4 % → 10).
   */
  sector_prior_per_unpaid_percent?: number;
  /**
   * Prior points for sectors without a benchmark (or no sector). Default 17.5, the median
   * sector (commerce, 7 %).
   */
  other_sector_prior?: number;
  /**
   * Prior points per sector, overriding or adding to the benchmarks (keys compared
   * case-insensitively).
   */
  sector_priors?: {
    [k: string]: number | undefined;
  };
  /**
   * Points per day of the mean delay of paid invoices. Default 0.5.
   */
  mean_days_late_per_day?: number;
  /**
   * Cap of the mean-delay points. Default 30 (reached at 60 days).
   */
  mean_days_late_max?: number;
  /**
   * Points when every paid invoice was paid after its due date (scaled by the share).
   * Default 10.
   */
  late_share_points?: number;
  /**
   * Points per day of the 90th percentile of delays. Default 0.1.
   */
  p90_days_late_per_day?: number;
  /**
   * Cap of the 90th-percentile points. Default 10 (reached at 100 days).
   */
  p90_days_late_max?: number;
  /**
   * Points when every paid invoice was paid in several payments (scaled by the share).
   * Default 10.
   */
  partial_share_points?: number;
  /**
   * Days back from the as-of date that make the "recent" cohort of the trend. Default 180.
   */
  trend_window_days?: number;
  /**
   * Points per day the recent cohort is later than the older one. Default 0.2.
   */
  trend_per_day?: number;
  /**
   * Cap of the trend points. Default 10.
   */
  trend_max?: number;
  /**
   * Floor of the trend points (an improving payer). Default −5.
   */
  trend_min?: number;
  /**
   * Points per day of the oldest undisputed overdue receivable. Default 0.3.
   */
  overdue_age_per_day?: number;
  /**
   * Cap of the overdue-age points. Default 30 (reached at 100 days).
   */
  overdue_age_max?: number;
  /**
   * Points per day without any payment while something is overdue. Default 0.2.
   */
  silence_per_day?: number;
  /**
   * Cap of the silence points. Default 20 (reached at 100 days).
   */
  silence_max?: number;
  /**
   * Points per broken promise to pay. Default 8.
   */
  broken_promise_points?: number;
  /**
   * Cap of the broken-promise points. Default 24 (the third broken promise, docs/domain.md §4).
   */
  broken_promises_max?: number;
  /**
   * Points when every invoice was disputed (scaled by the share of disputed invoices).
   * Default 20.
   */
  dispute_share_points?: number;
  /**
   * Cap of the dispute points. Default 10.
   */
  disputes_max?: number;
  /**
   * Points per reminder needed per invoice (journal actions). Default 4.
   */
  reminder_points?: number;
  /**
   * Cap of the reminder points. Default 12.
   */
  reminders_max?: number;
  /**
   * Points per receivable written off. Default 15.
   */
  write_off_points?: number;
  /**
   * Cap of the write-off points. Default 30.
   */
  write_offs_max?: number;
  /**
   * Points when the customer holds the whole portfolio's outstanding (scaled by its largest
   * share in a currency). Default 0: exposure sets the credit limit, not the score.
   */
  exposure_share_points?: number;
  /**
   * A relationship younger than this (days since the first invoice) is new. Default 90.
   */
  new_relationship_days?: number;
  /**
   * Points for a new relationship. Default 5.
   */
  new_relationship_points?: number;
  /**
   * A relationship at least this old is long. Default 730 (two years).
   */
  long_relationship_days?: number;
  /**
   * Points for a long relationship. Default −5.
   */
  long_relationship_points?: number;
  /**
   * The credit-bureau score (0–100, higher is better) that adds no points. Default 50.
   */
  bureau_neutral?: number;
  /**
   * Points per bureau point below the neutral score (negative above it). Default 0.3.
   */
  bureau_per_point?: number;
  /**
   * Points when the caller flags a new customer. Default 10.
   */
  new_customer_points?: number;
  /**
   * Lowest scores of grades B, C, D and E. Default `[20, 40, 60, 80]`.
   *
   * @minItems 4
   * @maxItems 4
   */
  grade_bounds?: [number, number, number, number];
}
/**
 * The terms policy: one [`GradeTerms`] per grade (keys `"A"` to `"E"`), and the deposit asked on
 * the first orders of a new customer. A grade the caller names replaces that grade's defaults.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "TermsPolicy".
 */
export interface TermsPolicy {
  /**
   * Grade A: no deposit, 60 days (the French cap from invoice date, C. com. L441-10), three
   * months of sales, bank transfer.
   */
  A?: GradeTerms;
  /**
   * Grade B: no deposit, 45 days, two months of sales, bank transfer.
   */
  B?: GradeTerms;
  /**
   * Grade C: 30 % deposit, 30 days, one month of sales, direct debit.
   */
  C?: GradeTerms;
  /**
   * Grade D: 50 % deposit, 15 days, half a month of sales, direct debit.
   */
  D?: GradeTerms;
  /**
   * Grade E: prepayment, no credit.
   */
  E?: GradeTerms;
  /**
   * Deposit on the first orders of a new customer (flagged new, or without any paid invoice
   * yet): at least this percent. Default 50 (docs/domain.md §7).
   */
  new_customer_deposit_percent?: number;
}
/**
 * The terms for one grade.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "GradeTerms".
 */
export interface GradeTerms {
  /**
   * Deposit asked with each order, in percent (0–100).
   */
  deposit_percent: number;
  /**
   * Longest payment term, in days from the invoice (0: payment on order).
   */
  max_term_days: number;
  /**
   * Credit limit in months of average sales (a decimal string, `"0.5"`).
   */
  limit_months: DecimalString;
  /**
   * Payment method.
   */
  payment_method: PaymentMethod;
}
/**
 * `risk` request: `{ledger, as_of, journal?, external?, weights?, terms_policy?}`.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RiskRequest".
 */
export interface RiskRequest {
  /**
   * The ledger.
   */
  ledger: LedgerDocument;
  /**
   * The day of the assessment: only data dated on or before it counts.
   */
  as_of: DateString;
  /**
   * The dunning journal (actions, promises, disputes, plans).
   */
  journal?: JournalEntry[];
  /**
   * Per customer: `{bureau_score?, new_customer?}`.
   */
  external?: {
    [k: string]: ExternalInputs | undefined;
  };
  /**
   * Weights overriding the defaults, field by field.
   */
  weights?: Weights;
  /**
   * Terms per grade overriding the defaults, grade by grade.
   */
  terms_policy?: TermsPolicy;
}
/**
 * The risk assessment of one customer.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CustomerRisk".
 */
export interface CustomerRisk {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Name, when the ledger lists the customer.
   */
  name?: string | null;
  /**
   * 0 (safest) to 100 (riskiest).
   */
  score: number;
  /**
   * A (best) to E.
   */
  grade: Grade;
  /**
   * Fewer paid invoices than a full history needs: the sector prior carries weight.
   */
  thin_file: boolean;
  /**
   * Credibility of the payment history, 0 to 1.
   */
  credibility: number;
  /**
   * The factors with non-zero points, largest first.
   */
  factors: Factor[];
  /**
   * Terms to offer.
   */
  recommended_terms: RecommendedTerms;
  /**
   * The kind of debtor and its evidence.
   */
  debtor_kind: KindEstimate;
  /**
   * Every feature the score was computed from.
   */
  features: CustomerFeatures;
}
/**
 * One factor's contribution to the score.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Factor".
 */
export interface Factor {
  /**
   * Factor id (`mean_days_late`, `overdue_age`, `sector_prior`, ...; `docs/risk.md` lists them).
   */
  factor: string;
  /**
   * The feature value the points come from (days, a share 0–1, a count, a sector name...).
   */
  value: number | string | boolean | null;
  /**
   * Whole points added to the score (negative for a factor that lowers the risk).
   */
  points: number;
  /**
   * What it means, in words, ending with the points.
   */
  explanation: string;
}
/**
 * The terms recommended for a customer.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RecommendedTerms".
 */
export interface RecommendedTerms {
  /**
   * Deposit to ask with each order, in percent.
   */
  deposit_percent: number;
  /**
   * Longest payment term to grant, in days from the invoice.
   */
  max_term_days: number;
  /**
   * How the customer should pay.
   */
  payment_method: PaymentMethod;
  /**
   * Credit limit per currency the customer buys in (none without sales in the last year).
   */
  credit_limits: CreditLimit[];
  /**
   * Why, in words.
   */
  notes: string[];
}
/**
 * A recommended credit limit in one currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CreditLimit".
 */
export interface CreditLimit {
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Average monthly sales over the last twelve months.
   */
  average_monthly_sales: DecimalString;
  /**
   * Months of sales the grade allows.
   */
  months: DecimalString;
  /**
   * The limit: `average_monthly_sales × months`, rounded half up to the currency's decimals.
   */
  limit: DecimalString;
  /**
   * What the customer owes now.
   */
  exposure: DecimalString;
  /**
   * `exposure > limit`.
   */
  over_limit: boolean;
}
/**
 * The estimate and its evidence.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "KindEstimate".
 */
export interface KindEstimate {
  /**
   * The kind.
   */
  kind: EstimatedKind;
  /**
   * The signals behind it (for `unknown`: what was seen, or why nothing was).
   */
  evidence: string[];
}
/**
 * The behaviour of one customer as of a date. Ratios are `None` when there is nothing to
 * divide by (no paid invoice, no invoice).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CustomerFeatures".
 */
export interface CustomerFeatures {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Name, when the ledger lists the customer.
   */
  name?: string | null;
  /**
   * Sector from the ledger's customer list.
   */
  sector?: string | null;
  /**
   * Receivables issued on or before the as-of date.
   */
  invoices: number;
  /**
   * Of which settled by payment (status `paid`): the payment history.
   */
  paid: number;
  /**
   * Mean days late of the paid receivables (0 for one paid on time or early).
   */
  mean_days_late: number | null;
  /**
   * Median days late of the paid receivables (mean of the two middle ones for an even count).
   */
  median_days_late: number | null;
  /**
   * 90th percentile of days late of the paid receivables (nearest rank: the `⌈0.9 n⌉`-th
   * smallest).
   */
  p90_days_late: number | null;
  /**
   * Paid receivables paid after their due date.
   */
  paid_late: number;
  /**
   * `paid_late / paid`.
   */
  late_share: number | null;
  /**
   * Mean delay of the receivables due in the last `trend_window_days` (settled ones with their
   * final delay, open ones with their delay so far) minus that of the receivables due before
   * and settled (paid or written off); fully credited ones are left out. `None` unless both
   * cohorts have two receivables.
   */
  trend_days: number | null;
  /**
   * Receivables that received a payment.
   */
  with_payment: number;
  /**
   * Of which paid in several payments, or partly paid and still open.
   */
  paid_in_parts: number;
  /**
   * `paid_in_parts / with_payment`.
   */
  partial_share: number | null;
  /**
   * Promises to pay made (journal).
   */
  promises: number;
  /**
   * Promises covered by payments by their date + [`PROMISE_GRACE_DAYS`].
   */
  promises_kept: number;
  /**
   * Promises whose date + grace passed without enough payment.
   */
  broken_promises: number;
  /**
   * Broken promises paid in full later, by the as-of date ("kept late").
   */
  promises_kept_late: number;
  /**
   * Invoices disputed (ledger disputes and journal disputes, counted once per invoice).
   */
  disputes: number;
  /**
   * Disputes resolved without any credit note on the invoice: the customer had no case.
   */
  disputes_without_substance: number;
  /**
   * `disputes / distinct invoices issued`.
   */
  dispute_share: number | null;
  /**
   * Reminders recorded in the journal (one per receivable an action covered).
   */
  reminders: number;
  /**
   * `reminders / invoices`.
   */
  reminders_per_invoice: number | null;
  /**
   * Payment plans agreed (journal).
   */
  plans: number;
  /**
   * Receivables (partly) written off.
   */
  written_off: number;
  /**
   * Outstanding per currency and share of the portfolio.
   */
  exposure: Exposure[];
  /**
   * The largest `portfolio_share` over currencies (0 when nothing is owed).
   */
  exposure_share: number;
  /**
   * Undisputed overdue amount per currency.
   */
  overdue: CurrencyAmount[];
  /**
   * Receivables with an undisputed overdue amount.
   */
  overdue_receivables: number;
  /**
   * Days late of the oldest of them (0 when none).
   */
  oldest_overdue_days: number;
  /**
   * Date of the latest payment received.
   */
  last_payment?: DateString | null;
  /**
   * Days without any payment while something is overdue: the smaller of the days since the
   * last payment (or ever, when none) and `oldest_overdue_days`; 0 when nothing is overdue.
   */
  silence_days: number;
  /**
   * Issue date of the first invoice.
   */
  first_invoice?: DateString | null;
  /**
   * Days from the first invoice to the as-of date.
   */
  tenure_days: number | null;
  /**
   * Average monthly sales per currency over the last 365 days: invoiced amount divided by the
   * months of relationship in that window (`days / 30`, at least 1, at most 12).
   */
  monthly_sales: CurrencyAmount[];
  /**
   * Credit-bureau score given by the caller.
   */
  bureau_score?: number | null;
  /**
   * The caller's new-customer flag.
   */
  new_customer: boolean;
}
/**
 * What a customer owes in one currency, and its share of what the whole portfolio is owed.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Exposure".
 */
export interface Exposure {
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Outstanding on the as-of date.
   */
  outstanding: DecimalString;
  /**
   * Share of the portfolio's outstanding in that currency, 0 to 1.
   */
  portfolio_share: number;
}
/**
 * An amount in one currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "CurrencyAmount".
 */
export interface CurrencyAmount {
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Amount, with the currency's decimals.
   */
  amount: DecimalString;
}
/**
 * `risk` response: the assessment of every customer the ledger knows on the as-of date.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "RiskResponse".
 */
export interface RiskResponse {
  /**
   * The as-of date.
   */
  as_of: DateString;
  /**
   * Every customer the ledger knows, by id.
   */
  customers: CustomerRisk[];
}
/**
 * Options of `kpis`; every field has a documented default.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "KpiOptions".
 */
export interface KpiOptions {
  /**
   * With several currencies in the ledger, one set of groups per currency (otherwise such a
   * request is refused with `money.currency_mismatch`: amounts are never converted).
   */
  per_currency?: boolean;
  /**
   * Only this currency.
   */
  currency?: Currency | null;
  /**
   * Aging buckets (default not due, 1-30, 31-60, 61-90, 91+).
   */
  aging?: AgingOptions;
  /**
   * Recovery windows, in days after the due date (default `[90, 180]`).
   */
  recovery_days?: number[];
  /**
   * Share of customers for the concentration figure, in percent (default 20).
   */
  top_percent?: number;
  /**
   * Reminder-conversion window, in days after the reminder (default 14).
   */
  conversion_days?: number;
  /**
   * Months of standard DSO in the trend, 0 to 120 (default 12).
   */
  trend_months?: number;
  /**
   * Cash-in forecast.
   */
  forecast?: ForecastOptions;
  /**
   * Provisions (age grid and IFRS 9).
   */
  provisions?: ProvisionOptions;
  /**
   * Write-off candidates.
   */
  write_off?: WriteOffOptions;
}
/**
 * Aging options.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AgingOptions".
 */
export interface AgingOptions {
  /**
   * Upper bounds (in days, inclusive, strictly increasing, above zero) of the closed buckets;
   * one more bucket takes everything older. Default `[30, 60, 90]`.
   */
  bounds?: number[];
  /**
   * Age counted from the due date (default) or the invoice date.
   */
  basis?: AgingBasis;
}
/**
 * Forecast options.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ForecastOptions".
 */
export interface ForecastOptions {
  /**
   * ISO weeks forecast, 1 to 104 (default 13, a quarter).
   */
  weeks?: number;
  /**
   * Receivables a customer must have settled by payment for its own delays to be used
   * (default 3); below that the portfolio's delays are used.
   */
  min_history?: number;
}
/**
 * Provision options.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ProvisionOptions".
 */
export interface ProvisionOptions {
  /**
   * Upper bounds of the days-past-due buckets (after a `not_due` bucket; one more bucket takes
   * everything older). Default `[30, 90, 180, 360]`.
   */
  bounds?: number[];
  /**
   * Age-grid rate of each bucket in percent, one per bucket (bounds + 2). Default
   * `0, 0, 10, 25, 50, 100`: a common convention, not a rule.
   */
  rates_percent?: DecimalString[];
  /**
   * Gross or net of tax.
   */
  base?: ProvisionBase;
  /**
   * The IFRS 9 provision matrix.
   */
  ifrs9?: Ifrs9Options;
}
/**
 * IFRS 9 provision-matrix options.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Ifrs9Options".
 */
export interface Ifrs9Options {
  /**
   * Month ends observed, 1 to 120 (default 24).
   */
  history_months?: number;
  /**
   * Months after each observed month end during which write-offs count as the outcome, 1 to
   * 60 (default 12). A month end is observed only once that time has passed.
   */
  outcome_months?: number;
  /**
   * Forward-looking adjustment of the historical rates, in percent of them (IFRS 9
   * B5.5.52): `10` raises every rate by a tenth, `-10` lowers it; -100 to 1000 (default 0).
   */
  adjustment_percent?: DecimalString;
  /**
   * Population the rates are estimated on.
   */
  estimate_on?: EstimateOn;
}
/**
 * Thresholds of the write-off signals.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "WriteOffOptions".
 */
export interface WriteOffOptions {
  /**
   * Days late beyond which a receivable is a candidate on its own (default 360).
   */
  days_late?: number;
  /**
   * Days late beyond which the customer's other signals count (default 90).
   */
  signal_days_late?: number;
  /**
   * Days without any payment from the customer that count as silence (default 180).
   */
  silence_days?: number;
}
/**
 * `kpis` request: a ledger, the as-of date, the period `from..=to`, an optional grouping,
 * journal (for reminder conversion) and options.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "KpisRequest".
 */
export interface KpisRequest {
  /**
   * The ledger (customers give the segments and sectors).
   */
  ledger: LedgerDocument;
  /**
   * As-of date.
   */
  as_of: DateString;
  /**
   * First day of the period.
   */
  from: DateString;
  /**
   * Last day of the period (on or before `as_of`).
   */
  to: DateString;
  /**
   * `portfolio` (default), `customer`, `segment` or `sector`.
   */
  group_by?: GroupBy;
  /**
   * The dunning journal; without it, `reminder_conversion` is `null`.
   */
  journal?: JournalEntry[] | null;
  /**
   * Options.
   */
  options?: KpiOptions;
}
/**
 * One bucket's definition.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Bucket".
 */
export interface Bucket {
  /**
   * Label, e.g. `not_due`, `1-30`, `91+`.
   */
  label: string;
  /**
   * Smallest age in the bucket (`None` for "not due").
   */
  from_days: number | null;
  /**
   * Largest age in the bucket (`None` when open-ended).
   */
  to_days: number | null;
}
/**
 * Every KPI of one group in one currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "GroupKpis".
 */
export interface GroupKpis {
  /**
   * The group: customer id, segment or sector; `null` for the portfolio (and for customers
   * without a segment or sector).
   */
  key: string | null;
  /**
   * Currency of every amount of the group.
   */
  currency: Currency;
  /**
   * Customers in the group with a receivable in the currency.
   */
  customers: number;
  /**
   * Aging balance on the as-of date (buckets in `aging_buckets` of the report).
   */
  aging: AgingRow;
  /**
   * DSO over the period.
   */
  dso: Dso;
  /**
   * Standard DSO month by month, oldest first.
   */
  dso_trend: MonthDso[];
  /**
   * Collection effectiveness index over the period.
   */
  cei: Cei;
  /**
   * Payment delays of the receivables settled by payment in the period.
   */
  delays: PaymentDelays;
  /**
   * Recovery rates, one per window.
   */
  recovery: Recovery[];
  /**
   * Concentration of the overdue amount on the as-of date.
   */
  concentration: Concentration;
  /**
   * Reminder conversion per dunning step (`null` without a journal).
   */
  reminder_conversion: ReminderConversion | null;
  /**
   * Cash-in forecast from the as-of date.
   */
  forecast: Forecast;
  /**
   * Provisions on the as-of date.
   */
  provisions: Provisions;
  /**
   * Write-off candidates on the as-of date.
   */
  write_off_candidates: WriteOffCandidate[];
}
/**
 * Amounts per bucket for one customer (or the whole ledger) in one currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AgingRow".
 */
export interface AgingRow {
  /**
   * Customer id; `None` on ledger totals.
   */
  customer?: string | null;
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * One amount per bucket, in bucket order.
   */
  amounts: DecimalString[];
  /**
   * Sum of the amounts: the outstanding total.
   */
  total: DecimalString;
}
/**
 * DSO and its companions over a period, for one scope.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Dso".
 */
export interface Dso {
  /**
   * Days in the period (both ends included).
   */
  days: number;
  /**
   * Credit sales: receivables issued in the period, tax included, before credit notes.
   */
  credit_sales: DecimalString;
  /**
   * Receivables outstanding at the end of the period's last day.
   */
  receivables: DecimalString;
  /**
   * Of which not yet due (due on the last day or later).
   */
  current: DecimalString;
  /**
   * Of which past due.
   */
  overdue: DecimalString;
  /**
   * Standard DSO, in days: receivables ÷ credit sales × days.
   */
  standard: Figure;
  /**
   * Count-back DSO, in days.
   */
  count_back: Figure;
  /**
   * Best possible DSO, in days: current ÷ credit sales × days.
   */
  best_possible: Figure;
  /**
   * Average days delinquent: standard − best possible = overdue ÷ credit sales × days.
   */
  average_days_delinquent: Figure;
  /**
   * Receivables outstanding at the end of the day before the period.
   */
  beginning_receivables: DecimalString;
  /**
   * DSO on average receivables, in days: (beginning + ending receivables) ÷ 2 ÷ credit sales ×
   * days, the textbook "average collection period" (average receivables ÷ average daily
   * sales); the standard DSO uses the ending balance (docs/kpi.md §DSO).
   */
  average_balance: Figure;
}
/**
 * A KPI value that may be undefined. A ratio whose denominator is zero is never a division by zero: `value` is `null` and `reason` says why with a stable code (docs/kpi.md), `detail` in words. A defined figure has a `value` and no reason.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Figure".
 */
export interface Figure {
  /**
   * The value (days, a percentage or a ratio, as the field says), or `null`.
   */
  value: DecimalString | null;
  /**
   * Why the value is undefined: a stable snake_case code.
   */
  reason?: string | null;
  /**
   * The reason in words (wording may change; the code does not).
   */
  detail?: string | null;
}
/**
 * One month of a DSO trend.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "MonthDso".
 */
export interface MonthDso {
  /**
   * The month, `YYYY-MM`.
   */
  month: string;
  /**
   * First day counted.
   */
  from: DateString;
  /**
   * Last day counted (the month's last day, or the trend's end date for its last month).
   */
  to: DateString;
  /**
   * Standard DSO over that month, in days.
   */
  dso: Figure;
}
/**
 * The collection effectiveness index over a period.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Cei".
 */
export interface Cei {
  /**
   * Receivables outstanding at the end of the day before the period.
   */
  beginning_receivables: DecimalString;
  /**
   * Credit sales of the period.
   */
  credit_sales: DecimalString;
  /**
   * Receivables outstanding at the end of the period.
   */
  ending_receivables: DecimalString;
  /**
   * Of which not yet due.
   */
  ending_current: DecimalString;
  /**
   * Beginning + sales − ending: what payments, credit notes and write-offs took off.
   */
  collected: DecimalString;
  /**
   * Beginning + sales − ending current: what could have been collected.
   */
  collectible: DecimalString;
  /**
   * CEI in percent (two places): collected ÷ collectible × 100.
   */
  percent: Figure;
  /**
   * CRF's multi-month form, in percent: the credit sales divided by the number of months,
   * (beginning + sales ÷ months − ending) ÷ (beginning + sales ÷ months − ending current) × 100;
   * defined for periods of whole calendar months only (equal to `percent` for one month).
   */
  crf_monthly: Figure;
}
/**
 * How a customer (or the whole ledger) has paid: receivables settled by payment up to the
 * as-of date.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "PaymentDelays".
 */
export interface PaymentDelays {
  /**
   * Customer id; `None` for the whole ledger.
   */
  customer?: string | null;
  /**
   * The currency of the receivables counted; `None` for all currencies together (then
   * `weighted_days_to_pay` is `None` when more than one currency was paid: amounts of different
   * currencies are not added).
   */
  currency?: Currency | null;
  /**
   * Receivables settled by payment.
   */
  paid_receivables: number;
  /**
   * Of which settled after their due date.
   */
  paid_late: number;
  /**
   * Mean of settlement − issue, in days (two decimals, half-up); `None` without payments.
   */
  average_days_to_pay: DecimalString | null;
  /**
   * The same weighted by amount.
   */
  weighted_days_to_pay: DecimalString | null;
  /**
   * Mean of max(0, settlement − due), in days.
   */
  average_days_late: DecimalString | null;
}
/**
 * The recovery rate of one window.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Recovery".
 */
export interface Recovery {
  /**
   * The window: days after the due date.
   */
  within_days: number;
  /**
   * Receivables due in the period whose window has closed by the as-of date (measured).
   */
  receivables: number;
  /**
   * What they asked: amounts less the credit notes applied by the end of each window.
   */
  due_amount: DecimalString;
  /**
   * Credit notes applied by the end of each window (left out of `due_amount`).
   */
  credited: DecimalString;
  /**
   * Payments (and deposits) applied by the end of each window, early payments included.
   */
  collected: DecimalString;
  /**
   * Written off by the end of each window (part of `due_amount`, not collected).
   */
  written_off: DecimalString;
  /**
   * Receivables due in the period whose window is still open (not measured yet).
   */
  not_yet_measurable: number;
  /**
   * Their amounts.
   */
  not_yet_measurable_amount: DecimalString;
  /**
   * collected ÷ due amount × 100, two places.
   */
  percent: Figure;
}
/**
 * How concentrated the overdue amount is.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Concentration".
 */
export interface Concentration {
  /**
   * Customers with something outstanding on the as-of date: the population measured.
   */
  customers: number;
  /**
   * Of which with something overdue.
   */
  customers_overdue: number;
  /**
   * Total overdue amount.
   */
  overdue: DecimalString;
  /**
   * The share of customers looked at (20 by default).
   */
  top_percent: number;
  /**
   * ⌈customers × top_percent / 100⌉ (at least one when there are customers).
   */
  top_customers: number;
  /**
   * Those customers, largest overdue first (empty when nothing is overdue).
   */
  top: TopDebtor[];
  /**
   * Their share of the overdue amount, in percent.
   */
  top_share: Figure;
  /**
   * Gini coefficient of the overdue amounts over the population, four places, in [0, 1).
   */
  gini: Figure;
  /**
   * Total outstanding (overdue or not) of the population.
   */
  outstanding: DecimalString;
  /**
   * The top customers' share of the **outstanding** amount (the same number of customers,
   * ranked by outstanding), in percent: concentration of exposure rather than of delay.
   */
  top_share_outstanding: Figure;
  /**
   * Gini coefficient of the outstanding amounts over the population, four places.
   */
  gini_outstanding: Figure;
  /**
   * Lorenz curve from (0, 0) to (100, 100), one point per customer.
   */
  lorenz: LorenzPoint[];
}
/**
 * One of the customers holding the most overdue.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "TopDebtor".
 */
export interface TopDebtor {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Its overdue amount.
   */
  overdue: DecimalString;
  /**
   * Its share of the scope's overdue amount, in percent (two places).
   */
  share_percent: DecimalString;
}
/**
 * A point of the Lorenz curve, both coordinates in percent (two places).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "LorenzPoint".
 */
export interface LorenzPoint {
  /**
   * Share of the customers (the smallest debtors first).
   */
  customers_percent: DecimalString;
  /**
   * Share of the overdue amount they hold together.
   */
  overdue_percent: DecimalString;
}
/**
 * Reminder conversion per step.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ReminderConversion".
 */
export interface ReminderConversion {
  /**
   * The window, in days after the action.
   */
  within_days: number;
  /**
   * One line per step id, sorted by id.
   */
  steps: StepConversion[];
  /**
   * All steps together.
   */
  total: StepConversion;
}
/**
 * The conversion of one dunning step (or of all of them).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "StepConversion".
 */
export interface StepConversion {
  /**
   * Step id (`all` on the total line).
   */
  step: string;
  /**
   * Reminders measured: action items of the step dated in the period whose window has closed.
   */
  reminders: number;
  /**
   * Of which followed by a payment on that receivable within the window.
   */
  converted: number;
  /**
   * Of which the receivable was settled within the window (outstanding zero at its end).
   */
  settled: number;
  /**
   * Action items of the period whose window is still open (not counted yet).
   */
  pending: number;
  /**
   * converted ÷ reminders × 100, two places.
   */
  percent: Figure;
}
/**
 * The cash-in forecast of a scope's open receivables.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Forecast".
 */
export interface Forecast {
  /**
   * The weeks, the first being the ISO week of the day after the as-of date.
   */
  weeks: ForecastWeek[];
  /**
   * Outstanding on the as-of date: disputed + late_unscheduled + Σ expected + beyond_horizon.
   */
  open: DecimalString;
  /**
   * Disputed amounts: not forecast until the dispute is settled.
   */
  disputed: DecimalString;
  /**
   * Amounts whose expected date has already passed: the customer is later than it usually
   * is, so its history says nothing about when; not scheduled, chase them.
   */
  late_unscheduled: DecimalString;
  /**
   * Amounts expected after the last week.
   */
  beyond_horizon: DecimalString;
  /**
   * The delay profile of each customer with an open receivable in the scope.
   */
  profiles: DelayProfile[];
}
/**
 * One ISO week of the forecast.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ForecastWeek".
 */
export interface ForecastWeek {
  /**
   * ISO week, `YYYY-Www`.
   */
  week: string;
  /**
   * Monday.
   */
  start: DateString;
  /**
   * Sunday.
   */
  end: DateString;
  /**
   * Amount expected in the week (due date + median delay).
   */
  expected: DecimalString;
  /**
   * Expected from the first week to this one.
   */
  cumulative: DecimalString;
  /**
   * Cumulative amount if every customer pays at its 75th-percentile delay (lower bound).
   */
  cumulative_low: DecimalString;
  /**
   * Cumulative amount if every customer pays at its 25th-percentile delay (upper bound).
   */
  cumulative_high: DecimalString;
}
/**
 * A customer's payment-delay profile: days from the due date to settlement (negative when it
 * paid early), nearest-rank percentiles.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "DelayProfile".
 */
export interface DelayProfile {
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Whose delays are used.
   */
  basis: ProfileBasis;
  /**
   * The customer's own receivables settled by payment by the as-of date.
   */
  paid_receivables: number;
  /**
   * 25th percentile of the delays used (the early scenario).
   */
  p25_days: number;
  /**
   * Median delay (the expected date).
   */
  median_days: number;
  /**
   * 75th percentile (the late scenario).
   */
  p75_days: number;
}
/**
 * Both provisions of a scope.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Provisions".
 */
export interface Provisions {
  /**
   * What the rates apply to.
   */
  base: ProvisionBase;
  /**
   * By age-bucket percentages.
   */
  age_grid: AgeGridProvision;
  /**
   * IFRS 9 simplified approach.
   */
  ifrs9: Ifrs9Provision;
}
/**
 * The age-grid provision.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "AgeGridProvision".
 */
export interface AgeGridProvision {
  /**
   * One line per bucket.
   */
  buckets: ProvisionBucket[];
  /**
   * Total base.
   */
  outstanding: DecimalString;
  /**
   * Total provision (sum of the rounded bucket provisions).
   */
  provision: DecimalString;
}
/**
 * One bucket of the age grid.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "ProvisionBucket".
 */
export interface ProvisionBucket {
  /**
   * Bucket label (`not_due`, `1-30`, ..., `361+`).
   */
  label: string;
  /**
   * Smallest days past due (`None` for not due).
   */
  from_days: number | null;
  /**
   * Largest days past due (`None` when open-ended).
   */
  to_days: number | null;
  /**
   * Outstanding base in the bucket.
   */
  outstanding: DecimalString;
  /**
   * Rate applied, in percent.
   */
  rate_percent: DecimalString;
  /**
   * outstanding × rate, rounded half-up to the cent (minor unit).
   */
  provision: DecimalString;
}
/**
 * The IFRS 9 simplified-approach provision (lifetime expected credit losses).
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "Ifrs9Provision".
 */
export interface Ifrs9Provision {
  /**
   * Month ends observed (with something outstanding in the estimation population).
   */
  month_ends: number;
  /**
   * The oldest of them.
   */
  first_month_end?: DateString | null;
  /**
   * The most recent of them.
   */
  last_month_end?: DateString | null;
  /**
   * The outcome window, in months.
   */
  outcome_months: number;
  /**
   * The forward-looking adjustment applied, in percent of the rates.
   */
  adjustment_percent: DecimalString;
  /**
   * Population of the estimate.
   */
  estimated_on: EstimateOn;
  /**
   * The matrix.
   */
  buckets: MatrixBucket[];
  /**
   * Total base.
   */
  outstanding: DecimalString;
  /**
   * Total provision.
   */
  provision: DecimalString;
}
/**
 * One bucket of the IFRS 9 provision matrix.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "MatrixBucket".
 */
export interface MatrixBucket {
  /**
   * Bucket label.
   */
  label: string;
  /**
   * Smallest days past due (`None` for not due).
   */
  from_days: number | null;
  /**
   * Largest days past due (`None` when open-ended).
   */
  to_days: number | null;
  /**
   * Sum over the observed month ends of the amounts in the bucket.
   */
  exposure: DecimalString;
  /**
   * Of which written off within the outcome months after each month end.
   */
  written_off: DecimalString;
  /**
   * Historical loss rate, written off ÷ exposure, in percent.
   */
  loss_rate: Figure;
  /**
   * Rate applied in percent: the loss rate × (100 + adjustment) / 100, at most 100, rounded
   * to two places; the age-grid rate when the bucket has no history.
   */
  rate_percent: DecimalString;
  /**
   * Where the applied rate comes from.
   */
  rate_source: RateSource;
  /**
   * Outstanding base in the bucket today.
   */
  outstanding: DecimalString;
  /**
   * outstanding × applied rate, rounded half-up to the minor unit.
   */
  provision: DecimalString;
}
/**
 * An open receivable that looks irrecoverable.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "WriteOffCandidate".
 */
export interface WriteOffCandidate {
  /**
   * Receivable id.
   */
  receivable: string;
  /**
   * Invoice id.
   */
  invoice: string;
  /**
   * Customer id.
   */
  customer: string;
  /**
   * Currency.
   */
  currency: Currency;
  /**
   * Due date.
   */
  due_date: DateString;
  /**
   * Outstanding on the as-of date.
   */
  outstanding: DecimalString;
  /**
   * Days past due on the as-of date.
   */
  days_late: number;
  /**
   * The signals found, in the order of the code list.
   */
  reasons: WriteOffReason[];
}
/**
 * Why a receivable is a candidate.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "WriteOffReason".
 */
export interface WriteOffReason {
  /**
   * Stable code: `over_days_late`, `time_barred`, `customer_written_off`,
   * `no_recent_payment`.
   */
  code: string;
  /**
   * In words.
   */
  detail: string;
}
/**
 * The response of `kpis`: every KPI of the period, per group and currency.
 *
 * This interface was referenced by `Documents`'s JSON-Schema
 * via the `definition` "KpiReport".
 */
export interface KpiReport {
  /**
   * As-of date.
   */
  as_of: DateString;
  /**
   * First day of the period.
   */
  from: DateString;
  /**
   * Last day of the period.
   */
  to: DateString;
  /**
   * Days in the period.
   */
  days: number;
  /**
   * Grouping.
   */
  group_by: GroupBy;
  /**
   * The aging buckets of every group's `aging`.
   */
  aging_buckets: Bucket[];
  /**
   * One entry per group and currency, sorted by key (`null` first) then currency.
   */
  groups: GroupKpis[];
  /**
   * The ledger replay's warnings and notes on the figures.
   */
  warnings: string[];
}
