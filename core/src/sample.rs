//! A deterministic sample portfolio: the ledger `arrears demo` runs on.
//!
//! A studio's receivables over 18 months (1 January 2025 to 30 June 2026, nothing dated after
//! it): forty customers across the sectors docs/domain.md quotes (construction, industry,
//! services, commerce, telecoms), a few hundred invoices on the terms French B2B practice uses, and payment behaviours from prompt to
//! chronic: partial payments, payments without remittance advice (matched oldest first), credit
//! notes, disputes, a deposit, a write-off, two customers invoiced in pounds.
//!
//! The generator is a pure function of its seed (a SplitMix64 stream, Steele, Lea & Flood,
//! "Fast splittable pseudorandom number generators", OOPSLA 2014), so the demo prints the same
//! report on every machine and the behaviour of each customer is known: [`profiles`] returns it,
//! which lets the risk back-test check that grades separate chronic late payers from prompt ones.
//!
//! ```
//! use arrears::{ledger::Ledger, sample};
//! let doc = sample::portfolio(sample::DEFAULT_SEED)?;
//! assert!(doc.invoices.len() > 200);
//! let state = Ledger::new(doc)?.state_as_of(sample::AS_OF)?;
//! assert!(state.receivables.iter().any(|r| r.days_late > 60));
//! # Ok::<(), arrears::Error>(())
//! ```

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::date::add_days;
use crate::error::{err, Result};
use crate::ledger::{
    CreditNoteRecord, CustomerRecord, DisputeRecord, InvoiceRecord, LedgerDocument, PaymentKind,
    PaymentRecord, WriteOffRecord,
};
use crate::money::{Currency, Money, RoundingMode};
use crate::terms::{Deposit, DepositSize, EomMethod, PaymentTerms};

/// The seed of the bundled sample.
pub const DEFAULT_SEED: u64 = 2026;

/// The as-of date of the demo: the end of the sample period.
pub const AS_OF: NaiveDate = match NaiveDate::from_ymd_opt(2026, 6, 30) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// First day invoices are issued.
pub const START: NaiveDate = match NaiveDate::from_ymd_opt(2025, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// How a sample customer pays: the ground truth behind its invoices.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Behaviour {
    /// Pays on time or a few days early.
    Prompt,
    /// Pays within about ten days of the due date.
    Steady,
    /// Pays two to five weeks late.
    Slow,
    /// Sometimes on time, sometimes very late, sometimes in parts.
    Erratic,
    /// Pays months late, in parts, and leaves invoices open.
    Chronic,
    /// Stopped paying part-way through the period.
    Defaulter,
}

/// A sample customer's known behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Customer id.
    pub customer: String,
    /// Its behaviour.
    pub behaviour: Behaviour,
}

/// SplitMix64: tiny, fast, and fixed forever, so the sample never changes under us.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi` (`lo <= hi`).
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = hi
            .saturating_sub(lo)
            .saturating_add(1)
            .max(1)
            .unsigned_abs();
        lo.saturating_add(i64::try_from(self.next().checked_rem(span).unwrap_or(0)).unwrap_or(0))
    }

    /// Uniform in `0..n` (0 when `n` is 0): the high half of a 128-bit product (Lemire,
    /// "Fast random integer generation in an interval", ACM TOMACS 2019), whose bias is below
    /// `n / 2^64`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let wide = u128::from(self.next()).saturating_mul(u128::from(n));
        usize::try_from(wide >> 64).unwrap_or(0)
    }

    /// `true` with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let n = u64::try_from(items.len()).ok()?;
        if n == 0 {
            return None;
        }
        items.get(usize::try_from(self.next().checked_rem(n)?).ok()?)
    }
}

struct Spec {
    name: &'static str,
    sector: &'static str,
    behaviour: Behaviour,
    /// Invoices per year, roughly.
    per_year: i64,
    /// Net amount range in euros.
    size: (i64, i64),
    gbp: bool,
}

const fn spec(
    name: &'static str,
    sector: &'static str,
    behaviour: Behaviour,
    per_year: i64,
    size: (i64, i64),
) -> Spec {
    Spec {
        name,
        sector,
        behaviour,
        per_year,
        size,
        gbp: false,
    }
}

