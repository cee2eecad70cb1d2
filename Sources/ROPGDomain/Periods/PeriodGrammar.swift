/// A period a user typed that could not be read, and why.
public struct PeriodError: Error, Equatable, Sendable {
    public var text: String
    public var reason: Reason
    /// What was wrong, with the values the user needs to fix it; the catalogue phrases it
    /// (ROPGText, `PeriodError.message`).
    public enum Reason: Equatable, Sendable {
        case tooLong
        case rangeNeedsBothEnds
        case rangeEndsBeforeStart(start: Day, end: Day)
        case dayExpected
        case notAPeriod
        case yearOutOfRange(lowest: Int, highest: Int)
        case quarterOutOfRange
        case weekOutOfRange
        case noSuchWeek(year: Int, weeks: Int, week: Int)
        case monthOutOfRange
        case noSuchDay(year: Int, month: Int, days: Int)
    }
}

extension Period {
    /// Reads `2026`, `2026-Q1`, `2026-03`, `2026-W11`, `2026-03-14` and ranges `2026-03..2026-06`.
    public static func parse(_ raw: String) throws(PeriodError) -> Period {
        // The longest period is a range of two days written in full-width digits: anything much
        // longer is refused before a pass over it, so a 16 MB word costs nothing.
        guard raw.utf8.count <= 128 else {
            throw PeriodError(text: raw, reason: .tooLong)
        }
        let text = NumberGrammar.normalizedWidth(raw).trimmingSpaces()
        if let separator = text.firstRange(of: "..") {
            let fromText = String(text[..<separator.lowerBound])
            let toText = String(text[separator.upperBound...])
            guard !fromText.isEmpty, !toText.isEmpty else {
                throw PeriodError(text: raw, reason: .rangeNeedsBothEnds)
            }
            let from = try parseSingle(fromText, whole: raw)
            let to = try parseSingle(toText, whole: raw)
            guard from.firstDay <= to.lastDay else {
                throw PeriodError(text: raw, reason: .rangeEndsBeforeStart(start: from.firstDay, end: to.lastDay))
            }
            return .range(from: from, to: to)
        }
        return try parseSingle(text, whole: raw)
    }

    /// Reads a single day written `YYYY-MM-DD`.
    public static func parseDay(_ raw: String) throws(PeriodError) -> Day {
        let period = try parse(raw)
        guard case .day(let day) = period else {
            throw PeriodError(text: raw, reason: .dayExpected)
        }
        return day
    }

    public static let validYears = 1900...2999

    private static func parseSingle(_ text: String, whole raw: String) throws(PeriodError) -> Period {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText), yearText.allSatisfy(\.isASCIIDigit) else {
            throw PeriodError(text: raw, reason: .notAPeriod)
        }
        guard validYears.contains(year) else {
            throw PeriodError(text: raw, reason: .yearOutOfRange(lowest: validYears.lowerBound, highest: validYears.upperBound))
        }
        switch parts.count {
        case 1:
            return .year(year)
        case 2:
            let second = parts[1]
            if let first = second.first, first == "Q" || first == "q" {
                guard let quarter = smallNumber(second.dropFirst()), (1...4).contains(quarter) else {
                    throw PeriodError(text: raw, reason: .quarterOutOfRange)
                }
                return .quarter(year: year, quarter: quarter)
            }
            if let first = second.first, first == "W" || first == "w" {
                guard let week = smallNumber(second.dropFirst()), week >= 1 else {
                    throw PeriodError(text: raw, reason: .weekOutOfRange)
                }
                let weeks = isoWeeks(in: year)
                guard week <= weeks else {
                    throw PeriodError(text: raw, reason: .noSuchWeek(year: year, weeks: weeks, week: week))
                }
                return .week(isoYear: year, week: week)
            }
            guard let month = smallNumber(Substring(second)) else { throw PeriodError(text: raw, reason: .notAPeriod) }
            guard (1...12).contains(month) else { throw PeriodError(text: raw, reason: .monthOutOfRange) }
            return .month(year: year, month: month)
        case 3:
            guard let month = smallNumber(Substring(parts[1])), let dayOfMonth = smallNumber(Substring(parts[2])) else {
                throw PeriodError(text: raw, reason: .notAPeriod)
            }
            guard (1...12).contains(month) else { throw PeriodError(text: raw, reason: .monthOutOfRange) }
            guard let day = Day(year: year, month: month, day: dayOfMonth) else {
                throw PeriodError(text: raw, reason: .noSuchDay(year: year, month: month, days: Day.daysIn(year: year, month: month)))
            }
            return .day(day)
        default:
            throw PeriodError(text: raw, reason: .notAPeriod)
        }
    }

    /// One or two ASCII digits.
    private static func smallNumber(_ text: Substring) -> Int? {
        guard (1...2).contains(text.count), text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }
}

extension Character {
    public var isASCIIDigit: Bool { isASCII && isNumber }
}
