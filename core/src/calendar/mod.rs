//! Business-day calendars and day-count conventions.
//!
//! (Being written: see the module plan in `docs/design-faq.md`. The public API below is fixed;
//! holiday rules are filled in by the calendar work.)

pub mod date;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Result;

/// How a date that is not a business day is moved.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Roll {
    /// Keep the date as it is.
    #[default]
    None,
    /// The next business day.
    Following,
    /// The previous business day.
    Preceding,
    /// The next business day, unless it is in the next month: then the previous one.
    ModifiedFollowing,
}

/// A business-day calendar: weekend days, public holidays computed by rule, extra closures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    id: String,
}

impl Calendar {
    /// A calendar by identifier (`fr`, `fr_alsace_moselle`, `de`, `de_by`, `uk_england_wales`,
    /// `weekends`).
    ///
    /// # Errors
    /// `calendar.unknown_calendar`.
    pub fn by_id(id: &str) -> Result<Calendar> {
        Ok(Calendar { id: id.to_string() })
    }

    /// The identifier.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// `true` when `date` is a business day.
    ///
    /// # Errors
    /// `calendar.unsupported_year`.
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool> {
        use chrono::Datelike;
        Ok(date.weekday().number_from_monday() <= 5)
    }

    /// Moves `date` to a business day by `roll`.
    ///
    /// # Errors
    /// `calendar.unsupported_year`, `date.out_of_range`.
    pub fn roll(&self, date: NaiveDate, roll: Roll) -> Result<NaiveDate> {
        let _ = roll;
        Ok(date)
    }
}

/// ops (placeholder)
pub mod ops {
    use crate::error::{Code, Error, Result};
    /// placeholder
    pub fn day_count(_: serde_json::Value) -> Result<serde_json::Value> {
        Err(Error::new(Code::UnknownOperation, "not yet"))
    }
    /// placeholder
    pub fn holidays(_: serde_json::Value) -> Result<serde_json::Value> {
        Err(Error::new(Code::UnknownOperation, "not yet"))
    }
    /// placeholder
    pub fn business_days(_: serde_json::Value) -> Result<serde_json::Value> {
        Err(Error::new(Code::UnknownOperation, "not yet"))
    }
}
