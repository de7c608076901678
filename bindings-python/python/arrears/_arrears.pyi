"""Type stubs of the native module (checked against it by mypy.stubtest in the tests)."""

from typing import Any, List, Optional, Sequence, Tuple

__version__: str
__all__ = ["__version__", "error_codes", "ledger_from_tables", "operations", "penalties", "penalties_of_ledger", "run"]

def run(op: str, document: str) -> str: ...
def operations() -> List[str]: ...
def error_codes() -> List[Tuple[str, str]]: ...
def penalties(
    invoices: Any,
    payments: Optional[Any],
    customers: Optional[Any],
    as_of: str,
    *,
    currency: Optional[str] = None,
    country: Optional[str] = None,
    debtor: Optional[str] = None,
    options: str = "{}",
    invoices_map: Sequence[Tuple[str, str]] = ...,
    payments_map: Sequence[Tuple[str, str]] = ...,
    customers_map: Sequence[Tuple[str, str]] = ...,
) -> Any: ...
def penalties_of_ledger(ledger: str, as_of: str, options: str) -> Any: ...
def ledger_from_tables(
    invoices: Any,
    payments: Optional[Any],
    customers: Optional[Any],
    *,
    currency: Optional[str] = None,
    country: Optional[str] = None,
    debtor: Optional[str] = None,
    invoices_map: Sequence[Tuple[str, str]] = ...,
    payments_map: Sequence[Tuple[str, str]] = ...,
    customers_map: Sequence[Tuple[str, str]] = ...,
) -> str: ...
