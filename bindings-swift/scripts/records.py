#!/usr/bin/env python3
"""Writes src/records.rs: the uniffi records and enums of the typed Swift and Kotlin API, generated
from the documents' JSON Schemas in docs/schemas/ (themselves generated from the core's types), so
that a typed record has every field of its document, with the same names and optionality.

Each record also derives serde with the document's field names: a typed call converts its record
to the document, runs the core's operation, and converts the answer back (src/typed.rs). A field
the schema lacks would fail that conversion (`deny_unknown_fields`), and the tests run every
conformance vector of a typed operation through it.

Mapping:
- `Decimal` -> rust_decimal `Decimal` (Swift `Foundation.Decimal`, Kotlin `java.math.BigDecimal`);
  `Date` -> `CivilDate` (chrono's `NaiveDate`; Swift `DateComponents`, Kotlin `java.time.LocalDate`);
  `Currency` -> `String` (an ISO 4217 code, checked by the core);
- a document without a schema of its own, or a type inside itself -> `JsonDocument` (JSON text
  on the foreign side);
- a JSON number (a risk score, a weight, a share; money and rates are always decimal strings) ->
  `f64`;
- an object -> a record; a field the schema does not require -> an optional with default `nil`/`null`;
- an object whose values are all of one type (`additionalProperties`) -> a map;
- strings from a fixed list -> an enum without fields;
- objects tagged by a constant property (`kind`, `type`) -> an enum with fields;
- "a string or an object" -> an enum of two variants (`Id { id }`, `Custom { value }`).

    python3 scripts/records.py           # rewrite src/records.rs
    python3 scripts/records.py --check   # fail when src/records.rs is stale
"""

import json
import keyword
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SCHEMAS = HERE.parent / "docs" / "schemas"
OUT = HERE / "src" / "records.rs"

# The documents of the typed API, in the order they are written.
DOCUMENTS = [
    "interest-request",
    "statement",
    "ledger",
    "ledger-request",
    "ledger-state",
    "claims-request",
    "claims",
    "agenda-request",
    "agenda",
    "due-date-request",
    "due-date",
    "plan-request",
    "plan",
    "letter-request",
    "letter",
    "risk-request",
    "risk",
    "kpis-request",
    "kpis",
]

BUILTIN = {"Decimal": "Decimal", "Date": "CivilDate", "Currency": "String"}
RUST_KEYWORDS = {"type", "match", "ref", "move", "in", "fn", "impl", "loop", "mod", "use", "where", "as", "self", "crate", "super", "trait", "struct", "enum", "const", "static", "let", "mut", "pub", "return", "for", "if", "else", "while", "true", "false", "break", "continue", "extern", "unsafe", "dyn", "async", "await", "box", "abstract", "final", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "macro", "become", "do"}


def camel(s):
    parts = re.split(r"[^A-Za-z0-9]+", s)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


def doc_lines(text, indent):
    if not text:
        return []
    out = []
    for line in text.strip().splitlines():
        line = line.rstrip().replace("*/", "* /")
        out.append(f"{indent}///{(' ' + line) if line else ''}")
    return out


