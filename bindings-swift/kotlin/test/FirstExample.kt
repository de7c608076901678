package arrears.tests

import arrears.InterestRequest
import arrears.Regime
import arrears.Statement
import arrears.interest
import java.math.BigDecimal
import java.time.LocalDate

/** The penalties of one late invoice: 1,000.00 EUR due on 31 January 2024, still unpaid on
 *  15 March 2024, between French businesses. */
fun firstExample(): Statement {
    val statement = interest(
        InterestRequest(
            regime = Regime.FR_B2B,
            principal = BigDecimal("1000.00"),
            currency = "EUR",
            dueDate = LocalDate.of(2024, 1, 31),
            until = LocalDate.of(2024, 3, 15),
        )
    )
    println(statement.interest)          // 17.48: 44 days at 14.50 % (ECB 4.50 + 10 points)
    println(statement.fixedCompensation) // 40.00: the fixed recovery compensation
    println(statement.totalDue)          // 1057.48
    for (s in statement.segments) {      // the explanation, line by line
        println("${s.from} ${s.to} ${s.days} ${s.balance} ${s.ratePercent} ${s.interest}")
    }
    return statement
}
