#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the conformance vectors (tests/vectors): each input, in the
shape its target reads (a ledger document, a request, a policy; for `plan_letter` and `run` a
first byte choosing the operation). Files are named by the SHA-1 of their content, as libFuzzer
names them, so seeding twice adds nothing.

    python3 fuzz/seed.py
"""
import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
VECTORS = HERE.parent / "tests" / "vectors"
OPS_RS = HERE.parent / "core" / "src" / "ops.rs"


def operations():
    text = OPS_RS.read_text()
    block = text[text.index("pub const OPERATIONS"):]
    block = block[: block.index("];")]
    return re.findall(r'"([a-z_]+)"', block)


def put(target, data: bytes):
    d = HERE / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


# Kept equal to the canonical case of the_csv_seeds_are_imported (fuzz/tests/replay.rs).
CANONICAL = (
    b"id,customer,issue_date,due_date,amount,currency\n"
    b"F1,C1,2024-11-02,2024-12-02,1200.00,EUR\n"
    b"F2,C2,2025-01-10,2025-02-09,80.5,eur\n"
    b"F3,C3,2025-05-01,2025-07-31,300,GBP\n"
    b"\x1eid,customer,invoice,date,amount,currency\n"
    b"P1,C1,F1,2025-01-15,200.00,EUR\n"
    b",C1,,2025-04-10,1000,EUR\n"
    b"\x1eid,name,country,debtor\nC1,Alpha,FR,business\nC2,Beta,de,\nC3,Gamma,GB,\n"
)


def csv_seeds():
    """The CSV import's seeds: the bundled exports (their first rows) with the options that read
    them, in the target's layout (a flags byte, then the invoices, payments and customers files and
    the mapping lines, separated by 0x1e; see `csv_import` in src/lib.rs)."""
    ex = HERE.parent / "examples"
    sep = b"\x1e"

    def head(name, rows):
        return b"".join((ex / name).read_bytes().splitlines(keepends=True)[: rows + 1])

    # The sample portfolio (its `terms` column sends it to the general import).
    put("csv_import", b"\x00" + head("sample-invoices.csv", 12) + sep + head("sample-payments.csv", 12))
    # Canonical tables (the document's field names, ISO dates, UTF-8), which the fast reader takes.
    put("csv_import", b"\x00" + CANONICAL)
    put("csv_import", b"\x00" + head("sample-invoices.csv", 4) + sep + sep
        + b"id,name,country,debtor\nC001,Morel,FR,business\nC002,Beta,de,consumer\n")
    # The studio export: Windows-1252, ';', decimal comma, dd/mm/yyyy, French headers mapped, FR.
    import tomllib
    profile = tomllib.loads((ex / "studio-export.toml").read_text())
    mapping = "".join(f"{k}={v}\n" for k, v in profile["map"].items()).encode()
    flags = 0b1110_1011  # decimal comma, ";", dd/mm/yyyy, windows-1252, country FR, EUR
    put("csv_import", bytes([flags]) + head("studio-export.csv", 8) + sep + sep + sep + mapping)


def main():
    ops = operations()
    n = 0
    for f in sorted(VECTORS.rglob("*.json")):
        for case in json.loads(f.read_text())["cases"]:
            op, inp = case["op"], case["input"]
            body = json.dumps(inp).encode()
            if op in ops:
                put("run", bytes([ops.index(op)]) + body)
            if op == "interest":
                put("interest", body)
            if op == "agenda":
                put("agenda", body)
            if op in ("plan", "letter"):
                put("plan_letter", bytes([0 if op == "plan" else 1]) + body)
            if isinstance(inp, dict) and isinstance(inp.get("ledger"), dict):
                put("ledger", json.dumps(inp["ledger"]).encode())
            if isinstance(inp, dict) and isinstance(inp.get("policy"), dict):
                put("policy", json.dumps(inp["policy"]).encode())
            n += 1
    # Policies as TOML too (the documented example form, docs/dunning.md).
    put("policy", b'id = "mine"\nname = "Mine"\nlanguage = "fr"\ncalendar = "fr"\n\n[[steps]]\nid = "d1"\noffset_days = 1\nchannel = "email"\ntone = "friendly"\ntemplate = "reminder"\n')
    csv_seeds()
    print(f"seeded from {n} vector cases and the example exports")


if __name__ == "__main__":
    main()
