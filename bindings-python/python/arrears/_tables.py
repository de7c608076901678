"""Whole ledgers as tables: pyarrow, pandas or polars in, the same kind out.

The tables have the columns of the ledger documents (``docs/ledger.md``, ``docs/portfolio.md``):

- invoices: ``id``, ``customer``, ``issue_date``, ``due_date``, ``amount``, ``currency``;
- payments: ``date``, ``amount``, and optionally ``id``, ``customer``, ``invoice``, ``currency``;
- customers: ``id``, and optionally ``country``, ``debtor``.

Money columns are decimals (``Decimal`` objects in pandas, ``pl.Decimal`` in polars,
``decimal128`` in Arrow) or integer minor units whose Arrow field declares its scale; float money
columns are refused (``import.column_type``). Dates are dates (or timestamps at midnight). Other
column names are mapped with ``map=`` as the command line's ``--map`` does. The columns cross into
the library through the Arrow C stream interface without a copy, and the work runs without the GIL.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import _arrears
from ._documents import to_document

DateLike = Union[_dt.date, str]


def _kind(table: Any) -> str:
    module = type(table).__module__.split(".", 1)[0]
    if module in ("pandas", "polars"):
        return module
    return "pyarrow"


def _as_of(value: DateLike) -> str:
    if isinstance(value, _dt.datetime):
        raise TypeError(f"as_of: {value!r} is a datetime; pass a date ({value!r}.date())")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"as_of: expected a date or a 'YYYY-MM-DD' string, not {type(value).__name__}")


def _renames(name: str, mapping: Optional[Mapping[str, str]]) -> List[Tuple[str, str]]:
    """``{"id": "N° facture"}`` (field → column, as ``--map id="N° facture"``) as the native
    module's (column, field) pairs."""
    if mapping is None:
        return []
    out = []
    for field, column in mapping.items():
        if not isinstance(field, str) or not isinstance(column, str):
            raise TypeError(f"{name}: expected field → column name strings, got {field!r}: {column!r}")
        out.append((column, field))
    return out


def _aligned(table: Any) -> Any:
    """The table with every buffer aligned to 8 bytes. Arrow buffers that come out of a pickle
    (Dask and multiprocessing ship frames that way) may start at any byte, and the Arrow C data
    import reads offsets and values in place: such columns are copied into fresh, aligned
    buffers first (a concatenation allocates them); aligned columns cross without a copy."""
    import pyarrow as pa

    columns = []
    changed = False
    for column in table.columns:
        chunks = []
        for chunk in column.chunks:
            if any(b is not None and b.address % 8 for b in chunk.buffers()):
                chunk = pa.concat_arrays([chunk, pa.array([], type=chunk.type)])
                changed = True
            chunks.append(chunk)
        columns.append(pa.chunked_array(chunks, type=column.type))
    return pa.Table.from_arrays(columns, schema=table.schema) if changed else table


def _arrow_input(name: str, table: Any) -> Any:
    if table is None:
        return None
    import pyarrow as pa

    if _kind(table) == "pandas":
        # pandas frames export through pyarrow; an index of row numbers is not a column.
        return _aligned(pa.Table.from_pandas(table, preserve_index=False))
    if not (hasattr(table, "__arrow_c_stream__") or hasattr(table, "__arrow_c_array__")):
        raise TypeError(f"{name}: expected a pyarrow Table, a pandas or polars DataFrame, or an "
                        f"object with __arrow_c_stream__, not {type(table).__name__}")
    return _aligned(pa.table(table))


def _output(result: Any, kind: str) -> Any:
    import pyarrow as pa

    table = pa.table(result)
    if kind == "pandas":
        frame = table.to_pandas()
        # Text columns that may be empty (`no_penalties`) hold None, not NaN: a row compares
        # equal to itself and to the pyarrow and polars rows.
        for name in ("no_penalties",):
            if name in frame.columns:
                column = frame[name].astype(object)
                frame[name] = column.where(column.notna(), None)
        return frame
    if kind == "polars":
        import polars as pl

        return pl.from_arrow(table)
    return table


