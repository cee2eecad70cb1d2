/// The phases a hit product (爆款) goes through (DOMAIN §5): a test at a low level, a ramp up to
/// the peak, the peak, and a hold at a share of the peak.
public enum HitPhase: String, CaseIterable, Sendable {
    case test, ramp, peak, hold
}

/// What an owner decides about a push: when, how long each phase lasts, how many units a day,
/// what clicks cost and how much of the traffic is paid for, and the stock rules.
public struct HitPlanSpec: Equatable, Sendable {
    public var sku: String
    public var start: Day
    /// Days in each phase, in `HitPhase` order.
    public var phaseDays: [Int] = [7, 14, 30, 30]
    public var testUnits = ExactDecimal(10)
    public var peakUnits = ExactDecimal(100)
    /// The hold phase sells this share of the peak.
    public var holdLevel = ExactDecimal(mantissa: 7, places: 1)
    public var cpc: ExactDecimal
    /// The share of visitors bought as paid clicks, one per phase in `HitPhase` order.
    public var paidShares: [ExactDecimal]
    /// Store-wide AOV ÷ the hit's AOV: each yuan of the hit pulls in `related − 1` more (关联销售).
    public var related = ExactDecimal(mantissa: 13, places: 1)
    /// Days from reordering to the stock arriving.
    public var leadTime = 15
    /// Extra stock on top of the units the plan sells.
    public var safety = ExactDecimal(mantissa: 2, places: 1)

    public init(sku: String, start: Day, cpc: ExactDecimal, paidShares: [ExactDecimal]) {
        self.sku = sku
        self.start = start
        self.cpc = cpc
        self.paidShares = paidShares
    }

    public var totalDays: Int { phaseDays.reduce(0, +) }
    public var lastDay: Day { start.advanced(by: totalDays - 1) }
}

/// What the product and the shop bring to a plan: the product's price, unit contribution (after
/// fees and unit costs, before ads), conversion rate and stock, and the shop's units per order
/// and average contribution margin (what related sales earn).
public struct HitPlanInputs: Equatable, Sendable {
    public var price: ExactDecimal
    public var unitContribution: ExactDecimal
    public var cvr: ExactDecimal
    public var unitsPerOrder: ExactDecimal
    public var shopContributionMargin: ExactDecimal
    public var stock: Int?

    public init(price: ExactDecimal, unitContribution: ExactDecimal, cvr: ExactDecimal, unitsPerOrder: ExactDecimal,
                shopContributionMargin: ExactDecimal, stock: Int?) {
        self.price = price
        self.unitContribution = unitContribution
        self.cvr = cvr
        self.unitsPerOrder = unitsPerOrder
        self.shopContributionMargin = shopContributionMargin
        self.stock = stock
    }

    /// The most a click may cost before it loses money (DOMAIN §3, worked out in `UnitEconomics`).
    public var breakEvenCPC: ExactDecimal {
        UnitEconomics.breakEvenCPC(contribution: unitContribution, cvr: cvr, unitsPerOrder: unitsPerOrder)
    }
}

/// One day (or a sum of days) of a hit plan.
public struct HitFigures: Equatable, Sendable {
    public var units = ExactDecimal.zero
    public var orders = ExactDecimal.zero
    public var visitors = ExactDecimal.zero
    public var paidClicks = ExactDecimal.zero
    public var adSpend = ExactDecimal.zero
    public var revenue = ExactDecimal.zero
    public var relatedRevenue = ExactDecimal.zero
    /// Units × unit contribution + related revenue × the shop's contribution margin − ad spend.
    public var contribution = ExactDecimal.zero

    public init() {}

    public static func + (a: HitFigures, b: HitFigures) -> HitFigures {
        var sum = a
        sum.units += b.units
        sum.orders += b.orders
        sum.visitors += b.visitors
        sum.paidClicks += b.paidClicks
        sum.adSpend += b.adSpend
        sum.revenue += b.revenue
        sum.relatedRevenue += b.relatedRevenue
        sum.contribution += b.contribution
        return sum
    }
}

/// A hit plan worked out day by day (DOMAIN §5).
public struct HitPlan: Equatable, Sendable {
    public struct PlanDay: Equatable, Sendable {
        public var day: Day
        public var phase: HitPhase
        public var figures: HitFigures
        /// Contribution after ads from the first day to this one.
        public var cumulative: ExactDecimal
    }

    public struct Failure: Error, Equatable, Sendable { public var message: KeyedMessage }

    public let spec: HitPlanSpec
    public let inputs: HitPlanInputs
    public let days: [PlanDay]
    public let total: HitFigures

