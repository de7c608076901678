//! Aging buckets: how old a receivable is, in which bucket it falls. Defined at the ledger's level
//! so that the KPIs (`crate::kpi::aging`) and the batch engine (`crate::portfolio`) share them
//! without importing from each other.

use serde::{Deserialize, Serialize};

use crate::error::{err, Result};

/// What the age of a receivable is counted from.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgingBasis {
    /// Days past the due date; a first bucket holds what is not due yet.
    #[default]
    DueDate,
    /// Days since the invoice date.
    InvoiceDate,
}

/// Aging options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgingOptions {
    /// Upper bounds (in days, inclusive, strictly increasing, above zero) of the closed buckets;
    /// one more bucket takes everything older. Default `[30, 60, 90]`.
    #[serde(default = "default_bounds")]
    pub bounds: Vec<u32>,
    /// Age counted from the due date (default) or the invoice date.
    #[serde(default)]
    pub basis: AgingBasis,
}

fn default_bounds() -> Vec<u32> {
    vec![30, 60, 90]
}

impl Default for AgingOptions {
    fn default() -> Self {
        AgingOptions {
            bounds: default_bounds(),
            basis: AgingBasis::DueDate,
        }
    }
}

/// One bucket's definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemas", derive(schemars::JsonSchema))]
pub struct Bucket {
    /// Label, e.g. `not_due`, `1-30`, `91+`.
    pub label: String,
    /// Smallest age in the bucket (`None` for "not due").
    pub from_days: Option<i64>,
    /// Largest age in the bucket (`None` when open-ended).
    pub to_days: Option<i64>,
}

/// Builds the bucket list for options.
///
/// # Errors
/// `input.invalid_value` when bounds are empty, zero or not strictly increasing.
pub fn buckets(options: &AgingOptions) -> Result<Vec<Bucket>> {
    if options.bounds.is_empty() {
        return Err(err!(InvalidValue, "aging needs at least one bucket bound"));
    }
    let mut prev = 0u32;
    for b in &options.bounds {
        if *b <= prev {
            return Err(err!(
                InvalidValue,
                "aging bounds must be above zero and strictly increasing, got {:?}",
                options.bounds
            ));
        }
        prev = *b;
    }
    let mut out = Vec::new();
    let mut from: i64 = match options.basis {
        AgingBasis::DueDate => {
            out.push(Bucket {
                label: "not_due".into(),
                from_days: None,
                to_days: Some(0),
            });
            1
        }
        AgingBasis::InvoiceDate => 0,
    };
    for b in &options.bounds {
        let to = i64::from(*b);
        out.push(Bucket {
            label: format!("{from}-{to}"),
            from_days: Some(from),
            to_days: Some(to),
        });
        from = to.saturating_add(1);
    }
    out.push(Bucket {
        label: format!("{from}+"),
        from_days: Some(from),
        to_days: None,
    });
    Ok(out)
}

pub(crate) fn bucket_of(buckets: &[Bucket], age: i64) -> usize {
    buckets
        .iter()
        .position(|b| b.to_days.is_none_or(|t| age <= t))
        .unwrap_or(buckets.len().saturating_sub(1))
}
