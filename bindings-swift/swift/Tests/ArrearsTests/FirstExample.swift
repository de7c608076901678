import Arrears
import Foundation

/// The penalties of one late invoice: 1,000.00 EUR due on 31 January 2024, still unpaid on
/// 15 March 2024, between French businesses.
func firstExample() throws -> Statement {
    let statement = try interest(request: InterestRequest(
        regime: .frB2b,
        principal: Decimal(string: "1000.00")!,
        currency: "EUR",
        dueDate: civilDate(2024, 1, 31),
        until: civilDate(2024, 3, 15)
    ))
    print(statement.interest)           // 17.48: 44 days at 14.50 % (ECB 4.50 + 10 points)
    print(statement.fixedCompensation)  // 40: the fixed recovery compensation
    print(statement.totalDue)           // 1057.48
    for s in statement.segments {       // the explanation, line by line
        print(s.from, s.to, s.days, s.balance, s.ratePercent, s.interest)
    }
    return statement
}
