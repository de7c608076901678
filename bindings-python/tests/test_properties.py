"""Property tests (hypothesis): whatever a caller passes, the package answers or raises
ArrearsError / TypeError, never crashes the interpreter; money is conserved by the ledger."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arrears

OPS = arrears.operations()

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.text(max_size=12),
    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=True, allow_infinity=True),
    st.dates(), st.datetimes())
documents = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(
                                ["ledger", "as_of", "invoices", "payments", "amount", "currency", "id",
                                 "customer", "issue_date", "due_date", "date", "terms", "kind", "days",
                                 "regime", "principal", "until", "from", "to", "policy"]), inner, max_size=6)),
    max_leaves=20)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(op=st.sampled_from(OPS), document=st.dictionaries(st.text(max_size=10), documents, max_size=6))
def test_random_documents_give_a_result_or_an_error(op, document):
    try:
        out = arrears.run(op, document)
    except (arrears.ArrearsError, TypeError):
        return
    assert isinstance(out, dict)


cents = st.integers(1, 10**9)
day = st.integers(0, 900).map(lambda d: datetime.date(2024, 1, 1) + datetime.timedelta(days=d))


@st.composite
def ledgers(draw):
    n = draw(st.integers(1, 8))
    invoices = []
    for i in range(n):
        issue = draw(day)
        invoices.append({"id": f"F{i}", "customer": f"C{draw(st.integers(0, 2))}", "issue_date": issue,
                         "due_date": issue + datetime.timedelta(days=draw(st.integers(0, 60))),
                         "amount": Decimal(draw(cents)) / 100, "currency": "EUR"})
    payments = []
    for j in range(draw(st.integers(0, 8))):
        inv = invoices[draw(st.integers(0, n - 1))]
        payments.append({"customer": inv["customer"], "invoice": draw(st.sampled_from([inv["id"], None])),
                         "date": draw(day), "amount": Decimal(draw(cents)) / 100, "currency": "EUR"})
    return {"invoices": invoices, "payments": [{k: v for k, v in p.items() if v is not None} for p in payments]}


@settings(max_examples=150, deadline=None)
@given(ledger=ledgers(), as_of=day)
def test_money_is_conserved(ledger, as_of):
    state = arrears.Ledger(ledger).state(as_of)
    for r in state["receivables"]:
        assert Decimal(r["amount"]) == (Decimal(r["paid"]) + Decimal(r["credited"])
                                        + Decimal(r["written_off"]) + Decimal(r["outstanding"]))
    paid_in = sum((p["amount"] for p in ledger["payments"] if p["date"] <= as_of), Decimal(0))
    applied = sum((Decimal(r["paid"]) for r in state["receivables"]), Decimal(0))
    unapplied = sum((Decimal(u["amount"]) for u in state["unapplied"]), Decimal(0))
    assert applied + unapplied == paid_in
