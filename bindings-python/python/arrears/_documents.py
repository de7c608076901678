"""Documents in and out: Python values to the core's JSON documents, strictly.

The core reads money as decimal strings and dates as ``YYYY-MM-DD``. From Python it takes
``decimal.Decimal`` (or a decimal string) and ``datetime.date`` (or an ISO string), and refuses
what would silently change a figure: a ``float`` where money is meant (``0.1 + 0.2`` is not
``0.3``), NaN and infinities, and a ``datetime`` where a civil date is meant (its time and time
zone would be dropped). Each refusal names the place in the document and carries the core's code.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Dict

from . import _arrears
from ._errors import DateError, MoneyError


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def to_document(value: Any, path: str = "") -> Any:
    """``value`` as a JSON-ready document: ``Decimal`` to its exact string, ``date`` to
    ``YYYY-MM-DD``, mappings and sequences walked.

    >>> from decimal import Decimal
    >>> import datetime
    >>> to_document({"principal": Decimal("1000.50"), "due_date": datetime.date(2024, 1, 31)})
    {'principal': '1000.50', 'due_date': '2024-01-31'}

    What would silently change a figure is refused with the core's code and the place: a
    ``datetime`` where a civil date is meant (``date.invalid``), a float that is not a number
    (``money.invalid_amount``). A finite float stays a JSON number, which the core refuses wherever
    it means money (``money.invalid_amount``), as it does from every other language.

    >>> to_document({"until": datetime.datetime(2024, 3, 1, 23, 30)})
    Traceback (most recent call last):
    ...
    arrears._errors.DateError: date.invalid: datetime.datetime(2024, 3, 1, 23, 30) is a datetime; arrears works on civil dates: pass a date (its time and time zone would otherwise be dropped) (at until)
    """
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise MoneyError(f"{value!r} is not a number; money and rates are decimals, never floats",
                             code="money.invalid_amount", path=path or None)
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise MoneyError(f"{value} is not a finite decimal", code="money.invalid_amount",
                             path=path or None)
        return format(value, "f")
    if isinstance(value, _dt.datetime):
        raise DateError(f"{value!r} is a datetime; arrears works on civil dates: pass a date (its "
                        "time and time zone would otherwise be dropped)", code="date.invalid",
                        path=path or None)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        out: Dict[str, Any] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"{path or 'document'}: key {k!r} is not a string")
            out[k] = to_document(v, _at(path, k))
        return out
    if isinstance(value, (list, tuple)):
        return [to_document(v, f"{path}[{i}]") for i, v in enumerate(value)]
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_document(to_dict(), path)
    raise TypeError(f"{path or 'document'}: {type(value).__name__} is not a document value "
                    "(dict, list, str, int, bool, None, Decimal or date)")


def run(op: str, document: Mapping[str, Any]) -> Dict[str, Any]:
    """Runs the operation ``op`` of ``docs/operations.md`` on a request document and returns the
    response document, exactly as every other binding and the conformance vectors see it (decimals
    and dates as strings). Native ``Decimal`` and ``date`` values are accepted in the request.

    >>> arrears_due = run("due_date", {"terms": {"kind": "net_days", "days": 30},
    ...                               "issue_date": "2025-01-15"})
    >>> arrears_due["due_date"]
    '2025-02-14'

    Raises :class:`ArrearsError` (a subclass by area) with the core's ``code`` and ``path``
    (a float where money is meant is ``money.invalid_amount``, as from every language; a
    ``datetime`` where a date is meant ``date.invalid``), and ``TypeError`` for a value no document
    can hold (a set, an object).
    """
    if not isinstance(op, str):
        raise TypeError(f"op must be a string, not {type(op).__name__}")
    # A request that is not a mapping (a list, a string) goes to the core like any JSON value,
    # which refuses it as every language does (``input.invalid_document``).
    text = json.dumps(to_document(document), ensure_ascii=False)
    result: Dict[str, Any] = json.loads(_arrears.run(op, text))
    return result


def operations() -> list:
    """Every operation name :func:`run` accepts, in documentation order."""
    return list(_arrears.operations())
