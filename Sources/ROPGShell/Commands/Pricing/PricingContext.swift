import Foundation
import ROPGDomain
import ROPGReports
import ROPGTables

extension Session {
    /// Today: `ROPG_TODAY` from the environment given (scripts and tests must not depend on the
    /// clock), else the local calendar's. Read once, when the executable starts a session.
    public static func today(in environment: [String: String]) -> Day {
        if let text = environment["ROPG_TODAY"], let day = Day(isoText: text) { return day }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(number: 0)
    }
}

/// What the pricing commands share: the day whose cost entries and assumptions apply, the rates
/// read for that day, and the fixed costs of a period.
struct PricingContext {
    let session: Session
    let day: Day
    let rates: UnitCostRates

    /// `on=DAY` or, failing that, `fallback` (a period's first day) or today.
    init(_ session: Session, _ arguments: Arguments, fallback: Day? = nil) throws(CommandError) {
        self.session = session
        var chosen = fallback ?? session.today
        if let text = arguments.value("on") {
            guard let day = Day(isoText: text) else { throw CommandError("on=\(text): give a day such as 2026-03-15") }
            chosen = day
        }
        day = chosen
        rates = UnitCostRates(session.workspace, index: session.context.costIndex(), on: chosen)
    }

    func economics(_ index: Int) -> UnitEconomics {
        rates.economics(of: session.workspace.products[index], at: index)
    }

    /// The fixed costs of a period: the entries that do not follow sales, deposits left out.
    func fixedCosts(_ period: Period) -> ExactDecimal {
        session.context.costIndex().fixedCosts(in: period)
    }

    /// The period a command is about: `text` if given, else the month of today.
    static func period(_ text: String?, _ session: Session) throws(CommandError) -> Period {
        if let text {
            do { return try Period.parse(text) } catch { throw CommandError(error.message) }
        }
        let today = session.today
        return .month(year: today.year, month: today.month)
    }

    /// How the fees and other unit costs were made up, for a report's notes.
    var workingNote: String {
        let perOrder = rates.unitsPerOrder == .one ? "per-order costs" : "per-order costs ÷ \(rates.unitsPerOrder.description) units per order"
        return "on \(day.isoText): fees = percent entries + CPS (rate × share of sales) + payment fee \(rates.paymentFee.exactPercentText); "
            + "other = per-unit entries + \(perOrder); entries tied to a product count for it alone"
    }
}

extension Cell {
    /// A cell for a unit-economics figure that may not exist (a free product has no margin).
    static func rateOrEmpty(_ value: ExactDecimal?) -> Cell { .optional(value) { .rate($0) } }
}
