import ROPGDomain

/// `pnl|costs PERIOD vs=actual`: the plan set beside the recorded actuals, figure by figure
/// (docs/DOMAIN.md §8.6). Both sides come from the one ledger of each source (§7), over the same
/// days: the days with GMV recorded. A day with nothing recorded is missing, never zero: it is left
/// out of both sides and named, so a half-recorded month compares like with like.
public struct PlanActualReport: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var period: Period
        /// The row's days inside the asked period (a week clipped at its ends).
        public var shown: Period
        public var days: Int
        public var recordedDays: Int
        /// The plan's figures over the recorded days; nil when none is recorded.
        public var plan: PeriodFigures?
        /// The actuals' figures over the recorded days (sales-linked costs follow the actual sales).
        public var actual: PeriodFigures?
        /// Goals on profit, orders and ad spend over the recorded days, and the recorded orders and
        /// ad spend, where such goals cover every recorded day.
        public var goals: [GoalComparison]

        public var isMissing: Bool { recordedDays == 0 }
    }

    /// A goal compared with what was recorded (or, for profit, the actual P&L).
    public struct GoalComparison: Equatable, Sendable {
        public var metric: GoalMetric
        public var goal: ExactDecimal
        public var actual: ExactDecimal
        public var variance: ExactDecimal { actual - goal }
    }

    public var period: Period
    public var rows: [Row]
    public var total: Row
    /// The days of the period with nothing recorded.
    public var missingDays: [Day]

    /// `grain` nil: the period alone, as one row.
    public static func of(_ context: ReportContext, period: Period, grain: PeriodGrain?, view: CostView) throws(ReportError) -> PlanActualReport {
        let workspace = context.workspace
        let plan = try context.ledger(.plan, view)
        let actual = try context.ledger(.actual, view)
        let recorded = Set(workspace.actuals.filter { $0.values[.gmv] != nil }.map(\.day))
        let byDay = Dictionary(workspace.actuals.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
        var goalPlans: [GoalMetric: GoalPlan] = [:]
        for metric in [GoalMetric.profit, .orders, .adspend] where workspace.goals.contains(where: { $0.metric == metric }) {
            do { goalPlans[metric] = try GoalPlan(workspace, metric: metric) } catch { throw ReportError(error.message) }
        }

        func row(_ child: Period, shown: Period) throws(ReportError) -> Row {
            let days = recordedRuns(in: shown, recorded)
            let count = days.reduce(0) { $0 + $1.firstDay.distance(to: $1.lastDay) + 1 }
            var result = Row(period: child, shown: shown, days: shown.firstDay.distance(to: shown.lastDay) + 1, recordedDays: count,
                             plan: nil, actual: nil, goals: [])
            guard count > 0 else { return result }
            var planned = PeriodFigures(), recordedFigures = PeriodFigures()
            do {
                for run in days {
                    planned = planned + (try plan.figures(run))
                    recordedFigures = recordedFigures + (try actual.figures(run))
                }
            } catch { throw ReportError(error.message) }
            result.plan = planned
            result.actual = recordedFigures
            for metric in [GoalMetric.profit, .orders, .adspend] {
                guard let goals = goalPlans[metric] else { continue }
                var goal = ExactDecimal.zero, value = ExactDecimal.zero
                var covered = true
                for run in days {
                    guard let part = goals.value(of: run) else { covered = false; break }
                    goal += part
                    var day = run.firstDay
                    while day <= run.lastDay {
                        value += byDay[day]?.values[metric] ?? .zero
                        day = day.advanced(by: 1)
                    }
                }
                guard covered else { continue }
                if metric == .profit { value = recordedFigures.profit }
                result.goals.append(GoalComparison(metric: metric, goal: goal, actual: value))
            }
            return result
        }

        var rows: [Row] = []
        if let grain {
            let children: [Period]
            do { children = try PeriodRows.children(of: period, by: grain) } catch {
                throw ReportError("{period} by {grain} is about {rows} rows; show a shorter period or a larger by=", ["period": period.text, "grain": grain.name, "rows": String(error.estimate)])
            }
            for child in children { rows.append(try row(child, shown: child.clipped(to: period))) }
        }
        let total = try row(period, shown: period)
        var missing: [Day] = []
        var day = period.firstDay
        while day <= period.lastDay {
            if !recorded.contains(day) { missing.append(day) }
            day = day.advanced(by: 1)
        }
        return PlanActualReport(period: period, rows: rows, total: total, missingDays: missing)
    }

    /// The runs of consecutive recorded days inside `period`, each as a period (a day or a range).
    static func recordedRuns(in period: Period, _ recorded: Set<Day>) -> [Period] {
        var runs: [Period] = []
        var start: Day?
        var day = period.firstDay
        func close(_ last: Day) {
            guard let first = start else { return }
            runs.append(first == last ? .day(first) : .range(from: .day(first), to: .day(last)))
            start = nil
        }
        while day <= period.lastDay {
            if recorded.contains(day) {
                if start == nil { start = day }
            } else {
                close(day.advanced(by: -1))
            }
            day = day.advanced(by: 1)
        }
        close(period.lastDay)
        return runs
    }
}

