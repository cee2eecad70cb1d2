/// What a GMV goal needs (DOMAIN §4 driver tree): GMV = visitors × CVR × AOV; orders = visitors ×
/// CVR; units = GMV × the product mix's units per yuan (docs/DOMAIN.md §8.4), or orders × units per
/// order in a shop with no products; paid visitors from the paid share (or one paid visitor
/// per 1 + natural-per-paid visitors); ad spend = paid clicks × CPC. Counts are rounded up.
public struct DriverFigures: Equatable, Sendable {
    public var gmv: ExactDecimal
    public var visitors: ExactDecimal
    public var orders: ExactDecimal
    public var units: ExactDecimal
    public var paidClicks: ExactDecimal
    /// nil when no CPC is set.
    public var adSpend: ExactDecimal?
    /// True when the assumptions change inside the period (overrides), so that figures were
    /// summed day by day.
    public var assumptionsVary: Bool
}

/// A goal on `uv`, `orders`, `units` or `adspend` that does not fit what the GMV goal of the same
/// period needs (DOMAIN §4.2): more than 1% away.
public struct DriverContradiction: Equatable, Sendable {
    public var period: Period
    public var metric: GoalMetric
    /// The goal set on the metric.
    public var goal: ExactDecimal
    /// What the GMV goal needs of the metric, as the driver tree shows it.
    public var needed: ExactDecimal
    /// How far the goal is from the need: (goal − needed) ÷ needed.
    public var relative: ExactDecimal { (goal - needed).divided(by: needed) ?? .zero }

    public init(period: Period, metric: GoalMetric, goal: ExactDecimal, needed: ExactDecimal) {
        self.period = period
        self.metric = metric
        self.goal = goal
        self.needed = needed
    }
}

public enum Drivers {
    public struct Failure: Error, Equatable, Sendable {
        public var message: KeyedMessage
    }

    /// What one day's GMV needs, exactly (nothing rounded): the driver tree of DOMAIN §4.2 with
    /// the day's assumptions. `cpc` is nil when no CPC is set for the day.
    public struct DayNeeds: Equatable, Sendable {
        public var gmv: ExactDecimal
        public var visitors: ExactDecimal
        public var orders: ExactDecimal
        public var units: ExactDecimal
        public var paidClicks: ExactDecimal
        public var cpc: ExactDecimal?
        /// paid clicks × cpc, exact; nil without a CPC.
        public var adSpend: ExactDecimal? { cpc.map { paidClicks * $0 } }
    }

    /// The driver tree of one day's GMV `gmv` with the assumptions of `day`; `seen` is called with
    /// each assumption's value as it is read (to tell whether they vary over a period).
    /// `unitsPerGMV` is the product mix's units per yuan: where the shop has products, units come
    /// from the mix (§8.4), so the tree counts the units the ledger's goods and per-unit costs follow.
    public static func needs(on day: Day, gmv: ExactDecimal, settings: Settings, unitsPerGMV: ExactDecimal? = nil,
                             seen: (Assumption, ExactDecimal?) -> Void = { _, _ in }) throws(Failure) -> DayNeeds {
        func value(_ assumption: Assumption) -> ExactDecimal? {
            let value = settings.value(assumption, on: day)
            seen(assumption, value)
            return value
        }
        guard let aov = value(.aov), let cvr = value(.cvr) else {
            throw Failure(message: KeyedMessage("the driver tree needs aov= and cvr= (for {day}); set them with set aov=120 cvr=3%", ["day": day.isoText]))
        }
        guard aov > .zero, cvr > .zero else {
            throw Failure(message: KeyedMessage("aov and cvr must be above 0 (on {day} they are {aov} and {cvr})", ["day": day.isoText, "aov": "\(aov)", "cvr": cvr.exactPercentText]))
        }
        let orders = gmv.divided(by: aov) ?? .zero
        let visitors = orders.divided(by: cvr) ?? .zero
        let paid: ExactDecimal
        if let share = value(.paidShare) {
            paid = visitors * share
        } else {
            paid = visitors.divided(by: .one + (value(.naturalPerPaid) ?? .one)) ?? .zero
        }
        return DayNeeds(gmv: gmv, visitors: visitors, orders: orders, units: unitsPerGMV.map { gmv * $0 } ?? orders * (value(.unitsPerOrder) ?? .one),
                        paidClicks: paid, cpc: value(.cpc))
    }

    /// The figures the GMV goals of `period` need, worked out day by day with the assumptions of
    /// each day and rounded once for the period; nil when some day of the period has no GMV goal.
    public static func figures(for period: Period, gmv plan: GoalPlan, settings: Settings,
                               unitsPerGMV: ExactDecimal? = nil) throws(Failure) -> DriverFigures? {
        var gmv = ExactDecimal.zero, visitors = ExactDecimal.zero, orders = ExactDecimal.zero
        var units = ExactDecimal.zero, paid = ExactDecimal.zero, spend = ExactDecimal.zero
        var cpcs = Set<ExactDecimal>()
        var missingCPC = false
        var first: [Assumption: ExactDecimal?] = [:]
        var varies = false
        var day = period.firstDay
        while day <= period.lastDay {
            guard let dayGMV = plan.days[day] else { return nil }
            let needs = try Drivers.needs(on: day, gmv: dayGMV, settings: settings, unitsPerGMV: unitsPerGMV) { assumption, value in
                if let seen = first[assumption] { if seen != value { varies = true } } else { first[assumption] = value }
            }
            gmv += needs.gmv
            orders += needs.orders
            visitors += needs.visitors
            units += needs.units
            paid += needs.paidClicks
            if let cpc = needs.cpc, let daySpend = needs.adSpend {
                cpcs.insert(cpc)
                spend += daySpend
            } else {
                missingCPC = true
            }
            day = day.advanced(by: 1)
        }
        let paidClicks = paid.ceilingWhole()
        var adSpend: ExactDecimal?
        if !missingCPC {
            // One CPC over the period: spend is exactly the paid clicks shown times it.
            adSpend = cpcs.count == 1 ? (paidClicks * (cpcs.first ?? .zero)).rounded() : spend.rounded()
        }
        return DriverFigures(gmv: gmv, visitors: visitors.ceilingWhole(), orders: orders.ceilingWhole(),
                             units: units.ceilingWhole(), paidClicks: paidClicks, adSpend: adSpend, assumptionsVary: varies)
    }

    /// Goals on other metrics that disagree by more than 1% with what the GMV goal of the same
    /// period needs under the assumptions.
    public static func contradictions(in period: Period, figures: DriverFigures, goals: [Goal]) -> [DriverContradiction] {
        var found: [DriverContradiction] = []
        for goal in goals where goal.period == period {
            let derived: ExactDecimal?
            switch goal.metric {
            case .uv: derived = figures.visitors
            case .orders: derived = figures.orders
            case .units: derived = figures.units
            case .adspend: derived = figures.adSpend
            case .gmv, .profit: derived = nil
            }
            guard let derived, !derived.isZero else { continue }
            let contradiction = DriverContradiction(period: period, metric: goal.metric, goal: goal.value, needed: derived)
            if contradiction.relative.magnitude > ExactDecimal(mantissa: 1, places: 2) { found.append(contradiction) }
        }
        return found
    }
}
