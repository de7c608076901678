#!/usr/bin/env python3
"""Writes the generated CSV tables as Parquet, as an analyst's pipeline would keep them: dates as
`date32`, amounts as `decimal128(14, 2)` (exact; never floats).

    python to_parquet.py DIR     # DIR/{invoices,payments,customers}.csv → .parquet
"""

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pcsv
import pyarrow.parquet as pq

d = Path(sys.argv[1])
money = pa.decimal128(14, 2)
for name, types in [
    ("invoices", {"id": pa.string(), "customer": pa.string(), "issue_date": pa.date32(),
                  "due_date": pa.date32(), "amount": money, "currency": pa.string()}),
    ("payments", {"customer": pa.string(), "invoice": pa.string(), "date": pa.date32(),
                  "amount": money, "currency": pa.string()}),
    ("customers", {"id": pa.string(), "name": pa.string(), "country": pa.string(),
                   "debtor": pa.string()}),
]:
    t = pcsv.read_csv(d / f"{name}.csv", convert_options=pcsv.ConvertOptions(column_types=types))
    pq.write_table(t, d / f"{name}.parquet")
