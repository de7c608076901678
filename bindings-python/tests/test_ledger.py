"""The Ledger class: every question through the same core operations, frames typed exactly."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import arrears

ROOT = Path(__file__).resolve().parents[2]
AS_OF = datetime.date(2026, 6, 30)


@pytest.fixture(scope="module")
def sample():
    return arrears.Ledger.from_json(ROOT / "examples" / "sample-ledger.json")


def test_each_answer_is_the_operations_document(sample):
    doc = json.loads((ROOT / "examples" / "sample-ledger.json").read_text(encoding="utf-8"))
    assert sample.state(AS_OF).to_dict() == arrears.run("ledger_state", {"ledger": doc, "as_of": AS_OF})
    assert sample.agenda(AS_OF).to_dict() == arrears.run("agenda", {"ledger": doc, "as_of": AS_OF})
    assert sample.risk(AS_OF).to_dict() == arrears.run("risk", {"ledger": doc, "as_of": AS_OF})


def test_frames_type_money_and_dates(sample):
    receivables = sample.state(AS_OF).frame("receivables")
    assert isinstance(receivables, pd.DataFrame) and len(receivables) > 100
    first = receivables.iloc[0]
    assert isinstance(first["amount"], Decimal) and isinstance(first["due_date"], datetime.date)
    # Money is conserved row by row: amount = paid + credited + written off + outstanding.
    for r in receivables.itertuples():
        assert r.amount == r.paid + r.credited + r.written_off + r.outstanding
    assert isinstance(sample.agenda(AS_OF).frame("actions", kind="polars"), pl.DataFrame)
    with pytest.raises(KeyError, match="its lists"):
        sample.state(AS_OF).frame("nothing")


def test_kpi_table_is_tidy(sample):
    period = (AS_OF, datetime.date(2026, 1, 1), AS_OF)
    # The sample invoices in EUR and GBP: KPIs never add currencies, so per currency.
    t = sample.kpi_table(*period, options={"per_currency": True})
    assert list(t.columns) == ["group", "currency", "kpi", "period", "value", "unit", "reason"]
    assert all(v is None or isinstance(v, Decimal) for v in t["value"])
    assert set(t["currency"]) == {"EUR", "GBP"}
    # The same figures as the kpis document, group by group.
    report = sample.kpis(*period, options={"per_currency": True})
    for group in report["groups"]:
        row = t[(t.kpi == "dso_standard") & (t.currency == group["currency"])]
        assert [str(v) for v in row["value"]] == [group["dso"]["standard"]["value"]]
    with pytest.raises(arrears.MoneyError) as e:
        sample.kpi_table(*period)
    assert e.value.code == "money.currency_mismatch"


def test_penalties_of_a_ledger_equal_the_table_function():
    invoices = pd.DataFrame({
        "id": ["F1", "F2"], "customer": ["C1", "C2"],
        "issue_date": [datetime.date(2024, 1, 1), datetime.date(2024, 2, 1)],
        "due_date": [datetime.date(2024, 1, 31), datetime.date(2024, 3, 2)],
        "amount": [Decimal("1000.00"), Decimal("250.00")], "currency": ["EUR", "EUR"]})
    ledger = arrears.Ledger.from_frames(invoices, country="FR")
    via_ledger = ledger.penalties(datetime.date(2024, 3, 1))
    direct = arrears.penalties(invoices, as_of=datetime.date(2024, 3, 1), country="FR")
    assert isinstance(via_ledger, pd.DataFrame)
    assert via_ledger.to_dict("records") == direct.to_dict("records")
    # Hand computation of F1 as in test_tables.py: 11.92 of interest, EUR 40.
    assert via_ledger.iloc[0]["total_due"] == Decimal("1051.92")


def test_from_frames_reports_bad_rows():
    invoices = pd.DataFrame({"id": ["F1", "F1"], "customer": ["C1", "C1"],
                             "issue_date": [datetime.date(2024, 1, 1)] * 2,
                             "due_date": [datetime.date(2024, 1, 31)] * 2,
                             "amount": [Decimal("1.00")] * 2, "currency": ["EUR"] * 2})
    with pytest.raises(arrears.LedgerError) as e:
        arrears.Ledger.from_frames(invoices)
    assert e.value.code == "ledger.duplicate_id"
    assert (e.value.path or "").startswith("invoices[1]")


def test_the_report_is_one_self_contained_page(sample, tmp_path):
    report = sample.report(AS_OF, title="Studio")
    assert report.html.startswith("<!DOCTYPE html>") and "<svg" in report.html
    assert "Studio" in report.html
    assert "<iframe srcdoc=" in report._repr_html_()
    assert report.save(tmp_path / "r.html").read_text(encoding="utf-8") == report.html


def test_results_show_in_notebooks(sample):
    agenda = sample.agenda(AS_OF)
    page = agenda._repr_html_()
    assert "<table>" in page and "actions" in page
    assert "actions:" in repr(agenda)
    assert "invoices" in repr(sample)


def test_a_ledger_is_a_mapping():
    with pytest.raises(TypeError):
        arrears.Ledger([1, 2])  # type: ignore[arg-type]


def test_from_frames_keeps_what_letters_address():
    invoices = pd.DataFrame({"id": ["F1"], "customer": ["C1"], "issue_date": [datetime.date(2026, 1, 10)],
                             "due_date": [datetime.date(2026, 2, 9)], "amount": [Decimal("1200.00")],
                             "currency": ["EUR"]})
    customers = pd.DataFrame({"Code": ["C1"], "country": ["FR"], "Raison sociale": ["Atelier Dupont"],
                              "email": ["compta@dupont.example"], "address": ["2 rue Haute\n75001 Paris"]})
    ledger = arrears.Ledger.from_frames(invoices, None, customers,
                                        customers_map={"id": "Code", "name": "Raison sociale"})
    assert ledger.to_dict()["customers"] == [{
        "id": "C1", "country": "FR", "name": "Atelier Dupont", "email": "compta@dupont.example",
        "address": ["2 rue Haute", "75001 Paris"]}]
    actions = ledger.agenda(datetime.date(2026, 3, 2)).frame("actions", kind="records")
    assert actions and actions[0]["name"] == "Atelier Dupont"


def test_a_rate_published_after_the_release_is_given_with_rates():
    # tests/vectors/agenda/rates.json: F1 (1,000.00, French B2B) due 2026-11-30, as of
    # 2027-01-15; the built-in fr_l441_10 ends on 2026-12-31. With the caller's series (2.15 %
    # from 2027-01-01, illustrative): 31 days at 12.40 % + 15 days at 12.15 %, ACT/365:
    # 10.5315 + 4.9932 = 15.5247 → 15.52, and EUR 40.
    vectors = json.loads((ROOT / "tests" / "vectors" / "agenda" / "rates.json").read_text(encoding="utf-8"))
    case = next(c for c in vectors["cases"] if c["id"] == "agenda-rate-supplied-with-the-request")
    series = case["input"]["rates"]
    ledger = arrears.Ledger(case["input"]["ledger"])
    day = datetime.date(2027, 1, 15)
    claim = ledger.claims(day, rates=series)["claims"][0]
    assert claim["lines"][0]["interest"] == "15.52"
    items = ledger.agenda(day, rates=series)["actions"][0]["items"]
    assert items[0]["interest"] == "15.52"
    assert "15.52" in ledger.report(day, rates=series).html
    table = ledger.penalties(day, rates=series)
    assert table.iloc[0]["interest"] == Decimal("15.52")
    assert table.iloc[0]["fixed_compensation"] == Decimal("40.00")
    invoices = pd.DataFrame({k: [v] for k, v in case["input"]["ledger"]["invoices"][0].items()})
    invoices["amount"] = [Decimal("1000.00")]
    for col in ("issue_date", "due_date"):
        invoices[col] = [datetime.date.fromisoformat(invoices[col][0])]
    direct = arrears.penalties(invoices, as_of=day, country="FR", rates=series)
    assert direct.iloc[0]["interest"] == Decimal("15.52") and direct.iloc[0]["no_penalties"] is None
    totals = arrears.customer_totals(invoices, as_of=day, country="FR", rates=series)
    assert totals.iloc[0]["interest"] == Decimal("15.52")
    # Without the series the built-in table stops at 2026-12-31: rates are never extrapolated,
    # and the row says why it has no penalties.
    row = arrears.penalties(invoices, as_of=day, country="FR").iloc[0]
    assert row["interest"] == Decimal("0.00") and "rates.unknown_date" in row["no_penalties"]
    # A malformed series is refused, nothing computed.
    with pytest.raises(arrears.ArrearsError) as e:
        ledger.penalties(day, rates=[{**series[0], "entries": list(reversed(series[0]["entries"]))}])
    assert e.value.code == "rates.invalid_series"


def test_a_fec_reads_into_the_ledger_it_came_from():
    # docs/fec.md §The sample FEC: `arrears sample --fec` writes the sample's books as a FEC, with
    # each invoice's terms, the customers and the disputes beside it; read back, it gives the
    # sample's figures. Checked here on the penalty table (per invoice, to the cent).
    examples = ROOT / "examples"
    side = {name: json.loads((examples / f"sample-fec-{name}.json").read_text(encoding="utf-8"))
            for name in ("terms", "customers", "disputes")}
    fec = arrears.read_fec(examples / "sample-fec.txt", **side)
    assert fec.fec["reconciled"] is True and fec.fec["unused"] == []
    assert fec.fec["customer_lines"] == fec.fec["used"]
    rec = fec.fec.frame("reconciliation")
    assert (rec["difference"] == Decimal("0.00")).all()
    sample = arrears.Ledger.from_json(examples / "sample-ledger.json")
    a = sample.penalties(AS_OF).sort_values("id").reset_index(drop=True)
    b = fec.penalties(AS_OF).sort_values("id").reset_index(drop=True)
    assert a.to_dict("records") == b.to_dict("records")
    assert len(fec.frame("invoices")) == len(sample.frame("invoices"))
    # A short notation for everyone; the file's own encoding is detected.
    plain = arrears.read_fec(examples / "sample-fec.txt", terms="30 jours nets", country="FR")
    assert plain.frame("invoices")["terms"].map(lambda t: t["days"]).eq(30).all()
    with pytest.raises(arrears.TermsError) as e:
        arrears.read_fec(examples / "sample-fec.txt", terms="30 jours environ")
    assert e.value.code == "terms.invalid"
