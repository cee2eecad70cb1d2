/// The morning check (达标, DOMAIN §4.6 and §6): the day, month, quarter and year to date against
/// their goals, over the days that have actuals, and what daily run-rate the days left now need.
public struct CheckLine: Equatable, Sendable {
    public enum Scope: String, Sendable, CaseIterable { case day, monthToDate = "month to date", quarterToDate = "quarter to date", yearToDate = "year to date" }
    public var scope: Scope
    public var period: Period
    public var metric: GoalMetric
    /// Days from the period's first day to the check day, and which of them have the metric recorded.
    public var daysToDate: Int
    public var recordedDays: [Day]
    /// Days to date with no record of the metric: missing, never counted as zero.
    public var missingDays: [Day]
    /// The goal over the recorded days only.
    public var goalToDate: ExactDecimal
    public var actualToDate: ExactDecimal
    /// actual ÷ goal over the recorded days; nil when that goal is zero or nothing is recorded.
    public var achievement: ExactDecimal?
    /// actual − goal over the recorded days.
    public var gap: ExactDecimal
    /// The whole period's goal.
    public var periodGoal: ExactDecimal
    /// The goal of the missing days: they count at their goal until recorded.
    public var missingGoal: ExactDecimal
    /// Days of the period after the check day.
    public var remainingDays: Int
    /// What each remaining day must bring for the period's goal: (period goal − actual − goal of
    /// the missing days) ÷ days left; nil when no day remains.
    public var neededPerDay: ExactDecimal?
    public var onTarget: Bool { actualToDate >= goalToDate }
}

/// A health figure against DOMAIN §6's thresholds.
public struct HealthLine: Equatable, Sendable {
    public enum Figure: String, Sendable, CaseIterable { case bounceRate, visitDepth, inquiryConversion }
    public enum Verdict: String, Sendable { case good, pass, fail }
    public var figure: Figure
    public var value: ExactDecimal
    public var verdict: Verdict
    /// The threshold to pass, and the one to be good (nil where §6 gives none): upper bounds
    /// (strictly below) when lower is better, else lower bounds (at least).
    public var pass: ExactDecimal
    public var good: ExactDecimal?

    /// Bounce rate is better lower; visit depth and inquiry conversion higher.
    public var lowerIsBetter: Bool { figure == .bounceRate }
    /// A rate (shown as a percentage) rather than a count.
    public var isRate: Bool { figure != .visitDepth }

    public init(figure: Figure, value: ExactDecimal, pass: ExactDecimal, good: ExactDecimal?) {
        self.figure = figure
        self.value = value
        self.pass = pass
        self.good = good
        let lowerIsBetter = figure == .bounceRate
        func meets(_ threshold: ExactDecimal) -> Bool { lowerIsBetter ? value < threshold : value >= threshold }
        verdict = good.map(meets) == true ? .good : meets(pass) ? .pass : .fail
    }
}

public enum DailyCheck {
    /// The scopes of a check on `day`: the day, its month, quarter and year to date.
    public static func scopes(of day: Day) -> [(CheckLine.Scope, Period)] {
        [(.day, .day(day)),
         (.monthToDate, .month(year: day.year, month: day.month)),
         (.quarterToDate, .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)),
         (.yearToDate, .year(day.year))]
    }

    /// The check lines for every metric that has goals covering the scope and recorded actuals.
    /// Only days with the metric recorded are compared; the others are listed as missing.
    public static func lines(on day: Day, plans: [GoalPlan], actuals: [Actual]) -> [CheckLine] {
        var lines: [CheckLine] = []
        let byDay = Dictionary(actuals.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
        for plan in plans {
            guard actuals.contains(where: { $0.values[plan.metric] != nil }) else { continue }
            for (scope, period) in scopes(of: day) {
                let toDate = Period.range(from: .day(period.firstDay), to: .day(day))
                guard plan.value(of: toDate) != nil, let periodGoal = plan.value(of: period) else { continue }
                var actual = ExactDecimal.zero, goal = ExactDecimal.zero, missingGoal = ExactDecimal.zero
                var recorded: [Day] = [], missing: [Day] = []
                var current = period.firstDay
                while current <= day {
                    let dayGoal = plan.days[current] ?? .zero
                    if let value = byDay[current]?.values[plan.metric] {
                        actual += value
                        goal += dayGoal
                        recorded.append(current)
                    } else {
                        missingGoal += dayGoal
                        missing.append(current)
                    }
                    current = current.advanced(by: 1)
                }
                let remaining = day.distance(to: period.lastDay)
                let needed = remaining > 0 ? (periodGoal - actual - missingGoal).divided(by: remaining) : nil
                lines.append(CheckLine(scope: scope, period: period, metric: plan.metric, daysToDate: recorded.count + missing.count,
                                       recordedDays: recorded, missingDays: missing, goalToDate: goal, actualToDate: actual,
                                       achievement: recorded.isEmpty ? nil : actual.divided(by: goal), gap: actual - goal,
                                       periodGoal: periodGoal, missingGoal: missingGoal, remainingDays: remaining, neededPerDay: needed))
            }
        }
        return lines
    }

    /// DOMAIN §6: bounce rate < 70% passes, < 60% is good; visit depth ≥ 2.5 passes, ≥ 3.5 is good;
    /// inquiry conversion ≥ 50% passes.
    public static func health(of actual: Actual) -> [HealthLine] {
        var lines: [HealthLine] = []
        let number = { (text: String) in ExactDecimal(plainText: text) ?? .zero }
        if let bounce = actual.bounceRate {
            lines.append(HealthLine(figure: .bounceRate, value: bounce, pass: number("0.7"), good: number("0.6")))
        }
        if let depth = actual.visitDepth {
            lines.append(HealthLine(figure: .visitDepth, value: depth, pass: number("2.5"), good: number("3.5")))
        }
        if let inquiry = actual.inquiryConversion {
            lines.append(HealthLine(figure: .inquiryConversion, value: inquiry, pass: number("0.5"), good: nil))
        }
        return lines
    }
}
