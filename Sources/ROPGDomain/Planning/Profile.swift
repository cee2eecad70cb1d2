/// A named seasonal profile (DOMAIN §4): relative weights for the twelve months, for the days of
/// the week, and multipliers for event days (双11, 618). A missing weight is 1.
///
/// An event is either dated (`2026-11-11x6`: that one day) or yearly (`11-11x6`: 11 November of
/// every year), because 双11, 618 and 12-12 fall on the same day each year while 春节 and 年货节
/// move and must be dated. On a day that has both, the dated event wins (docs/DOMAIN.md §4.3).
public struct Profile: Equatable, Sendable {
    public var name: String
    /// January … December.
    public var monthWeights: [ExactDecimal]
    /// Monday … Sunday.
    public var weekdayWeights: [ExactDecimal]
    /// Event days and how many times an ordinary day's weight they carry.
    public var events: [Day: ExactDecimal]
    /// Events on a month and day of every year (a 02-29 event counts in leap years only).
    public var yearlyEvents: [MonthDay: ExactDecimal]

    public init(name: String) {
        self.name = name
        monthWeights = Array(repeating: .one, count: 12)
        weekdayWeights = Array(repeating: .one, count: 7)
        events = [:]
        yearlyEvents = [:]
    }

    /// Weights are relative; this bound keeps every sum of them exact.
    public static let largestWeight = ExactDecimal(1_000_000)

    public static let monthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    public static let weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// A day's weight within its month: its weekday weight times its event multiplier.
    public func dayWeight(_ day: Day) -> ExactDecimal {
        weekdayWeights[day.weekday - 1] * eventMultiplier(on: day)
    }

    /// The dated event on the day, else the yearly one on its month and day, else 1.
    public func eventMultiplier(on day: Day) -> ExactDecimal {
        events[day] ?? yearlyEvents[MonthDay(day)] ?? .one
    }

    public var hasDayWeights: Bool {
        !events.isEmpty || !yearlyEvents.isEmpty || weekdayWeights.contains { $0 != .one }
    }
}

/// A month and a day of the month with no year: the day of a yearly event (`11-11`).
public struct MonthDay: Hashable, Comparable, Sendable {
    public var month: Int
    public var day: Int

    /// Nil unless the day exists in some year (02-29 does; 04-31 does not).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: 2000, month: month) else { return nil }
        self.month = month
        self.day = day
    }

    public init(_ day: Day) {
        month = day.month
        self.day = day.dayOfMonth
    }

    /// Reads `MM-DD` (`11-11`, `06-18`; one-digit parts allowed: `6-18`).
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let month = Int(parts[0]), let day = Int(parts[1]) else { return nil }
        self.init(month: month, day: day)
    }

    /// `11-11`.
    public var text: String {
        (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
}
