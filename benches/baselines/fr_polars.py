#!/usr/bin/env python3
"""Baseline: the penalty table as polars expressions (lazy, no Python loop over rows), Parquet in.

    python fr_polars.py --invoices invoices.parquet --payments payments.parquet --as-of 2026-06-30 --out out.csv
"""

from __future__ import annotations

import datetime as dt

import polars as pl

import common


def interest(balance: pl.Expr, after: pl.Expr, through: pl.Expr, rates) -> pl.Expr:
    """Interest in cents on `balance` (cents) for the days d with after < d <= through (day
    numbers), rounded half-up: one overlap term per half-year, summed exactly in integers."""
    numerator = pl.lit(0, dtype=pl.Int64)
    for start, end, centi in rates:
        days = (pl.min_horizontal(through, pl.lit(end - 1)) - pl.max_horizontal(after, pl.lit(start - 1))).clip(0)
        numerator = numerator + balance * centi * days
    return (2 * numerator + common.DENOMINATOR) // (2 * common.DENOMINATOR)


def money(cents: pl.Expr) -> pl.Expr:
    return pl.format("{}.{}", cents // 100, (cents % 100).cast(pl.String).str.zfill(2))


def main() -> None:
    a = common.arguments()
    as_of_day = (dt.date.fromisoformat(a.as_of) - common.EPOCH).days

    cents = lambda c: (pl.col(c) * 100).cast(pl.Int64)  # decimal(·, 2) → integer cents
    invoices = pl.scan_parquet(a.invoices).with_columns(
        amount=cents("amount"), due=pl.col("due_date").cast(pl.Int32))
    payments = pl.scan_parquet(a.payments).select(
        pl.col("invoice").alias("id"), paid_on=pl.col("date").cast(pl.Int32), paid=cents("amount"))
    if payments.select(pl.col("id").is_duplicated().any()).collect().item():
        raise SystemExit("this baseline handles one payment per invoice")
    first_due = invoices.select(pl.col("due").min()).collect().item()
    rates = common.half_years(first_due, as_of_day)

    A = pl.lit(as_of_day)
    due, amount = pl.col("due"), pl.col("amount")
    paid_on, paid = pl.col("paid_on"), pl.col("paid").fill_null(0)
    has_paid = paid_on.is_not_null()
    late_payment = has_paid & (paid_on > due)
    settled = has_paid & (paid == amount)

    table = (
        invoices.join(payments, on="id", how="left", maintain_order="left")
        .with_columns(
            days_late=(pl.when(settled).then(paid_on).otherwise(A) - due).clip(0),
            balance=pl.when(has_paid & (paid_on <= due)).then(amount - paid).otherwise(amount),
            first_end=pl.when(late_payment).then(paid_on).otherwise(A),
        )
        .with_columns(block1=pl.when(pl.col("days_late") > 0)
                      .then(interest(pl.col("balance"), due, pl.col("first_end"), rates)).otherwise(0))
        .with_columns(interest_paid=pl.when(late_payment & (pl.col("days_late") > 0))
                      .then(pl.min_horizontal(paid, pl.col("block1"))).otherwise(0))
        # Settled or not: the principal an interest-first payment left bears interest to the as-of date.
        .with_columns(block2=pl.when(late_payment & (pl.col("days_late") > 0))
                      .then(interest(amount - (paid - pl.col("interest_paid")), paid_on, A, rates))
                      .otherwise(0))
        .with_columns(
            interest=pl.col("block1") + pl.col("block2"),
            outstanding=amount - paid,
            fixed=pl.when(pl.col("days_late") > 0).then(common.FIXED_CENTS).otherwise(0),
        )
        .select(
            "id", "customer", "currency", "due_date", "days_late",
            bucket=pl.when(settled).then(pl.lit("settled"))
            .when(pl.col("days_late") == 0).then(pl.lit("not_due"))
            .when(pl.col("days_late") <= 30).then(pl.lit("1-30"))
            .when(pl.col("days_late") <= 60).then(pl.lit("31-60"))
            .when(pl.col("days_late") <= 90).then(pl.lit("61-90"))
            .otherwise(pl.lit("91+")),
            outstanding=money(pl.col("outstanding")),
            interest=money(pl.col("interest")),
            interest_paid=money(pl.col("interest_paid")),
            interest_outstanding=money(pl.col("interest") - pl.col("interest_paid")),
            fixed_compensation=money(pl.col("fixed")),
            total_due=money(pl.col("outstanding") + pl.col("interest") + pl.col("fixed")),
        )
    )
    table.sink_csv(a.out, maintain_order=True)


if __name__ == "__main__":
    main()
