//! JSON Schemas of the main documents, generated from the serde types (feature `schemas`).
//!
//! The request and response types derive [`schemars::JsonSchema`] behind the `schemas` feature;
//! this module describes the values of lower modules written through custom serde code
//! (currencies, regimes, calendars, plan intervals) and lists the published schemas; the stand-ins
//! the types' derives name (decimal strings, dates, risk factor values) live at the bottom, in
//! [`crate::document`], and are re-exported here. `arrears schemas --out DIR` writes them; `docs/schemas/` holds the published copies
//! and `make check-docs` keeps them current.
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
use crate::kpi::ops::KpisRequest;
use crate::kpi::KpiReport;
use crate::ledger::ops::LedgerRequest;
use crate::ledger::{LedgerDocument, LedgerState};
use crate::letters::ops::LetterRequest;
use crate::letters::Letter;
use crate::money::Currency;
use crate::plans::{Every, PaymentPlan, PlanRequest};
use crate::risk::ops::{RiskRequest, RiskResponse};
use crate::terms::ops::{DueDateRequest, DueDateResponse};

pub use crate::document::{Date, DecimalString, FactorValue, DATE_PATTERN, DECIMAL_PATTERN};
pub use crate::plans::PlanTerms;

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

impl JsonSchema for Every {
    fn schema_name() -> Cow<'static, str> {
        "Every".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The interval between two instalments: `\"month\"`, `\"week\"`, or a number of calendar days (at least 1).",
            "oneOf": [
                {"type": "string", "enum": ["month", "week"]},
                {"type": "integer", "format": "uint32", "minimum": 1, "maximum": u32::MAX},
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
        ("ledger-state.schema.json", response::<LedgerState>()),
        ("due-date-request.schema.json", request::<DueDateRequest>()),
        ("due-date.schema.json", response::<DueDateResponse>()),
        ("plan-request.schema.json", request::<PlanRequest>()),
        ("plan.schema.json", response::<PaymentPlan>()),
        ("letter-request.schema.json", request::<LetterRequest>()),
        ("letter.schema.json", response::<Letter>()),
        ("risk-request.schema.json", request::<RiskRequest>()),
        ("risk.schema.json", response::<RiskResponse>()),
        ("kpis-request.schema.json", request::<KpisRequest>()),
        ("kpis.schema.json", response::<KpiReport>()),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::Value;

    use super::documents;

    /// The bindings' generators (Node's types, the Swift and Kotlin records) put the definitions
    /// of every published schema in one namespace: a name must mean one shape everywhere (its
    /// own title and description aside).
    #[test]
    fn a_name_is_one_shape_across_the_schemas() {
        let mut seen: BTreeMap<String, (&str, Value)> = BTreeMap::new();
        for (file, schema) in documents() {
            let mut root = schema.to_value();
            let defs = root.as_object_mut().and_then(|o| o.remove("$defs"));
            let title = root
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let mut named: Vec<(String, Value)> = match defs {
                Some(Value::Object(defs)) => defs.into_iter().collect(),
                _ => Vec::new(),
            };
            named.push((title, root));
            for (name, mut shape) in named {
                if let Some(o) = shape.as_object_mut() {
                    for key in ["$schema", "title", "description"] {
                        o.remove(key);
                    }
                }
                match seen.get(&name) {
                    Some((first, earlier)) => {
                        assert_eq!(earlier, &shape, "{name} differs between {first} and {file}");
                    }
                    None => {
                        seen.insert(name, (file, shape));
                    }
                }
            }
        }
    }
}