/// `goal show PERIOD vs=actual`: each metric's goal against what was recorded, per row period,
/// over the days with that metric recorded (profit: the actual P&L over the days with GMV recorded).
public struct GoalActualReport: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        public var metric: GoalMetric
        public var days: Int
        public var recordedDays: Int
        /// nil when no day is recorded, or no goal covers every recorded day.
        public var goal: ExactDecimal?
        public var actual: ExactDecimal?
        public var variance: ExactDecimal? { goal.flatMap { goal in actual.map { $0 - goal } } }
    }

    public struct Row: Equatable, Sendable {
        public var period: Period
        public var shown: Period
        public var cells: [Cell]
    }

    public var period: Period
    public var metrics: [GoalMetric]
    public var rows: [Row]
    public var total: Row

    public static func of(_ context: ReportContext, period: Period, grain: PeriodGrain, metrics asked: [GoalMetric]?) throws(GoalReportError) -> GoalActualReport {
        let workspace = context.workspace
        let metrics: [GoalMetric]
        metrics = try GoalReports.metrics(asked, touching: period, workspace)
        var plans: [GoalMetric: GoalPlan] = [:]
        for metric in metrics {
            plans[metric] = try GoalReports.plan(workspace, metric)
        }
        let actualLedger: Ledger
        do { actualLedger = try context.ledger(.actual, .accrual) } catch { throw .report(error) }
        let byDay = Dictionary(workspace.actuals.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
        func row(_ child: Period, shown: Period) throws(GoalReportError) -> Row {
            var cells: [Cell] = []
            for metric in metrics {
                let recordedMetric: GoalMetric = metric == .profit ? .gmv : metric
                let recorded = Set(workspace.actuals.filter { $0.values[recordedMetric] != nil && shown.contains($0.day) }.map(\.day))
                let runs = PlanActualReport.recordedRuns(in: shown, recorded)
                var cell = Cell(metric: metric, days: shown.firstDay.distance(to: shown.lastDay) + 1, recordedDays: recorded.count, goal: nil, actual: nil)
                if !recorded.isEmpty {
                    var goal: ExactDecimal? = .zero
                    var actual = ExactDecimal.zero
                    for run in runs {
                        if let part = plans[metric]?.value(of: run), let sum = goal { goal = sum + part } else { goal = nil }
                        if metric == .profit {
                            do { actual += try actualLedger.figures(run).profit } catch { throw .failed(error.message) }
                        } else {
                            var day = run.firstDay
                            while day <= run.lastDay {
                                actual += byDay[day]?.values[metric] ?? .zero
                                day = day.advanced(by: 1)
                            }
                        }
                    }
                    cell.goal = goal
                    cell.actual = actual
                }
                cells.append(cell)
            }
            return Row(period: child, shown: shown, cells: cells)
        }
        let children: [Period]
        children = try GoalReports.rows(of: period, by: grain)
        var rows: [Row] = []
        for child in children { rows.append(try row(child, shown: child.clipped(to: period))) }
        return GoalActualReport(period: period, metrics: metrics, rows: rows, total: try row(period, shown: period))
    }
}
