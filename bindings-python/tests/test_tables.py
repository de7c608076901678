"""Whole ledgers as tables: arrears.penalties on pyarrow, pandas and polars, checked against the
document path (the per-invoice engine behind run("ledger_interest")) on a generated ledger, and
by hand on one invoice."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import arrears

AS_OF = datetime.date(2025, 9, 30)
MONEY = pa.decimal128(14, 2)


def generated_ledger(seed: int = 7, invoices: int = 300):
    """Invoices over two years across half-year rate changes, about a third partly or wholly paid
    (some late), in EUR, for French and German business customers."""
    rng = random.Random(seed)
    customers = [{"id": f"C{i}", "country": "FR" if i % 3 else "DE"} for i in range(12)]
    inv, pay = [], []
    for i in range(invoices):
        issue = datetime.date(2023, 7, 1) + datetime.timedelta(days=rng.randrange(780))
        due = issue + datetime.timedelta(days=rng.choice([0, 30, 45, 60]))
        cents = rng.randrange(1_000, 5_000_000)
        inv.append({"id": f"F{i:04}", "customer": rng.choice(customers)["id"], "issue_date": issue,
                    "due_date": due, "amount": Decimal(cents) / 100, "currency": "EUR"})
        if rng.random() < 0.35:
            paid = cents if rng.random() < 0.5 else rng.randrange(1, cents)
            date = due + datetime.timedelta(days=rng.randrange(-10, 200))
            if date <= AS_OF:
                pay.append({"id": f"P{i:04}", "customer": inv[-1]["customer"], "invoice": inv[-1]["id"],
                            "date": date, "amount": Decimal(paid) / 100, "currency": "EUR"})
    return customers, inv, pay


def arrow_tables(customers, inv, pay):
    invoices = pa.table({
        "id": [r["id"] for r in inv], "customer": [r["customer"] for r in inv],
        "issue_date": pa.array([r["issue_date"] for r in inv], pa.date32()),
        "due_date": pa.array([r["due_date"] for r in inv], pa.date32()),
        "amount": pa.array([r["amount"] for r in inv], MONEY),
        "currency": [r["currency"] for r in inv]})
    payments = pa.table({
        "id": [r["id"] for r in pay], "customer": [r["customer"] for r in pay],
        "invoice": [r["invoice"] for r in pay],
        "date": pa.array([r["date"] for r in pay], pa.date32()),
        "amount": pa.array([r["amount"] for r in pay], MONEY),
        "currency": [r["currency"] for r in pay]})
    custs = pa.table({"id": [c["id"] for c in customers], "country": [c["country"] for c in customers]})
    return invoices, payments, custs


def test_one_invoice_by_hand():
    invoices = pa.table({
        "id": ["F1"], "customer": ["C1"],
        "issue_date": pa.array([datetime.date(2024, 1, 1)], pa.date32()),
        "due_date": pa.array([datetime.date(2024, 1, 31)], pa.date32()),
        "amount": pa.array([Decimal("1000.00")], MONEY), "currency": ["EUR"]})
    row = arrears.penalties(invoices, as_of=datetime.date(2024, 3, 1), country="FR").to_pylist()[0]
    # C. com. L441-10: ECB 4.50 % + 10 = 14.50 % for H1 2024; 30 days (1 Feb to 1 Mar), ACT/365F:
    # 1000.00 × 0.145 × 30 / 365 = 11.9178 → 11.92; D441-5: EUR 40.
    assert row == {"id": "F1", "customer": "C1", "currency": "EUR",
                   "due_date": datetime.date(2024, 1, 31), "days_late": 30, "bucket": "1-30",
                   "outstanding": Decimal("1000.00"), "interest": Decimal("11.92"),
                   "interest_paid": Decimal("0.00"), "interest_outstanding": Decimal("11.92"),
                   "fixed_compensation": Decimal("40.00"), "total_due": Decimal("1051.92"),
                   "no_penalties": None}


def test_the_table_equals_the_per_invoice_engine():
    customers, inv, pay = generated_ledger()
    invoices, payments, custs = arrow_tables(customers, inv, pay)
    table = arrears.penalties(invoices, payments, custs, as_of=AS_OF)
    assert isinstance(table, pa.Table) and table.num_rows == len(inv)
    doc = arrears.run("ledger_interest", {
        "ledger": {"customers": customers, "invoices": inv, "payments": pay}, "as_of": AS_OF})
    statements = {r["invoice"]: r["statement"] for r in doc["receivables"]}
    assert len(statements) > 100
    compared = 0
    for row in table.to_pylist():
        s = statements.get(row["id"])
        if s is None:
            assert row["interest"] == 0, row
            continue
        compared += 1
        for k in ("interest", "interest_paid", "interest_outstanding", "fixed_compensation"):
            assert row[k] == Decimal(s[k]), (row["id"], k, row[k], s[k])
    assert compared > 100


def test_pandas_and_polars_give_the_same_table_in_their_own_kind():
    customers, inv, pay = generated_ledger(seed=11, invoices=80)
    invoices, payments, custs = arrow_tables(customers, inv, pay)
    expected = arrears.penalties(invoices, payments, custs, as_of=AS_OF)

    from_pandas = arrears.penalties(pd.DataFrame(inv), pd.DataFrame(pay), pd.DataFrame(customers),
                                    as_of=AS_OF)
    assert isinstance(from_pandas, pd.DataFrame)
    assert from_pandas.to_dict("records") == expected.to_pylist()

    from_polars = arrears.penalties(pl.from_arrow(invoices), pl.from_arrow(payments),
                                    pl.from_arrow(custs), as_of=AS_OF)
    assert isinstance(from_polars, pl.DataFrame)
    assert from_polars.to_dicts() == expected.to_pylist()


def test_columns_are_mapped_like_the_command_line():
    customers, inv, pay = generated_ledger(seed=3, invoices=20)
    invoices, payments, custs = arrow_tables(customers, inv, pay)
    renamed = invoices.rename_columns(["N° facture", "Client", "Date", "Échéance", "Montant TTC", "Devise"])
    table = arrears.penalties(
        renamed, payments, custs, as_of=AS_OF,
        invoices_map={"id": "N° facture", "customer": "Client", "issue_date": "Date",
                      "due_date": "Échéance", "amount": "Montant TTC", "currency": "Devise"})
    assert table.equals(arrears.penalties(invoices, payments, custs, as_of=AS_OF))


def test_float_money_is_refused_at_its_column():
    invoices = pa.table({"id": ["F1"], "customer": ["C1"],
                         "issue_date": pa.array([datetime.date(2024, 1, 1)], pa.date32()),
                         "due_date": pa.array([datetime.date(2024, 1, 31)], pa.date32()),
                         "amount": [1000.0], "currency": ["EUR"]})
    with pytest.raises(arrears.DataImportError) as e:
        arrears.penalties(invoices, as_of=datetime.date(2024, 3, 1))
    assert e.value.code == "import.column_type"
    assert "amount" in (e.value.path or "")


def test_bad_rows_are_all_reported_with_their_rows():
    invoices = pa.table({"id": ["F1", "F1", "F3"], "customer": ["C1", "C1", "C1"],
                         "issue_date": pa.array([datetime.date(2024, 1, 1)] * 3, pa.date32()),
                         "due_date": pa.array([datetime.date(2024, 1, 31), datetime.date(2024, 1, 31),
                                               datetime.date(2023, 12, 1)], pa.date32()),
                         "amount": pa.array([Decimal("1.00")] * 3, MONEY), "currency": ["EUR"] * 3})
    with pytest.raises(arrears.ArrearsError) as e:
        arrears.penalties(invoices, as_of=datetime.date(2024, 3, 1))
    paths = [p.path for p in e.value.problems]
    assert any(p and p.startswith("invoices[1]") for p in paths), paths
    assert any(p and p.startswith("invoices[2]") for p in paths), paths


def test_arguments_are_checked():
    with pytest.raises(TypeError):
        arrears.penalties([1, 2, 3], as_of=AS_OF)
    customers, inv, pay = generated_ledger(invoices=5)
    invoices, _, _ = arrow_tables(customers, inv, pay)
    with pytest.raises(TypeError):
        arrears.penalties(invoices, as_of=datetime.datetime(2025, 1, 1, 12))


def test_customer_totals_are_the_sums_of_the_invoice_rows():
    customers, inv, pay = generated_ledger(seed=5, invoices=400)
    invoices, payments, custs = arrow_tables(customers, inv, pay)
    rows = arrears.penalties(invoices, payments, custs, as_of=AS_OF).to_pylist()
    totals = arrears.customer_totals(invoices, payments, custs, as_of=AS_OF)
    assert isinstance(totals, pa.Table)
    # Grouped here with plain Python, keyed by customer then currency (the documented order).
    expected: dict = {}
    for r in rows:
        e = expected.setdefault((r["customer"], r["currency"]), {
            "invoices": 0, "open_invoices": 0, "overdue_invoices": 0, "outstanding": Decimal(0),
            "overdue": Decimal(0), "max_days_late": 0, "interest": Decimal(0),
            "interest_outstanding": Decimal(0), "fixed_compensation": Decimal(0),
            "total_due": Decimal(0), **{b: Decimal(0) for b in ("not_due", "1-30", "31-60", "61-90", "91+")}})
        is_open = r["outstanding"] != 0
        late = is_open and r["days_late"] > 0
        e["invoices"] += 1
        e["open_invoices"] += is_open
        e["overdue_invoices"] += late
        e["outstanding"] += r["outstanding"]
        if late:
            e["overdue"] += r["outstanding"]
            e["max_days_late"] = max(e["max_days_late"], r["days_late"])
        if is_open:
            e[r["bucket"]] += r["outstanding"]
        for k in ("interest", "interest_outstanding", "fixed_compensation", "total_due"):
            e[k] += r[k]
    got = totals.to_pylist()
    assert [(t["customer"], t["currency"]) for t in got] == sorted(expected)
    for t in got:
        want = expected[(t.pop("customer"), t.pop("currency"))]
        assert t == want
    assert sum(t["overdue_invoices"] for t in got) > 50

    # The same from pandas frames and from a Ledger (the document path).
    from_pandas = arrears.customer_totals(pd.DataFrame(inv), pd.DataFrame(pay),
                                          pd.DataFrame(customers), as_of=AS_OF)
    assert isinstance(from_pandas, pd.DataFrame)
    assert from_pandas.to_dict("records") == totals.to_pylist()
    ledger = arrears.Ledger({"customers": customers, "invoices": inv, "payments": pay})
    assert ledger.customer_totals(AS_OF, kind="pyarrow").to_pylist() == totals.to_pylist()


def test_kpis_of_tables_equal_those_of_the_ledger_document():
    # arrears.kpis reads the tables into columns (no ledger document); Ledger.kpis runs the `kpis`
    # operation on the document of the same ledger. The reports must be the same, group by group.
    customers, inv, pay = generated_ledger(seed=9, invoices=500)
    invoices, payments, custs = arrow_tables(customers, inv, pay)
    ledger = arrears.Ledger.from_frames(invoices, payments, custs)
    start = datetime.date(2025, 1, 1)
    for group_by in ("portfolio", "customer"):
        fast = arrears.kpis(invoices, payments, custs, as_of=AS_OF, start=start, end=AS_OF,
                            group_by=group_by)
        assert isinstance(fast, arrears.Result)
        assert fast.to_dict() == ledger.kpis(AS_OF, start, AS_OF, group_by=group_by).to_dict()
    assert len(fast["groups"]) == len({r["customer"] for r in inv})
    # Pandas frames in, the same report.
    assert arrears.kpis(invoices.to_pandas(), payments.to_pandas(), custs.to_pandas(), as_of=AS_OF,
                        start=start, end=AS_OF).to_dict() == ledger.kpis(AS_OF, start, AS_OF).to_dict()


def test_kpis_of_tables_refuse_what_the_columns_do_not_hold():
    customers, inv, pay = generated_ledger(seed=3, invoices=20)
    invoices, payments, custs = arrow_tables(customers, inv, pay)
    with pytest.raises(arrears.ArrearsError) as e:
        arrears.kpis(invoices, payments, custs, as_of=AS_OF, start=datetime.date(2025, 1, 1),
                     end=AS_OF, group_by="sector")
    assert e.value.code == "input.invalid_value"
    assert e.value.path == "group_by"
    with pytest.raises(arrears.ArrearsError) as e:
        arrears.kpis(invoices, payments, custs, as_of=AS_OF, start=datetime.date(2025, 1, 1),
                     end=datetime.date(2025, 12, 31))
    assert e.value.code == "input.invalid_value"
