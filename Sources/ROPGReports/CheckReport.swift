import ROPGDomain

/// `check [DAY]`: the morning check (达标, docs/DOMAIN.md §4.6, §4.7 and §6) — each metric's
/// actuals against its goals for the day, month, quarter and year to date over the days that have
/// actuals; why GMV is off (traffic, conversion, order value); ad spend against its budget; and the
/// day's health figures.
public struct CheckReport: Equatable, Sendable {
    public var day: Day
    /// Achievement, gap and run-rate per metric with goals and actuals, per scope.
    public var lines: [CheckLine]
    /// Some goal covers the day.
    public var goalsCoverDay: Bool
    /// Actuals are recorded for the day itself.
    public var recordedOnDay: Bool
    /// The day's recorded health figures against the thresholds.
    public var health: [HealthLine]
    /// Per scope, the GMV gap split into traffic, conversion and order value (§4.7).
    public var gaps: [CheckGap]
    /// Why no gap could be split, in words (aov= or cvr= not set), when that is so.
    public var gapUnavailable: KeyedMessage?
    /// Per scope, the recorded ad spend against the ad-spend goal, or else the driver tree's.
    public var adSpend: [AdSpendLine]
    /// Recorded days of the year up to the day whose figures cannot all be true (more orders than
    /// visitors, GMV with 0 orders), in words: left out of the gap split, which would be nonsense
    /// on them. `actual add` refuses such days; a file written before may hold some.
    public var impossible: [ValidationProblem] = []

    /// The check on `day`, by default today (docs/DOMAIN.md §12).
    public static func of(_ context: ReportContext, day asked: Day?) throws(GoalReportError) -> CheckReport {
        let workspace = context.workspace
        let day = asked ?? context.today
        let metrics = GoalMetric.allCases.filter { metric in workspace.goals.contains { $0.metric == metric } }
        let plans = try GoalReports.plans(workspace, metrics)
        let actual = workspace.actuals.first { $0.day == day }
        // Ad spend is a budget, not a target to beat: it has a table of its own.
        let lines = DailyCheck.lines(on: day, plans: plans.filter { $0.metric != .adspend }, actuals: workspace.actuals)
        var report = CheckReport(day: day, lines: lines, goalsCoverDay: plans.contains { $0.days[day] != nil }, recordedOnDay: actual != nil,
                                 health: actual.map(DailyCheck.health(of:)) ?? [], gaps: [], gapUnavailable: nil, adSpend: [])
        report.impossible = workspace.actuals.filter { $0.day.year == day.year && $0.day <= day }.flatMap(Validation.impossibilities(in:))
        if let gmv = plans.first(where: { $0.metric == .gmv }) {
            do {
                report.gaps = try gaps(on: day, gmv: gmv, workspace: workspace)
                report.adSpend = try adSpend(on: day, gmv: gmv, budget: plans.first { $0.metric == .adspend }, workspace: workspace)
            } catch {
                report.gapUnavailable = error.message
            }
        }
        return report
    }

    /// The scopes the check table shows: those whose period the GMV goals cover every day of.
    static func covers(_ plan: GoalPlan, _ period: Period) -> Bool { plan.value(of: period) != nil }

