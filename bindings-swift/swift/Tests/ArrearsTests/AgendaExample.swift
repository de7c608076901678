import Arrears
import Foundation

/// The day's agenda of a studio with one late invoice: 1,200.00 EUR due on 29 May 2026, unpaid
/// on Monday 15 June 2026, nothing done yet, the default French policy.
func agendaExample() throws -> Agenda {
    let ledger = LedgerDocument(
        customers: [CustomerRecord(id: "C1", name: "Studio Nord", country: "FR")],
        invoices: [InvoiceRecord(
            id: "F1", customer: "C1",
            issueDate: civilDate(2026, 4, 29), dueDate: civilDate(2026, 5, 29),
            amount: Decimal(string: "1200.00")!, currency: "EUR"
        )]
    )
    let day = try agenda(request: AgendaRequest(ledger: ledger, asOf: civilDate(2026, 6, 15)))
    for action in day.actions {
        // C1 d15Letter letter: nothing was done yet, so the agenda catches up at the latest step
        // already past, the letter recalling the penalties (D+15), claiming principal + penalties.
        print(action.customer, action.step, action.channel, action.totals.map { $0.total })
    }
    return day
}
