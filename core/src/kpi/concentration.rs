//! Concentration of the overdue amount by customer: the share of the top customers, the Lorenz
//! curve and the Gini coefficient.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::figure::{add, mul, percent, round_money, round_places, sub, Figure};
use super::history::{History, Scope};
use crate::error::{err, Result};
use crate::money::decimal_string;

/// One of the customers holding the most overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct TopDebtor {
    /// Customer id.
    pub customer: String,
    /// Its overdue amount.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub overdue: Decimal,
    /// Its share of the scope's overdue amount, in percent (two places).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub share_percent: Decimal,
}

/// A point of the Lorenz curve, both coordinates in percent (two places).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct LorenzPoint {
    /// Share of the customers (the smallest debtors first).
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub customers_percent: Decimal,
    /// Share of the overdue amount they hold together.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub overdue_percent: Decimal,
}

/// How concentrated the overdue amount is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Concentration {
    /// Customers with something outstanding on the as-of date: the population measured.
    pub customers: usize,
    /// Of which with something overdue.
    pub customers_overdue: usize,
    /// Total overdue amount.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub overdue: Decimal,
    /// The share of customers looked at (20 by default).
    pub top_percent: u32,
    /// ⌈customers × top_percent / 100⌉ (at least one when there are customers).
    pub top_customers: usize,
    /// Those customers, largest overdue first (empty when nothing is overdue).
    pub top: Vec<TopDebtor>,
    /// Their share of the overdue amount, in percent.
    pub top_share: Figure,
    /// Gini coefficient of the overdue amounts over the population, four places, in [0, 1).
    pub gini: Figure,
    /// Total outstanding (overdue or not) of the population.
    #[serde(with = "decimal_string")]
    #[cfg_attr(feature = "schemas", schemars(with = "crate::document::DecimalString"))]
    pub outstanding: Decimal,
    /// The top customers' share of the **outstanding** amount (the same number of customers,
    /// ranked by outstanding), in percent: concentration of exposure rather than of delay.
    pub top_share_outstanding: Figure,
    /// Gini coefficient of the outstanding amounts over the population, four places.
    pub gini_outstanding: Figure,
    /// Lorenz curve from (0, 0) to (100, 100), one point per customer.
    pub lorenz: Vec<LorenzPoint>,
}

impl Concentration {
    /// The Lorenz curve as (share of customers, share of overdue) pairs in 0..=1, for charts.
    pub fn lorenz_f64(&self) -> Vec<(f64, f64)> {
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0) / 100.0;
        self.lorenz
            .iter()
            .map(|p| (f(p.customers_percent), f(p.overdue_percent)))
            .collect()
    }
}

