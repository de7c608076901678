// Typed calls per area, and the conversions of money (Foundation.Decimal) and civil dates
// (DateComponents) at their edges. Expected values are hand computations from the statutes.

import Foundation
import XCTest
import Arrears

func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

final class TypedTests: XCTestCase {
    func testInterestFortyFourDaysAtFourteenFifty() throws {
        // C. com. L441-10: ECB rate 4.50 % + 10 points from 1 January 2024; 44 days late on
        // 1,000.00 is 1000 x 14.50 % x 44 / 365 = 17.48, plus the EUR 40 of D441-5.
        let s = try interest(request: InterestRequest(
            regime: .frB2b, principal: dec("1000.00"), currency: "EUR",
            dueDate: civilDate(2024, 1, 31), until: civilDate(2024, 3, 15)))
        XCTAssertEqual(s.interest, dec("17.48"))
        XCTAssertEqual(s.fixedCompensation, dec("40.00"))
        XCTAssertEqual(s.totalDue, dec("1057.48"))
        XCTAssertEqual(s.segments.count, 1)
        XCTAssertEqual(s.segments[0].days, 44)
        XCTAssertEqual(s.segments[0].ratePercent, dec("14.50"))
        XCTAssertEqual(s.dueDate.year, 2024)
        XCTAssertEqual(s.dueDate.month, 1)
        XCTAssertEqual(s.dueDate.day, 31)
    }

    func testPartialPaymentImputedToInterestFirst() throws {
        // C. civ. 1343-1: 500.00 paid on 2024-03-01 first pays the 30 days' interest
        // (1000 x 14.50 % x 30 / 365 = 11.92), then 488.08 of principal; 511.92 x 14.50 % x 14 / 365
        // = 2.85 to 2024-03-15.
        let s = try interest(request: InterestRequest(
            regime: .frB2b, principal: dec("1000.00"), currency: "EUR",
            dueDate: civilDate(2024, 1, 31), until: civilDate(2024, 3, 15),
            payments: [DatedAmount(date: civilDate(2024, 3, 1), amount: dec("500.00"))]))
        XCTAssertEqual(s.interestPaid, dec("11.92"))
        XCTAssertEqual(s.principalOutstanding, dec("511.92"))
        XCTAssertEqual(s.interestOutstanding, dec("2.85"))
    }

    func testBadCurrencyIsACodedError() {
        XCTAssertThrowsError(try interest(request: InterestRequest(
            regime: .frB2b, principal: dec("1000.00"), currency: "XYZ",
            dueDate: civilDate(2024, 1, 31), until: civilDate(2024, 3, 15)))) { error in
            XCTAssertEqual((error as? ArrearsError)?.code, "money.unknown_currency")
        }
    }

    func testTwentyEightSignificantDigits() throws {
        let big = dec("12345678901234567890123456.78")
        XCTAssertEqual(try splitAmount(amount: big, currency: "EUR", parts: 1), [big])
    }

    func testNegativeAmountsSplitLikeTheirAbsoluteValue() throws {
        XCTAssertEqual(try splitAmount(amount: dec("-10.00"), currency: "EUR", parts: 3),
                       [dec("-3.34"), dec("-3.33"), dec("-3.33")])
    }

    func testNaNIsRefused() {
        XCTAssertThrowsError(try splitAmount(amount: Decimal.nan, currency: "EUR", parts: 2)) { error in
            XCTAssertEqual((error as? ArrearsError)?.code, "money.invalid_amount")
        }
    }

    func testBeyondTwentyEightDigitsIsACodedError() {
        // 10^40 has 41 digits: more than the library's decimals hold.
        XCTAssertThrowsError(try splitAmount(amount: dec("1e40"), currency: "EUR", parts: 1)) { error in
            XCTAssertEqual((error as? ArrearsError)?.code, "money.invalid_amount")
        }
    }

    func testTwentyNinthOfFebruary() throws {
        XCTAssertEqual(try addDays(date: civilDate(2024, 2, 28), days: 1), civilDate(2024, 2, 29))
        XCTAssertEqual(try addDays(date: civilDate(2024, 2, 29), days: 365), civilDate(2025, 2, 28))
        XCTAssertEqual(try daysBetween(from: civilDate(2024, 2, 1), to: civilDate(2024, 3, 1)), 29)
        XCTAssertThrowsError(try addDays(date: civilDate(2023, 2, 29), days: 0)) { error in
            XCTAssertEqual((error as? ArrearsError)?.code, "date.invalid")
        }
    }