use Behaviour::*;

/// Forty fictional customers. Behaviours are spread so that, as docs/domain.md reports from practice,
/// a fifth of the customers cause most of the delay, and construction pays slowest.
const CUSTOMERS: &[Spec] = &[
    spec(
        "Bâtiments Morel SAS",
        "construction",
        Chronic,
        10,
        (4_000, 22_000),
    ),
    spec(
        "Charpentes du Jura",
        "construction",
        Slow,
        8,
        (2_500, 15_000),
    ),
    spec(
        "Rénov'Habitat SARL",
        "construction",
        Erratic,
        9,
        (1_500, 9_000),
    ),
    spec(
        "Travaux Publics Aubert",
        "construction",
        Defaulter,
        8,
        (6_000, 30_000),
    ),
    spec(
        "Maçonnerie Lefèvre",
        "construction",
        Slow,
        6,
        (1_200, 6_000),
    ),
    spec(
        "Électricité Vidal & Fils",
        "construction",
        Steady,
        7,
        (900, 5_000),
    ),
    spec(
        "Groupe Immo Sud",
        "construction",
        Chronic,
        6,
        (8_000, 40_000),
    ),
    spec(
        "Mécanique Précision Rhône",
        "industry",
        Steady,
        10,
        (3_000, 18_000),
    ),
    spec(
        "Plasturgie de l'Ain",
        "industry",
        Prompt,
        12,
        (2_000, 12_000),
    ),
    spec("Fonderie Garnier", "industry", Slow, 6, (5_000, 25_000)),
    spec(
        "Textiles Roubaix Nord",
        "industry",
        Erratic,
        8,
        (1_500, 8_000),
    ),
    spec("Usinage Bertrand", "industry", Prompt, 9, (1_000, 7_000)),
    spec(
        "Agro Conserves Bretagne",
        "industry",
        Steady,
        8,
        (2_500, 11_000),
    ),
    spec("Cabinet Roux Avocats", "services", Prompt, 12, (800, 4_000)),
    spec("Agence Pixel & Co", "services", Steady, 12, (1_200, 6_500)),
    spec("Conseil Meunier", "services", Prompt, 6, (2_000, 9_000)),
    spec("Studio Lumière", "services", Slow, 10, (600, 3_500)),
    spec(
        "Architectes Bonnet",
        "services",
        Erratic,
        7,
        (2_500, 14_000),
    ),
    spec(
        "Expertise Comptable Blanc",
        "services",
        Prompt,
        4,
        (1_500, 5_000),
    ),
    spec("Formation Pro Lyon", "services", Steady, 8, (900, 4_500)),
    spec(
        "Clinique Vétérinaire Dupuis",
        "services",
        Prompt,
        5,
        (400, 2_500),
    ),
    spec("Hôtel des Voyageurs", "services", Chronic, 7, (700, 4_000)),
    spec(
        "Restaurant Le Cercle",
        "services",
        Defaulter,
        9,
        (400, 2_200),
    ),
    spec("Boutique Céleste", "commerce", Slow, 11, (500, 3_000)),
    spec(
        "Distribution Marchand",
        "commerce",
        Steady,
        12,
        (3_000, 16_000),
    ),
    spec("Librairie des Quais", "commerce", Prompt, 6, (300, 1_800)),
    spec("Caves Fontaine", "commerce", Erratic, 8, (700, 4_500)),
    spec("Jardinerie Perrin", "commerce", Steady, 6, (1_000, 5_500)),
    spec("Optique Girard", "commerce", Prompt, 5, (500, 2_800)),
    spec(
        "Grossiste Alimentaire Henry",
        "commerce",
        Slow,
        10,
        (4_000, 20_000),
    ),
    spec("Mode Urbaine Paris", "commerce", Chronic, 8, (1_200, 7_000)),
    spec(
        "Télécom Services Ouest",
        "telecoms",
        Prompt,
        12,
        (1_500, 9_000),
    ),
    spec(
        "Réseaux Fibre Alpes",
        "telecoms",
        Steady,
        8,
        (3_000, 15_000),
    ),
    spec(
        "Opérateur Mobile Azur",
        "telecoms",
        Prompt,
        6,
        (5_000, 24_000),
    ),
    spec(
        "Câblage Data Normandie",
        "telecoms",
        Erratic,
        6,
        (1_500, 8_500),
    ),
    spec("Start-up Nuage", "services", Slow, 5, (1_000, 6_000)),
    spec(
        "Événements Riviera",
        "services",
        Chronic,
        5,
        (2_000, 12_000),
    ),
    spec("Imprimerie Lambert", "industry", Steady, 8, (700, 4_200)),
    Spec {
        gbp: true,
        ..spec("Thames Design Ltd", "services", Steady, 6, (1_500, 8_000))
    },
    Spec {
        gbp: true,
        ..spec(
            "Northern Print Works Ltd",
            "industry",
            Slow,
            5,
            (900, 5_500),
        )
    },
];

