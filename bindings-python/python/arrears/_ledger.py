"""A ledger and what can be asked of it: state, aging, claims, the agenda, KPIs, risk, penalties,
the HTML report. Each answer is a :class:`Result`: the core's response document (exactly what
:func:`arrears.run` returns), readable in a notebook, with its lists as data frames.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Union

from . import _arrears
from ._documents import run, to_document
from ._tables import _arrow_input, _as_of, _kind, _output, book, options_document

DateLike = Union[_dt.date, str]

# The documents name their fields consistently (docs/operations.md): these hold money as decimal
# strings and dates as YYYY-MM-DD in every response, so a frame can type them exactly.
MONEY_FIELDS = frozenset({
    "amount", "paid", "credited", "written_off", "outstanding", "disputed", "overdue", "interest",
    "fixed_compensation", "total", "total_due", "principal", "balance", "invoiced", "unapplied_credit",
    "interest_paid", "interest_outstanding", "principal_outstanding", "not_yet_due", "penalties",
    "settled_not_claimed", "to_interest", "to_principal", "exposure", "provision",
    "balance_before", "received", "overpayment", "rate_percent", "net_amount", "tax_amount",
    "fec_balance", "ledger_balance", "difference", "debit", "credit",
})
DATE_FIELDS = frozenset({
    "as_of", "date", "issue_date", "due_date", "settled_on", "until", "from", "to", "promised_date",
    "next_date", "last_contact", "since", "grace_until", "paid_on", "defaulted_on", "first_date",
    "agreed_on", "known_from", "known_until", "last_date", "opened", "resolved",
})


def _typed(key: str, value: Any) -> Any:
    if isinstance(value, str):
        if key in MONEY_FIELDS:
            return Decimal(value)
        if key in DATE_FIELDS and len(value) == 10:
            return _dt.date.fromisoformat(value)
    return value


def _records(rows: List[Any]) -> List[Dict[str, Any]]:
    out = []
    for r in rows:
        if isinstance(r, Mapping):
            out.append({k: _typed(k, v) for k, v in r.items()})
        else:
            out.append({"value": r})
    return out


def _frame(records: List[Dict[str, Any]], kind: str) -> Any:
    if kind == "records":
        return records
    if kind == "pandas":
        import pandas as pd

        return pd.DataFrame.from_records(records)
    if kind == "polars":
        import polars as pl

        return pl.from_dicts(records, infer_schema_length=None)
    if kind == "pyarrow":
        import pyarrow as pa

        return pa.Table.from_pylist(records)
    raise ValueError(f"kind: expected pandas, polars, pyarrow or records, not {kind!r}")


def _cell(v: Any) -> str:
    if isinstance(v, (dict, list)):
        text = json.dumps(v, ensure_ascii=False)
        return html.escape(text if len(text) <= 80 else text[:77] + "...")
    return html.escape("" if v is None else str(v))


class Result(Mapping):  # type: ignore[type-arg]
    """The response document of one operation: a read-only mapping of the core's JSON document
    (decimals and dates as strings), with ``.to_dict()``, ``.to_json()``, the lists as data frames
    (``.frame("receivables")``: money as ``Decimal``, dates as ``date``) and an HTML view in
    notebooks."""

    def __init__(self, op: str, document: Dict[str, Any]) -> None:
        self._op = op
        self._doc = document

    @property
    def op(self) -> str:
        """The operation that gave this result."""
        return self._op

    def __getitem__(self, key: str) -> Any:
        return self._doc[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._doc)

    def __len__(self) -> int:
        return len(self._doc)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}: {len(v)} rows" if isinstance(v, list) else f"{k}: {v!r}"
                          for k, v in self._doc.items() if not isinstance(v, dict))
        return f"<arrears {self._op}: {sizes}>"

    def to_dict(self) -> Dict[str, Any]:
        """The response document, as :func:`arrears.run` returns it."""
        return json.loads(json.dumps(self._doc))

    def to_json(self, **kwargs: Any) -> str:
        """The response document as JSON text."""
        return json.dumps(self._doc, ensure_ascii=False, **kwargs)

    def frame(self, key: str, kind: str = "pandas") -> Any:
        """The list ``key`` of the document as a table, one row per element: ``kind`` is
        ``pandas`` (default), ``polars``, ``pyarrow`` or ``records``. Money fields become
        ``Decimal`` and dates ``date``; nested lists and objects stay as they are."""
        rows = self._doc.get(key)
        if not isinstance(rows, list):
            lists = [k for k, v in self._doc.items() if isinstance(v, list)]
            raise KeyError(f"{key!r} is not a list of this {self._op} result; its lists: {lists}")
        return _frame(_records(rows), kind)

    def _repr_html_(self) -> str:
        parts = [f"<div><strong>arrears {html.escape(self._op)}</strong>"]
        scalars = {k: v for k, v in self._doc.items() if not isinstance(v, (list, dict))}
        if scalars:
            parts.append("<table>" + "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
                                             f"<td>{_cell(v)}</td></tr>" for k, v in scalars.items())
                         + "</table>")
        for k, v in self._doc.items():
            if isinstance(v, list) and v and all(isinstance(r, Mapping) for r in v):
                cols = list(dict.fromkeys(c for r in v[:50] for c in r))
                head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
                body = "".join("<tr>" + "".join(f"<td>{_cell(r.get(c))}</td>" for c in cols) + "</tr>"
                               for r in v[:20])
                more = f"<p>… and {len(v) - 20} more rows (<code>.frame({k!r})</code>)</p>" if len(v) > 20 else ""
                parts.append(f"<p><strong>{html.escape(k)}</strong> ({len(v)})</p>"
                             f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}")
            elif isinstance(v, list):
                parts.append(f"<p><strong>{html.escape(k)}</strong>: {_cell(v)}</p>")
        parts.append("</div>")
        return "".join(parts)


class Report(Result):
    """The HTML report of a ledger (``report``): shown inline in a notebook, saved with
    :meth:`save`."""

    @property
    def html(self) -> str:
        """The page: one self-contained HTML document."""
        return str(self._doc["html"])

    def save(self, path: Union[str, Path]) -> Path:
        """Writes the page to ``path`` (UTF-8) and returns the path."""
        p = Path(path)
        p.write_text(self.html, encoding="utf-8")
        return p

    def __repr__(self) -> str:
        return f"<arrears report: {len(self.html):,} characters of HTML>"

    def _repr_html_(self) -> str:
        return (f"<iframe srcdoc=\"{html.escape(self.html, quote=True)}\" "
                "style='width:100%;height:720px;border:1px solid #ddd'></iframe>")


CUSTOMER_DETAILS = ("name", "segment", "sector", "email", "address")


def _customer_details(document: Dict[str, Any], table: Any, mapping: Mapping[str, str]) -> None:
    """Copies the customers' descriptive columns (the engine's book keeps only what figures
    depend on) into the ledger document, by customer id."""
    column = {field: mapping.get(field, field) for field in ("id", *CUSTOMER_DETAILS)}
    present = [f for f in CUSTOMER_DETAILS if column[f] in table.column_names]
    if not present or column["id"] not in table.column_names:
        return
    ids = table.column(column["id"]).to_pylist()
    values = {f: table.column(column[f]).to_pylist() for f in present}
    details: Dict[str, Dict[str, Any]] = {}
    for k, cid in enumerate(ids):
        row: Dict[str, Any] = {}
        for f in present:
            v = values[f][k]
            if v is None or v == "":
                continue
            if f == "address":
                v = [line for line in (v.split("\n") if isinstance(v, str) else list(v)) if line]
            row[f] = v
        details[str(cid)] = row
    for customer in document.get("customers", []):
        customer.update(details.get(customer["id"], {}))


class Ledger:
    """Invoices, payments, credit notes, write-offs, disputes and customers (``docs/ledger.md``),
    and everything arrears computes from them. Build one from the ledger document (a dict, a
    JSON file) or from tables (:meth:`from_frames`).

    >>> import arrears
    >>> ledger = arrears.Ledger({"invoices": [
    ...     {"id": "F1", "customer": "C1", "issue_date": "2026-01-10", "due_date": "2026-02-09",
    ...      "amount": "1200.00", "currency": "EUR"}]})
    >>> state = ledger.state("2026-03-31")
    >>> state.frame("receivables")[["id", "outstanding", "days_late"]].to_dict("records")
    [{'id': 'F1', 'outstanding': Decimal('1200.00'), 'days_late': 50}]
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        if not isinstance(document, Mapping):
            raise TypeError(f"a ledger is a mapping (the ledger document), not {type(document).__name__}")
        self._doc: Dict[str, Any] = to_document(document, "ledger")
        self._kind = "pandas"
        #: The report of the import, for a ledger read from a FEC (:meth:`from_fec`).
        self.fec: Optional[Result] = None

    @classmethod
    def from_json(cls, path: Union[str, Path]) -> "Ledger":
        """The ledger of a JSON ledger document (``arrears sample`` writes one)."""
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def from_frames(
        cls,
        invoices: Any,
        payments: Any = None,
        customers: Any = None,
        *,
        currency: Optional[str] = None,
        country: Optional[str] = None,
        debtor: Optional[str] = None,
        invoices_map: Optional[Mapping[str, str]] = None,
        payments_map: Optional[Mapping[str, str]] = None,
        customers_map: Optional[Mapping[str, str]] = None,
    ) -> "Ledger":
        """The ledger of tables (pyarrow, pandas or polars), with the columns and options of
        :func:`arrears.penalties`. Rows are checked as the ledger checks them; every problem is
        reported at ``invoices[row].column``. Frames later returned (``.penalties()``) are of
        the same kind as ``invoices``. Customers keep ``id``, ``country``, ``debtor`` and, when
        the table has them, ``name``, ``segment``, ``sector``, ``email`` and ``address`` (text,
        one line per ``\\n``, or a list of lines): what letters and the agenda address."""
        native = book(invoices, payments, customers, currency=currency, country=country,
                      debtor=debtor, invoices_map=invoices_map, payments_map=payments_map,
                      customers_map=customers_map)
        document = json.loads(_arrears.ledger_document(native))
        if customers is not None:
            _customer_details(document, _arrow_input("customers", customers), customers_map or {})
        ledger = cls(document)
        ledger._kind = _kind(invoices)
        return ledger

    @classmethod
    def from_fec(
        cls,
        path: Union[str, Path],
        *,
        terms: Any = None,
        country: Optional[str] = None,
        customers: Optional[List[Mapping[str, Any]]] = None,
        disputes: Optional[List[Mapping[str, Any]]] = None,
        customer_accounts: Optional[List[str]] = None,
        journals: Optional[Mapping[str, str]] = None,
        encoding: Optional[str] = None,
        kind: str = "pandas",
    ) -> "Ledger":
        """The ledger of a FEC (Fichier des Écritures Comptables, ``docs/fec.md``): the customer
        accounts and their lettering become invoices, payments, credit notes and write-offs.

        ``terms``: a short notation (``"45 jours fin de mois"``) or a mapping (a terms document,
        or ``{"default": ..., "customers": {...}, "invoices": {...}}``); without it the statutory
        30 days apply. ``country`` for every customer, ``customers`` (customer records merged by
        id), ``disputes`` (a FEC does not hold them), ``customer_accounts`` (default
        ``["411", "416"]``), ``journals`` (``{"VT": "sales"}``). The file is read as UTF-8, or
        ISO-8859-15 when it is not UTF-8 (``encoding`` to say). The import's report (lines used
        and not, lettering, the reconciliation of every customer's balance) is ``.fec``, a
        :class:`Result` (``ledger.fec.frame("reconciliation")``). Frames later returned are
        pandas, or ``kind``."""
        raw = Path(path).read_bytes()
        if encoding is not None:
            text = raw.decode(encoding)
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("iso8859_15")
        request: Dict[str, Any] = {"text": text}
        for key, value in (("terms", terms), ("country", country), ("customers", customers), ("disputes", disputes),
                           ("customer_accounts", customer_accounts), ("journals", journals)):
            if value is not None:
                request[key] = value
        answer = run("fec", request)
        ledger = cls(answer.pop("ledger"))
        ledger._kind = kind
        ledger.fec = Result("fec", answer)
        return ledger

    def frame(self, key: str, kind: Optional[str] = None) -> Any:
        """A list of the ledger document as a table (``invoices``, ``payments``,
        ``credit_notes``, ``write_offs``, ``disputes``, ``customers``): money as ``Decimal``,
        dates as ``date``."""
        rows = self._doc.get(key)
        if not isinstance(rows, list):
            lists = [k for k, v in self._doc.items() if isinstance(v, list)]
            raise KeyError(f"{key!r} is not a list of the ledger; its lists: {lists}")
        return _frame(_records(rows), kind or self._kind)

    def to_dict(self) -> Dict[str, Any]:
        """The ledger document."""
        return json.loads(json.dumps(self._doc))

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(v)} {k}" for k, v in self._doc.items() if isinstance(v, list) and v)
        return f"<arrears Ledger: {counts or 'empty'}>"

    def _run(self, op: str, **request: Any) -> Dict[str, Any]:
        body = {k: v for k, v in request.items() if v is not None}
        return run(op, {"ledger": self._doc, **body})

    def state(self, as_of: DateLike) -> Result:
        """Every receivable and customer as known at the end of ``as_of``: paid, credited,
        written off, outstanding, status, days late (``ledger_state``)."""
        return Result("ledger_state", self._run("ledger_state", as_of=_as_of(as_of)))

    def aging(self, as_of: DateLike, **options: Any) -> Result:
        """The aging balance by customer and bucket (``aging``; ``options`` as in kpi.md)."""
        return Result("aging", self._run("aging", as_of=_as_of(as_of), **options))

    def claims(self, as_of: DateLike, *, interest: Optional[Mapping[str, Any]] = None,
               journal: Optional[List[Any]] = None, rates: Optional[List[Any]] = None) -> Result:
        """What each late customer may be claimed: principal, statutory interest and fixed
        compensation per receivable (``claims``). ``rates``: series added to the built-in table
        (``docs/rates.md``), e.g. a reference rate published after this release."""
        return Result("claims", self._run("claims", as_of=_as_of(as_of), interest=interest,
                                          journal=journal, rates=rates))

    def agenda(self, as_of: DateLike, *, policy: Any = None, journal: Optional[List[Any]] = None,
               **settings: Any) -> Result:
        """Whom to contact on ``as_of``, how, and for how much (``agenda``; ``policy`` a preset id
        such as ``"fr_standard"`` or a policy document; ``journal`` what was done so far;
        ``rates`` series added to the built-in table, ``docs/rates.md``)."""
        return Result("agenda", self._run("agenda", as_of=_as_of(as_of), policy=policy,
                                          journal=journal, **settings))

    def kpis(self, as_of: DateLike, start: DateLike, end: DateLike, *, group_by: Optional[str] = None,
             journal: Optional[List[Any]] = None, options: Optional[Mapping[str, Any]] = None) -> Result:
        """Every KPI of kpi.md over the period ``start``..``end`` (``kpis``): DSO, CEI, days to
        pay, recovery rates, concentration, forecast, provisions, write-off candidates."""
        return Result("kpis", self._run("kpis", as_of=_as_of(as_of), **{"from": _as_of(start)},
                                        to=_as_of(end), group_by=group_by, journal=journal,
                                        options=options))

    def kpi_table(self, as_of: DateLike, start: DateLike, end: DateLike, *, kind: str = "pandas",
                  group_by: Optional[str] = None, journal: Optional[List[Any]] = None,
                  options: Optional[Mapping[str, Any]] = None) -> Any:
        """The KPIs as a tidy table (``kpi_rows``): ``group``, ``currency``, ``kpi``, ``period``,
        ``value`` (``Decimal``, empty when undefined), ``unit``, ``reason``."""
        out = self._run("kpi_rows", as_of=_as_of(as_of), **{"from": _as_of(start)}, to=_as_of(end),
                        group_by=group_by, journal=journal, options=options)
        rows = [{**r, "value": None if r.get("value") is None else Decimal(r["value"])}
                for r in out["rows"]]
        return _frame(rows, kind)

    def risk(self, as_of: DateLike, **request: Any) -> Result:
        """Each customer's risk score, grade and the reasons behind it (``risk``)."""
        return Result("risk", self._run("risk", as_of=_as_of(as_of), **request))

    def penalties(self, as_of: DateLike, *, regime: Optional[str] = None,
                  settled_penalties: str = "omit", kind: Optional[str] = None,
                  rates: Optional[List[Any]] = None) -> Any:
        """The per-invoice penalty table (as :func:`arrears.penalties`), in the kind of frame the
        ledger came from (``kind`` to choose: pandas, polars or pyarrow)."""
        table = _arrears.penalties_of_ledger(json.dumps(self._doc), _as_of(as_of),
                                             options_document(regime, settled_penalties,
                                                              rates=rates))
        return _output(table, kind or self._kind)

    def customer_totals(self, as_of: DateLike, *, regime: Optional[str] = None,
                        settled_penalties: str = "omit", kind: Optional[str] = None,
                        rates: Optional[List[Any]] = None) -> Any:
        """Per-customer totals of the penalty table (as :func:`arrears.customer_totals`), in the
        kind of frame the ledger came from (``kind`` to choose: pandas, polars or pyarrow)."""
        table = _arrears.customer_totals_of_ledger(json.dumps(self._doc), _as_of(as_of),
                                                   options_document(regime, settled_penalties,
                                                                    rates=rates))
        return _output(table, kind or self._kind)

    def backtest(self, cutoff: DateLike, *, horizon_days: int = 180, **request: Any) -> Result:
        """How well the risk score ranked customers (``backtest``, ``docs/risk.md``): scores as
        of ``cutoff`` (using nothing after it) against who paid late over the next
        ``horizon_days``: AUC, calibration bands and the late rate per grade."""
        return Result("backtest", self._run("backtest", cutoff=_as_of(cutoff),
                                            horizon_days=horizon_days, **request))

    def report(self, as_of: DateLike, *, title: Optional[str] = None, policy: Any = None,
               journal: Optional[List[Any]] = None, rates: Optional[List[Any]] = None) -> Report:
        """The self-contained HTML report (``report``): totals, aging, claims, the day's agenda,
        KPIs and their charts, risk. Shown inline in a notebook; ``.save(path)`` writes it.
        ``rates``: series added to the built-in table (``docs/rates.md``)."""
        return Report("report", self._run("report", as_of=_as_of(as_of), title=title, policy=policy,
                                          journal=journal, rates=rates))