def options_document(regime: Optional[str] = None, settled_penalties: str = "omit",
                     by_customer: Optional[Mapping[str, str]] = None,
                     conventions: Optional[Mapping[str, Any]] = None,
                     rates: Optional[Sequence[Any]] = None) -> str:
    """The ledger interest options document (``docs/interest.md``) as JSON text, with the
    caller's rate series under ``rates`` (the native table functions take them out)."""
    options: Dict[str, Any] = {"settled_penalties": settled_penalties}
    if rates:
        options["rates"] = list(rates)
    if regime is not None:
        options["regime"] = regime
    if by_customer:
        options["by_customer"] = dict(by_customer)
    if conventions:
        options["options"] = dict(conventions)
    return json.dumps(to_document(options, "options"))


def book(invoices: Any, payments: Any, customers: Any, *, currency: Optional[str],
         country: Optional[str], debtor: Optional[str], invoices_map: Optional[Mapping[str, str]],
         payments_map: Optional[Mapping[str, str]], customers_map: Optional[Mapping[str, str]]) -> Any:
    """The native book of the tables (checked; problems at ``invoices[row].column``)."""
    return _arrears.book(
        _arrow_input("invoices", invoices), _arrow_input("payments", payments),
        _arrow_input("customers", customers), currency=currency, country=country, debtor=debtor,
        invoices_map=_renames("invoices_map", invoices_map),
        payments_map=_renames("payments_map", payments_map),
        customers_map=_renames("customers_map", customers_map))


def penalties(
    invoices: Any,
    payments: Any = None,
    customers: Any = None,
    *,
    as_of: DateLike,
    currency: Optional[str] = None,
    country: Optional[str] = None,
    debtor: Optional[str] = None,
    regime: Optional[str] = None,
    settled_penalties: str = "omit",
    by_customer: Optional[Mapping[str, str]] = None,
    interest_options: Optional[Mapping[str, Any]] = None,
    rates: Optional[Sequence[Any]] = None,
    invoices_map: Optional[Mapping[str, str]] = None,
    payments_map: Optional[Mapping[str, str]] = None,
    customers_map: Optional[Mapping[str, str]] = None,
) -> Any:
    """The per-invoice penalty table of a whole ledger, as ``arrears penalties`` writes it.

    One row per invoice: ``id``, ``customer``, ``currency``, ``due_date``, ``days_late``,
    ``bucket``, ``outstanding``, ``interest`` (accrued over the whole delay, half-year rate
    changes and partial payments included), ``interest_paid``, ``interest_outstanding``,
    ``fixed_compensation`` and ``total_due``; money as exact decimals; ``no_penalties``, empty
    unless a late invoice has no penalties, then why (no regime for the customer, a rate not yet
    known: give it with ``rates``). The result is the same kind of table as ``invoices``
    (pyarrow, pandas or polars).

    ``currency``, ``country`` and ``debtor`` fill rows and customers without one (the command
    line's ``--currency``, ``--country``, ``--debtor``); ``regime`` forces one interest regime,
    ``by_customer`` one per customer id; ``settled_penalties="claim"`` counts the penalties still
    owed on invoices paid late; ``interest_options`` are the statement conventions of
    ``docs/interest.md``; ``rates`` rate series added to the built-in table or replacing one
    (``docs/rates.md``: a reference rate published after this release). ``*_map`` rename columns:
    ``{"id": "N° facture"}``.

    >>> import datetime, pyarrow as pa
    >>> from decimal import Decimal
    >>> invoices = pa.table({
    ...     "id": ["F1"], "customer": ["C1"],
    ...     "issue_date": [datetime.date(2024, 1, 1)], "due_date": [datetime.date(2024, 1, 31)],
    ...     "amount": pa.array([Decimal("1000.00")], pa.decimal128(12, 2)), "currency": ["EUR"]})
    >>> row = penalties(invoices, as_of=datetime.date(2024, 3, 1), country="FR").to_pylist()[0]
    >>> row["days_late"], row["interest"], row["fixed_compensation"], row["total_due"]
    (30, Decimal('11.92'), Decimal('40.00'), Decimal('1051.92'))

    By hand (``docs/interest.md``, French B2B, C. com. L441-10 and D441-5): the rate of the first
    half of 2024 is the ECB's 4.50 % plus 10 points, 14.50 %; interest runs on the 30 days from
    1 February to 1 March, ACT/365F: 1000.00 × 14.50 % × 30 / 365 = 11.9178 → 11.92; the fixed
    compensation is EUR 40; total 1000.00 + 11.92 + 40.00 = 1051.92.
    """
    ledger = book(invoices, payments, customers, currency=currency, country=country, debtor=debtor,
                  invoices_map=invoices_map, payments_map=payments_map, customers_map=customers_map)
    result = _arrears.penalties(ledger, _as_of(as_of), options_document(
        regime, settled_penalties, by_customer, interest_options, rates))
    return _output(result, _kind(invoices))


