#!/usr/bin/env python3
"""Independent reference implementation of docs/interest.md, for checking the interest vectors.

Written from the specification (docs/interest.md) and the reference material
(docs/legal-rates.md, rates.json) only, without reading the Rust engine. Every amount is a
`fractions.Fraction`; rounding is half-up (away from zero for the positive amounts used here) to the
currency's minor unit, at the places docs/interest.md states.

    python3 tests/vectors/interest/compute.py --check         # recompute every case of *.json here
    python3 tests/vectors/interest/compute.py request.json    # print the statement of one request

The built-in rate series are read from the reference material's `rates.json` (path in $ARREARS_RATES,
default tests/reference/rates.json, the tables of docs/legal-rates.md) under the engine's series ids. An entry is "flagged" when
docs/legal-rates.md marks it ⚑ or lists it as single-sourced in §8, as docs/rates.md specifies (FLAGGED below;
narrower than rates.json's `flag` field, which also marks "1 source + arithmetic check" values and the
† historical caveat, which docs/rates.md turns into notes that raise no warning).

This is a second implementation for cross-checking, not a spec: where docs/interest.md leaves a
question open, the choice made here is marked AMBIGUOUS; README.md lists the few readings the vectors rely on
and the questions no vector pins.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import json
import os
import sys
from fractions import Fraction as F
from pathlib import Path

HERE = Path(__file__).resolve().parent
RATES_PATH = Path(os.environ.get("ARREARS_RATES", Path(__file__).resolve().parents[2] / "reference" / "rates.json"))

# engine id -> (name in rates.json, known-until date)
SERIES_MAP = {
    "ecb_mro": ("ecb_mro", "2026-07-28"),
    "fr_l441_10": ("fr_l441_10_bce_semester_rate", "2026-12-31"),
    "fr_legal_consumer": ("fr_taux_interet_legal_particuliers", "2026-12-31"),
    "fr_legal_professional": ("fr_taux_interet_legal_autres_cas", "2026-12-31"),
    "fr_legal_annual": ("fr_taux_interet_legal_annual_pre2015", "2014-12-31"),
    "de_basiszinssatz": ("de_basiszinssatz", "2026-12-31"),
    "uk_bank_rate": ("uk_bank_rate", "2026-06-30"),
    "uk_reference_rate": ("uk_late_payment_reference_rate", "2026-12-31"),
}

# Entries marked ⚑ in docs/legal-rates.md (tables 1.2, 2, 3.2, 4.2, 4.3; list in §8).
FLAGGED = {
    # docs/legal-rates.md §8: ECB 17 Jun 2026, FR BCE H2 2026, DE 1 Jul 2026 and UK H2 2026 were
    # confirmed on 7 Dec 2026 and are no longer flagged; the French legal rates of H2 2026 still are.
    ("fr_legal_consumer", "2026-07-01"),
    ("fr_legal_professional", "2026-07-01"),
    ("uk_bank_rate", "2022-05-05"), ("uk_bank_rate", "2022-08-04"), ("uk_bank_rate", "2022-09-22"),
    ("uk_bank_rate", "2022-11-03"), ("uk_bank_rate", "2023-02-02"), ("uk_bank_rate", "2023-03-23"),
    ("fr_legal_annual", "2007-01-01"),  # docs/legal-rates.md §8: "2007 (2.95) is in cbanque only"
}

MINOR_UNITS = {"EUR": 2, "GBP": 2, "USD": 2, "CHF": 2, "JPY": 0, "SEK": 2, "DKK": 2, "PLN": 2}

REGIMES = {"fr_b2b", "fr_b2b_contractual", "fr_legal_professional", "fr_legal_consumer",
           "fr_public_procurement", "de_b2b", "de_consumer", "uk_late_payment", "eu_directive",
           "contractual"}
EUR_FIXED_SUM = {"fr_b2b", "fr_b2b_contractual", "fr_public_procurement", "de_b2b", "eu_directive"}
REQUEST_KEYS = {"regime", "principal", "currency", "due_date", "until", "payments", "credits",
                "options", "rates"}
OPTION_KEYS = {"day_count", "count_payment_day", "rate_fixing", "rounding", "allocation",
               "rate_percent", "legal_rate_multiplier", "reference_series", "margin_points",
               "contract_date", "roll_due_date", "calendar", "base", "net_principal",
               "fixed_compensation", "fixed_sum_basis", "fixed_sum", "rate_period", "compounding",
               "fee_fixed", "fee_percent", "notice_date"}


# Readings of points docs/interest.md leaves open; --check requires every vector to agree under all.
VARIANTS = {"capitalise_rounded": False}


class Err(Exception):
    def __init__(self, code: str, why: str = ""):
        super().__init__(f"{code}: {why}")
        self.code = code


# ---------------------------------------------------------------- parsing

def parse_date(s) -> dt.date:
    if not isinstance(s, str) or len(s) != 10 or s[4] != "-" or s[7] != "-":
        raise Err("date.invalid", repr(s))
    try:
        return dt.date(int(s[:4]), int(s[5:7]), int(s[8:]))
    except ValueError as e:
        raise Err("date.invalid", f"{s}: {e}") from e


def parse_dec(s, what="amount") -> F:
    if not isinstance(s, str):
        raise Err("money.invalid_amount", f"{what}: {s!r} is not a decimal string")
    t = s.strip()
    body = t[1:] if t[:1] in "+-" else t
    if not body or body.count(".") > 1 or not body.replace(".", "").isdigit() or body.startswith(".") or body.endswith("."):
        raise Err("money.invalid_amount", f"{what}: {s!r}")
    return F(t)


def round_half_up(x: F, places: int) -> F:
    q = F(10) ** places
    y = x * q
    n = (abs(y.numerator) * 2 + y.denominator) // (2 * y.denominator)  # floor(|y| + 1/2)
    return F(n if y >= 0 else -n) / q


def fmt(x: F, places: int) -> str:
    x = round_half_up(x, places)
    sign = "-" if x < 0 else ""
    q = abs(x) * 10 ** places
    assert q.denominator == 1
    digits = str(q.numerator).rjust(places + 1, "0")
    return sign + (digits[:-places] + "." + digits[-places:] if places else digits)


def fmt_rate(x: F) -> str:
    return fmt(x, 2)


# ---------------------------------------------------------------- calendar, day counts

def easter(y: int) -> dt.date:  # anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)


def de_holidays(y: int) -> set:
    e = easter(y)
    days = {dt.date(y, 1, 1), e - dt.timedelta(2), e + dt.timedelta(1), dt.date(y, 5, 1),
            e + dt.timedelta(39), e + dt.timedelta(50), dt.date(y, 10, 3), dt.date(y, 12, 25),
            dt.date(y, 12, 26)}
    if y == 2017:
        days.add(dt.date(2017, 10, 31))
    return days


def fr_holidays(y: int) -> set:
    e = easter(y)
    return {dt.date(y, 1, 1), e + dt.timedelta(1), dt.date(y, 5, 1), dt.date(y, 5, 8),
            e + dt.timedelta(39), e + dt.timedelta(50), dt.date(y, 7, 14), dt.date(y, 8, 15),
            dt.date(y, 11, 1), dt.date(y, 11, 11), dt.date(y, 12, 25)}


def is_business_day(d: dt.date, cal) -> bool:
    cid, closures = (cal, set()) if isinstance(cal, str) else (cal["id"], {parse_date(c) for c in cal.get("closures", [])})
    if d.weekday() >= 5 or d in closures:
        return False
    if cid == "de":
        return d not in de_holidays(d.year)
    if cid == "fr":
        return d not in fr_holidays(d.year)
    if cid == "weekends":
        return True
    raise Err("calendar.unknown_calendar", str(cid))


def is_leap(y: int) -> bool:
    return _cal.isleap(y)


def days30(d1: dt.date, d2: dt.date, isda: bool) -> int:
    """30E/360 days between d1 and d2 (ISDA 2006 §4.16(g)/(h), as docs/calendars.md states)."""
    def last_of_month(d):
        return d.day == _cal.monthrange(d.year, d.month)[1]
    a, b = d1.day, d2.day
    if isda:
        a = 30 if last_of_month(d1) else a
        b = 30 if last_of_month(d2) else b
    else:
        a = 30 if a == 31 else a
        b = 30 if b == 31 else b
    return 360 * (d2.year - d1.year) + 30 * (d2.month - d1.month) + (b - a)


def seg_days_and_denominator(frm: dt.date, to: dt.date, day_count: str):
    if day_count == "act_365_fixed":
        return (to - frm).days + 1, 365
    if day_count == "act_360":
        return (to - frm).days + 1, 360
    if day_count == "act_act":
        assert frm.year == to.year
        return (to - frm).days + 1, 366 if is_leap(frm.year) else 365
    if day_count in ("thirty_e_360", "thirty_e_360_isda"):
        return days30(frm - dt.timedelta(1), to, day_count == "thirty_e_360_isda"), 360
    raise Err("input.invalid_document", f"day_count {day_count}")


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


# ---------------------------------------------------------------- rate series

class Series:
    def __init__(self, sid, entries, known_until, flagged=frozenset()):
        self.id = sid
        self.entries = [(parse_date(e["from"]), parse_dec(e["rate_percent"], "rate")) for e in entries]
        for (a, _), (b, _) in zip(self.entries, self.entries[1:]):
            if not a < b:
                raise Err("rates.invalid_series", f"{sid}: dates not increasing")
        if not self.entries:
            raise Err("rates.invalid_series", f"{sid}: no entries")
        self.known_until = parse_date(known_until)
        if self.known_until < self.entries[-1][0]:
            raise Err("rates.invalid_series", f"{sid}: known_until before last entry")
        self.flagged = flagged

    def at(self, d: dt.date):
        """(entry_from, rate) in force on d; rates.unknown_date outside the known range."""
        if d < self.entries[0][0] or d > self.known_until:
            raise Err("rates.unknown_date", f"{self.id} on {d}")
        best = None
        for frm, r in self.entries:
            if frm <= d:
                best = (frm, r)
        return best


def builtin_series() -> dict:
    raw = json.loads(RATES_PATH.read_text())["series"]
    out = {}
    for sid, (name, ku) in SERIES_MAP.items():
        out[sid] = Series(sid, raw[name]["entries"], ku,
                          frozenset(f for (s, f) in FLAGGED if s == sid))
    return out


def caller_series(doc) -> Series:
    if not isinstance(doc, dict) or "id" not in doc or "entries" not in doc or "known_until" not in doc:
        raise Err("input.invalid_document", "rate series document")
    s = Series(doc["id"], doc["entries"], doc["known_until"],
               frozenset(e["from"] for e in doc["entries"] if e.get("flag")))
    return s


# ---------------------------------------------------------------- the engine

def half_year_start(d: dt.date) -> dt.date:
    return dt.date(d.year, 1 if d.month <= 6 else 7, 1)


def compute(req: dict) -> dict:
    if not isinstance(req, dict):
        raise Err("input.invalid_document", "request")
    unknown = set(req) - REQUEST_KEYS
    if unknown:
        raise Err("input.invalid_document", f"unknown fields {sorted(unknown)}")
    for k in ("regime", "principal", "currency", "due_date", "until"):
        if k not in req:
            raise Err("input.invalid_document", f"missing {k}")
    opts = dict(req.get("options") or {})
    if set(opts) - OPTION_KEYS:
        # AMBIGUOUS: docs/errors.md lists "unknown option" under interest.invalid_option, while
        # operations.md says requests refuse unknown fields (input.invalid_document). No vector.
        raise Err("input.invalid_document", f"unknown options {sorted(set(opts) - OPTION_KEYS)}")

    currency = req["currency"]
    if currency not in MINOR_UNITS:
        raise Err("money.unknown_currency", str(currency))
    places = MINOR_UNITS[currency]
    principal = parse_dec(req["principal"], "principal")
    due = parse_date(req["due_date"])
    until = parse_date(req["until"])
    regime = req["regime"]
    if regime not in REGIMES:
        raise Err("interest.unknown_regime", str(regime))
    if principal <= 0:
        raise Err("interest.invalid_principal", str(principal))
    payments = [(parse_date(p["date"]), parse_dec(p["amount"], "payment")) for p in req.get("payments", [])]
    credits = [(parse_date(c["date"]), parse_dec(c["amount"], "credit")) for c in req.get("credits", [])]
    for d, a in payments + credits:
        if a <= 0 or d > until:
            raise Err("interest.invalid_payment", f"{d} {a}")
    payments.sort()
    credits.sort()
    # docs/interest.md "Options the caller supplies": rates, margins, multipliers, fees and fixed
    # sums are never negative; fees and fixed sums have at most the currency's minor units.
    for k in ("rate_percent", "margin_points", "legal_rate_multiplier", "fee_percent"):
        if k in opts and opts[k] is not None and parse_dec(opts[k], k) < 0:
            raise Err("interest.invalid_option", f"{k} is negative")
    for k in ("fee_fixed", "fixed_sum", "net_principal"):
        if k in opts and opts[k] is not None:
            v = parse_dec(opts[k], k)
            if v < 0:
                raise Err("interest.invalid_option", f"{k} is negative")
            if (v * 10 ** places).denominator != 1:
                raise Err("money.not_in_minor_units", f"{k} {v}")

    series = builtin_series()
    builtin_ids = set(series)
    for doc in req.get("rates", []) or []:
        s = caller_series(doc)
        # docs/interest.md "When a rate is newer": a document replacing a built-in series raises
        # rate_supplied. AMBIGUOUS for a series with a new id; no vector pins warnings then.
        s.replaces_builtin = s.id in builtin_ids
        series[s.id] = s

    contract_date = parse_date(opts["contract_date"]) if "contract_date" in opts else due
    warnings = []

    # ---- regime version and defaults
    cfg = dict(day_count="act_365_fixed", count_payment_day=True, rate_fixing="per_half_year",
               rounding="total", allocation="interest_first", roll=False, fixed_sum=F(0))
    ref = None
    margin = F(0)
    historical = False
    if regime == "fr_b2b":
        if contract_date < dt.date(2013, 1, 1):
            historical = True
            ref, cfg["rate_fixing"] = "ecb_mro", "every_change"
            margin = F(10) if contract_date >= dt.date(2009, 1, 1) else F(7)
        else:
            ref, margin, cfg["fixed_sum"] = "fr_l441_10", F(10), F(40)
    elif regime == "fr_b2b_contractual":
        ref = "fr_legal_professional"  # multiplied, or replaced by rate_percent
        if contract_date >= dt.date(2013, 1, 1):
            cfg["fixed_sum"] = F(40)
    elif regime in ("fr_legal_professional", "fr_legal_consumer"):
        ref = regime
    elif regime == "fr_public_procurement":
        ref, margin, cfg["rate_fixing"], cfg["fixed_sum"] = "fr_l441_10", F(8), "fixed_at_start", F(40)
    elif regime == "de_b2b":
        ref, cfg["count_payment_day"], cfg["roll"] = "de_basiszinssatz", False, True
        if contract_date < dt.date(2014, 7, 29):
            historical, margin = True, F(8)
        else:
            margin, cfg["fixed_sum"] = F(9), F(40)
    elif regime == "de_consumer":
        ref, margin, cfg["count_payment_day"], cfg["roll"] = "de_basiszinssatz", F(5), False, True
    elif regime == "uk_late_payment":
        ref, margin, cfg["rate_fixing"], cfg["allocation"] = "uk_reference_rate", F(8), "fixed_at_start", "principal_first"
    elif regime == "eu_directive":
        ref, margin, cfg["fixed_sum"] = opts.get("reference_series", "ecb_mro"), F(8), F(40)
    elif regime == "contractual":
        cfg["rate_fixing"] = "fixed"
        if "rate_percent" not in opts:
            raise Err("interest.invalid_option", "contractual needs rate_percent")  # AMBIGUOUS code
    if historical:
        warnings.append("historical_regime")

    for k in ("day_count", "count_payment_day", "rate_fixing", "rounding", "allocation"):
        if k in opts:
            cfg[k] = opts[k]
    if "roll_due_date" in opts:
        cfg["roll"] = opts["roll_due_date"]
    if "margin_points" in opts:
        margin = parse_dec(opts["margin_points"], "margin_points")
        if regime == "eu_directive" and margin < 8:
            raise Err("interest.invalid_option", "directive margin below 8 points")
    if "reference_series" in opts:
        ref = opts["reference_series"]
    if ref is not None and ref not in series and "rate_percent" not in opts:
        raise Err("rates.unknown_series", ref)
    if regime == "eu_directive" and "fixed_sum" in opts:
        cfg["fixed_sum"] = parse_dec(opts["fixed_sum"], "fixed_sum")  # in the request's currency
    elif regime in EUR_FIXED_SUM and currency != "EUR":
        raise Err("interest.invalid_option", "fixed sum in EUR, debt in " + currency)

    # ---- step 1: late or not
    if cfg["roll"]:
        cal = opts.get("calendar", "de")
        while not is_business_day(due, cal):
            due += dt.timedelta(1)
    # docs/interest.md "Interest from a notice": for the legal-rate regimes and de_consumer,
    # `notice_date` (never before the due date) replaces the due date as the last day without
    # interest (C. civ. 1231-6; § 286 (1) BGB); other regimes refuse it.
    if "notice_date" in opts:
        notice = parse_date(opts["notice_date"])
        if regime not in ("fr_legal_professional", "fr_legal_consumer", "de_consumer"):
            raise Err("interest.invalid_option", "notice_date with " + regime)
        if notice < parse_date(req["due_date"]):
            raise Err("interest.invalid_option", "notice_date before the due date")
        if notice > due:
            warnings.append("interest_from_notice")
            due = notice
    early = [(d, a) for d, a in payments + credits if d <= due]
    balance0 = principal - sum((a for _, a in early), F(0))
    if balance0 < 0:
        raise Err("interest.invalid_payment", "more than the principal before the due date")

    basis_for_band = principal
    if opts.get("fixed_sum_basis") == "outstanding_when_late":
        basis_for_band = balance0

    base_factor = F(1)
    if opts.get("base") == "net":
        base_factor = parse_dec(opts["net_principal"], "net_principal") / principal

    zero = until <= due or balance0 == 0
    late_payments = [(d, a) for d, a in payments if d > due]
    late_credits = [(d, a) for d, a in credits if d > due]

    # ---- rate function
    rate_used = {}

    def sample(sid, d):
        s = series[sid]
        frm, r = s.at(d)
        rate_used[(sid, frm)] = r
        if frm.isoformat() in s.flagged:
            warnings.append("rate_flagged")
        if getattr(s, "replaces_builtin", False):
            warnings.append("rate_supplied")
        return r

    first_day = due + dt.timedelta(1)
    supplied_rate = None
    if "rate_percent" in opts:
        supplied_rate = parse_dec(opts["rate_percent"], "rate_percent")
        if opts.get("rate_period") == "monthly":
            supplied_rate *= 12  # AMBIGUOUS under ACT day counts; vectors use 30E/360 only
        if regime not in ("contractual", "fr_b2b_contractual"):
            warnings.append("rate_supplied")

    def rate_on(d):
        if supplied_rate is not None:
            return supplied_rate
        fixing = cfg["rate_fixing"]
        if regime in ("fr_legal_professional", "fr_legal_consumer") or (regime == "fr_b2b_contractual"):
            sid = ref
            if d < dt.date(2015, 1, 1):
                if regime == "fr_b2b_contractual":
                    raise Err("interest.invalid_option", "AMBIGUOUS: multiplier before 2015")
                sid = "fr_legal_annual"
            r = sample(sid, half_year_start(d))
            if regime == "fr_b2b_contractual":
                r *= parse_dec(opts["legal_rate_multiplier"], "legal_rate_multiplier")
            return r
        if fixing == "per_half_year":
            return sample(ref, half_year_start(d)) + margin
        if fixing == "fixed_at_start":
            return sample(ref, half_year_start(first_day)) + margin
        if fixing == "every_change":
            return sample(ref, d) + margin
        raise Err("interest.invalid_option", fixing)

    # floor warning for French contractual rates
    if regime == "fr_b2b_contractual" and supplied_rate is not None and not zero:
        mult = F(3) if contract_date >= dt.date(2009, 1, 1) else F(3, 2)
        d = first_day
        below = False
        while d <= until:
            sid = "fr_legal_professional" if d >= dt.date(2015, 1, 1) else "fr_legal_annual"
            if supplied_rate < mult * sample(sid, half_year_start(d)):
                below = True
            d += dt.timedelta(1)
        if below:
            warnings.append("contractual_rate_below_floor")

    stmt_zero = {
        "regime": regime, "currency": currency, "principal": fmt(principal, places),
        "interest": fmt(F(0), places), "fixed_compensation": fmt(F(0), places),
        "interest_paid": fmt(F(0), places), "interest_outstanding": fmt(F(0), places),
        "principal_outstanding": fmt(balance0 - sum((a for _, a in late_payments + late_credits), F(0)), places),
        "segments": [], "events": [], "warnings": [],
    }
    if zero:
        stmt_zero["total_due"] = stmt_zero["principal_outstanding"]
        stmt_zero["warnings"] = [{"code": w} for w in dict.fromkeys(warnings)]
        return stmt_zero

    # ---- day-by-day simulation
    dc = cfg["day_count"]
    count_pay = cfg["count_payment_day"]
    compounding = opts.get("compounding", "simple")
    one = dt.timedelta(1)
    # effective date = first day on which the event no longer bears interest
    pay_eff = [((p + one) if count_pay else p, p, a) for p, a in late_payments]
    # step 3: credits follow count_payment_day like payments, and come first on the same day
    cred_eff = [((c + one) if count_pay else c, c, a) for c, a in late_credits]
    anniv_eff = []
    if compounding == "monthly":
        n = 1
        while add_months(parse_date(req["due_date"]), n) <= until:
            anniv_eff.append(add_months(parse_date(req["due_date"]), n) + one)
            n += 1

    balance = balance0          # principal outstanding (gross)
    capital_extra = F(0)        # capitalised interest (contractual monthly compounding only)
    segments, blocks, events = [], [], []
    block_idx, month_idx = 0, 0
    block_start = 0             # index into segments where the current block starts
    month_start = 0
    interest_paid = F(0)
    cur = None

    def rounding_of(segs):
        mode = cfg["rounding"]
        if mode == "total":
            return round_half_up(sum((s["exact"] for s in segs), F(0)), places)
        if mode == "per_segment":
            return sum((round_half_up(s["exact"], places) for s in segs), F(0))
        if mode == "daily_amount":
            return sum((round_half_up(s["bearing"] * s["rate"] / 100 / s["den"], places) * s["days"] for s in segs), F(0))
        raise Err("interest.invalid_option", mode)

    def close():
        nonlocal cur
        if cur is not None:
            finalize(cur, dc)
            segments.append(cur)
            cur = None

    d = first_day
    while d <= until + one:
        for a in [x for x in anniv_eff if x == d]:
            close()
            month_interest = sum((s["exact"] for s in segments[month_start:]), F(0))
            # AMBIGUOUS: exact or cent-rounded interest added to the balance; --check runs both
            capital_extra += round_half_up(month_interest, places) if VARIANTS["capitalise_rounded"] else month_interest
            month_start = len(segments)
            month_idx += 1
        for eff, c, amt in [x for x in cred_eff if x[0] == d]:
            if amt > balance:
                raise Err("interest.invalid_payment", f"credit {c} larger than the balance")
            balance -= amt
            events.append({"date": c.isoformat(), "kind": "credit", "amount": fmt(amt, places),
                           "to_interest": fmt(F(0), places), "to_principal": fmt(amt, places)})
        for eff, p, amt in [x for x in pay_eff if x[0] == d]:
            close()
            if cfg["allocation"] == "interest_first":
                # the interest accrued up to the payment is rounded as one block (step 8)
                blocks.append(rounding_of(segments[block_start:]))
                block_start = len(segments)
                block_idx += 1
                owed_int = sum(blocks, F(0)) - interest_paid
            else:
                owed_int = rounding_of(segments) - interest_paid
            if amt > balance + capital_extra + owed_int:
                raise Err("interest.invalid_payment", f"{p}: {amt} is more than is owed")
            if cfg["allocation"] == "interest_first":
                to_i = min(amt, owed_int)
                to_p = amt - to_i
            else:
                to_p = min(amt, balance)
                to_i = amt - to_p
            interest_paid += to_i
            balance -= to_p
            events.append({"date": p.isoformat(), "kind": "payment", "amount": fmt(amt, places),
                           "to_interest": fmt(to_i, places), "to_principal": fmt(to_p, places)})
        if d > until:
            break
        r = rate_on(d)
        bearing = (balance + capital_extra) * base_factor
        key = (bearing, r, d.year if dc == "act_act" else None, block_idx, month_idx)
        if cur is not None and cur["key"] != key:
            close()
        if cur is None:
            cur = {"key": key, "from": d, "to": d, "bearing": bearing, "rate": r}
        else:
            cur["to"] = d
        d += one
    close()
    blocks.append(rounding_of(segments[block_start:]))

    total_interest = sum(blocks, F(0))
    fixed = F(0)
    if opts.get("fixed_compensation", True):
        if regime == "uk_late_payment":
            fixed = F(40) if basis_for_band < 1000 else F(70) if basis_for_band < 10000 else F(100)
        elif regime == "contractual":
            if "fee_fixed" in opts:
                fixed = parse_dec(opts["fee_fixed"], "fee_fixed")
            elif "fee_percent" in opts:
                fixed = round_half_up(principal * parse_dec(opts["fee_percent"], "fee_percent") / 100, places)
        else:
            fixed = cfg["fixed_sum"]

    interest_outstanding = total_interest - interest_paid
    principal_outstanding = balance
    stmt = {
        "regime": regime, "currency": currency, "principal": fmt(principal, places),
        "interest": fmt(total_interest, places), "fixed_compensation": fmt(fixed, places),
        "interest_paid": fmt(interest_paid, places),
        "interest_outstanding": fmt(interest_outstanding, places),
        "principal_outstanding": fmt(principal_outstanding, places),
        "total_due": fmt(principal_outstanding + interest_outstanding + fixed, places),
        "segments": [{"from": s["from"].isoformat(), "to": s["to"].isoformat(), "days": s["days"],
                      "balance": fmt(s["bearing"], places), "rate_percent": fmt_rate(s["rate"]),
                      "interest": fmt(s["exact"], places), "_exact": s["exact"]} for s in segments],
        "rates_used": [{"series": sid, "from": frm.isoformat(), "rate_percent": fmt_rate(r)}
                       for (sid, frm), r in sorted(rate_used.items(), key=lambda kv: (kv[0][1], kv[0][0]))],
        "events": events,
        "warnings": [{"code": w} for w in dict.fromkeys(warnings)],
    }
    return stmt


def finalize(s, dc):
    if "exact" in s:
        return
    days, den = seg_days_and_denominator(s["from"], s["to"], dc)
    s["days"], s["den"] = days, den
    s["exact"] = s["bearing"] * s["rate"] / 100 * F(days, den)


# ---------------------------------------------------------------- check mode

def subset(exp, act, path="$"):
    if isinstance(exp, dict):
        if not isinstance(act, dict):
            return f"{path}: expected object, got {act!r}"
        for k, v in exp.items():
            if k not in act:
                return f"{path}.{k}: missing"
            why = subset(v, act[k], f"{path}.{k}")
            if why:
                return why
        return None
    if isinstance(exp, list):
        if not isinstance(act, list) or len(exp) != len(act):
            return f"{path}: expected {len(exp)} items, got {act!r}"
        for i, (e, a) in enumerate(zip(exp, act)):
            why = subset(e, a, f"{path}[{i}]")
            if why:
                return why
        return None
    return None if exp == act else f"{path}: expected {exp!r}, got {act!r}"


def check() -> int:
    bad = 0
    n = 0
    ids = set()
    for f in sorted(HERE.glob("*.json")):
        doc = json.loads(f.read_text())
        for case in doc["cases"]:
            n += 1
            cid = case["id"]
            assert cid not in ids, cid
            ids.add(cid)
            assert case.get("source", "").strip(), cid
            results = []
            for cap in (False, True):
                VARIANTS["capitalise_rounded"] = cap
                try:
                    results.append((compute(case["input"]), None))
                except Err as e:
                    results.append((None, e.code))
            VARIANTS["capitalise_rounded"] = False
            (out, err) = results[0]
            if results[0][1] != results[1][1] or (
                    out and "expected" in case
                    and (subset(case["expected"], out) is None) != (subset(case["expected"], results[1][0]) is None)):
                bad += 1
                print(f"FAIL {f.name} [{cid}]: depends on how capitalised interest is rounded")
                continue
            if "expected_error" in case:
                why = None if err == case["expected_error"] else f"expected error {case['expected_error']}, got {err or out}"
            elif err:
                why = f"unexpected error {err}"
            else:
                why = subset(case["expected"], out)
            if why:
                bad += 1
                print(f"FAIL {f.name} [{cid}]: {why}")
    print(f"{n} cases, {bad} failing")
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    for p in sys.argv[1:]:
        try:
            r = compute(json.loads(Path(p).read_text()))
            for s in r["segments"]:
                s["interest_exact"] = str(float(s.pop("_exact")))
            print(json.dumps(r, indent=1, default=str))
        except Err as e:
            print(json.dumps({"error": {"code": e.code, "message": str(e)}}))
