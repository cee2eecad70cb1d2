import Foundation
import ROPGDomain
import ROPGText
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

/// What the pricing commands share in the shell: reading `on=` and the period, and wording how the
/// fees and other unit costs were made up. The figures come from the reports; an instance holds
/// the `PricingBasis` of the day `on=` names, for commands that read unit economics directly.
struct PricingContext {
    let basis: PricingBasis

    /// `on=DAY` or, failing that, `fallback` (a period's first day) or today.
    init(_ session: Session, _ arguments: Arguments, fallback: Day? = nil) throws(CommandError) {
        basis = PricingBasis(session.context, on: try Self.day(arguments) ?? fallback ?? session.today)
    }

    var day: Day { basis.day }
    var rates: UnitCostRates { basis.rates }

    func economics(_ index: Int) -> UnitEconomics { basis.economics(index) }

    /// The day of `on=DAY`, if given.
    static func day(_ arguments: Arguments) throws(CommandError) -> Day? {
        guard let text = arguments.value("on") else { return nil }
        guard let day = Day(isoText: text) else { throw CommandError(phrase("on={text}: give a day such as 2026-03-15", ["text": "\(text)"])) }
        return day
    }

    /// The period a command is about: `text` if given, else the month of today.
    static func period(_ text: String?, _ session: Session) throws(CommandError) -> Period {
        if let text {
            do { return try Period.parse(text) } catch { throw CommandError(error.message) }
        }
        return session.context.month
    }

    /// A report worked out, its failure as the command's.
    static func report<T>(_ work: () throws(ReportError) -> T) throws(CommandError) -> T {
        do { return try work() } catch { throw CommandError(error.message) }
    }

    /// How the fees and other unit costs of `rates`' day were made up, for a report's notes.
    static func workingNote(_ rates: UnitCostRates) -> String {
        let perOrder = rates.unitsPerOrder == .one ? phrase("per-order costs")
            : phrase("per-order costs ÷ {units} units per order", ["units": rates.unitsPerOrder.description])
        return phrase("on {day}: fees = percent entries + CPS (rate × share of sales) + payment fee {fee}; other = per-unit entries + {perOrder}; entries tied to a product count for it alone",
                      ["day": rates.day.isoText, "fee": rates.paymentFee.exactPercentText, "perOrder": perOrder])
    }
}

extension Cell {
    /// A cell for a unit-economics figure that may not exist (a free product has no margin).
    static func rateOrEmpty(_ value: ExactDecimal?) -> Cell { .optional(value) { .rate($0) } }
}
