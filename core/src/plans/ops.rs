//! Request and response documents of the `plan` and `plan_status` operations of [`crate::run`].
//!
//! ```
//! let plan = arrears::run("plan", &serde_json::json!({
//!     "amount": "10000.00", "currency": "EUR", "instalments": 4,
//!     "first_date": "2025-03-05", "every": "month", "agreed_on": "2025-03-01"
//! }))?;
//! assert_eq!(plan["instalments"][3]["due_date"], "2025-06-05");
//! assert_eq!(plan["instalments"][3]["amount"], "2500.00");
//! assert_eq!(plan["findings"], serde_json::json!([]));
//!
//! let status = arrears::run("plan_status", &serde_json::json!({
//!     "plan": plan, "as_of": "2025-04-20",
//!     "payments": [{"date": "2025-03-05", "amount": "2500.00"},
//!                  {"date": "2025-04-07", "amount": "2500.00"}]
//! }))?;
//! assert_eq!(status["state"], "active");
//! assert_eq!(status["instalments"][1]["status"], "paid");
//! assert_eq!(status["instalments"][2]["status"], "not_due");
//! assert_eq!(status["totals"]["outstanding"], "5000.00");
//! # Ok::<(), arrears::Error>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{build, track, PaymentPlan, PlanPayment, PlanRequest, PlanStatus};
use crate::calendar::date::serde_date;
use crate::error::Result;

/// Runs `plan`: the request is a [`PlanRequest`], the response a [`PaymentPlan`].
///
/// # Errors
/// Those of [`build`].
///
/// ```
/// use arrears::plans::{ops, Every, PlanRequest};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// let plan = ops::plan(PlanRequest::by_count(Money::parse("100.00", "EUR")?, 3,
///                                            parse_date("2025-01-10")?, Every::Month))?;
/// assert_eq!(plan.totals.total.to_string(), "100.00");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn plan(request: PlanRequest) -> Result<PaymentPlan> {
    // What the schedule's arithmetic cannot hold comes from the amount, and what the calendar
    // cannot hold from the dates the instalments start on.
    build(&request).map_err(|e| {
        e.locate(crate::Code::Overflow, "amount")
            .locate(crate::Code::DateOutOfRange, "first_date")
    })
}

/// `plan_status` request: `{"plan": <a plan document>, "payments": [{"date", "amount"}],
/// "as_of": "YYYY-MM-DD"}` (`payments` may be omitted). Unknown fields are refused.
///
/// ```
/// use arrears::plans::ops::PlanStatusRequest;
/// let plan = arrears::run("plan", &serde_json::json!({"amount": "50.00", "currency": "EUR",
///     "instalments": 2, "first_date": "2025-01-10", "every": "week"}))?;
/// let r: PlanStatusRequest = serde_json::from_value(serde_json::json!({
///     "plan": plan, "as_of": "2025-01-11"})).unwrap();
/// assert!(r.payments.is_empty());
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStatusRequest {
    /// The plan, as `plan` returned it.
    pub plan: PaymentPlan,
    /// The payments received under the plan, in any order.
    #[serde(default)]
    pub payments: Vec<PlanPayment>,
    /// The date of the status.
    #[serde(with = "serde_date")]
    pub as_of: NaiveDate,
}

/// Runs `plan_status`: the response is a [`PlanStatus`].
///
/// # Errors
/// Those of [`track`].
///
/// ```
/// use arrears::plans::{ops, Every, PlanRequest, PlanState};
/// use arrears::money::Money;
/// use arrears::calendar::date::parse_date;
/// let plan = ops::plan(PlanRequest::by_count(Money::parse("100.00", "EUR")?, 3,
///                                            parse_date("2025-01-10")?, Every::Month))?;
/// let status = ops::plan_status(ops::PlanStatusRequest {
///     plan, payments: vec![], as_of: parse_date("2025-01-20")? })?;
/// assert_eq!(status.state, PlanState::Defaulted);
/// assert_eq!(status.defaulted_on, Some(parse_date("2025-01-15")?));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn plan_status(request: PlanStatusRequest) -> Result<PlanStatus> {
    track(&request.plan, &request.payments, request.as_of)
}
