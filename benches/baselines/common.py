"""What the three baselines share: the French B2B rule as data, and the output format.

The baselines compute `arrears penalties` for a portfolio of French businesses (`arrears generate
--mix french-b2b`), written from the statute and the project's docs, not from the Rust code:

- interest runs from the day after the due date to the day of payment included (C. com. L441-10 II;
  docs/legal-rates.md §6.1), on ACT/365 (365 even in leap years), at the ECB rate in force on
  1 January or 1 July of each half-year plus 10 points (series `fr_l441_10_bce_semester_rate` of
  tests/reference/rates.json);
- a partial payment pays the interest accrued up to its date first (C. civ. 1343-1), that interest
  rounded half-up to the cent as one block; the rest reduces the principal; a payment on or before
  the due date reduces the principal before any interest; the total is rounded once per block
  (docs/interest.md, steps 7 and 8);
- the fixed compensation for recovery costs is EUR 40 per invoice paid late or still unpaid after
  its due date (C. com. L441-10 II, D441-5);
- a ledger-settled invoice (paid in full) accrues until its payment; an open one until the as-of date;
  its bucket is `settled`, else by days late: `not_due`, `1-30`, `31-60`, `61-90`, `91+`.

Every amount is an integer number of cents; no float touches money.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RATES = ROOT / "tests" / "reference" / "rates.json"
SERIES = "fr_l441_10_bce_semester_rate"
MARGIN_CENTI = 1000  # + 10 points, in hundredths of a percent
FIXED_CENTS = 4000
DENOMINATOR = 365 * 100 * 100  # days in the year × percent × hundredths
COLUMNS = ["id", "customer", "currency", "due_date", "days_late", "bucket", "outstanding", "interest",
           "interest_paid", "interest_outstanding", "fixed_compensation", "total_due"]
EPOCH = dt.date(1970, 1, 1)


def half_years(first_day: int, last_day: int) -> list[tuple[int, int, int]]:
    """(start day, end day exclusive, rate in hundredths of a percent) of every half-year that meets
    [first_day, last_day], days counted from 1970-01-01; the rate is the series' value in force on the
    half-year's first day plus the margin."""
    entries = json.loads(RATES.read_text())["series"][SERIES]["entries"]
    table = sorted((dt.date.fromisoformat(e["from"]), e["rate_percent"]) for e in entries)
    first = EPOCH + dt.timedelta(days=first_day)
    last = EPOCH + dt.timedelta(days=last_day)
    out = []
    start = dt.date(first.year, 1 if first.month <= 6 else 7, 1)
    while start <= last:
        end = dt.date(start.year, 7, 1) if start.month == 1 else dt.date(start.year + 1, 1, 1)
        in_force = [r for f, r in table if f <= start]
        if not in_force:
            raise SystemExit(f"no {SERIES} rate for {start}")
        whole, _, frac = in_force[-1].partition(".")
        centi = int(whole) * 100 + int((frac + "00")[:2])
        out.append(((start - EPOCH).days, (end - EPOCH).days, centi + MARGIN_CENTI))
        start = end
    return out


def bucket(days_late: int) -> str:
    if days_late <= 0:
        return "not_due"
    if days_late <= 30:
        return "1-30"
    if days_late <= 60:
        return "31-60"
    if days_late <= 90:
        return "61-90"
    return "91+"


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def arguments(*extra: str, repeat: bool = False) -> argparse.Namespace:
    """The command line every baseline takes: `--invoices`, `--payments`, `--as-of`, `--out`,
    plus the tables named in `extra` (`"customers"`) and, for in-process timing, `--repeat`."""
    ap = argparse.ArgumentParser()
    for name in ("invoices", "payments", *extra, "as-of", "out"):
        ap.add_argument(f"--{name}", required=True)
    if repeat:
        ap.add_argument("--repeat", type=int, default=1)
    return ap.parse_args()
