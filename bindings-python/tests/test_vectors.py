"""Every conformance vector in tests/vectors/ through arrears.run, compared as the Rust runner
does (core/tests/vectors.rs): `expected` is a subset of the output (every key it names present
and equal, recursively; arrays of the same length matched element by element); `expected_error`
is the code of the ArrearsError raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import arrears

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def cases():
    files = sorted(VECTORS.rglob("*.json"))
    assert files, f"no vector files under {VECTORS}"
    for f in files:
        for case in json.loads(f.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(case, id=f"{f.parent.name}/{case['id']}")


def contains(expected, actual, path="$"):
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for k, v in expected.items():
            assert k in actual, f"{path}.{k}: missing in output"
            contains(v, actual[k], f"{path}.{k}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected an array, got {actual!r}"
        assert len(expected) == len(actual), f"{path}: expected {len(expected)} items, got {len(actual)}: {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            contains(e, a, f"{path}[{i}]")
    else:
        assert type(expected) is type(actual) and expected == actual, f"{path}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize("case", list(cases()))
def test_vector(case):
    if "expected_error" in case:
        with pytest.raises(arrears.ArrearsError) as raised:
            arrears.run(case["op"], case["input"])
        assert raised.value.code == case["expected_error"], str(raised.value)
    else:
        contains(case["expected"], arrears.run(case["op"], case["input"]))


def test_every_area_has_vectors():
    areas = {p.name for p in VECTORS.iterdir() if p.is_dir()}
    assert {"interest", "terms", "ledger", "agenda", "kpi"} <= areas
