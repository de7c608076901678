"""Beyond one machine: the table function per partition inside Dask (map_partitions on a local
cluster of two worker processes), equal to the single-machine run. Penalties partition by
customer: a customer's payments only ever match that customer's invoices."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

import arrears
from test_tables import AS_OF, generated_ledger

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


def penalties_of_partition(invoices: pd.DataFrame, payments: pd.DataFrame) -> pd.DataFrame:
    return arrears.penalties(invoices.reset_index(), payments.reset_index(), as_of=AS_OF, country="FR")


def test_map_partitions_by_customer_equals_one_machine():
    customers, inv, pay = generated_ledger(seed=5, invoices=400)
    invoices, payments = pd.DataFrame(inv), pd.DataFrame(pay)
    whole = arrears.penalties(invoices, payments, as_of=AS_OF, country="FR")

    # Both tables indexed by customer over the same divisions: partition k of each holds the same
    # customers, so each partition is a complete ledger of its customers.
    with dask.config.set({"dataframe.convert-string": False}):
        inv_dd = dd.from_pandas(invoices.set_index("customer").sort_index(), npartitions=4)
        pay_dd = dd.from_pandas(payments.set_index("customer").sort_index(), npartitions=2)
        pay_dd = pay_dd.repartition(divisions=inv_dd.divisions)
    meta = penalties_of_partition(invoices.set_index("customer").head(3), payments.set_index("customer").head(0))

    # Dask turns object columns into strings by default (``dataframe.convert-string``), which
    # would make Decimal amounts and dates text; keep them as they are.
    with dask.config.set({"dataframe.convert-string": False}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        parts = inv_dd.map_partitions(penalties_of_partition, pay_dd, meta=meta.iloc[:0]).compute()

    got = parts.sort_values("id").reset_index(drop=True)
    expected = whole.sort_values("id").reset_index(drop=True)
    assert len(got) == len(expected) == 400
    assert got.to_dict("records") == expected.to_dict("records")
    assert sum(r["interest"] for r in got.to_dict("records")) > 0


def test_unaligned_buffers_from_a_pickle_do_not_crash():
    """Arrow buffers out of a pickle can start at an odd address (what killed Dask's workers
    before the package aligned them): the answer must not change."""
    import pickle

    import pyarrow as pa

    customers, inv, pay = generated_ledger(seed=9, invoices=50)
    invoices = pd.DataFrame(inv).astype({"id": "string[pyarrow]", "customer": "string[pyarrow]"})
    expected = arrears.penalties(pd.DataFrame(inv), as_of=AS_OF, country="FR")
    for protocol in (4, 5):
        back = pickle.loads(pickle.dumps(invoices, protocol=protocol))
        got = arrears.penalties(back, as_of=AS_OF, country="FR")
        assert got.to_dict("records") == expected.to_dict("records")
    # A string column whose offsets start at an odd address, built on purpose.
    ids = pa.array([r["id"] for r in inv], pa.string())
    _, offsets, data = ids.buffers()
    shifted = pa.py_buffer(b"\0" + offsets.to_pybytes()).slice(1)
    assert shifted.address % 8 != 0
    odd = pa.Array.from_buffers(pa.string(), len(ids), [None, shifted, data])
    table = pa.Table.from_pandas(pd.DataFrame(inv), preserve_index=False).set_column(0, "id", odd)
    assert table.column("id").chunk(0).buffers()[1].address % 8 != 0
    assert arrears.penalties(table, as_of=AS_OF, country="FR").to_pylist() == expected.to_dict("records")
