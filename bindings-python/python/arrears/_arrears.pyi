"""Type stubs of the native module (checked against it by mypy.stubtest in the tests)."""

from typing import Any, List, Optional, Sequence, Tuple, final

__version__: str
__all__ = ["Book", "__version__", "book", "customer_totals", "customer_totals_of_ledger", "error_codes", "ledger_document", "operations", "penalties", "penalties_of_ledger", "run"]

def run(op: str, document: str) -> str: ...
def operations() -> List[str]: ...
def error_codes() -> List[Tuple[str, str]]: ...
@final
class Book:
    """A ledger read from tables into the batch engine's columns (opaque)."""

def book(
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
) -> Book: ...
def penalties(book: Book, as_of: str, options: str) -> Any: ...
def penalties_of_ledger(ledger: str, as_of: str, options: str) -> Any: ...
def customer_totals(book: Book, as_of: str, options: str) -> Any: ...
def customer_totals_of_ledger(ledger: str, as_of: str, options: str) -> Any: ...
def ledger_document(book: Book) -> str: ...
