// The Kotlin suite of arrears: every conformance vector through `run`, typed calls per area, and
// the conversions of money (java.math.BigDecimal) and dates (java.time.LocalDate) at their edges.
// Run by `make -C bindings-swift test-kotlin`; ends with `N passed, N failed`.
package arrears.tests

import arrears.*
import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.io.File
import java.math.BigDecimal
import java.time.LocalDate

var passed = 0
var failed = 0

fun check(name: String, body: () -> Unit) {
    try {
        body()
        passed++
    } catch (e: Throwable) {
        failed++
        println("FAILED $name: ${e.message ?: e}")
    }
}

fun expect(condition: Boolean, message: () -> String) {
    if (!condition) throw AssertionError(message())
}

/// `expected` is a subset of `actual`: every key it names present and equal, recursively; arrays
/// of the same length matched item by item (what every language's vector runner does).
fun contains(expected: JsonElement, actual: JsonElement?, path: String = "$") {
    when {
        expected is JsonObject -> {
            expect(actual is JsonObject) { "$path: expected an object, got $actual" }
            for ((k, v) in expected.entrySet()) {
                val a = (actual as JsonObject).get(k)
                expect(a != null) { "$path.$k: missing" }
                contains(v, a, "$path.$k")
            }
        }
        expected is JsonArray -> {
            expect(actual is JsonArray && actual.size() == expected.size()) {
                "$path: expected ${expected.size()} items, got $actual"
            }
            for (i in 0 until expected.size()) contains(expected[i], (actual as JsonArray)[i], "$path[$i]")
        }
        else -> expect(expected == actual) { "$path: expected $expected, got $actual" }
    }
}

fun vectors(root: File) {
    val files = root.walkTopDown().filter { it.isFile && it.name.endsWith(".json") }.sorted().toList()
    expect(files.isNotEmpty()) { "no vectors under $root" }
    var cases = 0
    for (file in files) {
        val doc = JsonParser.parseString(file.readText()).asJsonObject
        for (c in doc.getAsJsonArray("cases")) {
            val case = c.asJsonObject
            val id = case.get("id").asString
            val op = case.get("op").asString
            val input = case.get("input").toString()
            cases++
            check("vector $id") {
                if (case.has("expected_error")) {
                    val code = case.get("expected_error").asString
                    try {
                        run(op, input)
                        throw AssertionError("expected the error $code, got an answer")
                    } catch (e: ArrearsException.Failure) {
                        expect(e.code == code) { "expected $code, got ${e.code}: ${e.reason}" }
                    }
                } else {
                    contains(case.get("expected"), JsonParser.parseString(run(op, input)))
                }
            }
        }
    }
    println("vectors: $cases cases in ${files.size} files")
}

fun typed() {
    check("interest: 44 days at 14.50 % on 1,000.00 (C. com. L441-10, ECB 4.50 + 10)") {
        val s = interest(
            InterestRequest(
                regime = Regime.FR_B2B,
                principal = BigDecimal("1000.00"),
                currency = "EUR",
                dueDate = LocalDate.of(2024, 1, 31),
                until = LocalDate.of(2024, 3, 15),
            )
        )
        expect(s.interest == BigDecimal("17.48")) { "interest ${s.interest}" }
        expect(s.fixedCompensation == BigDecimal("40.00")) { "fixed ${s.fixedCompensation}" }
        expect(s.totalDue == BigDecimal("1057.48")) { "total ${s.totalDue}" }
        expect(s.segments.size == 1 && s.segments[0].days == 44L) { "segments ${s.segments}" }
        expect(s.segments[0].ratePercent == BigDecimal("14.50")) { "rate ${s.segments[0]}" }
    }
    check("interest: a partial payment imputed to interest first (C. civ. 1343-1)") {
        // 1,000.00 due 2024-01-31, 500.00 paid 2024-03-01 (30 days: 1000 x 14.50 % x 30 / 365 =
        // 11.92 of interest, paid first; 488.08 of principal), then 511.92 x 14.50 % x 14 / 365 =
        // 2.85 to 2024-03-15.
        val s = interest(
            InterestRequest(
                regime = Regime.FR_B2B,
                principal = BigDecimal("1000.00"),
                currency = "EUR",
                dueDate = LocalDate.of(2024, 1, 31),
                until = LocalDate.of(2024, 3, 15),
                payments = listOf(DatedAmount(LocalDate.of(2024, 3, 1), BigDecimal("500.00"))),
            )
        )
        expect(s.interestPaid == BigDecimal("11.92")) { "paid ${s.interestPaid}" }
        expect(s.principalOutstanding == BigDecimal("511.92")) { "principal ${s.principalOutstanding}" }
        expect(s.interestOutstanding == BigDecimal("2.85")) { "outstanding ${s.interestOutstanding}" }
    }
    check("claims: F1 unpaid 44 days (17.48 + 40), F2 paid 30 days late (5.96 + 40 reported, not claimed)") {
        // 1000 x 14.50 % x 44 / 365 = 17.48; 500 x 14.50 % x 30 / 365 = 5.96 (C. com. L441-10, D441-5).
        val ledger = LedgerDocument(
            customers = listOf(CustomerRecord(id = "C1", country = "FR")),
            invoices = listOf(
                InvoiceRecord(id = "F1", customer = "C1", issueDate = LocalDate.of(2024, 1, 1),
                    dueDate = LocalDate.of(2024, 1, 31), amount = BigDecimal("1000.00"), currency = "EUR"),
                InvoiceRecord(id = "F2", customer = "C1", issueDate = LocalDate.of(2024, 1, 1),
                    dueDate = LocalDate.of(2024, 1, 31), amount = BigDecimal("500.00"), currency = "EUR"),
            ),
            payments = listOf(PaymentRecord(customer = "C1", invoice = "F2", date = LocalDate.of(2024, 3, 1),
                amount = BigDecimal("500.00"), currency = "EUR")),
        )
        val c = claims(ClaimsRequest(ledger = ledger, asOf = LocalDate.of(2024, 3, 15))).claims.single()
        expect(c.principal == BigDecimal("1000.00") && c.interest == BigDecimal("17.48")) { "$c" }
        expect(c.fixedCompensation == BigDecimal("40.00") && c.total == BigDecimal("1057.48")) { "$c" }
        // F2 paid 30 days late: 5.96 of interest, paid first (C. civ. 1343-1), leaves 5.96 of principal
        // bearing 0.03 more to 15 March (14 days at 14.50 %): 5.99 + EUR 40 still owed, not claimed.
        expect(c.settledNotClaimed == BigDecimal("45.99") && c.settledNotClaimedCount == 1L) { "$c" }
        expect(c.lines.map { it.receivable } == listOf("F1")) { "${c.lines}" }
    }
    check("interest: a bad request is a coded exception") {
        try {
            interest(
                InterestRequest(
                    regime = Regime.FR_B2B, principal = BigDecimal("1000.00"), currency = "XYZ",
                    dueDate = LocalDate.of(2024, 1, 31), until = LocalDate.of(2024, 3, 15),
                )
            )
            throw AssertionError("no error")
        } catch (e: ArrearsException.Failure) {
            expect(e.code == "money.unknown_currency") { e.code }
        }
    }
}

