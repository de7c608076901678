#!/usr/bin/env python3
"""The library from Python: `arrears.penalties` on the Parquet tables (pyarrow), the same CSV out.

    python arrears_python.py --invoices invoices.parquet --payments payments.parquet \
        --customers customers.parquet --as-of 2026-06-30 --out out.csv [--repeat 5]

Prints on stderr, as JSON, the median wall time of the `arrears.penalties` call alone (Arrow
columns in, the checked book, the batch engine, the Arrow table out) over `--repeat` calls, so
that run.py can set it beside the batch engine's in-process figure.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time

import polars as pl
import pyarrow.parquet as pq

import arrears
import common


def main() -> None:
    a = common.arguments("customers", repeat=True)
    invoices, payments, customers = (pq.read_table(p) for p in (a.invoices, a.payments, a.customers))
    as_of = dt.date.fromisoformat(a.as_of)
    times = []
    for _ in range(max(1, a.repeat)):
        start = time.perf_counter()
        table = arrears.penalties(invoices, payments, customers, as_of=as_of)
        times.append(time.perf_counter() - start)
    # The command line's columns: `no_penalties` (why a late row has none) is not among them.
    pl.from_arrow(table).drop("no_penalties").write_csv(a.out)
    print(json.dumps({"penalties_call_seconds": statistics.median(times), "rows": table.num_rows}),
          file=sys.stderr)


if __name__ == "__main__":
    main()
