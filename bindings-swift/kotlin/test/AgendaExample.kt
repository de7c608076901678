package arrears.tests

import arrears.Agenda
import arrears.AgendaRequest
import arrears.CustomerRecord
import arrears.InvoiceRecord
import arrears.LedgerDocument
import arrears.agenda
import java.math.BigDecimal
import java.time.LocalDate

/** The day's agenda of a studio with one late invoice: 1,200.00 EUR due on 29 May 2026, unpaid
 *  on Monday 15 June 2026, nothing done yet, the default French policy. */
fun agendaExample(): Agenda {
    val ledger = LedgerDocument(
        customers = listOf(CustomerRecord(id = "C1", name = "Studio Nord", country = "FR")),
        invoices = listOf(
            InvoiceRecord(
                id = "F1", customer = "C1",
                issueDate = LocalDate.of(2026, 4, 29), dueDate = LocalDate.of(2026, 5, 29),
                amount = BigDecimal("1200.00"), currency = "EUR",
            )
        ),
    )
    val day = agenda(AgendaRequest(ledger = ledger, asOf = LocalDate.of(2026, 6, 15)))
    for (action in day.actions) {
        // C1 d15_letter LETTER: nothing was done yet, so the agenda catches up at the latest step
        // already past, the letter recalling the penalties (D+15), claiming principal + penalties.
        println("${action.customer} ${action.step} ${action.channel} ${action.totals.map { it.total }}")
    }
    return day
}
