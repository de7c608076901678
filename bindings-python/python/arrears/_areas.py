"""Idiomatic calls for the areas that are not about one ledger: rate series, dunning policies,
payment plans and letters. Each builds the request document of its operation
(``docs/operations.md``) from keyword arguments (``Decimal`` and ``date`` accepted, floats refused
as everywhere), runs it in the core and wraps the response: a :class:`Result` (a read-only mapping
with ``.frame(...)``, ``.to_dict()`` and an HTML view), or a small typed value where the answer is
one figure (:class:`Rate`) or one text (:class:`Letter`)."""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from ._documents import run
from ._ledger import DateLike, Result, _as_of

__all__ = ["Letter", "Rate", "letter", "plan", "plan_status", "policy", "rate_on", "rates"]


def _clean(request: Mapping[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in request.items() if v is not None}


def rates(series: Optional[str] = None) -> Result:
    """The built-in rate series (``rates``): each summarised (source, what its values mean, the
    first and last dates known, how many values are flagged as unverified), or, with ``series``,
    that one with every dated value.

    >>> import arrears
    >>> ecb = arrears.rates("ecb_mro")
    >>> ecb["series"][0]["id"], ecb["series"][0]["unit"]
    ('ecb_mro', 'percent_per_annum')
    """
    return Result("rates", run("rates", _clean({"series": series})))


@dataclass(frozen=True)
class Rate:
    """One value of a rate series on a date (``rate_on``)."""

    series: str
    date: _dt.date
    #: The day this value took effect.
    effective_from: _dt.date
    rate_percent: Decimal
    #: The last date the series is known for (later dates are refused, not guessed).
    known_until: _dt.date
    #: ``"unverified"`` when the value is not yet confirmed against its official source.
    flag: Optional[str] = None
    note: Optional[str] = None


def rate_on(series: str, on: DateLike) -> Rate:
    """The value of a rate series in force on a date.

    >>> import arrears, datetime
    >>> r = arrears.rate_on("ecb_mro", datetime.date(2024, 3, 1))
    >>> r.rate_percent, r.effective_from
    (Decimal('4.50'), datetime.date(2023, 9, 20))

    The ECB's main refinancing rate was set to 4.50 % from 20 September 2023 (ECB press release of
    14 September 2023) and stayed there until June 2024.
    """
    out = run("rate_on", {"series": series, "date": _as_of(on)})
    return Rate(series=out["series"], date=_dt.date.fromisoformat(out["date"]),
                effective_from=_dt.date.fromisoformat(out["from"]),
                rate_percent=Decimal(out["rate_percent"]),
                known_until=_dt.date.fromisoformat(out["known_until"]),
                flag=out.get("flag"), note=out.get("note"))


def policy(policy: Union[str, Mapping[str, Any]]) -> Result:
    """A dunning policy checked and with every default filled in (``policy``): a preset id
    (``"fr_standard"``, ...) or a policy document (``docs/dunning.md``).

    >>> import arrears
    >>> p = arrears.policy("fr_standard")
    >>> p["steps"][0]["id"], p["steps"][0]["offset_days"]
    ('pre_due', -3)

    The French preset opens with a courtesy reminder three days before the due date
    (``docs/dunning.md``: a friendly reminder three days before, as practitioners advise).
    """
    return Result("policy", run("policy", {"policy": policy}))


def plan(
    amount: Decimal,
    currency: str,
    *,
    first_date: DateLike,
    instalments: Optional[int] = None,
    max_per_instalment: Optional[Decimal] = None,
    every: Union[str, int] = "month",
    agreed_on: Optional[DateLike] = None,
    annual_rate_percent: Optional[Decimal] = None,
    grace_days: Optional[int] = None,
    roll: Optional[Mapping[str, Any]] = None,
    reference: Optional[str] = None,
) -> Result:
    """A payment plan (``plan``, ``docs/plans.md``): ``instalments`` equal instalments (or the
    fewest within ``max_per_instalment``), ``every`` month, week or number of days from
    ``first_date``, with optional simple interest on the declining balance. The instalments are
    in ``.frame("instalments")``; pass the result to :func:`plan_status` to track it.

    >>> import arrears, datetime
    >>> from decimal import Decimal
    >>> p = arrears.plan(Decimal("1000.00"), "EUR", instalments=3, first_date=datetime.date(2025, 3, 5))
    >>> [i["amount"] for i in p["instalments"]]
    ['333.34', '333.33', '333.33']

    1,000.00 in three: 333.33 each and the one cent left over on the first instalment
    (``docs/plans.md``), so the total is exactly 1,000.00.
    """
    request = _clean({
        "amount": amount, "currency": currency, "instalments": instalments,
        "max_per_instalment": max_per_instalment, "first_date": _as_of(first_date), "every": every,
        "agreed_on": None if agreed_on is None else _as_of(agreed_on),
        "annual_rate_percent": annual_rate_percent, "grace_days": grace_days, "roll": roll,
        "reference": reference})
    return Result("plan", run("plan", request))


def plan_status(plan: Mapping[str, Any], payments: Sequence[Mapping[str, Any]], as_of: DateLike) -> Result:
    """Where a payment plan stands on ``as_of`` given the payments received (``plan_status``):
    each instalment paid, partly paid, not due or missed (after its grace days), and the plan's
    state (``current``, ``defaulted``, ``completed``).

    >>> import arrears, datetime
    >>> from decimal import Decimal
    >>> p = arrears.plan(Decimal("1000.00"), "EUR", instalments=3, first_date=datetime.date(2025, 3, 5))
    >>> s = arrears.plan_status(p, [{"date": datetime.date(2025, 3, 6), "amount": Decimal("333.34")}],
    ...                         as_of=datetime.date(2025, 4, 20))
    >>> s["state"], s["defaulted_on"], s["first_missed"]
    ('defaulted', '2025-04-10', 2)

    The second instalment fell due on 5 April; with the default 5 days of grace it was missed on
    10 April, unpaid.
    """
    document = plan.to_dict() if isinstance(plan, Result) else plan
    return Result("plan_status", run("plan_status", {"plan": document, "payments": list(payments),
                                                     "as_of": _as_of(as_of)}))


@dataclass(frozen=True)
class Letter:
    """A rendered letter (``letter``, ``docs/letters.md``): its subject and body in the format
    asked for (``text``, ``markdown`` or ``html``), the legal mentions it carries (``checks``)
    and the context fields it could not fill (``missing``: a letter with missing fields should
    not be sent)."""

    template: str
    language: str
    format: str
    subject: str
    body: str
    checks: List[str] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)

    def __str__(self) -> str:
        return self.body

    def _repr_html_(self) -> str:
        if self.format == "html":
            return self.body
        return f"<pre>{html.escape(self.body)}</pre>"


def letter(context: Mapping[str, Any], format: str = "text") -> Letter:
    """Renders a letter (a reminder, a penalty letter, a formal notice, a statement of account)
    from its context: the parties, the invoices with their penalties and the totals
    (``docs/letters.md``).

    >>> import arrears
    >>> l = arrears.letter({"template": "reminder", "language": "en", "date": "2026-06-30",
    ...     "creditor": {"name": "Studio North Ltd"}, "debtor": {"name": "Acme plc"},
    ...     "currency": "GBP", "invoices": [{"id": "INV-7", "issue_date": "2026-05-01",
    ...     "due_date": "2026-05-31", "amount": "1200.00", "outstanding": "1200.00", "days_late": 30}],
    ...     "totals": {"principal": "1200.00", "interest": "0.00", "fixed_compensation": "0.00",
    ...                "total": "1200.00"}})
    >>> "INV-7" in l.body, l.missing
    (True, [])
    """
    out = run("letter", {"context": context, "format": format})
    return Letter(template=out["template"], language=out["language"], format=out["format"],
                  subject=out["subject"], body=out["body"], checks=list(out.get("checks", [])),
                  missing=list(out.get("missing", [])))
