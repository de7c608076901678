// How money and civil dates cross between Swift and the library (uniffi.toml names these
// functions). The library speaks decimal text ("1234.50") and ISO dates ("2024-02-29"): both are
// parsed strictly on the Rust side, so a value that does not convert is an ArrearsError with the
// library's code (money.invalid_amount, date.invalid), never a crash.

import Foundation

private let posix = Locale(identifier: "en_US_POSIX")

/// A decimal from the library's text. The text is always a plain decimal, so this never fails;
/// NaN would be refused by the library on the way back.
func arrearsDecimal(fromText text: String) -> Decimal {
    Decimal(string: text, locale: posix) ?? Decimal.nan
}

/// A Decimal as plain decimal text: digits, an optional minus sign and point, never an exponent
/// (Foundation's description can write 1e+30 as "1000000000000000000000000000000", which is
/// fine, and NaN as "NaN", which the library refuses).
func arrearsText(fromDecimal value: Decimal) -> String {
    if value.isNaN { return "NaN" }
    var v = value
    return NSDecimalString(&v, posix)
}

/// A civil date (year, month and day of the Gregorian calendar) from "YYYY-MM-DD".
func arrearsDateComponents(fromText text: String) -> DateComponents {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return DateComponents() }
    return DateComponents(year: parts[0], month: parts[1], day: parts[2])
}

/// "YYYY-MM-DD" from the year, month and day of a DateComponents (its calendar, time and time
/// zone are ignored: a civil date has none). Missing parts give a text the library refuses with
/// date.invalid.
func arrearsText(fromDateComponents c: DateComponents) -> String {
    guard let y = c.year, let m = c.month, let d = c.day else { return "missing year, month or day" }
    return String(format: "%04d-%02d-%02d", y, m, d)
}

public extension ArrearsError {
    /// The library's stable error code (docs/errors.md), e.g. "date.invalid".
    var code: String {
        switch self {
        case let .Failure(code, _, _, _): return code
        }
    }

    /// What is wrong, for people.
    var reason: String {
        switch self {
        case let .Failure(_, reason, _, _): return reason
        }
    }
}

/// A civil date, the way the typed API takes and returns dates.
public func civilDate(_ year: Int, _ month: Int, _ day: Int) -> DateComponents {
    DateComponents(year: year, month: month, day: day)
}
