/// A named seasonal profile (DOMAIN §4): relative weights for the twelve months, for the days of
/// the week, and multipliers for event days (双11, 618). A missing weight is 1.
public struct Profile: Equatable, Sendable {
    public var name: String
    /// January … December.
    public var monthWeights: [ExactDecimal]
    /// Monday … Sunday.
    public var weekdayWeights: [ExactDecimal]
    /// Event days and how many times an ordinary day's weight they carry.
    public var events: [Day: ExactDecimal]

    public init(name: String) {
        self.name = name
        monthWeights = Array(repeating: .one, count: 12)
        weekdayWeights = Array(repeating: .one, count: 7)
        events = [:]
    }

    /// Weights are relative; this bound keeps every sum of them exact.
    public static let largestWeight = ExactDecimal(1_000_000)

    public static let monthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    public static let weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// A day's weight within its month: its weekday weight times its event multiplier.
    public func dayWeight(_ day: Day) -> ExactDecimal {
        weekdayWeights[day.weekday - 1] * (events[day] ?? .one)
    }

    public var hasDayWeights: Bool {
        !events.isEmpty || weekdayWeights.contains { $0 != .one }
    }
}