    public init(_ spec: HitPlanSpec, inputs: HitPlanInputs) throws(Failure) {
        guard spec.phaseDays.count == 4, spec.phaseDays.allSatisfy({ $0 >= 0 }), spec.totalDays > 0 else {
            throw Failure(message: "a plan needs at least one day")
        }
        guard spec.paidShares.count == 4 else { throw Failure(message: "paid-share needs one value, or one for each of the 4 phases") }
        guard !inputs.cvr.isZero else { throw Failure(message: "the conversion rate is 0%, so no visitors ever buy") }
        self.spec = spec
        self.inputs = inputs
        var days: [PlanDay] = []
        days.reserveCapacity(spec.totalDays)
        var total = HitFigures()
        var cumulative = ExactDecimal.zero
        var day = spec.start
        for (phaseIndex, phase) in HitPhase.allCases.enumerated() {
            let length = spec.phaseDays[phaseIndex]
            for position in 0..<length {
                let units = Self.units(on: position, of: length, in: phase, spec)
                var figures = HitFigures()
                figures.units = units
                figures.orders = units.divided(by: inputs.unitsPerOrder) ?? .zero
                figures.visitors = (figures.orders.divided(by: inputs.cvr) ?? .zero).ceilingWhole()
                figures.paidClicks = (figures.visitors * spec.paidShares[phaseIndex]).rounded(places: 0)
                figures.adSpend = figures.paidClicks * spec.cpc
                figures.revenue = units * inputs.price
                figures.relatedRevenue = figures.revenue * (spec.related - .one)
                figures.contribution = units * inputs.unitContribution + figures.relatedRevenue * inputs.shopContributionMargin
                    - figures.adSpend
                cumulative += figures.contribution
                total = total + figures
                days.append(PlanDay(day: day, phase: phase, figures: figures, cumulative: cumulative))
                day = day.advanced(by: 1)
            }
        }
        self.days = days
        self.total = total
    }

    /// Units on day `position` (from 0) of a phase `length` days long: flat in the test, a
    /// straight line from the test level to the peak over the ramp (its last day at the peak),
    /// flat at the peak, then the hold level × the peak. Whole units, rounded half up.
    static func units(on position: Int, of length: Int, in phase: HitPhase, _ spec: HitPlanSpec) -> ExactDecimal {
        switch phase {
        case .test: return spec.testUnits.rounded(places: 0)
        case .ramp: return (spec.testUnits + ((spec.peakUnits - spec.testUnits) * (position + 1)).divided(by: length)).rounded(places: 0)
        case .peak: return spec.peakUnits.rounded(places: 0)
        case .hold: return (spec.peakUnits * spec.holdLevel).rounded(places: 0)
        }
    }

    /// Contribution after ads ÷ ad spend; nil without ad spend.
    public var roi: ExactDecimal? { total.contribution.divided(by: total.adSpend) }

    /// The first day the cumulative contribution is back at or above zero after being below it;
    /// the first day when it is never below; nil when it is still below at the end.
    public var paybackDay: Day? {
        guard let firstLoss = days.firstIndex(where: { $0.cumulative.isNegative }) else { return days.first?.day }
        return days[firstLoss...].first { !$0.cumulative.isNegative }?.day
    }

    /// The biggest day's ad spend.
    public var peakDailyAdSpend: ExactDecimal { days.map(\.figures.adSpend).max() ?? .zero }

    /// The units the plan sells with the safety margin on top, rounded up.
    public var stockNeeded: ExactDecimal { (total.units * (.one + spec.safety)).ceilingWhole() }

    /// The day the stock on hand runs out (the first day the plan sells more than is left);
    /// nil when it lasts, or when the stock is not known.
    public var stockOutDay: Day? {
        guard let stock = inputs.stock else { return nil }
        var sold = ExactDecimal.zero
        let onHand = ExactDecimal(stock)
        for day in days {
            sold += day.figures.units
            if sold > onHand { return day.day }
        }
        return nil
    }

    /// The latest day to reorder so the stock arrives before it runs out: stock-out − lead time.
    public var reorderDay: Day? { stockOutDay?.advanced(by: -spec.leadTime) }

    /// The days of one phase.
    public func days(in phase: HitPhase) -> ArraySlice<PlanDay> {
        let first = spec.phaseDays[..<(HitPhase.allCases.firstIndex(of: phase) ?? 0)].reduce(0, +)
        let length = spec.phaseDays[HitPhase.allCases.firstIndex(of: phase) ?? 0]
        return days[first..<(first + length)]
    }

    /// The plan's figures on the days of `range` it covers.
    public func figures(in range: ClosedRange<Day>) -> HitFigures {
        days.reduce(HitFigures()) { range.contains($1.day) ? $0 + $1.figures : $0 }
    }
}

/// A hit plan kept in the workspace under a name.
public struct SavedHitPlan: Equatable, Sendable {
    public var name: String
    public var spec: HitPlanSpec

    public init(name: String, spec: HitPlanSpec) {
        self.name = name
        self.spec = spec
    }
}

extension HitPlanSpec {
    /// Every setting as `hit plan` takes it, e.g. "TS-001 start=2026-10-01 test=7 … safety=20%":
    /// how a saved plan is written in the workspace file, and shown.
    public var text: String {
        let shares: [ExactDecimal] = paidShares.allSatisfy({ $0 == paidShares.first }) ? [paidShares[0]] : paidShares
        var words: [String] = [sku, "start=" + start.isoText]
        for (phase, days) in zip(HitPhase.allCases, phaseDays) { words.append(phase.rawValue + "=" + String(days)) }
        words.append("test-units=" + testUnits.description + "/day")
        words.append("peak-units=" + peakUnits.description + "/day")
        words.append("hold-level=" + holdLevel.exactPercentText)
        words.append("cpc=" + cpc.description)
        words.append("paid-share=" + shares.map(\.exactPercentText).joined(separator: ","))
        words.append("related=" + related.description)
        words.append("lead-time=" + String(leadTime))
        words.append("safety=" + safety.exactPercentText)
        return words.joined(separator: " ")
    }
}