def read_fec(path: Union[str, Path], **options: Any) -> Ledger:
    """The ledger of a FEC, with the import's report as ``.fec`` (:meth:`Ledger.from_fec`).

    >>> import arrears, pathlib
    >>> root = pathlib.Path(arrears.__file__).resolve().parents[3] / "examples"
    >>> ledger = arrears.read_fec(root / "sample-fec.txt", terms=json.loads(
    ...     (root / "sample-fec-terms.json").read_text()), customers=json.loads(
    ...     (root / "sample-fec-customers.json").read_text()))
    >>> ledger.fec["reconciled"], ledger.fec["unused"]
    (True, [])
    >>> len(ledger.frame("invoices"))
    469
    """
    return Ledger.from_fec(path, **options)


def kpis(
    invoices: Any,
    payments: Any = None,
    customers: Any = None,
    *,
    as_of: DateLike,
    start: DateLike,
    end: DateLike,
    group_by: Optional[str] = None,
    journal: Optional[List[Any]] = None,
    options: Optional[Mapping[str, Any]] = None,
    currency: Optional[str] = None,
    country: Optional[str] = None,
    debtor: Optional[str] = None,
    invoices_map: Optional[Mapping[str, str]] = None,
    payments_map: Optional[Mapping[str, str]] = None,
    customers_map: Optional[Mapping[str, str]] = None,
) -> Result:
    """Every KPI of kpi.md over ``start``..``end`` for whole tables (the tables and keyword
    arguments of :func:`arrears.penalties`), read into columns without a ledger document: the same
    report as :meth:`Ledger.kpis` on the same ledger, several times faster on large portfolios.
    ``group_by`` is ``"portfolio"`` (default) or ``"customer"`` (segments and sectors are not
    among the tables' columns: use :meth:`Ledger.kpis`).

    >>> import datetime, pyarrow as pa
    >>> from decimal import Decimal
    >>> invoices = pa.table({
    ...     "id": ["F1", "F2"], "customer": ["C1", "C1"],
    ...     "issue_date": [datetime.date(2025, 1, 10), datetime.date(2025, 3, 10)],
    ...     "due_date": [datetime.date(2025, 2, 9), datetime.date(2025, 4, 9)],
    ...     "amount": pa.array([Decimal("6000.00"), Decimal("3000.00")], pa.decimal128(12, 2)),
    ...     "currency": ["EUR", "EUR"]})
    >>> payments = pa.table({"customer": ["C1"], "date": [datetime.date(2025, 2, 9)],
    ...     "amount": pa.array([Decimal("6000.00")], pa.decimal128(12, 2)), "currency": ["EUR"]})
    >>> report = kpis(invoices, payments, as_of=datetime.date(2025, 3, 31),
    ...               start=datetime.date(2025, 1, 1), end=datetime.date(2025, 3, 31))
    >>> report["groups"][0]["dso"]["standard"]["value"]
    '30.00'

    By hand (kpi.md, standard DSO = receivables at the end ÷ credit sales × days): 3,000.00
    outstanding on 31 March, 9,000.00 invoiced over the 90 days of the quarter: 3000 / 9000 × 90 =
    30.00 days.
    """
    ledger = book(invoices, payments, customers, currency=currency, country=country, debtor=debtor,
                  invoices_map=invoices_map, payments_map=payments_map, customers_map=customers_map)
    request = {"as_of": _as_of(as_of), "from": _as_of(start), "to": _as_of(end),
               "group_by": group_by, "journal": journal, "options": options}
    body = to_document({k: v for k, v in request.items() if v is not None})
    return Result("kpis", json.loads(_arrears.kpis_of_book(ledger, json.dumps(body))))
