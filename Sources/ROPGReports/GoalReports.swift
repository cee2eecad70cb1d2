import ROPGDomain

/// Why a goal report (`goal show`, `goal tree`, `goal drivers`, `check`) could not be worked out.
/// The cases that carry figures or periods are typed; the shell phrases them.
public enum GoalReportError: Error, Equatable, Sendable {
    /// The rows asked for are too many for a table.
    case tooManyRows(PeriodRows.TooMany)
    /// No goal of any metric touches the period, and no metrics were asked for.
    case noGoals(touching: Period)
    /// Some day of the period has no GMV goal (the driver tree starts from GMV).
    case noGMVGoal(covering: Period)
    /// No day was asked for and no actuals are recorded to take the last of.
    case noActuals
    /// A goal plan, the driver tree or the sales model could not be worked out: their own words.
    case failed(KeyedMessage)
    /// A report it needs could not be worked out.
    case report(ReportError)
}

/// The goal reports' shared steps.
enum GoalReports {
    /// One metric's goals spread to days.
    static func plan(_ workspace: Workspace, _ metric: GoalMetric) throws(GoalReportError) -> GoalPlan {
        do { return try GoalPlan(workspace, metric: metric) } catch { throw .failed(error.message) }
    }

    static func plans(_ workspace: Workspace, _ metrics: [GoalMetric]) throws(GoalReportError) -> [GoalPlan] {
        var plans: [GoalPlan] = []
        for metric in metrics { plans.append(try plan(workspace, metric)) }
        return plans
    }

    static func rows(of period: Period, by grain: PeriodGrain) throws(GoalReportError) -> [Period] {
        do { return try PeriodRows.children(of: period, by: grain) } catch { throw .tooManyRows(error) }
    }

    /// The metrics asked for, or by default every metric with a goal touching the period.
    static func metrics(_ asked: [GoalMetric]?, touching period: Period, _ workspace: Workspace) throws(GoalReportError) -> [GoalMetric] {
        if let asked { return asked }
        let found = GoalMetric.allCases.filter { metric in
            workspace.goals.contains { $0.metric == metric && $0.period.firstDay <= period.lastDay && period.firstDay <= $0.period.lastDay }
        }
        guard !found.isEmpty else { throw .noGoals(touching: period) }
        return found
    }
}

// MARK: - goal show

/// `goal show PERIOD by=GRAIN`: the goals of a period spread over its children, which are
/// pinned, and how much of the GMV goal the saved hit plans bring (docs/DOMAIN.md §4, §9.5).
public struct GoalShowReport: Equatable, Sendable {
    /// One child of the period (or the period itself, for the total).
    public struct Row: Equatable, Sendable {
        /// The child as named (a whole ISO week)…
        public var period: Period
        /// …and the days of it inside the report's period, which its figures cover.
        public var shown: Period
        /// One value per metric, in the report's `metrics` order; nil when some day has no goal.
        public var values: [ExactDecimal?]
        /// The metrics with a goal set by hand on `period` (pinned), in `metrics` order.
        public var pinned: [GoalMetric]
        /// The saved hit plans' part of the GMV goal; nil without a GMV column or saved hit plans.
        public var hits: HitCoverage?

        public var isClipped: Bool { shown != period }
    }

    /// How the GMV goal of a period splits between the saved hit plans and the rest of the shop
    /// (docs/DOMAIN.md §9.5): goal = inside + rest, hits = inside + beyond.
    public struct HitCoverage: Equatable, Sendable {
        /// The hit plans' revenue inside the goal: Σ min(G_d, H_d) (the `hit plans` column).
        public var inside: ExactDecimal
        /// inside ÷ the GMV goal; nil without a goal or with a zero goal.
        public var coverage: ExactDecimal?
        /// What the rest of the shop must bring: the GMV goal − inside (0 when no goal covers the period).
        public var rest: ExactDecimal
        /// How far the hit plans go past the goal: Σ max(H_d − G_d, 0).
        public var beyond: ExactDecimal
    }

    public var period: Period
    public var grain: PeriodGrain
    public var metrics: [GoalMetric]
    public var rows: [Row]
    /// The period itself.
    public var total: Row
    /// The names of the saved hit plans counted in `hits`; empty when there is no coverage.
    public var hitPlans: [String]
    /// The period's own split rule, if it has one.
    public var split: GoalSplit?

    /// Some day of the period has hit plans beyond the goal.
    public var anyBeyond: Bool { !(total.hits?.beyond.isZero ?? true) }
    /// Some row is a week running past the period, shown by its days inside.
    public var anyClipped: Bool { rows.contains(where: \.isClipped) }
    /// Some metric has no goal on every day of the period.
    public var anyBlank: Bool { total.values.contains(nil) }

