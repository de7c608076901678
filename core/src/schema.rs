//! JSON Schemas of the main documents, generated from the serde types (feature `schemas`).
//!
//! The request and response types derive [`schemars::JsonSchema`] behind the `schemas` feature;
//! this module describes the values written through custom serde code (decimal strings, dates,
//! currencies, regimes, calendars) and lists the published schemas. `arrears schemas --out DIR`
//! writes them; `docs/schemas/` holds the published copies and `make check-docs` keeps them
//! current.
//!
//! ```
//! let docs = arrears::schema::documents();
//! let (name, ledger) = &docs[0];
//! assert_eq!(*name, "ledger.schema.json");
//! assert_eq!(ledger.get("title").and_then(|t| t.as_str()), Some("LedgerDocument"));
//! ```

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::calendar::{CalendarSpec, CALENDAR_IDS};
use crate::dunning::agenda::Agenda;
use crate::dunning::ops::AgendaRequest;
use crate::interest::{InterestRequest, Regime, Statement};
use crate::ledger::ops::LedgerRequest;
use crate::ledger::LedgerDocument;
use crate::money::Currency;

/// The pattern of a decimal string, as [`crate::money::parse_decimal`] reads it.
pub const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

/// The pattern of a `YYYY-MM-DD` date (the day must also exist: `format: date`).
pub const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// Schema stand-in for a [`rust_decimal::Decimal`] written as a string (`"1234.50"`).
pub struct DecimalString;

impl JsonSchema for DecimalString {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A decimal written as a string: optional `-`, digits, optionally `.` and digits. JSON numbers, exponents and thousands separators are refused.",
            "type": "string",
            "pattern": DECIMAL_PATTERN,
        })
    }
}

/// Schema stand-in for a [`chrono::NaiveDate`] written `YYYY-MM-DD`.
pub struct Date;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar date `YYYY-MM-DD` that exists (2024-02-30 is refused).",
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
        })
    }
}

impl JsonSchema for Currency {
    fn schema_name() -> Cow<'static, str> {
        "Currency".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An active ISO 4217 alphabetic code, upper case (`EUR`).",
            "type": "string",
            "pattern": "^[A-Z]{3}$",
        })
    }
}

impl JsonSchema for Regime {
    fn schema_name() -> Cow<'static, str> {
        "Regime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = Regime::ALL.iter().map(|r| r.as_str()).collect();
        json_schema!({
            "description": "An interest regime id (docs/interest.md).",
            "type": "string",
            "enum": ids,
        })
    }
}

impl JsonSchema for CalendarSpec {
    fn schema_name() -> Cow<'static, str> {
        "CalendarSpec".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let date = generator.subschema_for::<Date>();
        json_schema!({
            "description": "A built-in calendar id (`\"fr\"`), or an id with extra closed days.",
            "oneOf": [
                {"type": "string", "enum": CALENDAR_IDS},
                {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "enum": CALENDAR_IDS},
                        "closures": {"type": "array", "items": date},
                    },
                    "required": ["id"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

/// The published schemas: file name and schema, in documentation order.
///
/// Requests are described as they are read (fields with a default are optional); responses as
/// they are written (every field that is always written is required).
pub fn documents() -> Vec<(&'static str, Schema)> {
    fn request<T: JsonSchema>() -> Schema {
        SchemaSettings::draft2020_12()
            .for_deserialize()
            .into_generator()
            .into_root_schema_for::<T>()
    }
    fn response<T: JsonSchema>() -> Schema {
        SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<T>()
    }
    vec![
        ("ledger.schema.json", request::<LedgerDocument>()),
        ("ledger-request.schema.json", request::<LedgerRequest>()),
        ("interest-request.schema.json", request::<InterestRequest>()),
        ("statement.schema.json", response::<Statement>()),
        ("agenda-request.schema.json", request::<AgendaRequest>()),
        ("agenda.schema.json", response::<Agenda>()),
        (
            "claims-request.schema.json",
            request::<crate::claim::ops::ClaimsRequest>(),
        ),
        (
            "claims.schema.json",
            response::<crate::claim::ops::ClaimsResponse>(),
        ),
    ]
}