class Generator:
    def __init__(self):
        self.defs = {}  # name -> schema
        self.order = []  # names in first-seen order
        self.items = {}  # name -> rust source
        self.pending = []
        self.current = None

    def add_def(self, name, schema):
        if name in self.defs:
            if self.defs[name] != schema:
                # Two documents describe a type differently: the core has one type per name.
                raise SystemExit(f"records.py: {name} differs between schemas")
            return
        self.defs[name] = schema
        self.order.append(name)

    def ref_name(self, ref):
        return ref.split("/")[-1]

    def integer(self, schema):
        # Every integer is a signed 64-bit one (Swift `Int64`, Kotlin `Long`): unsigned types are
        # awkward in both, and the core checks every range (a negative count is its error).
        return "i64"

    def type_of(self, schema, hint):
        """The Rust type of a schema, and whether it may be null."""
        if "$ref" in schema:
            name = self.ref_name(schema["$ref"])
            if name in BUILTIN:
                return BUILTIN[name], False
            if name == self.current:
                # A type inside itself (the terms of a deposit's balance): uniffi records hold
                # no indirection, so the inner one crosses as its JSON document.
                return "JsonDocument", False
            self.pending.append(name)
            return camel(name), False
        if "anyOf" in schema or "oneOf" in schema:
            alts = schema.get("anyOf") or schema.get("oneOf")
            non_null = [a for a in alts if a.get("type") != "null"]
            if len(non_null) == 1 and len(non_null) < len(alts):
                t, _ = self.type_of(non_null[0], hint)
                return t, True
            # An inline union: give it a name of its own.
            self.add_def(hint, schema)
            self.pending.append(hint)
            return camel(hint), False
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self.type_of(schema["allOf"][0], hint)
        t = schema.get("type")
        nullable = False
        if isinstance(t, list):
            nullable = "null" in t
            rest = [x for x in t if x != "null"]
            t = rest[0] if len(rest) == 1 else None
        if t == "string":
            if "enum" in schema:
                self.add_def(hint, {"enum": schema["enum"], "description": schema.get("description")})
                self.pending.append(hint)
                return camel(hint), nullable
            return "String", nullable
        if t == "integer":
            return self.integer(schema), nullable
        if t == "boolean":
            return "bool", nullable
        if t == "array":
            inner, _ = self.type_of(schema.get("items", {}), hint + "Item")
            return f"Vec<{inner}>", nullable
        if t == "object":
            if "properties" in schema:
                self.add_def(hint, schema)
                self.pending.append(hint)
                return camel(hint), nullable
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict):
                inner, _ = self.type_of(extra, hint + "Value")
                return f"HashMap<String, {inner}>", nullable
        if t is None and not any(k in schema for k in ("properties", "items", "enum", "const")):
            # A document without a schema of its own (a payment plan in the journal): JSON text.
            return "JsonDocument", nullable
        if t == "number":
            # Scores, weights and shares of the risk and KPI documents (never money nor a rate:
            # those are decimal strings in every schema): Swift and Kotlin `Double`.
            return "f64", nullable
        raise SystemExit(f"records.py: cannot map {hint}: {json.dumps(schema)[:200]}")

    def fields(self, schema, owner, skip=()):
        required = set(schema.get("required", []))
        out = []
        for prop, sub in schema.get("properties", {}).items():
            if prop in skip:
                continue
            t, nullable = self.type_of(sub, camel(owner) + camel(prop))
            optional = nullable or prop not in required
            ident = re.sub(r"[^a-z0-9_]", "_", prop.lower())
            if ident[:1].isdigit():
                ident = "n" + ident
            if ident in RUST_KEYWORDS:
                ident = f"r#{ident}"
            desc = sub.get("description")
            lines = doc_lines(desc or f"`{prop}`.", "    ")
            attrs = []
            if ident.removeprefix("r#") != prop:
                attrs.append(f'    #[serde(rename = "{prop}")]')
            # Money and dates read as strictly as the core reads them (a JSON number is not
            # money; a date is `YYYY-MM-DD`).
            helper = {"Decimal": "arrears::money::decimal_string", "CivilDate": "arrears::calendar::date::serde_date"}.get(t)
            if helper and optional:
                attrs.append(f'    #[serde(default, with = "{helper}::option", skip_serializing_if = "Option::is_none")]')
            elif helper:
                attrs.append(f'    #[serde(with = "{helper}")]')
            if optional and not helper:
                attrs.append('    #[serde(default, skip_serializing_if = "Option::is_none")]')
            if optional:
                attrs.append("    #[uniffi(default)]")
                t = f"Option<{t}>"
            out.append((lines, attrs, ident, t))
        return out

    def record(self, name, schema):
        lines = doc_lines(schema.get("description") or f"The `{name}` document.", "")
        lines.append("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Record)]")
        if schema.get("additionalProperties") is False:
            lines.append("#[serde(deny_unknown_fields)]")
        lines.append(f"pub struct {camel(name)} {{")
        for doc, attrs, ident, t in self.fields(schema, name):
            lines += doc + attrs + [f"    pub {ident}: {t},"]
        lines.append("}")
        return "\n".join(lines)

    def plain_enum(self, name, values, descriptions, description):
        lines = doc_lines(description or f"`{name}`.", "")
        lines.append("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]")
        lines.append(f"pub enum {camel(name)} {{")
        for v, d in zip(values, descriptions):
            lines += doc_lines(d or f"`{v}`.", "    ")
            lines.append(f'    #[serde(rename = "{v}")]')
            lines.append(f"    {camel(v)},")
        lines.append("}")
        return "\n".join(lines)

    def tagged_enum(self, name, alts, tag, description):
        lines = doc_lines(description or f"`{name}`.", "")
        lines.append("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Enum)]")
        if all(a.get("additionalProperties") is False for a in alts):
            lines.append(f'#[serde(tag = "{tag}", deny_unknown_fields)]')
        else:
            lines.append(f'#[serde(tag = "{tag}")]')
        lines.append(f"pub enum {camel(name)} {{")
        for alt in alts:
            value = alt["properties"][tag]["const"]
            lines += doc_lines(alt.get("description") or f"`{value}`.", "    ")
            lines.append(f'    #[serde(rename = "{value}")]')
            fields = self.fields(alt, name + camel(value), skip=(tag,))
            if not fields:
                # `{}`: so that `deny_unknown_fields` refuses `{"kind": "immediate", "days": 30}`
                # (serde ignores it on a unit variant).
                lines.append(f"    {camel(value)} {{}},")
                continue
            lines.append(f"    {camel(value)} {{")
            for doc, attrs, ident, t in fields:
                lines += ["    " + l for l in doc] + ["    " + a for a in attrs]
                lines.append(f"        {ident}: {t},")
            lines.append("    },")
        lines.append("}")
        return "\n".join(lines)

    def string_or_object(self, name, alts, description):
        """`"an id"` or `{...}`: a two-variant enum with hand-written (untagged) serde."""
        string_alt = next(a for a in alts if a.get("type") == "string")
        other = next(a for a in alts if a is not string_alt)
        other_type, _ = self.type_of(other, name + "Custom")
        enum_values = string_alt.get("enum")
        rust = camel(name)
        lines = doc_lines(description or f"`{name}`.", "")
        lines.append("#[derive(Debug, Clone, PartialEq, uniffi::Enum)]")
        lines.append(f"pub enum {rust} {{")
        lines += doc_lines(string_alt.get("description") or "By name.", "    ")
        if enum_values:
            lines.append(f"    /// One of: {', '.join('`' + v + '`' for v in enum_values)}.")
        lines.append("    Id {")
        lines.append("        /// The name.")
        lines.append("        id: String,")
        lines.append("    },")
        lines += doc_lines(other.get("description") or "In full.", "    ")
        lines.append("    Custom {")
        lines.append("        /// The value.")
        lines.append(f"        value: {other_type},")
        lines.append("    },")
        lines.append("}")
        lines.append("")
        lines.append(f"impl Serialize for {rust} {{")
        lines.append("    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {")
        lines.append("        match self {")
        lines.append("            Self::Id { id } => id.serialize(s),")
        lines.append("            Self::Custom { value } => value.serialize(s),")
        lines.append("        }")
        lines.append("    }")
        lines.append("}")
        lines.append("")
        lines.append(f"impl<'de> Deserialize<'de> for {rust} {{")
        lines.append("    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {")
        lines.append("        #[derive(Deserialize)]")
        lines.append("        #[serde(untagged)]")
        lines.append("        enum Repr {")
        lines.append("            Id(String),")
        lines.append(f"            Custom({other_type}),")
        lines.append("        }")
        lines.append("        Ok(match Repr::deserialize(d)? {")
        lines.append("            Repr::Id(id) => Self::Id { id },")
        lines.append("            Repr::Custom(value) => Self::Custom { value },")
        lines.append("        })")
        lines.append("    }")
        lines.append("}")
        return "\n".join(lines)

    def item(self, name):
        self.current = name
        schema = self.defs[name]
        desc = schema.get("description")
        if "enum" in schema:
            return self.plain_enum(name, schema["enum"], [None] * len(schema["enum"]), desc)
        alts = schema.get("oneOf") or schema.get("anyOf")
        if alts:
            if all("const" in a for a in alts):
                return self.plain_enum(name, [a["const"] for a in alts], [a.get("description") for a in alts], desc)
            objects = [a for a in alts if a.get("type") == "object" and "properties" in a]
            if len(objects) == len(alts):
                tags = set.intersection(*[{p for p, v in a["properties"].items() if "const" in v} for a in alts])
                if len(tags) == 1:
                    return self.tagged_enum(name, alts, tags.pop(), desc)
            if len(alts) == 2 and any(a.get("type") == "string" for a in alts):
                return self.string_or_object(name, alts, desc)
            raise SystemExit(f"records.py: cannot map the union {name}")
        if schema.get("type") == "object" or "properties" in schema:
            return self.record(name, schema)
        if schema.get("type") == "string" and "const" in schema:
            return self.plain_enum(name, [schema["const"]], [None], desc)
        raise SystemExit(f"records.py: cannot map {name}: {json.dumps(schema)[:200]}")

    def run(self):
        for doc in DOCUMENTS:
            schema = json.loads((SCHEMAS / f"{doc}.schema.json").read_text())
            defs = schema.pop("$defs", {})
            for k, v in defs.items():
                if k not in BUILTIN:
                    self.add_def(k, v)
            schema.pop("$schema", None)
            title = schema.pop("title")
            self.add_def(title, schema)
        done = []
        queue = list(self.order)
        while queue:
            name = queue.pop(0)
            if name in self.items:
                continue
            self.items[name] = self.item(name)
            done.append(name)
            queue += [p for p in self.pending if p not in self.items]
            self.pending = []
        out = [
            "//! The records and enums of the typed API, one per document type of docs/schemas/.",
            "//!",
            "//! GENERATED by scripts/records.py from docs/schemas/: do not edit; run",
            "//! `python3 bindings-swift/scripts/records.py` after a change to the core's documents.",
            "",
            "#![allow(missing_docs, clippy::large_enum_variant)]",
            "",
            "use std::collections::HashMap;",
            "",
            "use rust_decimal::Decimal;",
            "use serde::{Deserialize, Serialize};",
            "",
            "use crate::{CivilDate, JsonDocument};",
            "",
        ]
        for name in sorted(done, key=lambda n: camel(n)):
            out.append(self.items[name])
            out.append("")
        return "\n".join(out)


def main():
    text = Generator().run()
    # Formatted as `cargo fmt` formats the crate, so that the check compares like with like.
    import subprocess
    text = subprocess.run(["rustfmt", "--edition", "2021", "--emit", "stdout"], input=text,
                          capture_output=True, text=True, check=True).stdout
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text() != text:
            print("bindings-swift/src/records.rs is stale: run python3 bindings-swift/scripts/records.py", file=sys.stderr)
            sys.exit(1)
        print("records.rs is up to date")
        return
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