    /// A row's value of a metric (nil when the metric is not a column or has no goal there).
    public func value(_ metric: GoalMetric, in row: Row) -> ExactDecimal? {
        metrics.firstIndex(of: metric).flatMap { row.values[$0] }
    }

    /// The report for `period` by `grain`, for `metrics` (nil: every metric with a goal touching
    /// the period). The hit coverage comes from the plan's sales model, the one pnl uses.
    public static func of(_ context: ReportContext, period: Period, grain: PeriodGrain,
                          metrics asked: [GoalMetric]?) throws(GoalReportError) -> GoalShowReport {
        let workspace = context.workspace
        let metrics = try GoalReports.metrics(asked, touching: period, workspace)
        let plans = try GoalReports.plans(workspace, metrics)
        let children = try GoalReports.rows(of: period, by: grain)
        func row(_ child: Period) -> Row {
            let shown = child.clipped(to: period)
            return Row(period: child, shown: shown, values: plans.map { $0.value(of: shown) },
                       pinned: plans.filter { $0.isPinned(child) }.map(\.metric), hits: nil)
        }
        var rows = children.map(row)
        var total = row(period)
        var names: [String] = []
        if let gmv = plans.first(where: { $0.metric == .gmv }), !workspace.hitPlans.isEmpty {
            let model: SalesModel
            do { model = try context.salesModel(.plan) } catch { throw .report(error) }
            func coverage(_ part: Period) -> HitCoverage {
                let sales = model.sales(in: part.firstDay...part.lastDay, perProduct: false)
                let inside = sales.hitRevenue - sales.goalExceededBy
                let goal = gmv.value(of: part)
                return HitCoverage(inside: inside, coverage: goal.flatMap { $0.isZero ? nil : inside.divided(by: $0) },
                                   rest: goal.map { $0 - inside } ?? .zero, beyond: sales.goalExceededBy)
            }
            for index in rows.indices { rows[index].hits = coverage(rows[index].shown) }
            total.hits = coverage(period)
            names = workspace.hitPlans.map(\.name)
        }
        return GoalShowReport(period: period, grain: grain, metrics: metrics, rows: rows, total: total,
                              hitPlans: names, split: workspace.split(of: period))
    }
}

// MARK: - goal tree

/// `goal tree PERIOD`: the period and its descendants down to days (a year to quarters, months;
/// a month or week to days), each with its value per metric, its pins and its split rule.
public struct GoalTreeReport: Equatable, Sendable {
    public struct Node: Equatable, Sendable {
        public var period: Period
        /// For each level from the first below the root down to this node: whether the node on
        /// that level is the last of its siblings (empty for the root). The shell draws the
        /// branches from it.
        public var lineage: [Bool]
        /// One value per metric, in the report's `metrics` order; nil when some day has no goal.
        public var values: [ExactDecimal?]
        /// The metrics with a goal set by hand on this period.
        public var pinned: [GoalMetric]
        /// The period's split rule, if it has one.
        public var split: GoalSplit?

        public var depth: Int { lineage.count }
    }

    public var period: Period
    public var metrics: [GoalMetric]
    /// The root first, then each node followed by its children (depth first).
    public var nodes: [Node]

    /// The tree of `period` for `metrics` (nil: every metric with a goal touching the period).
    public static func of(_ context: ReportContext, period: Period, metrics asked: [GoalMetric]?) throws(GoalReportError) -> GoalTreeReport {
        let workspace = context.workspace
        let metrics = try GoalReports.metrics(asked, touching: period, workspace)
        let plans = try GoalReports.plans(workspace, metrics)
        var nodes: [Node] = []
        func add(_ node: Period, lineage: [Bool]) {
            nodes.append(Node(period: node, lineage: lineage, values: plans.map { $0.value(of: node) },
                              pinned: plans.filter { $0.isPinned(node) }.map(\.metric), split: workspace.split(of: node)))
            let childGrain: PeriodGrain? = switch node.grain {
            case .year: .quarter
            case .quarter: .month
            case .month, .week: .day
            default: nil
            }
            // A month below the root stops there: its days would bury the tree.
            guard let childGrain, node.grain != .month || lineage.isEmpty else { return }
            let children = Period.children(of: node, grain: childGrain)
            for (index, child) in children.enumerated() { add(child, lineage: lineage + [index == children.count - 1]) }
        }
        add(period, lineage: [])
        return GoalTreeReport(period: period, metrics: metrics, nodes: nodes)
    }
}