    /// Each scope's gap split, over the days with GMV, visitors and orders all recorded and a GMV goal.
    static func gaps(on day: Day, gmv plan: GoalPlan, workspace: Workspace) throws(Drivers.Failure) -> [CheckGap] {
        let byDay = Dictionary(workspace.actuals.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
        var result: [CheckGap] = []
        for (scope, period) in DailyCheck.scopes(of: day) where covers(plan, period) {
            var planned = (visitors: ExactDecimal.zero, orders: ExactDecimal.zero, gmv: ExactDecimal.zero)
            var actual = planned
            var days = 0
            var current = period.firstDay
            while current <= day {
                if let goal = plan.days[current], let record = byDay[current],
                   let gmv = record.values[.gmv], let visitors = record.values[.uv], let orders = record.values[.orders],
                   Validation.impossibilities(in: record).isEmpty {
                    let needs = try Drivers.needs(on: current, gmv: goal, settings: workspace.settings)
                    planned.visitors += needs.visitors
                    planned.orders += needs.orders
                    planned.gmv += goal
                    actual.visitors += visitors
                    actual.orders += orders
                    actual.gmv += gmv
                    days += 1
                }
                current = current.advanced(by: 1)
            }
            guard days > 0, let split = GapDecomposition(plan: planned, actual: actual) else { continue }
            result.append(CheckGap(scope: scope, period: period, days: days, planVisitors: planned.visitors, planOrders: planned.orders,
                                   actualVisitors: actual.visitors, actualOrders: actual.orders, split: split))
        }
        return result
    }

    /// Each scope's recorded ad spend against the ad-spend goal over the same days, or, without one,
    /// what the driver tree spends on the GMV goal of those days (paid clicks × CPC).
    static func adSpend(on day: Day, gmv plan: GoalPlan, budget: GoalPlan?, workspace: Workspace) throws(Drivers.Failure) -> [AdSpendLine] {
        let byDay = Dictionary(workspace.actuals.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
        var result: [AdSpendLine] = []
        for (scope, period) in DailyCheck.scopes(of: day) where covers(plan, period) {
            var planned = ExactDecimal.zero, actual = ExactDecimal.zero
            var days = 0
            var fromGoal = budget != nil
            var current = period.firstDay
            while current <= day {
                if let spent = byDay[current]?.values[.adspend] {
                    if let goal = budget?.days[current] {
                        planned += goal
                    } else if let goal = plan.days[current], let spend = try Drivers.needs(on: current, gmv: goal, settings: workspace.settings).adSpend {
                        planned += spend
                        fromGoal = false
                    } else {
                        current = current.advanced(by: 1)
                        continue
                    }
                    actual += spent
                    days += 1
                }
                current = current.advanced(by: 1)
            }
            guard days > 0 else { continue }
            result.append(AdSpendLine(scope: scope, period: period, days: days, budget: planned.rounded(), fromGoal: fromGoal, actual: actual))
        }
        return result
    }
}

/// One scope's GMV gap split into traffic, conversion and order value (docs/DOMAIN.md §4.7).
public struct CheckGap: Equatable, Sendable {
    public var scope: CheckLine.Scope
    public var period: Period
    /// Days with GMV, visitors and orders recorded that the split covers.
    public var days: Int
    /// The driver tree of the GMV goal of those days, exact.
    public var planVisitors: ExactDecimal
    public var planOrders: ExactDecimal
    public var actualVisitors: ExactDecimal
    public var actualOrders: ExactDecimal
    public var split: GapDecomposition

    public var planCVR: ExactDecimal? { planOrders.divided(by: planVisitors) }
    public var actualCVR: ExactDecimal? { actualOrders.divided(by: actualVisitors) }
    public var planAOV: ExactDecimal? { split.planGMV.divided(by: planOrders) }
    public var actualAOV: ExactDecimal? { split.actualGMV.divided(by: actualOrders) }

    /// The shown gap (actual − plan, each to the cent) and the three parts shown so that they add up
    /// to it exactly (largest remainder, docs/DOMAIN.md §7).
    public var shownParts: (gap: ExactDecimal, traffic: ExactDecimal, conversion: ExactDecimal, orderValue: ExactDecimal) {
        let gap = split.actualGMV.rounded() - split.planGMV.rounded()
        let parts = ExactAmount.apportion(gap, among: [split.traffic, split.conversion, split.orderValue].map(ExactAmount.init))
        return (gap, parts[0], parts[1], parts[2])
    }
}

/// One scope's ad spend: recorded against its budget over the days with ad spend recorded.
public struct AdSpendLine: Equatable, Sendable {
    public var scope: CheckLine.Scope
    public var period: Period
    public var days: Int
    /// The ad-spend goal over those days, or the driver tree's spend, to the cent.
    public var budget: ExactDecimal
    /// True when the budget is the ad-spend goal (every day of it), false when the driver tree's.
    public var fromGoal: Bool
    public var actual: ExactDecimal
    public var variance: ExactDecimal { actual - budget }
    public var overBudget: Bool { actual > budget }
}

extension CheckLine {
    /// The run-rate as shown: money to the cent, counts rounded up to whole units (what each
    /// remaining day needs); nil when no day remains.
    public var shownNeededPerDay: ExactDecimal? {
        neededPerDay.map { metric.isMoney ? $0.rounded() : $0.ceilingWhole() }
    }
}
