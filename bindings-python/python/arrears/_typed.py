"""Typed calls: native ``Decimal`` and ``date`` in and out, result objects instead of dicts.

Each function builds the operation's request document, runs it through the same core entry point
as :func:`arrears.run`, and reads the response into frozen dataclasses. ``.to_dict()`` gives the
document back (decimals and dates as strings, as every binding and the CLI print it).
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ._documents import run

Money = Union[Decimal, str]
DateLike = Union[_dt.date, str]


def _date(s: str) -> _dt.date:
    return _dt.date.fromisoformat(s)


def _money(value: Money, name: str) -> Money:
    if isinstance(value, bool) or not isinstance(value, (Decimal, str)):
        raise TypeError(f"{name}: expected a Decimal or a decimal string, not "
                        f"{type(value).__name__} ({value!r}); money is never a float in arrears")
    return value


def _civil(value: DateLike, name: str) -> DateLike:
    if isinstance(value, _dt.datetime):
        raise TypeError(f"{name}: {value!r} is a datetime; pass a date ({value!r}.date())")
    if not isinstance(value, (_dt.date, str)):
        raise TypeError(f"{name}: expected a date or a 'YYYY-MM-DD' string, not {type(value).__name__}")
    return value


def due_date(terms: Mapping[str, Any], issue_date: DateLike, **extra: Any) -> Optional[_dt.date]:
    """The due date of an invoice under payment terms (``docs/terms.md``), or ``None`` for terms
    that split the invoice into several due dates (deposits, instalments: ``run("due_date", ...)``
    returns the whole schedule). ``extra`` takes the other fields of the request (``roll``,
    ``amount``, ``currency``, ...).

    >>> import datetime
    >>> due_date({"kind": "net_days", "days": 30}, datetime.date(2025, 1, 15))
    datetime.date(2025, 2, 14)
    >>> due_date({"kind": "days_end_of_month", "days": 45, "method": "days_then_end_of_month"},
    ...          datetime.date(2024, 1, 31))
    datetime.date(2024, 3, 31)

    ("45 jours fin de mois", method A, as expertfiscal.fr computes it: 31 January 2024 + 45 days
    is 16 March, and the end of that month is 31 March.)
    """
    request = {"terms": dict(terms), "issue_date": _civil(issue_date, "issue_date"), **extra}
    due = run("due_date", request)["due_date"]
    return None if due is None else _date(due)


@dataclass(frozen=True)
class Segment:
    """A run of days at one balance and one rate."""

    start: _dt.date
    end: _dt.date
    days: int
    balance: Decimal
    rate_percent: Decimal
    interest: Decimal
    interest_exact: Decimal


@dataclass(frozen=True)
class AppliedEvent:
    """A payment or credit as applied: how much went to interest and to principal."""

    date: _dt.date
    kind: str
    amount: Decimal
    to_interest: Decimal
    to_principal: Decimal


@dataclass(frozen=True)
class RateUsed:
    """A reference-rate entry the statement read, with its flag when unverified."""

    series: str
    start: _dt.date
    rate_percent: Decimal
    flag: Optional[str] = None


@dataclass(frozen=True)
class Warning_:
    """Something the statement had to decide that a person should know."""

    code: str
    message: str


@dataclass(frozen=True)
class Statement:
    """An itemised interest statement (``docs/interest.md``): every figure with the days, the
    balance and the rate it comes from."""

    regime: str
    currency: str
    principal: Decimal
    due_date: _dt.date
    until: _dt.date
    interest: Decimal
    fixed_compensation: Decimal
    total_due: Decimal
    interest_paid: Decimal
    interest_outstanding: Decimal
    principal_outstanding: Decimal
    segments: Tuple[Segment, ...]
    events: Tuple[AppliedEvent, ...]
    rates_used: Tuple[RateUsed, ...]
    warnings: Tuple[Warning_, ...]
    document: Dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Statement":
        """The statement of a response document of the ``interest`` operation."""
        return cls(
            regime=d["regime"], currency=d["currency"], principal=Decimal(d["principal"]),
            due_date=_date(d["due_date"]), until=_date(d["until"]), interest=Decimal(d["interest"]),
            fixed_compensation=Decimal(d["fixed_compensation"]), total_due=Decimal(d["total_due"]),
            interest_paid=Decimal(d["interest_paid"]),
            interest_outstanding=Decimal(d["interest_outstanding"]),
            principal_outstanding=Decimal(d["principal_outstanding"]),
            segments=tuple(Segment(_date(s["from"]), _date(s["to"]), int(s["days"]),
                                   Decimal(s["balance"]), Decimal(s["rate_percent"]),
                                   Decimal(s["interest"]), Decimal(s["interest_exact"]))
                           for s in d["segments"]),
            events=tuple(AppliedEvent(_date(e["date"]), e["kind"], Decimal(e["amount"]),
                                      Decimal(e["to_interest"]), Decimal(e["to_principal"]))
                         for e in d["events"]),
            rates_used=tuple(RateUsed(r["series"], _date(r["from"]), Decimal(r["rate_percent"]),
                                      r.get("flag")) for r in d["rates_used"]),
            warnings=tuple(Warning_(w["code"], w["message"]) for w in d["warnings"]),
            document=dict(d),
        )

    def to_dict(self) -> Dict[str, Any]:
        """The response document (decimals and dates as strings)."""
        return dict(self.document)

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f"<tr><td>{s.start}</td><td>{s.end}</td><td style='text-align:right'>{s.days}</td>"
            f"<td style='text-align:right'>{s.balance}</td>"
            f"<td style='text-align:right'>{s.rate_percent} %</td>"
            f"<td style='text-align:right'>{s.interest}</td></tr>" for s in self.segments)
        warnings = "".join(f"<li>{e(w.message)}</li>" for w in self.warnings)
        return (
            f"<div><strong>{e(self.regime)}</strong>: {self.principal} {e(self.currency)} due "
            f"{self.due_date}, until {self.until}<table><thead><tr><th>from</th><th>to</th>"
            "<th>days</th><th>balance</th><th>rate</th><th>interest</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p>interest {self.interest} · fixed compensation "
            f"{self.fixed_compensation} · total due {self.total_due} {e(self.currency)}</p>"
            + (f"<ul>{warnings}</ul>" if warnings else "") + "</div>")


def interest(
    principal: Money,
    due_date: DateLike,
    until: DateLike,
    *,
    regime: str,
    currency: str = "EUR",
    payments: Sequence[Tuple[DateLike, Money]] = (),
    credits: Sequence[Tuple[DateLike, Money]] = (),
    options: Optional[Mapping[str, Any]] = None,
    rates: Sequence[Mapping[str, Any]] = (),
) -> Statement:
    """The statutory (or contractual) late-payment interest on one debt, itemised.

    >>> import datetime
    >>> from decimal import Decimal
    >>> s = interest(Decimal("1000.00"), datetime.date(2024, 1, 31), datetime.date(2024, 3, 1),
    ...              regime="fr_b2b")
    >>> s.interest, s.fixed_compensation, s.total_due
    (Decimal('11.92'), Decimal('40.00'), Decimal('1051.92'))
    >>> [(x.days, x.rate_percent) for x in s.segments]
    [(30, Decimal('14.50'))]

    By hand: French B2B (C. com. L441-10), ECB rate 4.50 % + 10 points for the first half of
    2024; 30 days from 1 February to 1 March, ACT/365F: 1000 × 14.50 % × 30 / 365 = 11.9178 →
    11.92; EUR 40 fixed compensation (D441-5).

    ``payments`` and ``credits`` are ``(date, amount)`` pairs; ``rates`` adds or replaces
    reference-rate series (``docs/rates.md``).
    """
    request: Dict[str, Any] = {
        "regime": regime,
        "principal": _money(principal, "principal"),
        "currency": currency,
        "due_date": _civil(due_date, "due_date"),
        "until": _civil(until, "until"),
        "payments": [{"date": _civil(d, f"payments[{i}]"), "amount": _money(a, f"payments[{i}]")}
                     for i, (d, a) in enumerate(payments)],
        "credits": [{"date": _civil(d, f"credits[{i}]"), "amount": _money(a, f"credits[{i}]")}
                    for i, (d, a) in enumerate(credits)],
        "rates": list(rates),
    }
    if options:
        request["options"] = dict(options)
    return Statement.from_dict(run("interest", request))


__all__: List[str] = ["due_date", "interest", "Statement", "Segment", "AppliedEvent", "RateUsed"]
