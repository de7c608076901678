// Typed calls per area, each against a hand computation from the statute or the documented rule
// (the same cases as conformance vectors, through the records instead of JSON).
package arrears.tests

import arrears.*
import java.math.BigDecimal
import java.time.LocalDate

fun d(y: Int, m: Int, day: Int): LocalDate = LocalDate.of(y, m, day)

fun areas() {
    check("due_date: net 30 from 2025-01-15 is 2025-02-14 (16 days to 31 January, 14 more)") {
        val r = dueDate(DueDateRequest(terms = PaymentTerms.NetDays(30L), issueDate = d(2025, 1, 15)))
        expect(r.dueDate == d(2025, 2, 14)) { "${r.dueDate}" }
        expect(r.schedule.single().dueDate == d(2025, 2, 14)) { "${r.schedule}" }
    }
    check("due_date: 45 days end of month, method A, from 2024-01-31 is 2024-03-31 (+45 = 16 March, end of month)") {
        val r = dueDate(
            DueDateRequest(
                terms = PaymentTerms.DaysEndOfMonth(45L, EomMethod.DAYS_THEN_END_OF_MONTH),
                issueDate = d(2024, 1, 31),
            )
        )
        expect(r.dueDate == d(2024, 3, 31)) { "${r.dueDate}" }
    }
    check("ledger_state: due 2025-02-09, on 2025-03-01 the invoice is 20 days late and owed whole") {
        val s = ledgerState(
            LedgerRequest(
                ledger = LedgerDocument(
                    invoices = listOf(
                        InvoiceRecord(id = "F1", customer = "C1", issueDate = d(2025, 1, 10),
                            dueDate = d(2025, 2, 9), amount = BigDecimal("1200.00"), currency = "EUR")
                    )
                ),
                asOf = d(2025, 3, 1),
            )
        )
        val r = s.receivables.single()
        expect(r.daysLate == 20L && r.outstanding == BigDecimal("1200.00")) { "$r" }
        expect(r.status == ReceivableStatus.OVERDUE && !r.partiallyPaid) { "$r" }
    }
    check("plan: 10,000.00 in 4 monthly instalments of 2,500.00 from 2025-03-05 (docs/domain.md §5)") {
        val p = plan(
            PlanRequest(
                amount = BigDecimal("10000.00"), currency = "EUR", instalments = 4L,
                firstDate = d(2025, 3, 5), every = Every.Id("month"), agreedOn = d(2025, 3, 1),
            )
        )
        expect(p.instalments.map { it.dueDate } == listOf(d(2025, 3, 5), d(2025, 4, 5), d(2025, 5, 5), d(2025, 6, 5))) { "${p.instalments}" }
        expect(p.instalments.all { it.amount == BigDecimal("2500.00") }) { "${p.instalments}" }
    }
    check("plan: 100.00 in 3 gives 33.34, 33.33, 33.33 (the extra cent first)") {
        val p = plan(PlanRequest(amount = BigDecimal("100.00"), currency = "EUR", instalments = 3L, firstDate = d(2025, 3, 5)))
        expect(p.instalments.map { it.amount } == listOf(BigDecimal("33.34"), BigDecimal("33.33"), BigDecimal("33.33"))) { "${p.instalments}" }
    }
    check("kpis: CEI of April 2025 is (3,000 + 1,500 - 3,000) / (3,000 + 1,500 - 1,500) = 50.00 %") {
        val ledger = LedgerDocument(
            invoices = listOf(
                InvoiceRecord(id = "F1", customer = "C1", issueDate = d(2025, 3, 1), dueDate = d(2025, 3, 31), amount = BigDecimal("1000.00"), currency = "EUR"),
                InvoiceRecord(id = "F2", customer = "C1", issueDate = d(2025, 3, 15), dueDate = d(2025, 4, 14), amount = BigDecimal("2000.00"), currency = "EUR"),
                InvoiceRecord(id = "F3", customer = "C1", issueDate = d(2025, 4, 10), dueDate = d(2025, 5, 10), amount = BigDecimal("1500.00"), currency = "EUR"),
            ),
            payments = listOf(
                PaymentRecord(id = "P1", customer = "C1", date = d(2025, 4, 5), amount = BigDecimal("1000.00"), currency = "EUR", invoice = "F1"),
                PaymentRecord(id = "P2", customer = "C1", date = d(2025, 4, 20), amount = BigDecimal("500.00"), currency = "EUR", invoice = "F2"),
            ),
        )
        val k = kpis(KpisRequest(ledger = ledger, asOf = d(2025, 4, 30), from = d(2025, 4, 1), to = d(2025, 4, 30)))
        val cei = k.groups.single().cei
        expect(cei.percent.value == BigDecimal("50.00")) { "$cei" }
        expect(cei.collected == BigDecimal("1500.00") && cei.collectible == BigDecimal("3000.00")) { "$cei" }
    }
    check("risk: four invoices paid on their due dates give grade A, score 0 (docs/risk.md weights)") {
        val invoices = (1..4).map { i ->
            InvoiceRecord(id = "F$i", customer = "C1", issueDate = d(2025, i, 1), dueDate = d(2025, i, 1).plusDays(30),
                amount = BigDecimal("1200.00"), currency = "EUR")
        }
        val payments = invoices.map { PaymentRecord(customer = "C1", date = it.dueDate!!, amount = it.amount, currency = "EUR", invoice = it.id) }
        val r = risk(
            RiskRequest(
                ledger = LedgerDocument(
                    customers = listOf(CustomerRecord(id = "C1", name = "Studio Nord", sector = "services")),
                    invoices = invoices, payments = payments,
                ),
                asOf = d(2025, 6, 29),
            )
        )
        val c = r.customers.single()
        expect(c.grade == Grade.A && c.score == 0L && c.factors.isEmpty()) { "$c" }
    }
    check("letter: a French formal notice names itself and states the EUR 40 indemnity (C. com. D441-5)") {
        val l = letter(
            LetterRequest(
                context = LetterContext(
                    template = "formal_notice", language = Language.FR, date = d(2026, 6, 30), place = "Paris",
                    creditor = Party(name = "Atelier Dupont SARL", addressLines = listOf("12 rue des Lilas", "75011 Paris")),
                    debtor = Party(name = "Client Industries SA", addressLines = listOf("4 avenue Foch", "69006 Lyon")),
                    currency = "EUR", regime = Regime.FR_B2B,
                    invoices = listOf(
                        LetterInvoice(id = "F2026-0011", issueDate = d(2026, 4, 15), dueDate = d(2026, 5, 15),
                            amount = BigDecimal("1234.56"), outstanding = BigDecimal("1234.56"), daysLate = 46L,
                            interest = BigDecimal("18.90"), fixedCompensation = BigDecimal("40.00"))
                    ),
                )
            )
        )
        expect(l.subject == "Mise en demeure de payer") { l.subject }
        // Total: 1,234.56 + 18.90 + 40.00 = 1,293.46 (the thousands separator is a narrow space).
        expect(l.body.contains("D441-5") && l.body.contains("40,00") && l.body.contains("293,46")) { l.body }
    }
}