/// The known behaviour of each sample customer, in customer order.
///
/// ```
/// use arrears::sample::{profiles, Behaviour};
/// assert!(profiles().iter().any(|p| p.behaviour == Behaviour::Chronic));
/// ```
pub fn profiles() -> Vec<Profile> {
    CUSTOMERS
        .iter()
        .enumerate()
        .map(|(i, s)| Profile {
            customer: customer_id(i),
            behaviour: s.behaviour,
        })
        .collect()
}

/// A fictional but well-formed postal address.
fn address(i: usize, uk: bool) -> Vec<String> {
    const STREETS: &[&str] = &[
        "rue de la République",
        "avenue Jean Jaurès",
        "boulevard Voltaire",
        "rue Victor Hugo",
        "quai de la Marne",
        "rue des Tanneurs",
        "allée des Tilleuls",
    ];
    const CITIES: &[&str] = &[
        "69002 Lyon",
        "75011 Paris",
        "33000 Bordeaux",
        "59000 Lille",
        "13001 Marseille",
        "44000 Nantes",
        "67000 Strasbourg",
        "31000 Toulouse",
    ];
    const UK: &[&str] = &["14 Wharf Road|London N1 7GR", "3 Mill Lane|Leeds LS1 4AP"];
    if uk {
        let pick = UK
            .get(i.checked_rem(UK.len()).unwrap_or(0))
            .copied()
            .unwrap_or("1 High Street|London");
        return pick.split('|').map(str::to_string).collect();
    }
    let street = STREETS
        .get(i.checked_rem(STREETS.len()).unwrap_or(0))
        .copied()
        .unwrap_or("rue de la Paix");
    let city = CITIES
        .get(i.wrapping_mul(3).checked_rem(CITIES.len()).unwrap_or(0))
        .copied()
        .unwrap_or("75001 Paris");
    vec![
        format!(
            "{} {street}",
            i.wrapping_mul(7)
                .checked_rem(90)
                .unwrap_or(0)
                .saturating_add(1)
        ),
        city.to_string(),
    ]
}

/// Lower-case ASCII letters of a name, for fictional email domains.
fn slug(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            'é' | 'è' | 'ê' | 'É' => Some('e'),
            'â' | 'à' => Some('a'),
            'ô' => Some('o'),
            'ç' => Some('c'),
            'î' => Some('i'),
            _ => None,
        })
        .collect()
}

/// The studio that issues the sample invoices: the creditor in the demo's letters.
pub const CREDITOR_NAME: &str = "Studio Exemple SARL";

/// The creditor's address lines.
pub const CREDITOR_ADDRESS: &[&str] = &["8 place Bellecour", "69002 Lyon", "France"];

/// The creditor's registration (a fictional SIREN).
pub const CREDITOR_REGISTRATION: &str = "SIREN 000 000 000 (fictitious)";

fn customer_id(i: usize) -> String {
    format!("C{:03}", i.saturating_add(1))
}

/// Days between due date and payment for one behaviour (negative = early).
fn delay(rng: &mut Rng, b: Behaviour) -> i64 {
    match b {
        Prompt => rng.range(-6, 1),
        Steady => rng.range(-2, 12),
        Slow => rng.range(12, 38),
        Erratic => {
            if rng.chance(50) {
                rng.range(-3, 5)
            } else {
                rng.range(20, 95)
            }
        }
        Chronic => rng.range(45, 160),
        Defaulter => rng.range(5, 40),
    }
}

