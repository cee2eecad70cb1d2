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
    public enum Verdict: String, Sendable { case good, pass, fail }
    public var name: String
    public var value: ExactDecimal
    public var verdict: Verdict
    public var rule: String
    public var isRate: Bool
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
        let percent = { (text: String) in ExactDecimal(plainText: text) ?? .zero }
        if let bounce = actual.bounceRate {
            let verdict: HealthLine.Verdict = bounce < percent("0.6") ? .good : bounce < percent("0.7") ? .pass : .fail
            lines.append(HealthLine(name: "bounce rate 跳失率", value: bounce, verdict: verdict, rule: "pass < 70%, good < 60%", isRate: true))
        }
        if let depth = actual.visitDepth {
            let verdict: HealthLine.Verdict = depth >= percent("3.5") ? .good : depth >= percent("2.5") ? .pass : .fail
            lines.append(HealthLine(name: "visit depth 访问深度", value: depth, verdict: verdict, rule: "pass ≥ 2.5, good ≥ 3.5", isRate: false))
        }
        if let inquiry = actual.inquiryConversion {
            let verdict: HealthLine.Verdict = inquiry >= percent("0.5") ? .pass : .fail
            lines.append(HealthLine(name: "inquiry conversion 询单转化率", value: inquiry, verdict: verdict,
                                    rule: "pass ≥ 50% (below: train customer service)", isRate: true))
        }
        return lines
    }
}
