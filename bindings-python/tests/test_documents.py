"""The document entry point: strict conversion of Python values, errors with codes and paths."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from pathlib import Path

import pytest

import arrears
from arrears import _arrears

REQUEST = {
    "regime": "fr_b2b",
    "principal": Decimal("1000.00"),
    "currency": "EUR",
    "due_date": datetime.date(2024, 1, 31),
    "until": datetime.date(2024, 3, 1),
}


def test_native_values_in_documents_out():
    out = arrears.run("interest", REQUEST)
    # Hand computation: 1000.00 × 14.50 % × 30 / 365 = 11.9178 → 11.92 (C. com. L441-10,
    # ECB 4.50 % + 10 points for the first half of 2024, ACT/365F); EUR 40 (D441-5).
    assert out["interest"] == "11.92"
    assert out["fixed_compensation"] == "40.00"
    assert out["due_date"] == "2024-01-31"
    # The same request as strings gives the same document.
    as_strings = dict(REQUEST, principal="1000.00", due_date="2024-01-31", until="2024-03-01")
    assert arrears.run("interest", as_strings) == out


@pytest.mark.parametrize("bad", [1000.0, 1000.5, float("nan"), math.inf, -math.inf])
def test_floats_as_money_are_refused_with_the_place(bad):
    with pytest.raises(arrears.MoneyError) as e:
        arrears.run("interest", dict(REQUEST, principal=bad))
    assert e.value.code == "money.invalid_amount"
    assert e.value.path == "principal"


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimals_are_refused(bad):
    with pytest.raises(arrears.MoneyError, match="not a finite decimal") as e:
        arrears.run("interest", dict(REQUEST, principal=bad))
    assert e.value.code == "money.invalid_amount"


def test_datetimes_are_refused_as_dates():
    with pytest.raises(arrears.DateError) as e:
        arrears.run("interest", dict(REQUEST, until=datetime.datetime(2024, 3, 1, 23, 30)))
    assert (e.value.code, e.value.path) == ("date.invalid", "until")


def test_a_bool_as_money_is_refused():
    with pytest.raises(arrears.ArrearsError) as e:
        arrears.run("interest", dict(REQUEST, principal=True))
    assert e.value.path == "principal"


def test_nested_places_are_named():
    with pytest.raises(arrears.MoneyError) as e:
        arrears.run("interest", dict(REQUEST, payments=[
            {"date": "2024-02-10", "amount": "10.00"}, {"date": "2024-02-11", "amount": 5.5}]))
    assert e.value.path == "payments[1].amount"


def test_values_no_document_holds_are_type_errors():
    with pytest.raises(TypeError, match="set"):
        arrears.run("interest", dict(REQUEST, payments={1, 2}))


def test_error_classes_by_area_carry_code_and_path():
    with pytest.raises(arrears.InterestError) as e:
        arrears.run("interest", dict(REQUEST, regime="fr_b2c_imaginary"))
    assert isinstance(e.value, ValueError)
    assert e.value.code.startswith("interest.") or e.value.code == "input.invalid_document"
    with pytest.raises(arrears.InputError) as e:
        arrears.run("no_such_operation", {})
    assert e.value.code == "input.unknown_operation"


def test_a_ledger_reports_every_problem_at_once():
    ledger = {"invoices": [
        {"id": "F1", "customer": "C1", "issue_date": "2025-01-10", "due_date": "2025-02-10",
         "amount": "100.00", "currency": "EUR"},
        {"id": "F1", "customer": "C1", "issue_date": "2025-01-11", "due_date": "2025-02-11",
         "amount": "50.00", "currency": "EUR"},
        {"id": "F2", "customer": "C1", "issue_date": "2025-01-11", "due_date": "2025-02-11",
         "amount": "50.00", "currency": "EUX"},
    ]}
    with pytest.raises(arrears.ArrearsError) as e:
        arrears.run("ledger_state", {"ledger": ledger, "as_of": "2025-03-01"})
    codes = [p.code for p in e.value.problems]
    assert "ledger.duplicate_id" in codes or "money.unknown_currency" in codes
    assert e.value.to_dict()["error"]["code"] == e.value.code


def test_every_error_code_has_an_exception_class():
    from arrears._errors import AREAS, error_class

    catalogue = _arrears.error_codes()
    assert len(catalogue) > 30
    for code, description in catalogue:
        assert description
        assert code.split(".")[0] in AREAS, code
        assert issubclass(error_class(code), arrears.ArrearsError)
    # docs/errors.md lists the same codes.
    docs = (Path(__file__).resolve().parents[2] / "docs" / "errors.md").read_text(encoding="utf-8")
    for code, _ in catalogue:
        assert f"`{code}`" in docs, code


def test_operations_are_the_documented_ones():
    ops = arrears.operations()
    assert "interest" in ops and "agenda" in ops and "kpis" in ops
    docs = (Path(__file__).resolve().parents[2] / "docs" / "operations.md").read_text(encoding="utf-8")
    for op in ops:
        assert f"`{op}`" in docs, op


def test_requests_must_be_mappings():
    # A JSON value that is not an object is the core's input.invalid_document, as in every language.
    with pytest.raises(arrears.InputError) as raised:
        arrears.run("interest", [1, 2])  # type: ignore[arg-type]
    assert raised.value.code == "input.invalid_document"
    with pytest.raises(TypeError):
        arrears.run("interest", {1, 2})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        arrears.run(3, {})  # type: ignore[arg-type]
