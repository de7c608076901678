"""arrears: get paid. Statutory late-payment interest and recovery compensation (France, Germany,
the UK, any EU state) from dated, sourced rate tables; payment terms; dunning; receivables KPIs.
Every figure exact to the cent and explainable line by line.

Three ways in, one core behind them:

- :func:`run`: every operation of ``docs/operations.md`` on documents (dicts), exactly as the other
  bindings, the command line and the conformance vectors see them;
- typed calls with ``Decimal`` and ``date``: :func:`interest`, :func:`due_date`, :func:`rate_on`,
  :func:`rates`, :func:`policy`, :func:`plan` and :func:`plan_status`, :func:`letter`;
- a :class:`Ledger` (from a document or from pyarrow, pandas or polars frames) and what can be asked
  of it: state, aging, claims, the agenda, KPIs, risk, penalties and the HTML report;
- whole ledgers as tables (pyarrow, pandas, polars): :func:`penalties` (per invoice) and
  :func:`customer_totals` (per customer).

>>> import arrears, datetime
>>> from decimal import Decimal
>>> s = arrears.interest(Decimal("1000.00"), datetime.date(2024, 1, 31),
...                      datetime.date(2024, 3, 1), regime="fr_b2b")
>>> s.total_due
Decimal('1051.92')
"""

from ._arrears import __version__
from ._areas import Letter, Rate, letter, plan, plan_status, policy, rate_on, rates
from ._documents import operations, run, to_document
from ._errors import (
    ArrearsError,
    CalendarError,
    DataImportError,
    FileError,
    DateError,
    DunningError,
    InputError,
    InterestError,
    InternalError,
    LedgerError,
    LetterError,
    MoneyError,
    PlanError,
    Problem,
    RateError,
    RiskError,
    TermsError,
)
from ._ledger import Ledger, Report, Result, kpis, read_fec
from ._tables import customer_totals, penalties
from ._typed import AppliedEvent, RateUsed, Segment, Statement, due_date, interest

__all__ = [
    "__version__",
    "run",
    "operations",
    "to_document",
    "interest",
    "due_date",
    "penalties",
    "rates",
    "rate_on",
    "Rate",
    "policy",
    "plan",
    "plan_status",
    "letter",
    "Letter",
    "customer_totals",
    "kpis",
    "read_fec",
    "Ledger",
    "Result",
    "Report",
    "Statement",
    "Segment",
    "AppliedEvent",
    "RateUsed",
    "ArrearsError",
    "Problem",
    "InputError",
    "MoneyError",
    "DateError",
    "CalendarError",
    "TermsError",
    "LedgerError",
    "PlanError",
    "RateError",
    "RiskError",
    "InterestError",
    "DunningError",
    "LetterError",
    "DataImportError",
    "FileError",
    "InternalError",
]
