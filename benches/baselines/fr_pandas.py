#!/usr/bin/env python3
"""Baseline: the penalty table in vectorised pandas (whole-column operations, no loop over rows),
Parquet in.

    python fr_pandas.py --invoices invoices.parquet --payments payments.parquet --as-of 2026-06-30 --out out.csv
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

import common


def days(column: pd.Series) -> pd.Series:
    """Dates (Arrow date32) as day numbers since 1970-01-01; a missing date is -1, never read."""
    return column.astype("int32[pyarrow]").fillna(-1).astype("int64")


def cents(column: pd.Series) -> pd.Series:
    """decimal128(·, 2) → integer cents, exactly (0 for a missing payment)."""
    return (column * 100).astype("int64[pyarrow]").fillna(0).astype("int64")


def interest(balance, after, through, rates):
    """Interest in cents on `balance` for the days d with after < d <= through, rounded half-up:
    one overlap term per half-year, summed exactly in integers."""
    numerator = np.zeros(len(balance), dtype=np.int64)
    for start, end, centi in rates:
        overlap = (np.minimum(through, end - 1) - np.maximum(after, start - 1)).clip(lower=0)
        numerator += (balance * centi * overlap).to_numpy()
    return (2 * numerator + common.DENOMINATOR) // (2 * common.DENOMINATOR)


def money(c: pd.Series) -> pd.Series:
    return (c // 100).astype(str) + "." + (c % 100).astype(str).str.zfill(2)


def main() -> None:
    a = common.arguments()
    as_of = (dt.date.fromisoformat(a.as_of) - common.EPOCH).days

    inv = pd.read_parquet(a.invoices, dtype_backend="pyarrow")
    pay = pd.read_parquet(a.payments, dtype_backend="pyarrow",
                          columns=["invoice", "date", "amount"])
    if pay["invoice"].duplicated().any():
        raise SystemExit("this baseline handles one payment per invoice")
    df = inv.merge(pay.rename(columns={"invoice": "id", "date": "paid_on", "amount": "paid"}),
                   on="id", how="left")
    due = days(df["due_date"])
    amount = cents(df["amount"])
    paid = cents(df["paid"])
    has_paid = df["paid_on"].notna().to_numpy()
    paid_on = days(df["paid_on"])
    rates = common.half_years(int(due.min()), as_of)

    late_payment = has_paid & (paid_on > due)
    settled = has_paid & (paid == amount)
    days_late = (np.where(settled, paid_on, as_of) - due).clip(lower=0)
    balance = amount.where(~(has_paid & (paid_on <= due)), amount - paid)
    first_end = paid_on.where(late_payment, as_of)
    is_late = days_late > 0
    block1 = np.where(is_late, interest(balance, due, first_end, rates), 0)
    interest_paid = np.where(late_payment & is_late, np.minimum(paid, block1), 0)
    # Settled or not: the principal an interest-first payment left bears interest to the as-of date.
    second = late_payment & is_late
    block2 = np.where(second, interest(amount - (paid - interest_paid), paid_on, pd.Series(as_of, index=df.index), rates), 0)
    total_interest = pd.Series(block1 + block2, index=df.index)
    outstanding = amount - paid
    fixed = pd.Series(np.where(is_late, common.FIXED_CENTS, 0), index=df.index)
    bucket = pd.Series(np.select(
        [settled, days_late == 0, days_late <= 30, days_late <= 60, days_late <= 90],
        ["settled", "not_due", "1-30", "31-60", "61-90"], "91+"), index=df.index)
    interest_paid = pd.Series(interest_paid, index=df.index)
    out = pd.DataFrame({
        "id": df["id"], "customer": df["customer"], "currency": df["currency"],
        "due_date": df["due_date"].astype(str), "days_late": days_late, "bucket": bucket,
        "outstanding": money(outstanding), "interest": money(total_interest),
        "interest_paid": money(interest_paid),
        "interest_outstanding": money(total_interest - interest_paid),
        "fixed_compensation": money(fixed),
        "total_due": money(outstanding + total_interest + fixed),
    })
    out.to_csv(a.out, index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
