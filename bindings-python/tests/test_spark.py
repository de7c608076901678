"""Beyond one machine with PySpark: the table functions inside Spark's Arrow UDFs on a local
session, equal to the single-machine run.

- ``mapInArrow`` hands each partition of one DataFrame to Python as Arrow record batches: enough
  for a table that is a whole ledger on its own (invoices without payments, or the per-customer
  totals of partitions, which add up).
- A ledger of two tables is grouped by customer on both sides (``groupBy("customer").cogroup``)
  and each customer's invoices and payments go to ``applyInArrow`` together: penalties partition by
  customer, since a payment only ever matches its own customer's invoices.

Spark's workers run ``PYSPARK_PYTHON``: the test points it at this interpreter, where arrears is
installed. Under ARREARS_REQUIRE_ALL=1 a missing pyspark or Java fails the suite."""

from __future__ import annotations

import os
import shutil
import sys

import pyarrow as pa
import pytest

import arrears
from test_tables import AS_OF, arrow_tables, generated_ledger

if os.environ.get("ARREARS_REQUIRE_ALL"):
    import pyspark  # noqa: F401  (required: fail, do not skip)
    assert shutil.which("java"), "PySpark needs a Java runtime (the JDK on PATH)"
else:
    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("no Java runtime for PySpark", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql.pandas.types import from_arrow_schema  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("arrears-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.sql.session.timeZone", "UTC")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_cogroup_apply_in_arrow_by_customer_equals_one_machine(spark):
    customers, inv, pay = generated_ledger(seed=5, invoices=400)
    invoices, payments, custs = arrow_tables(customers, inv, pay)
    whole = arrears.penalties(invoices, payments, custs, as_of=AS_OF)

    inv_df = spark.createDataFrame(invoices.to_pandas())
    pay_df = spark.createDataFrame(payments.to_pandas())
    # The result's schema: the penalty table's own (money as decimal(38, 2), due_date a date).
    schema = from_arrow_schema(whole.schema)
    countries = {c["id"]: c["country"] for c in customers}

    def penalties_of_customer(invs: pa.Table, pays: pa.Table) -> pa.Table:
        one = pa.table({"id": invs.column("customer").unique(),
                        "country": [countries[c] for c in invs.column("customer").unique().to_pylist()]})
        return arrears.penalties(invs, pays if pays.num_rows else None, one, as_of=AS_OF)

    got = (inv_df.groupBy("customer").cogroup(pay_df.groupBy("customer"))
           .applyInArrow(penalties_of_customer, schema).toArrow())
    key = [("id", "ascending")]
    assert got.num_rows == whole.num_rows == 400
    assert got.sort_by(key).to_pylist() == whole.sort_by(key).to_pylist()


def test_map_in_arrow_partials_of_customer_totals_add_up(spark):
    # Invoices alone (nothing paid yet) are a whole ledger: mapInArrow computes each partition's
    # per-customer totals, and a partition holds whole customers once repartitioned by customer.
    customers, inv, _ = generated_ledger(seed=8, invoices=300)
    invoices, _, custs = arrow_tables(customers, inv, [])
    whole = arrears.customer_totals(invoices, None, custs, as_of=AS_OF)

    countries = {c["id"]: c["country"] for c in customers}
    schema = from_arrow_schema(whole.schema)

    def totals_of_partition(batches):
        table = pa.Table.from_batches(list(batches))
        if table.num_rows == 0:
            return
        ids = table.column("customer").unique().to_pylist()
        out = arrears.customer_totals(table, None, pa.table({"id": ids, "country": [countries[c] for c in ids]}),
                                      as_of=AS_OF)
        yield from out.to_batches()

    df = spark.createDataFrame(invoices.to_pandas()).repartition(3, "customer")
    got = df.mapInArrow(totals_of_partition, schema).toArrow()
    key = [("customer", "ascending"), ("currency", "ascending")]
    assert got.sort_by(key).to_pylist() == whole.sort_by(key).to_pylist()
    assert got.num_rows == len({r["customer"] for r in inv})
