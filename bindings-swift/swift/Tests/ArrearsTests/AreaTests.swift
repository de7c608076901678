// Typed calls per area, each against a hand computation from the statute or the documented rule
// (the same cases as conformance vectors, through the records instead of JSON).

import Foundation
import XCTest
import Arrears

final class AreaTests: XCTestCase {
    func testNet30FromMidJanuary() throws {
        // 2025-01-15 + 30 days: 16 days to 31 January, 14 more: 2025-02-14.
        let r = try dueDate(request: DueDateRequest(terms: .netDays(days: 30), issueDate: civilDate(2025, 1, 15)))
        XCTAssertEqual(r.dueDate, civilDate(2025, 2, 14))
        XCTAssertEqual(r.schedule.map { $0.dueDate }, [civilDate(2025, 2, 14)])
    }

    func testFortyFiveDaysEndOfMonthMethodA() throws {
        // 2024-01-31 + 45 days = 2024-03-16, then the end of that month (docs/legal-rates.md §1.1).
        let r = try dueDate(request: DueDateRequest(
            terms: .daysEndOfMonth(days: 45, method: .daysThenEndOfMonth), issueDate: civilDate(2024, 1, 31)))
        XCTAssertEqual(r.dueDate, civilDate(2024, 3, 31))
    }

    func testLedgerStateDaysLate() throws {
        // Due 2025-02-09, on 2025-03-01: 19 days of February after the 9th, plus 1 = 20 days late.
        let s = try ledgerState(request: LedgerRequest(
            ledger: LedgerDocument(invoices: [InvoiceRecord(
                id: "F1", customer: "C1", issueDate: civilDate(2025, 1, 10), dueDate: civilDate(2025, 2, 9),
                amount: dec("1200.00"), currency: "EUR")]),
            asOf: civilDate(2025, 3, 1)))
        XCTAssertEqual(s.receivables.count, 1)
        XCTAssertEqual(s.receivables[0].daysLate, 20)
        XCTAssertEqual(s.receivables[0].outstanding, dec("1200.00"))
        XCTAssertEqual(s.receivables[0].status, .overdue)
    }

    func testPlanOfFourMonthlyInstalments() throws {
        // docs/domain.md §5: 10,000 in 4 x 2,500, monthly from 2025-03-05.
        let p = try plan(request: PlanRequest(
            amount: dec("10000.00"), currency: "EUR", instalments: 4, firstDate: civilDate(2025, 3, 5),
            every: .id(id: "month"), agreedOn: civilDate(2025, 3, 1)))
        XCTAssertEqual(p.instalments.map { $0.dueDate },
                       [civilDate(2025, 3, 5), civilDate(2025, 4, 5), civilDate(2025, 5, 5), civilDate(2025, 6, 5)])
        XCTAssertEqual(p.instalments.map { $0.amount }, Array(repeating: dec("2500.00"), count: 4))
    }

    func testPlanPutsTheExtraCentFirst() throws {
        let p = try plan(request: PlanRequest(amount: dec("100.00"), currency: "EUR", instalments: 3,
                                              firstDate: civilDate(2025, 3, 5)))
        XCTAssertEqual(p.instalments.map { $0.amount }, [dec("33.34"), dec("33.33"), dec("33.33")])
    }

    func testCollectionEffectivenessIndex() throws {
        // CRF: (beginning 3,000 + sales 1,500 - ending 3,000) / (3,000 + 1,500 - current 1,500) = 50.00 %.
        let ledger = LedgerDocument(
            invoices: [
                InvoiceRecord(id: "F1", customer: "C1", issueDate: civilDate(2025, 3, 1), dueDate: civilDate(2025, 3, 31),
                              amount: dec("1000.00"), currency: "EUR"),
                InvoiceRecord(id: "F2", customer: "C1", issueDate: civilDate(2025, 3, 15), dueDate: civilDate(2025, 4, 14),
                              amount: dec("2000.00"), currency: "EUR"),
                InvoiceRecord(id: "F3", customer: "C1", issueDate: civilDate(2025, 4, 10), dueDate: civilDate(2025, 5, 10),
                              amount: dec("1500.00"), currency: "EUR"),
            ],
            payments: [
                PaymentRecord(id: "P1", customer: "C1", date: civilDate(2025, 4, 5), amount: dec("1000.00"),
                              currency: "EUR", invoice: "F1"),
                PaymentRecord(id: "P2", customer: "C1", date: civilDate(2025, 4, 20), amount: dec("500.00"),
                              currency: "EUR", invoice: "F2"),
            ])
        let k = try kpis(request: KpisRequest(ledger: ledger, asOf: civilDate(2025, 4, 30),
                                             from: civilDate(2025, 4, 1), to: civilDate(2025, 4, 30)))
        XCTAssertEqual(k.groups.count, 1)
        XCTAssertEqual(k.groups[0].cei.percent.value, dec("50.00"))
        XCTAssertEqual(k.groups[0].cei.collected, dec("1500.00"))
    }

    func testPromptPayerIsGradeA() throws {
        // docs/risk.md weights: four invoices paid on their due dates, no factor, score 0, grade A.
        var invoices: [InvoiceRecord] = []
        var payments: [PaymentRecord] = []
        for (i, due) in [(1, civilDate(2025, 1, 31)), (2, civilDate(2025, 3, 3)), (3, civilDate(2025, 3, 31)),
                         (4, civilDate(2025, 5, 1))] {
            invoices.append(InvoiceRecord(id: "F\(i)", customer: "C1", issueDate: civilDate(2025, i, 1), dueDate: due,
                                          amount: dec("1200.00"), currency: "EUR"))
            payments.append(PaymentRecord(customer: "C1", date: due, amount: dec("1200.00"), currency: "EUR",
                                          invoice: "F\(i)"))
        }
        let r = try risk(request: RiskRequest(
            ledger: LedgerDocument(customers: [CustomerRecord(id: "C1", name: "Studio Nord", sector: "services")],
                                   invoices: invoices, payments: payments),
            asOf: civilDate(2025, 6, 29)))
        XCTAssertEqual(r.customers.count, 1)
        XCTAssertEqual(r.customers[0].grade, .a)
        XCTAssertEqual(r.customers[0].score, 0)
        XCTAssertTrue(r.customers[0].factors.isEmpty)
    }

    func testFrenchFormalNotice() throws {
        let l = try letter(request: LetterRequest(context: LetterContext(
            template: "formal_notice", language: .fr, date: civilDate(2026, 6, 30), place: "Paris",
            creditor: Party(name: "Atelier Dupont SARL", addressLines: ["12 rue des Lilas", "75011 Paris"]),
            debtor: Party(name: "Client Industries SA", addressLines: ["4 avenue Foch", "69006 Lyon"]),
            currency: "EUR",
            invoices: [LetterInvoice(id: "F2026-0011", issueDate: civilDate(2026, 4, 15), dueDate: civilDate(2026, 5, 15),
                                     amount: dec("1234.56"), outstanding: dec("1234.56"), daysLate: 46,
                                     interest: dec("18.90"), fixedCompensation: dec("40.00"))],
            regime: .frB2b)))
        XCTAssertEqual(l.subject, "Mise en demeure de payer")
        // Total: 1,234.56 + 18.90 + 40.00 = 1,293.46 (the thousands separator is a narrow space).
        XCTAssertTrue(l.body.contains("D441-5") && l.body.contains("40,00") && l.body.contains("293,46"), l.body)
    }
}
