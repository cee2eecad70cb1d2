import ROPGDomain

/// `check [DAY]`: the morning check (达标, docs/DOMAIN.md §4.6 and §6) — each metric's actuals
/// against its goals for the day, month, quarter and year to date, and the day's health figures.
public struct CheckReport: Equatable, Sendable {
    public var day: Day
    /// Achievement, gap and run-rate per metric with goals and actuals, per scope.
    public var lines: [CheckLine]
    /// Some goal covers the day.
    public var goalsCoverDay: Bool
    /// Actuals are recorded for the day itself (else it counts as 0).
    public var recordedOnDay: Bool
    /// The day's recorded health figures against the thresholds.
    public var health: [HealthLine]

    /// The check on `day`, by default the last day with actuals (`.noActuals` when there is none).
    public static func of(_ context: ReportContext, day asked: Day?) throws(GoalReportError) -> CheckReport {
        let workspace = context.workspace
        let day: Day
        if let asked {
            day = asked
        } else {
            guard let last = workspace.actuals.last?.day else { throw .noActuals }
            day = last
        }
        let metrics = GoalMetric.allCases.filter { metric in workspace.goals.contains { $0.metric == metric } }
        let plans = try GoalReports.plans(workspace, metrics)
        let actual = workspace.actuals.first { $0.day == day }
        return CheckReport(day: day, lines: DailyCheck.lines(on: day, plans: plans, actuals: workspace.actuals),
                           goalsCoverDay: plans.contains { $0.days[day] != nil }, recordedOnDay: actual != nil,
                           health: actual.map(DailyCheck.health(of:)) ?? [])
    }
}

extension CheckLine {
    /// The run-rate as shown: money to the cent, counts rounded up to whole units (what each
    /// remaining day needs); nil when no day remains.
    public var shownNeededPerDay: ExactDecimal? {
        neededPerDay.map { metric.isMoney ? $0.rounded() : $0.ceilingWhole() }
    }
}
