/// A period a user can name: a year, quarter, month, ISO week, day, or a range of them (DOMAIN §1).
/// Every period is a contiguous set of days.
public indirect enum Period: Hashable, Sendable {
    case year(Int)
    case quarter(year: Int, quarter: Int)
    case month(year: Int, month: Int)
    /// An ISO-8601 week of its ISO week-year: it may straddle two months or two years.
    case week(isoYear: Int, week: Int)
    case day(Day)
    /// From the first day of `from` to the last day of `to`.
    case range(from: Period, to: Period)

    public var firstDay: Day {
        switch self {
        case .year(let y): return Day.unchecked(y, 1, 1)
        case .quarter(let y, let q): return Day.unchecked(y, (q - 1) * 3 + 1, 1)
        case .month(let y, let m): return Day.unchecked(y, m, 1)
        case .week(let y, let w): return Period.mondayOfWeekOne(isoYear: y).advanced(by: (w - 1) * 7)
        case .day(let d): return d
        case .range(let from, _): return from.firstDay
        }
    }

    public var lastDay: Day {
        switch self {
        case .year(let y): return Day.unchecked(y, 12, 31)
        case .quarter(let y, let q): return Day.unchecked(y, q * 3, Day.daysIn(year: y, month: q * 3))
        case .month(let y, let m): return Day.unchecked(y, m, Day.daysIn(year: y, month: m))
        case .week: return firstDay.advanced(by: 6)
        case .day(let d): return d
        case .range(_, let to): return to.lastDay
        }
    }

    public var days: ClosedRange<Day> { firstDay...lastDay }
    public var dayCount: Int { firstDay.distance(to: lastDay) + 1 }

    public func contains(_ day: Day) -> Bool { firstDay <= day && day <= lastDay }

    /// How the period was written: "2026", "2026-Q1", "2026-03", "2026-W11", "2026-03-14", "2026-03..2026-06".
    public var text: String {
        switch self {
        case .year(let y): return Day.padded(y, 4)
        case .quarter(let y, let q): return "\(Day.padded(y, 4))-Q\(q)"
        case .month(let y, let m): return "\(Day.padded(y, 4))-\(Day.padded(m, 2))"
        case .week(let y, let w): return "\(Day.padded(y, 4))-W\(Day.padded(w, 2))"
        case .day(let d): return d.isoText
        case .range(let from, let to): return "\(from.text)..\(to.text)"
        }
    }

    /// The grain, used for ordering and for choosing children.
    public var grain: PeriodGrain {
        switch self {
        case .year: return .year
        case .quarter: return .quarter
        case .month: return .month
        case .week: return .week
        case .day: return .day
        case .range: return .range
        }
    }

    /// The number of ISO weeks (52 or 53) in an ISO week-year.
    public static func isoWeeks(in isoYear: Int) -> Int {
        // A year has 53 ISO weeks exactly when 28 December falls in week 53, i.e. when the week
        // holding 28 December starts 52 weeks after week 1's Monday.
        let monday = mondayOfWeekOne(isoYear: isoYear)
        let dec28 = Day.unchecked(isoYear, 12, 28)
        return monday.distance(to: dec28) / 7 + 1
    }

    /// The Monday of ISO week 1: the week that holds 4 January.
    static func mondayOfWeekOne(isoYear: Int) -> Day {
        let jan4 = Day.unchecked(isoYear, 1, 4)
        return jan4.advanced(by: -(jan4.weekday - 1))
    }

    /// The ISO week a day belongs to.
    public static func isoWeek(of day: Day) -> Period {
        let thursday = day.advanced(by: 4 - day.weekday)  // the week's Thursday decides its year
        let isoYear = thursday.year
        let week = mondayOfWeekOne(isoYear: isoYear).distance(to: thursday) / 7 + 1
        return .week(isoYear: isoYear, week: week)
    }
}

public enum PeriodGrain: Int, Comparable, Sendable, CaseIterable {
    case year, quarter, month, week, day, range
    public static func < (a: PeriodGrain, b: PeriodGrain) -> Bool { a.rawValue < b.rawValue }
    public var name: String {
        switch self {
        case .year: return "year"
        case .quarter: return "quarter"
        case .month: return "month"
        case .week: return "week"
        case .day: return "day"
        case .range: return "range"
        }
    }
}

extension Period: Comparable {
    /// Chronological by first day; at the same first day the larger period comes first.
    public static func < (a: Period, b: Period) -> Bool {
        if a.firstDay != b.firstDay { return a.firstDay < b.firstDay }
        if a.grain != b.grain { return a.grain < b.grain }
        return a.lastDay < b.lastDay
    }
}

extension Period: CustomStringConvertible {
    public var description: String { text }
}

extension Day {
    /// For dates already known to exist (computed from valid periods).
    static func unchecked(_ year: Int, _ month: Int, _ day: Int) -> Day {
        Day(number: Int32(daysFromCivil(year: year, month: month, day: day)))
    }
}
