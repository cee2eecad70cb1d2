import ROPGDomain

/// What a row of a hit plan's table covers: a day, an ISO week or a phase.
public enum HitPlanGrain: String, CaseIterable, Sendable {
    case day, week, phase
}

/// A hit plan as `hit plan` and `hit show` show it (docs/DOMAIN.md §5.3): its days grouped by
/// day, ISO week or phase, and its summary — totals, ROI, the payback day, the peak daily ad
/// budget, cpc against the break-even CPC, the stock needed against the stock on hand, the
/// stock-out and reorder days — and the warnings, as facts with their figures.
public struct HitPlanReport: Equatable, Sendable {
    /// The days a row covers.
    public enum Key: Hashable, Sendable {
        case day(Day)
        case week(Period)
        case phase(HitPhase)
    }

    public struct Row: Equatable, Sendable {
        public var key: Key
        /// The phases its days are in, in order: one, or more where a week spans a change.
        public var phases: [HitPhase]
        /// Its figures as shown: units, visitors and paid clicks are whole; orders and money are
        /// rounded to cents so that the rows add up exactly to the totals shown.
        public var figures: HitFigures
        /// The contribution after ads shown, from the first row to this one.
        public var cumulative: ExactDecimal
    }

    /// How the stock on hand fares against the plan.
    public enum Stock: Equatable, Sendable {
        /// The product's stock is not set.
        case unknown
        case lasts
        /// It lasts the plan, but is below the stock needed with the safety margin.
        case lastsWithoutSafety
        /// It runs out on `day`, inside the plan; reorder by `reorderBy` (that day − lead time).
        case runsOut(day: Day, reorderBy: Day)
    }

    /// What the owner should know before the push, in the order the summary gives them.
    public enum Warning: Equatable, Sendable {
        /// Paid clicks cost more than a visitor is worth: more than the break-even CPC shown.
        case cpcAboveBreakEven(cpc: ExactDecimal, breakEven: ExactDecimal)
        /// The stock on hand runs out inside the plan; `beforeStart` when the reorder day has
        /// already passed by the plan's first day.
        case stockRunsOut(day: Day, reorderBy: Day, beforeStart: Bool)
        /// The plan alone spends more on ads in a goal's period than its adspend goal.
        case adSpendAboveGoal(period: Period, spend: ExactDecimal, goal: ExactDecimal)
    }

    /// The day with the biggest ad spend (the first such day).
    public struct PeakDay: Equatable, Sendable {
        public var day: Day
        public var adSpend: ExactDecimal
    }

    /// The plan worked out day by day, with its settings and inputs (unit contribution, CVR,
    /// units per order, the shop's contribution margin, the stock).
    public let plan: HitPlan
    public let grain: HitPlanGrain
    public let rows: [Row]
    /// The totals as shown: orders and money are the exact totals rounded to cents, which is
    /// what the rows add up to.
    public let total: HitFigures
    /// Contribution after ads ÷ ad spend; nil without ad spend.
    public let roi: ExactDecimal?
    /// The day the running contribution is back at or above zero; nil when it never is.
    public let paybackDay: Day?
    public let peak: PeakDay?
    /// The most a paid click may cost: what a visitor is worth (`UnitEconomics`).
    public let breakEvenCPC: ExactDecimal
    /// Units × (1 + safety), rounded up.
    public let stockNeeded: ExactDecimal
    public let stock: Stock
    public let warnings: [Warning]

    /// The days of the plan.
    public var dayCount: Int { plan.days.count }
    /// The payback day counted from the plan's first day as day 1.
    public var paybackDayNumber: Int? { paybackDay.map { plan.spec.start.distance(to: $0) + 1 } }

    /// The plan `spec` describes, worked out on the context's workspace and shown by `grain`.
    public static func of(_ spec: HitPlanSpec, by grain: HitPlanGrain, in context: ReportContext) throws(ReportError) -> HitPlanReport {
        HitPlanReport(try HitPlan.of(spec, context.workspace, index: context.costIndex()), by: grain, goals: context.workspace.goals)
    }

