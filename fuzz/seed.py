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
    print(f"seeded from {n} vector cases")


if __name__ == "__main__":
    main()