    func testFarDates() throws {
        XCTAssertEqual(try addDays(date: civilDate(9999, 12, 30), days: 1), civilDate(9999, 12, 31))
        XCTAssertEqual(try addDays(date: civilDate(1, 1, 2), days: -1), civilDate(1, 1, 1))
        // 9,999 years of 365.2425 days, less one day: 3,652,058.
        XCTAssertEqual(try daysBetween(from: civilDate(1, 1, 1), to: civilDate(9999, 12, 31)), 3_652_058)
    }

    func testIncompleteDateIsACodedError() {
        XCTAssertThrowsError(try addDays(date: DateComponents(year: 2024, month: 2), days: 1)) { error in
            XCTAssertEqual((error as? ArrearsError)?.code, "date.invalid")
        }
    }
}

final class FirstExampleTests: XCTestCase {
    /// The example of bindings-swift/README.md (the same file, quoted there).
    func testFirstExample() throws {
        let s = try firstExample()
        XCTAssertEqual(s.interest, dec("17.48"))
        XCTAssertEqual(s.fixedCompensation, dec("40"))
        XCTAssertEqual(s.totalDue, dec("1057.48"))
    }
}

final class AgendaExampleTests: XCTestCase {
    /// docs/guide-mobile.md's agenda example (the same file, quoted there): 17 days late with
    /// nothing done, the agenda catches up (docs/dunning.md rule 2) at the latest step of
    /// fr_standard already past, the D+15 letter (Mon 2026-06-15); the contact claims 1,200.00 +
    /// interest + the EUR 40 of D441-5 C. com.
    func testAgendaExample() throws {
        let day = try agendaExample()
        XCTAssertTrue(day.businessDay)
        XCTAssertEqual(day.actions.count, 1)
        let action = day.actions[0]
        XCTAssertEqual(action.customer, "C1")
        XCTAssertEqual(action.step, "d15_letter")
        XCTAssertEqual(action.channel, .letter)
        XCTAssertEqual(action.items.count, 1)
        let item = action.items[0]
        XCTAssertEqual(item.daysLate, 17)
        XCTAssertEqual(item.outstanding, dec("1200.00"))
        XCTAssertEqual(item.fixedCompensation, dec("40.00"))
        XCTAssertGreaterThan(item.interest, 0)
        XCTAssertEqual(action.totals.count, 1)
        let total = action.totals[0]
        XCTAssertEqual(total.total, total.outstanding + total.penalties)
        XCTAssertEqual(total.penalties, item.interest + item.fixedCompensation)
    }
}

final class ClaimsTests: XCTestCase {
    /// F1 (1,000.00 due 2024-01-31) unpaid on 2024-03-15: 44 days at 14.50 % = 17.48, plus EUR 40
    /// (C. com. L441-10, D441-5). F2 (500.00, same due date) paid on 2024-03-01, 30 days late:
    /// 500 x 14.50 % x 30 / 365 = 5.96, paid first by the payment (C. civ. 1343-1), so 5.96 of
    /// principal still bears interest to 15 March (14 days): 5.96 x 14.50 % x 14 / 365 = 0.03;
    /// 5.99 and EUR 40 still owed, reported but not claimed by default (docs/dunning.md §"What a
    /// contact claims", docs/interest.md §"A ledger's statements").
    func testWhatACustomerOwes() throws {
        let ledger = LedgerDocument(
            customers: [CustomerRecord(id: "C1", country: "FR")],
            invoices: [
                InvoiceRecord(id: "F1", customer: "C1", issueDate: civilDate(2024, 1, 1),
                              dueDate: civilDate(2024, 1, 31), amount: dec("1000.00"), currency: "EUR"),
                InvoiceRecord(id: "F2", customer: "C1", issueDate: civilDate(2024, 1, 1),
                              dueDate: civilDate(2024, 1, 31), amount: dec("500.00"), currency: "EUR"),
            ],
            payments: [PaymentRecord(customer: "C1", date: civilDate(2024, 3, 1),
                                     amount: dec("500.00"), currency: "EUR", invoice: "F2")]
        )
        let answer = try claims(request: ClaimsRequest(ledger: ledger, asOf: civilDate(2024, 3, 15)))
        XCTAssertEqual(answer.claims.count, 1)
        let c = answer.claims[0]
        XCTAssertEqual(c.customer, "C1")
        XCTAssertEqual(c.principal, dec("1000.00"))
        XCTAssertEqual(c.interest, dec("17.48"))
        XCTAssertEqual(c.fixedCompensation, dec("40.00"))
        XCTAssertEqual(c.total, dec("1057.48"))
        XCTAssertEqual(c.settledNotClaimed, dec("45.99"))
        XCTAssertEqual(c.settledNotClaimedCount, 1)
        XCTAssertEqual(c.lines.map { $0.receivable }, ["F1"])
    }
}