/// The concentration of the overdue amount on the as-of date among the scope's customers with
/// something outstanding.
///
/// With the customers' overdue amounts sorted ascending, x₁ ≤ … ≤ xₙ, and S = Σ xᵢ:
///
/// * the Lorenz curve joins (i/n, (x₁ + … + xᵢ)/S) for i = 0..n;
/// * the Gini coefficient is G = 2 Σ i·xᵢ / (n·S) − (n + 1)/n, one minus twice the area under
///   the Lorenz curve (trapezoids): 0 when all owe the same, at most (n − 1)/n when one customer
///   holds everything, so always below 1;
/// * the top share is what the ⌈n × top_percent / 100⌉ largest debtors hold.
///
/// Undefined figures: `no_customers` (nobody owes anything), `nothing_overdue` (S = 0),
/// `single_customer` (a Gini coefficient needs two customers).
///
/// # Errors
/// `input.invalid_value` when `top_percent` is not in 1..=100; `money.overflow`.
///
/// ```
/// use arrears::{kpi::{self, History, Scope}, ledger::Ledger, money::Currency, sample};
/// let h = History::new(&Ledger::new(sample::portfolio(sample::DEFAULT_SEED)?)?, sample::AS_OF)?;
/// let c = kpi::concentration(&h, &Scope::currency(Currency::EUR), 20)?;
/// let g = c.gini.value.unwrap();
/// assert!(g >= rust_decimal::Decimal::ZERO && g < rust_decimal::Decimal::ONE);
/// assert_eq!(c.lorenz.len(), c.customers + 1);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn concentration(history: &History, scope: &Scope, top_percent: u32) -> Result<Concentration> {
    if !(1..=100).contains(&top_percent) {
        return Err(err!(
            InvalidValue,
            "top_percent must be between 1 and 100, got {top_percent}"
        ));
    }
    let as_of = history.as_of();
    // Per customer: (overdue, outstanding).
    let mut per: BTreeMap<&str, (Decimal, Decimal)> = BTreeMap::new();
    for it in history.items(scope) {
        let r = &it.r;
        if r.outstanding.is_zero() {
            continue;
        }
        let slot = per
            .entry(r.customer.as_str())
            .or_insert((Decimal::ZERO, Decimal::ZERO));
        slot.1 = add(slot.1, r.outstanding)?;
        if r.due_date < as_of {
            slot.0 = add(slot.0, r.outstanding)?;
        }
    }
    let mut exposure: Vec<Decimal> = per.values().map(|(_, o)| *o).collect();
    exposure.sort();
    let mut amounts: Vec<(&str, Decimal)> = per.into_iter().map(|(c, (a, _))| (c, a)).collect();
    amounts.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
    let n = amounts.len();
    let total = amounts
        .iter()
        .try_fold(Decimal::ZERO, |s, (_, a)| add(s, *a))?;
    let c = scope.currency;
    let top_customers = if n == 0 {
        0
    } else {
        n.saturating_mul(usize::try_from(top_percent).unwrap_or(100))
            .div_ceil(100)
            .clamp(1, n)
    };
    let mut out = Concentration {
        customers: n,
        customers_overdue: amounts.iter().filter(|(_, a)| !a.is_zero()).count(),
        overdue: round_money(total, c),
        top_percent,
        top_customers,
        top: Vec::new(),
        top_share: Figure::undefined("no_customers", "no customer owes anything"),
        gini: Figure::undefined("no_customers", "no customer owes anything"),
        outstanding: round_money(Decimal::ZERO, c),
        top_share_outstanding: Figure::undefined("no_customers", "no customer owes anything"),
        gini_outstanding: Figure::undefined("no_customers", "no customer owes anything"),
        lorenz: Vec::new(),
    };
    if n == 0 {
        return Ok(out);
    }
    let (outstanding, top_share, gini) =
        top_share_and_gini(&exposure, top_customers, "nothing_outstanding")?;
    out.outstanding = round_money(outstanding, c);
    out.top_share_outstanding = top_share;
    out.gini_outstanding = gini;
    if total <= Decimal::ZERO {
        let why = "nothing is overdue";
        out.top_share = Figure::undefined("nothing_overdue", why);
        out.gini = Figure::undefined("nothing_overdue", why);
        return Ok(out);
    }
    for (customer, a) in amounts.iter().rev().take(top_customers) {
        out.top.push(TopDebtor {
            customer: (*customer).to_string(),
            overdue: round_money(*a, c),
            share_percent: percent(*a, total)?.unwrap_or(Decimal::ZERO),
        });
    }
    // Largest first; equal amounts by id, as the ascending sort reversed them.
    out.top
        .sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.customer.cmp(&b.customer)));
    let overdue: Vec<Decimal> = amounts.iter().map(|(_, a)| *a).collect();
    let (_, top_share, gini) = top_share_and_gini(&overdue, top_customers, "nothing_overdue")?;
    out.top_share = top_share;
    out.gini = gini;

    let nd = Decimal::from(n);
    let mut cumulative = Decimal::ZERO;
    out.lorenz.push(LorenzPoint {
        customers_percent: round_places(Decimal::ZERO, 2),
        overdue_percent: round_places(Decimal::ZERO, 2),
    });
    for (i, a) in overdue.iter().enumerate() {
        cumulative = add(cumulative, *a)?;
        out.lorenz.push(LorenzPoint {
            customers_percent: percent(Decimal::from(i.saturating_add(1)), nd)?
                .unwrap_or(Decimal::ZERO),
            overdue_percent: percent(cumulative, total)?.unwrap_or(Decimal::ZERO),
        });
    }
    Ok(out)
}