fun conversions() {
    check("28 significant digits cross unchanged") {
        val big = BigDecimal("12345678901234567890123456.78")
        expect(splitAmount(big, "EUR", 1L) == listOf(big)) { "split" }
    }
    check("negative amounts and the largest remainder") {
        val parts = splitAmount(BigDecimal("-10.00"), "EUR", 3L)
        expect(parts == listOf(BigDecimal("-3.34"), BigDecimal("-3.33"), BigDecimal("-3.33"))) { "$parts" }
    }
    check("a BigDecimal with an exponent is written out plainly") {
        // 1E+3 is 1000: toPlainString, never "1E+3" (which the library refuses).
        val parts = splitAmount(BigDecimal("1E+3"), "EUR", 2L)
        expect(parts.size == 2 && parts.all { it.compareTo(BigDecimal("500")) == 0 }) { "$parts" }
    }
    check("more than 28 significant digits is a coded error, not a crash") {
        try {
            splitAmount(BigDecimal("1E+40"), "EUR", 1L)
            throw AssertionError("no error")
        } catch (e: ArrearsException.Failure) {
            expect(e.code == "money.invalid_amount") { e.code }
        }
    }
    check("more decimals than the currency has is a coded error") {
        try {
            splitAmount(BigDecimal("0.005"), "EUR", 2L)
            throw AssertionError("no error")
        } catch (e: ArrearsException.Failure) {
            expect(e.code == "money.not_in_minor_units") { e.code }
        }
    }
    check("29 February") {
        expect(addDays(LocalDate.of(2024, 2, 28), 1) == LocalDate.of(2024, 2, 29)) { "28 + 1" }
        expect(addDays(LocalDate.of(2024, 2, 29), 365) == LocalDate.of(2025, 2, 28)) { "+365" }
        expect(daysBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)) == 29L) { "February 2024" }
    }
    check("far dates") {
        expect(addDays(LocalDate.of(9999, 12, 30), 1) == LocalDate.of(9999, 12, 31)) { "9999" }
        expect(addDays(LocalDate.of(1, 1, 2), -1) == LocalDate.of(1, 1, 1)) { "year 1" }
        // 0001-01-01 to 9999-12-31: 3,652,058 days (9,999 years of 365.2425 days, less one).
        expect(daysBetween(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)) == 3652058L) { "span" }
    }
    check("a date past the library's years is a coded error, not a crash") {
        try {
            addDays(LocalDate.of(10000, 1, 1), 0)
            throw AssertionError("no error")
        } catch (e: ArrearsException.Failure) {
            expect(e.code == "date.invalid") { e.code }
        }
    }
}

fun main(args: Array<String>) {
    val root = File(args.getOrElse(0) { "../tests/vectors" })
    check("the README's first example (FirstExample.kt)") {
        val s = firstExample()
        expect(s.totalDue == BigDecimal("1057.48")) { "total ${s.totalDue}" }
    }
    check("operations") { expect(operations().contains("interest")) { "${operations()}" } }
    check("the guide's agenda example (AgendaExample.kt): 17 days late, caught up at fr_standard's D+15 letter") {
        val day = agendaExample()
        expect(day.businessDay && day.actions.size == 1) { "${day.actions}" }
        val action = day.actions[0]
        expect(action.customer == "C1" && action.step == "d15_letter" && action.channel == Channel.LETTER) { "$action" }
        val item = action.items.single()
        expect(item.daysLate == 17L && item.outstanding == BigDecimal("1200.00")) { "$item" }
        expect(item.fixedCompensation == BigDecimal("40.00") && item.interest.signum() > 0) { "$item" }
        val total = action.totals.single()
        expect(total.total == total.outstanding + total.penalties) { "$total" }
        expect(total.penalties == item.interest + item.fixedCompensation) { "$total" }
    }
    vectors(root)
    typed()
    areas()
    conversions()
    println("$passed passed, $failed failed")
    if (failed > 0) kotlin.system.exitProcess(1)
}