/// The terms a customer is on (French B2B practice: net 30, 45 days end of month, net 60,
/// end of month + 10), and for large construction orders a 30 % deposit.
fn terms_for(rng: &mut Rng, sector: &str, net: i64) -> PaymentTerms {
    if sector == "construction" && net >= 15_000 && rng.chance(40) {
        return PaymentTerms::Deposit(Deposit::new(
            DepositSize::SharePercent(Decimal::from(30)),
            PaymentTerms::NetDays { days: 30 },
        ));
    }
    match rng.range(0, 9) {
        0..=3 => PaymentTerms::NetDays { days: 30 },
        4..=5 => PaymentTerms::DaysEndOfMonth {
            days: 45,
            method: EomMethod::DaysThenEndOfMonth,
        },
        6..=7 => PaymentTerms::NetDays { days: 60 },
        _ => PaymentTerms::EndOfMonth {
            plus_days: 10,
            after_days: 0,
        },
    }
}

/// Generates the sample ledger.
///
/// # Errors
/// None in practice; date and money arithmetic are checked and reported like everywhere else.
pub fn portfolio(seed: u64) -> Result<LedgerDocument> {
    let mut rng = Rng(seed);
    let mut doc = LedgerDocument::default();
    let period_days = crate::calendar::date::days_between(START, AS_OF);
    let mut invoice_no: u32 = 0;
    let mut payment_no: u32 = 0;
    let mut credit_no: u32 = 0;

    for (ci, spec) in CUSTOMERS.iter().enumerate() {
        let id = customer_id(ci);
        let currency = if spec.gbp {
            Currency::GBP
        } else {
            Currency::EUR
        };
        doc.customers.push(CustomerRecord {
            id: id.clone(),
            name: Some(spec.name.to_string()),
            segment: Some(
                if spec.size.1 >= 15_000 {
                    "key_account"
                } else {
                    "standard"
                }
                .to_string(),
            ),
            sector: Some(spec.sector.to_string()),
            country: Some(if spec.gbp { "GB" } else { "FR" }.to_string()),
            address: address(ci, spec.gbp),
            email: Some(format!("compta@{}.example", slug(spec.name))),
            debtor: None,
        });
        // Invoices spread over the period at the customer's rhythm, with jitter.
        let count = spec.per_year.saturating_mul(3) / 2;
        let gap = period_days.checked_div(count).unwrap_or(period_days).max(7);
        // Defaulters stop paying after a date somewhere in the second half.
        let stop_paying = add_days(START, rng.range(period_days / 4, period_days / 2))?;
        let mut day = rng.range(0, gap);
        let mut open_for_writeoff: Option<(String, NaiveDate)> = None;
        // A few customers who pay in order never say which invoice they pay: their payments are
        // matched oldest first.
        let sends_remittance = !(matches!(spec.behaviour, Prompt | Steady) && rng.chance(25));
        while day < period_days {
            let issue = add_days(START, day)?;
            let jitter = gap / 3;
            day = day.saturating_add(
                gap.saturating_add(rng.range(jitter.saturating_neg(), jitter))
                    .max(5),
            );
            invoice_no = invoice_no.saturating_add(1);
            let inv_id = format!("F{}-{:04}", issue.year(), invoice_no);
            let net_cents = rng.range(
                spec.size.0.saturating_mul(100),
                spec.size.1.saturating_mul(100),
            );
            let net = Decimal::new(net_cents, 2);
            // VAT at 20 % (CGI art. 278 standard rate; UK VAT standard rate is also 20 %).
            let tax = RoundingMode::HalfUp.round(net.saturating_mul(Decimal::new(20, 2)), 2);
            let amount = net.saturating_add(tax);
            // Customers who never send remittance advice are on net 30, so their payments come in
            // due-date order and matching them oldest first finds the invoice they meant.
            let terms = if sends_remittance {
                terms_for(&mut rng, spec.sector, net_cents / 100)
            } else {
                PaymentTerms::NetDays { days: 30 }
            };
            let schedule = terms.schedule(issue, Money::new(amount, currency))?;
            doc.invoices.push(InvoiceRecord {
                id: inv_id.clone(),
                customer: id.clone(),
                issue_date: issue,
                due_date: None,
                terms: Some(terms),
                amount,
                net_amount: Some(net),
                tax_amount: Some(tax),
                currency,
            });

            // A few invoices get a credit note (a price correction, 5 to 15 %), a few a dispute.
            let mut reduction = Decimal::ZERO;
            if rng.chance(4) {
                credit_no = credit_no.saturating_add(1);
                let pct = Decimal::from(rng.range(5, 15));
                reduction = RoundingMode::HalfUp.round(
                    amount
                        .saturating_mul(pct)
                        .checked_div(Decimal::from(100))
                        .unwrap_or_default(),
                    2,
                );
                doc.credit_notes.push(CreditNoteRecord {
                    id: Some(format!("AV{}-{:03}", issue.year(), credit_no)),
                    invoice: Some(inv_id.clone()),
                    customer: None,
                    date: add_days(issue, rng.range(3, 20))?,
                    amount: reduction,
                    currency,
                });
            }

            for part in &schedule {
                let part_amount = part.amount.amount();
                // The credit note comes off the last part (the balance).
                let owed = if std::ptr::eq(part, schedule.last().unwrap_or(part)) {
                    part_amount.saturating_sub(reduction).max(Decimal::ZERO)
                } else {
                    part_amount
                };
                if owed.is_zero() {
                    continue;
                }
                let mut pay_on = add_days(part.due_date, delay(&mut rng, spec.behaviour))?;
                if pay_on < issue {
                    pay_on = issue;
                }
                let defaulted = spec.behaviour == Defaulter && pay_on >= stop_paying;
                if defaulted {
                    if open_for_writeoff.is_none() {
                        open_for_writeoff = Some((inv_id.clone(), part.due_date));
                    }
                    continue;
                }
                // Chronic payers leave some invoices open for good.
                if spec.behaviour == Chronic && rng.chance(15) {
                    continue;
                }
                let partial = matches!(spec.behaviour, Erratic | Chronic | Slow) && rng.chance(20);
                let remittance = sends_remittance;
                let mut pay = |date: NaiveDate, amt: Decimal, doc: &mut LedgerDocument| {
                    payment_no = payment_no.saturating_add(1);
                    doc.payments.push(PaymentRecord {
                        id: Some(format!("VIR-{payment_no:05}")),
                        customer: Some(id.clone()),
                        date,
                        amount: amt,
                        currency,
                        invoice: remittance.then(|| inv_id.clone()),
                        allocations: None,
                        kind: PaymentKind::Payment,
                    });
                };
                if partial {
                    let first = RoundingMode::HalfUp
                        .round(owed.checked_div(Decimal::from(2)).unwrap_or_default(), 2);
                    let first_date = add_days(pay_on, rng.range(-20, 0))?.max(issue);
                    pay(first_date, first, &mut doc);
                    let second_date = add_days(pay_on, rng.range(10, 60))?;
                    pay(second_date, owed.saturating_sub(first), &mut doc);
                } else {
                    pay(pay_on, owed, &mut doc);
                }
            }
        }
        // The defaulter's first unpaid invoice is written off eight months after its due date.
        if let Some((inv, due)) = open_for_writeoff {
            let on = add_days(due, 240)?;
            if on <= AS_OF {
                doc.write_offs.push(WriteOffRecord {
                    id: Some(format!("PERTE-{inv}")),
                    invoice: inv,
                    date: on,
                    amount: None,
                    reason: Some(
                        "customer in liquidation: claim declared, no dividend expected".into(),
                    ),
                });
            }
        }
    }

    // One deposit paid before its invoice (acompte on a construction order).
    if let Some(inv) = doc
        .invoices
        .iter()
        .find(|i| i.customer == "C006" && i.issue_date > add_days(START, 60).unwrap_or(START))
    {
        payment_no = payment_no.saturating_add(1);
        let deposit = RoundingMode::HalfUp.round(inv.amount.saturating_mul(Decimal::new(30, 2)), 2);
        doc.payments.push(PaymentRecord {
            id: Some(format!("ACOMPTE-{payment_no:05}")),
            customer: Some(inv.customer.clone()),
            date: add_days(inv.issue_date, -14)?,
            amount: deposit,
            currency: inv.currency,
            invoice: Some(inv.id.clone()),
            allocations: None,
            kind: PaymentKind::Deposit,
        });
        // The customer then pays the rest on time; drop its generated full payment first.
        let id = inv.id.clone();
        let amount = inv.amount;
        if let Some(p) = doc
            .payments
            .iter_mut()
            .find(|p| p.invoice.as_deref() == Some(id.as_str()) && p.kind == PaymentKind::Payment)
        {
            p.amount = amount.saturating_sub(deposit);
        }
    }

    // Two disputes: one settled by a credit note, one still open on the as-of date.
    add_disputes(&mut doc, &mut rng)?;

    // The books as exported on the as-of date: what happens after it is not in them yet (the
    // risk back-test refuses a horizon that runs past the data's last date).
    doc.payments.retain(|p| p.date <= AS_OF);
    doc.credit_notes.retain(|c| c.date <= AS_OF);
    for d in &mut doc.disputes {
        d.resolved = d.resolved.filter(|r| *r <= AS_OF);
    }

    if doc.invoices.is_empty() {
        return Err(err!(
            InvalidValue,
            "the sample generator produced no invoice"
        ));
    }
    Ok(doc)
}