    /// A plan already worked out, shown by `grain`; the adspend `goals` it is checked against.
    public init(_ plan: HitPlan, by grain: HitPlanGrain, goals: [Goal]) {
        self.plan = plan
        self.grain = grain
        rows = Self.rows(plan, by: grain)
        // The rows' rounded parts add up to the rounded totals (`Allocation.roundedParts`).
        var total = plan.total
        total.orders = total.orders.rounded()
        total.adSpend = total.adSpend.rounded()
        total.revenue = total.revenue.rounded()
        total.relatedRevenue = total.relatedRevenue.rounded()
        total.contribution = total.contribution.rounded()
        self.total = total
        roi = plan.roi
        paybackDay = plan.paybackDay
        peak = plan.days.max(by: { $0.figures.adSpend < $1.figures.adSpend }).map { PeakDay(day: $0.day, adSpend: $0.figures.adSpend) }
        breakEvenCPC = plan.inputs.breakEvenCPC
        stockNeeded = plan.stockNeeded
        let spec = plan.spec
        var warnings: [Warning] = []
        if spec.cpc > breakEvenCPC.rounded() {
            warnings.append(.cpcAboveBreakEven(cpc: spec.cpc, breakEven: breakEvenCPC))
        }
        if let stockOut = plan.stockOutDay, let reorder = plan.reorderDay {
            stock = .runsOut(day: stockOut, reorderBy: reorder)
            warnings.append(.stockRunsOut(day: stockOut, reorderBy: reorder, beforeStart: reorder < spec.start))
        } else if let onHand = plan.inputs.stock {
            stock = ExactDecimal(onHand) < stockNeeded ? .lastsWithoutSafety : .lasts
        } else {
            stock = .unknown
        }
        for goal in goals where goal.metric == .adspend {
            // The days the goal and the plan share; a goal outside the plan shares none (checked
            // before the range is formed: a range whose end is before its start traps).
            let first = max(goal.period.firstDay, spec.start), last = min(goal.period.lastDay, spec.lastDay)
            guard first <= last else { continue }
            let spend = plan.figures(in: first...last).adSpend
            if spend > goal.value { warnings.append(.adSpendAboveGoal(period: goal.period, spend: spend, goal: goal.value)) }
        }
        self.warnings = warnings
    }

    /// The plan's days grouped by `grain`, with orders and money rounded so that the rows add up
    /// exactly to the rounded totals.
    static func rows(_ plan: HitPlan, by grain: HitPlanGrain) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(grain == .day ? plan.days.count : 0)
        for day in plan.days {
            let key: Key = switch grain {
            case .day: .day(day.day)
            case .week: .week(Period.isoWeek(of: day.day))
            case .phase: .phase(day.phase)
            }
            let last = rows.count - 1
            if grain != .day, last >= 0, rows[last].key == key {
                rows[last].figures = rows[last].figures + day.figures
                if rows[last].phases.last != day.phase { rows[last].phases.append(day.phase) }
            } else {
                rows.append(Row(key: key, phases: [day.phase], figures: day.figures, cumulative: .zero))
            }
        }
        let orders = Allocation.roundedParts(rows.map(\.figures.orders))
        let adSpend = Allocation.roundedParts(rows.map(\.figures.adSpend))
        let revenue = Allocation.roundedParts(rows.map(\.figures.revenue))
        let related = Allocation.roundedParts(rows.map(\.figures.relatedRevenue))
        let contribution = Allocation.roundedParts(rows.map(\.figures.contribution))
        var cumulative = ExactDecimal.zero
        for position in rows.indices {
            rows[position].figures.orders = orders[position]
            rows[position].figures.adSpend = adSpend[position]
            rows[position].figures.revenue = revenue[position]
            rows[position].figures.relatedRevenue = related[position]
            rows[position].figures.contribution = contribution[position]
            cumulative += contribution[position]
            rows[position].cumulative = cumulative
        }
        return rows
    }
}