def customer_totals(
    invoices: Any,
    payments: Any = None,
    customers: Any = None,
    *,
    as_of: DateLike,
    currency: Optional[str] = None,
    country: Optional[str] = None,
    debtor: Optional[str] = None,
    regime: Optional[str] = None,
    settled_penalties: str = "omit",
    by_customer: Optional[Mapping[str, str]] = None,
    interest_options: Optional[Mapping[str, Any]] = None,
    rates: Optional[Sequence[Any]] = None,
    invoices_map: Optional[Mapping[str, str]] = None,
    payments_map: Optional[Mapping[str, str]] = None,
    customers_map: Optional[Mapping[str, str]] = None,
) -> Any:
    """Per-customer totals of the penalty table, as ``arrears penalties --by customer`` writes them.

    One row per customer and currency, sorted by customer id then currency: ``invoices``,
    ``open_invoices``, ``overdue_invoices``, ``outstanding``, ``overdue``, the outstanding amount
    by aging bucket (``not_due``, ``1-30``, ``31-60``, ``61-90``, ``91+``), ``max_days_late``
    (the oldest open receivable), and the sums of ``interest``, ``interest_outstanding``,
    ``fixed_compensation`` and ``total_due``. Each figure is the sum of that customer's rows of
    :func:`penalties`. Same arguments as :func:`penalties`; same kind of table as ``invoices``.

    >>> import datetime, pyarrow as pa
    >>> from decimal import Decimal
    >>> invoices = pa.table({
    ...     "id": ["F1", "F2"], "customer": ["C1", "C1"],
    ...     "issue_date": [datetime.date(2024, 1, 1), datetime.date(2024, 2, 20)],
    ...     "due_date": [datetime.date(2024, 1, 31), datetime.date(2024, 3, 20)],
    ...     "amount": pa.array([Decimal("1000.00"), Decimal("200.00")], pa.decimal128(12, 2)),
    ...     "currency": ["EUR", "EUR"]})
    >>> row = customer_totals(invoices, as_of=datetime.date(2024, 3, 1), country="FR").to_pylist()[0]
    >>> row["open_invoices"], row["outstanding"], row["overdue"], row["1-30"]
    (2, Decimal('1200.00'), Decimal('1000.00'), Decimal('1000.00'))
    >>> row["max_days_late"], row["total_due"]
    (30, Decimal('1251.92'))

    By hand: F1 is 30 days late (bucket 1-30) with 11.92 interest and EUR 40 (the example of
    :func:`penalties`); F2 is not yet due. Total 1200.00 + 11.92 + 40.00 = 1251.92.
    """
    ledger = book(invoices, payments, customers, currency=currency, country=country, debtor=debtor,
                  invoices_map=invoices_map, payments_map=payments_map, customers_map=customers_map)
    result = _arrears.customer_totals(ledger, _as_of(as_of), options_document(
        regime, settled_penalties, by_customer, interest_options, rates))
    return _output(result, _kind(invoices))