/// The total of `sorted` (ascending), the share the `top` largest hold in percent, and the Gini
/// coefficient G = (2 Σ i·xᵢ − (n + 1) S) / (n S), four places (undefined below two values, or
/// with a zero total: `empty`). For the overdue and the outstanding amounts alike.
fn top_share_and_gini(
    sorted: &[Decimal],
    top: usize,
    empty: &str,
) -> Result<(Decimal, Figure, Figure)> {
    let total = sorted.iter().try_fold(Decimal::ZERO, |s, a| add(s, *a))?;
    let top_sum = sorted
        .iter()
        .rev()
        .take(top)
        .try_fold(Decimal::ZERO, |s, a| add(s, *a))?;
    let share = Figure::or_undefined(percent(top_sum, total)?, empty, "");
    let n = sorted.len();
    if n < 2 {
        let why = "a Gini coefficient needs at least two customers";
        return Ok((total, share, Figure::undefined("single_customer", why)));
    }
    let mut weighted = Decimal::ZERO;
    for (i, a) in sorted.iter().enumerate() {
        weighted = add(weighted, mul(Decimal::from(i.saturating_add(1)), *a)?)?;
    }
    let nd = Decimal::from(n);
    let num = sub(
        mul(Decimal::TWO, weighted)?,
        mul(add(nd, Decimal::ONE)?, total)?,
    )?;
    let gini = Figure::or_undefined(
        num.checked_div(mul(nd, total)?).map(|g| round_places(g, 4)),
        "nothing_outstanding",
        "",
    );
    Ok((total, share, gini))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Ledger, LedgerDocument};
    use crate::money::Currency;

    fn history(amounts: &[(&str, &str, &str)]) -> History {
        let invoices: Vec<serde_json::Value> = amounts
            .iter()
            .enumerate()
            .map(|(i, (c, due, a))| {
                serde_json::json!({"id": format!("F{i}"), "customer": c,
                    "issue_date": "2025-01-01", "due_date": due, "amount": a, "currency": "EUR"})
            })
            .collect();
        let doc: LedgerDocument =
            serde_json::from_value(serde_json::json!({ "invoices": invoices })).unwrap();
        let d = crate::calendar::date::parse_date("2025-06-30").unwrap();
        History::new(&Ledger::new(doc).unwrap(), d).unwrap()
    }

    #[test]
    fn gini_and_lorenz_by_hand() {
        // Overdue 100, 300, 600 (a fourth customer owes 50 not yet due: overdue 0).
        let h = history(&[
            ("A", "2025-03-01", "100.00"),
            ("B", "2025-03-01", "300.00"),
            ("C", "2025-03-01", "600.00"),
            ("D", "2025-12-31", "50.00"),
        ]);
        let c = concentration(&h, &Scope::currency(Currency::EUR), 20).unwrap();
        assert_eq!(c.customers, 4);
        assert_eq!(c.customers_overdue, 3);
        // Sorted 0, 100, 300, 600; S = 1000; Σ i·x = 0 + 200 + 900 + 2400 = 3500.
        // G = 2 × 3500 / (4 × 1000) − 5/4 = 1.75 − 1.25 = 0.5.
        assert_eq!(c.gini.value.unwrap().to_string(), "0.5000");
        // Top ⌈4 × 0.2⌉ = 1 customer: C with 600 of 1000.
        assert_eq!(c.top_customers, 1);
        assert_eq!(c.top[0].customer, "C");
        assert_eq!(c.top_share.value.unwrap().to_string(), "60.00");
        let pts: Vec<(String, String)> = c
            .lorenz
            .iter()
            .map(|p| {
                (
                    p.customers_percent.to_string(),
                    p.overdue_percent.to_string(),
                )
            })
            .collect();
        assert_eq!(
            pts,
            [
                ("0.00", "0.00"),
                ("25.00", "0.00"),
                ("50.00", "10.00"),
                ("75.00", "40.00"),
                ("100.00", "100.00")
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert_eq!(c.lorenz_f64().last(), Some(&(1.0, 1.0)));
    }

    #[test]
    fn degenerate_populations_are_undefined() {
        let one = history(&[("A", "2025-03-01", "100.00")]);
        let c = concentration(&one, &Scope::currency(Currency::EUR), 20).unwrap();
        assert_eq!(c.gini.reason.as_deref(), Some("single_customer"));
        assert_eq!(c.top_share.value.unwrap().to_string(), "100.00");
        let none = history(&[("A", "2025-12-01", "100.00"), ("B", "2025-12-01", "1.00")]);
        let c = concentration(&none, &Scope::currency(Currency::EUR), 20).unwrap();
        assert_eq!(c.gini.reason.as_deref(), Some("nothing_overdue"));
        let c = concentration(&none, &Scope::currency(Currency::USD), 20).unwrap();
        assert_eq!(c.gini.reason.as_deref(), Some("no_customers"));
        assert!(concentration(&none, &Scope::currency(Currency::EUR), 0).is_err());
    }
}
