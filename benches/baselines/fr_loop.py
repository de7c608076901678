#!/usr/bin/env python3
"""Baseline: the penalty table in a plain Python loop, one invoice at a time, with `decimal`.

    python fr_loop.py --invoices invoices.csv --payments payments.csv --as-of 2026-06-30 --out out.csv
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import common

CENT = Decimal("0.01")


def main() -> None:
    a = common.arguments()
    as_of = dt.date.fromisoformat(a.as_of)

    paid: dict[str, tuple[dt.date, Decimal]] = {}
    with open(a.payments, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["invoice"] in paid:
                raise SystemExit("this baseline handles one payment per invoice")
            paid[row["invoice"]] = (dt.date.fromisoformat(row["date"]), Decimal(row["amount"]))

    # Rate of each half-year (keyed by its first day), from 2013 to the as-of date.
    rate_of = {common.EPOCH + dt.timedelta(days=s): Decimal(c) / 100
               for s, e, c in common.half_years((dt.date(2013, 1, 1) - common.EPOCH).days,
                                                (as_of - common.EPOCH).days)}

    def interest(balance: Decimal, after: dt.date, through: dt.date) -> Decimal:
        """Interest on `balance` for the days d with after < d <= through, rounded half-up."""
        numerator = Decimal(0)  # balance × rate × days, exact
        day = after + dt.timedelta(days=1)
        while day <= through:
            start = dt.date(day.year, 1 if day.month <= 6 else 7, 1)
            end = dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)
            last = min(end, through)
            numerator += balance * rate_of[start] * ((last - day).days + 1)
            day = last + dt.timedelta(days=1)
        return (numerator / Decimal(36500)).quantize(CENT, ROUND_HALF_UP)

    with open(a.invoices, newline="", encoding="utf-8") as f, open(a.out, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(common.COLUMNS)
        for inv in csv.DictReader(f):
            due = dt.date.fromisoformat(inv["due_date"])
            amount = Decimal(inv["amount"])
            p_date, p_amount = paid.get(inv["id"], (None, Decimal(0)))
            settled = p_date is not None and p_amount == amount
            early = p_date is not None and p_date <= due
            end = p_date if settled else as_of
            days_late = max((end - due).days, 0)
            block1 = block2 = interest_paid = Decimal(0)
            if days_late > 0:
                balance = amount - p_amount if early else amount
                first_end = p_date if p_date is not None and p_date > due else as_of
                block1 = interest(balance, due, first_end)
                if p_date is not None and p_date > due:
                    interest_paid = min(p_amount, block1)
                    # Settled or not: the principal an interest-first payment left (C. civ.
                    # 1343-1) bears interest to the as-of date.
                    balance = amount - (p_amount - interest_paid)
                    block2 = interest(balance, p_date, as_of)
            total_interest = block1 + block2
            fixed = Decimal(40) if days_late > 0 else Decimal(0)
            outstanding = amount - p_amount
            w.writerow([
                inv["id"], inv["customer"], inv["currency"], inv["due_date"], days_late,
                "settled" if settled else common.bucket(days_late),
                f"{outstanding:.2f}", f"{total_interest:.2f}", f"{interest_paid:.2f}",
                f"{total_interest - interest_paid:.2f}", f"{fixed:.2f}",
                f"{outstanding + total_interest + fixed:.2f}",
            ])


if __name__ == "__main__":
    main()
