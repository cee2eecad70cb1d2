/// The morning check (达标, DOMAIN §4 and §6): the day, month, quarter and year to date against
/// their goals, and what daily run-rate the rest of each period now needs.
public struct CheckLine: Equatable, Sendable {
    public enum Scope: String, Sendable, CaseIterable { case day, monthToDate = "month to date", quarterToDate = "quarter to date", yearToDate = "year to date" }
    public var scope: Scope
    public var period: Period
    public var metric: GoalMetric
    /// The goal for the days up to and including the check day.
    public var goalToDate: ExactDecimal
    public var actualToDate: ExactDecimal
    /// actual ÷ goal to date; nil when the goal to date is zero.
    public var achievement: ExactDecimal?
    /// actual − goal to date.
    public var gap: ExactDecimal
    /// The whole period's goal.
    public var periodGoal: ExactDecimal
    public var remainingDays: Int
    /// What each remaining day must bring for the period's goal; nil when no day remains.
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
    /// The check lines for every metric that has goals covering the scope and recorded actuals.
    public static func lines(on day: Day, plans: [GoalPlan], actuals: [Actual]) -> [CheckLine] {
        let scopes: [(CheckLine.Scope, Period)] = [
            (.day, .day(day)),
            (.monthToDate, .month(year: day.year, month: day.month)),
            (.quarterToDate, .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)),
            (.yearToDate, .year(day.year)),
        ]
        var lines: [CheckLine] = []
        for plan in plans {
            guard actuals.contains(where: { $0.values[plan.metric] != nil }) else { continue }
            for (scope, period) in scopes {
                let toDate = Period.range(from: .day(period.firstDay), to: .day(day))
                guard let goalToDate = plan.value(of: toDate), let periodGoal = plan.value(of: period) else { continue }
                var actual = ExactDecimal.zero
                for record in actuals where toDate.contains(record.day) { actual += record.values[plan.metric] ?? .zero }
                let remaining = day.distance(to: period.lastDay)
                let needed = remaining > 0 ? (periodGoal - actual).divided(by: remaining) : nil
                lines.append(CheckLine(scope: scope, period: period, metric: plan.metric, goalToDate: goalToDate,
                                       actualToDate: actual, achievement: actual.divided(by: goalToDate), gap: actual - goalToDate,
                                       periodGoal: periodGoal, remainingDays: remaining, neededPerDay: needed))
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
