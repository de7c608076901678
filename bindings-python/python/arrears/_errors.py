"""The exceptions of arrears: one class per area of the error codes, all under `ArrearsError`.

Every error the core reports carries a stable code (``"money.currency_mismatch"``,
``"ledger.unknown_invoice"``; the catalogue is ``docs/errors.md``), a message, and where it helps
the place in the input it refers to (``invoices[3].due_date``). Validation that finds several
problems reports them all at once in ``.problems``.

>>> import arrears
>>> try:
...     arrears.run("due_date", {"terms": {"kind": "net_days", "days": -5}, "issue_date": "2025-01-15"})
... except arrears.TermsError as e:
...     print(e.code)
terms.invalid
"""

from __future__ import annotations

import json
from typing import Dict, List, NamedTuple, Optional, Type


class Problem(NamedTuple):
    """One problem found in the input: its code, a message and where it is."""

    code: str
    message: str
    path: Optional[str] = None


class ArrearsError(ValueError):
    """An error reported by arrears, with the core's stable ``code``.

    ``path`` is the place in the input of the first problem (``invoices[3].amount``), when known;
    ``problems`` lists every problem found, in the order found (at least one).
    """

    code: str
    path: Optional[str]
    problems: List[Problem]

    def __init__(self, message: str, code: str = "input.invalid_value", path: Optional[str] = None,
                 problems: Optional[List[Problem]] = None) -> None:
        super().__init__(message)
        self.code = code
        self.path = path
        self.problems = problems if problems else [Problem(code, message, path)]

    def __str__(self) -> str:
        head = f"{self.code}: {self.args[0] if self.args else ''}"
        if self.path:
            head = f"{head} (at {self.path})"
        more = len(self.problems) - 1
        return f"{head} (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else head

    def to_dict(self) -> Dict[str, object]:
        """The error as the document the CLI prints: ``{"error": {"code", "message", ...}}``."""
        body: Dict[str, object] = {"code": self.code, "message": self.args[0] if self.args else ""}
        if self.path:
            body["path"] = self.path
        if len(self.problems) > 1:
            body["problems"] = [
                {k: v for k, v in p._asdict().items() if v is not None} for p in self.problems
            ]
        return {"error": body}


class InputError(ArrearsError):
    """``input.*``: a document or argument that is not what the operation takes."""


class MoneyError(ArrearsError):
    """``money.*``: unknown currency, mixed currencies, amounts not in minor units, overflow."""


class DateError(ArrearsError):
    """``date.*``: an invalid date or one out of the supported range."""


class CalendarError(ArrearsError):
    """``calendar.*``: an unknown calendar or a year without holiday data."""


class TermsError(ArrearsError):
    """``terms.*``: payment terms that are invalid or give several due dates."""


class LedgerError(ArrearsError):
    """``ledger.*``: duplicate ids, unknown invoices or customers, missing due dates."""


class PlanError(ArrearsError):
    """``plans.*``: a payment plan that cannot be built or followed."""


class RateError(ArrearsError):
    """``rates.*``: an unknown rate series or a date no published rate covers."""


class InterestError(ArrearsError):
    """``interest.*``: unknown regime, invalid option, principal or payment."""


class DunningError(ArrearsError):
    """``dunning.*``: an invalid or unknown policy, or an invalid journal."""


class RiskError(ArrearsError):
    """``risk.*``: a back-test whose horizon runs past the data."""


class LetterError(ArrearsError):
    """``letters.*``: unknown template, rendering failure, penalties that cannot be quoted."""


class DataImportError(ArrearsError):
    """``import.*``: a table with a missing column, a bad cell or a column of the wrong type."""


class FileError(ArrearsError):
    """``io.*``: a file the command line reads or writes (too large, not a regular file, a journal
    that cannot be locked, a letter that exists already). The library's calls never raise it."""


class InternalError(ArrearsError):
    """``internal.*``: a bug in arrears, caught before it could end the interpreter."""


AREAS: Dict[str, Type[ArrearsError]] = {
    "input": InputError,
    "money": MoneyError,
    "date": DateError,
    "calendar": CalendarError,
    "terms": TermsError,
    "ledger": LedgerError,
    "plans": PlanError,
    "rates": RateError,
    "interest": InterestError,
    "dunning": DunningError,
    "risk": RiskError,
    "letters": LetterError,
    "import": DataImportError,
    "io": FileError,
    "internal": InternalError,
}


def error_class(code: str) -> Type[ArrearsError]:
    """The exception class of an error code (its area, the part before the dot)."""
    return AREAS.get(code.split(".", 1)[0], ArrearsError)


def from_core(document: str) -> ArrearsError:
    """The exception for the core's error document ``{"error": {...}}`` (called by the native
    module)."""
    body = json.loads(document).get("error", {})
    code = str(body.get("code", "input.invalid_value"))
    message = str(body.get("message", ""))
    path = body.get("path")
    problems = [Problem(str(p.get("code", code)), str(p.get("message", "")), p.get("path"))
                for p in body.get("problems", [])]
    return error_class(code)(message, code=code, path=path, problems=problems or None)
