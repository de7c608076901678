"""Typed calls: Decimal and date in and out, result objects."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest

import arrears


def test_interest_statement_by_hand_with_a_partial_payment():
    # fr_b2b, 10,000.00 due 2024-06-30, paid 4,000.00 on 2024-07-31, until 2024-08-30.
    # Rates (C. com. L441-10): H1 2024 ECB 4.50 % + 10 = 14.50 % (not used: interest starts
    # 1 July); H2 2024 ECB 4.25 % + 10 = 14.25 %.
    # 1 Jul - 31 Jul (31 days, the payment day counted) on 10,000.00: 10000 × 0.1425 × 31 / 365
    # = 121.027... → 121.03. The payment goes to interest first: 121.03 to interest, 3,878.97 to
    # principal, leaving 6,121.03. 1 Aug - 30 Aug (30 days): 6121.03 × 0.1425 × 30 / 365
    # = 71.691... → 71.69.
    s = arrears.interest(Decimal("10000.00"), datetime.date(2024, 6, 30), datetime.date(2024, 8, 30),
                         regime="fr_b2b", payments=[(datetime.date(2024, 7, 31), Decimal("4000.00"))])
    assert [(x.start, x.end, x.days, x.balance, x.rate_percent, x.interest) for x in s.segments] == [
        (datetime.date(2024, 7, 1), datetime.date(2024, 7, 31), 31, Decimal("10000.00"),
         Decimal("14.25"), Decimal("121.03")),
        (datetime.date(2024, 8, 1), datetime.date(2024, 8, 30), 30, Decimal("6121.03"),
         Decimal("14.25"), Decimal("71.69")),
    ]
    assert s.interest == Decimal("192.72")
    assert s.interest_paid == Decimal("121.03")
    assert s.events[0].to_interest == Decimal("121.03")
    assert s.events[0].to_principal == Decimal("3878.97")
    assert s.principal_outstanding == Decimal("6121.03")


def test_statement_round_trips_as_a_document():
    s = arrears.interest("1000.00", "2024-01-31", "2024-03-01", regime="fr_b2b")
    again = arrears.Statement.from_dict(json.loads(json.dumps(s.to_dict())))
    assert again == s
    assert "<table>" in s._repr_html_() and "14.50 %" in s._repr_html_()
    assert "Statement(regime='fr_b2b'" in repr(s)


@pytest.mark.parametrize("bad", [1000.0, 1000, True])
def test_typed_money_refuses_non_decimals(bad):
    with pytest.raises(TypeError, match="never a float"):
        arrears.interest(bad, "2024-01-31", "2024-03-01", regime="fr_b2b")


def test_due_dates():
    assert arrears.due_date({"kind": "net_days", "days": 30}, datetime.date(2024, 1, 31)) == \
        datetime.date(2024, 3, 1)  # leap year: + 29 days = 29 February, + 1 = 1 March
    assert arrears.due_date({"kind": "instalments", "count": 3, "every": {"months": 1}},
                            datetime.date(2025, 1, 10)) is None
    with pytest.raises(TypeError):
        arrears.due_date({"kind": "net_days", "days": 30}, datetime.datetime(2025, 1, 1, 8))
