/// A period a user typed that could not be read, and why.
public struct PeriodError: Error, Equatable, Sendable {
    public var text: String
    public var reason: String
    public var message: String { "\(text.quotedExcerpt) is not a period: \(reason)" }
}

extension Period {
    /// Reads `2026`, `2026-Q1`, `2026-03`, `2026-W11`, `2026-03-14` and ranges `2026-03..2026-06`.
    public static func parse(_ raw: String) throws(PeriodError) -> Period {
        // The longest period is a range of two days written in full-width digits: anything much
        // longer is refused before a pass over it, so a 16 MB word costs nothing.
        guard raw.utf8.count <= 128 else {
            throw PeriodError(text: raw, reason: "too long; write 2026, 2026-Q1, 2026-03, 2026-W11, 2026-03-14 or a range FROM..TO")
        }
        let text = NumberGrammar.normalizedWidth(raw).trimmingSpaces()
        if let separator = text.firstRange(of: "..") {
            let fromText = String(text[..<separator.lowerBound])
            let toText = String(text[separator.upperBound...])
            guard !fromText.isEmpty, !toText.isEmpty else {
                throw PeriodError(text: raw, reason: "a range needs a start and an end, e.g. 2026-03..2026-06")
            }
            let from = try parseSingle(fromText, whole: raw)
            let to = try parseSingle(toText, whole: raw)
            guard from.firstDay <= to.lastDay else {
                throw PeriodError(text: raw, reason: "the range ends (\(to.lastDay)) before it starts (\(from.firstDay))")
            }
            return .range(from: from, to: to)
        }
        return try parseSingle(text, whole: raw)
    }

    /// Reads a single day written `YYYY-MM-DD`.
    public static func parseDay(_ raw: String) throws(PeriodError) -> Day {
        let period = try parse(raw)
        guard case .day(let day) = period else {
            throw PeriodError(text: raw, reason: "a day is expected, written like 2026-03-14")
        }
        return day
    }

    public static let validYears = 1900...2999

    private static func parseSingle(_ text: String, whole raw: String) throws(PeriodError) -> Period {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let shapes = "write 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14"
        guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText), yearText.allSatisfy(\.isASCIIDigit) else {
            throw PeriodError(text: raw, reason: shapes)
        }
        guard validYears.contains(year) else {
            throw PeriodError(text: raw, reason: "the year must be between \(validYears.lowerBound) and \(validYears.upperBound)")
        }
        switch parts.count {
        case 1:
            return .year(year)
        case 2:
            let second = parts[1]
            if let first = second.first, first == "Q" || first == "q" {
                guard let quarter = smallNumber(second.dropFirst()), (1...4).contains(quarter) else {
                    throw PeriodError(text: raw, reason: "a quarter is Q1 to Q4")
                }
                return .quarter(year: year, quarter: quarter)
            }
            if let first = second.first, first == "W" || first == "w" {
                guard let week = smallNumber(second.dropFirst()), week >= 1 else {
                    throw PeriodError(text: raw, reason: "a week is W01 to W52 or W53")
                }
                let weeks = isoWeeks(in: year)
                guard week <= weeks else {
                    throw PeriodError(text: raw, reason: "\(year) has \(weeks) ISO weeks, so there is no week \(week)")
                }
                return .week(isoYear: year, week: week)
            }
            guard let month = smallNumber(Substring(second)) else { throw PeriodError(text: raw, reason: shapes) }
            guard (1...12).contains(month) else { throw PeriodError(text: raw, reason: "a month is 01 to 12") }
            return .month(year: year, month: month)
        case 3:
            guard let month = smallNumber(Substring(parts[1])), let dayOfMonth = smallNumber(Substring(parts[2])) else {
                throw PeriodError(text: raw, reason: shapes)
            }
            guard (1...12).contains(month) else { throw PeriodError(text: raw, reason: "a month is 01 to 12") }
            guard let day = Day(year: year, month: month, day: dayOfMonth) else {
                throw PeriodError(text: raw, reason: "\(year)-\(Day.padded(month, 2)) has \(Day.daysIn(year: year, month: month)) days")
            }
            return .day(day)
        default:
            throw PeriodError(text: raw, reason: shapes)
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