fn add_disputes(doc: &mut LedgerDocument, rng: &mut Rng) -> Result<()> {
    let recent: Vec<(String, NaiveDate, Decimal)> = doc
        .invoices
        .iter()
        .filter(|i| i.customer == "C018" && i.issue_date > add_days(AS_OF, -150).unwrap_or(AS_OF))
        .map(|i| (i.id.clone(), i.issue_date, i.amount))
        .collect();
    if let Some((inv, issued, amount)) = rng.pick(&recent).cloned() {
        // "The last two days of work were not delivered": a part of the invoice is contested.
        let disputed = RoundingMode::HalfUp.round(amount.saturating_mul(Decimal::new(25, 2)), 2);
        doc.payments
            .retain(|p| p.invoice.as_deref() != Some(inv.as_str()));
        doc.disputes.push(DisputeRecord {
            invoice: inv,
            opened: add_days(issued, 12)?,
            resolved: None,
            amount: Some(disputed),
            reason: Some("deliverables of the last two days contested".into()),
        });
    }
    let older: Vec<(String, NaiveDate, Decimal, Currency)> = doc
        .invoices
        .iter()
        .filter(|i| i.customer == "C027" && i.issue_date < add_days(AS_OF, -240).unwrap_or(AS_OF))
        .map(|i| (i.id.clone(), i.issue_date, i.amount, i.currency))
        .collect();
    if let Some((inv, issued, amount, currency)) = rng.pick(&older).cloned() {
        let opened = add_days(issued, 20)?;
        let resolved = add_days(opened, 35)?;
        let credit = RoundingMode::HalfUp.round(amount.saturating_mul(Decimal::new(10, 2)), 2);
        doc.disputes.push(DisputeRecord {
            invoice: inv.clone(),
            opened,
            resolved: Some(resolved),
            amount: None,
            reason: Some("two cases of the delivery damaged".into()),
        });
        doc.credit_notes
            .retain(|c| c.invoice.as_deref() != Some(inv.as_str()));
        doc.credit_notes.push(CreditNoteRecord {
            id: Some("AV-LITIGE-001".into()),
            invoice: Some(inv.clone()),
            customer: None,
            date: resolved,
            amount: credit,
            currency,
        });
        for p in doc
            .payments
            .iter_mut()
            .filter(|p| p.invoice.as_deref() == Some(inv.as_str()))
        {
            p.date = add_days(resolved, 6)?;
        }
        // Keep the payments equal to what is left after the credit note.
        let paid: Decimal = doc
            .payments
            .iter()
            .filter(|p| p.invoice.as_deref() == Some(inv.as_str()))
            .map(|p| p.amount)
            .sum();
        let owed = amount.saturating_sub(credit);
        if let Some(p) = doc
            .payments
            .iter_mut()
            .rev()
            .find(|p| p.invoice.as_deref() == Some(inv.as_str()))
        {
            p.amount = p.amount.saturating_sub(paid.saturating_sub(owed));
        }
        doc.payments.retain(|p| p.amount > Decimal::ZERO);
    }
    Ok(())
}
