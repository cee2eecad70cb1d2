import ROPGDomain

/// `ladder`: a product at a ladder of prices, each step's contribution, margin, break-even units
/// (over a period's fixed costs, that product alone) and break-even CPC.
public struct LadderReport: Sendable {
    /// The prices of a ladder: from `from` to `to`, both included, in steps of `step`.
    public struct Steps: Equatable, Sendable {
        public static let maximumRows = 500
        public let from: ExactDecimal
        public let to: ExactDecimal
        public let step: ExactDecimal
        /// How many prices: ⌊(to − from) ÷ step⌋ + 1.
        public let count: Int

        /// Refused unless the prices are above 0, from the lower to the higher, the step above 0,
        /// and there are at most `maximumRows` of them.
        public init(from: ExactDecimal, to: ExactDecimal, step: ExactDecimal) throws(ReportError) {
            guard from > .zero, to >= from else {
                throw ReportError("from={from} to={to}: give prices above 0, from the lower to the higher", ["from": from.formatted(), "to": to.formatted()])
            }
            guard step > .zero else { throw ReportError("step={step}: the step must be above 0", ["step": step.formatted()]) }
            // The count of steps can be far beyond an Int (a 10⁻¹² step over millions): compared
            // as a decimal first, so that no count is formed that cannot be held.
            let steps = ((to - from).divided(by: step) ?? .zero).floorWhole()
            guard steps < ExactDecimal(Self.maximumRows), let whole = steps.exactInt else {
                let rows = steps.isSaturated ? "more than 10²⁶" : (steps + .one).countText
                // As typed when cents would hide it (a step of 10⁻¹²), else as money is shown.
                func shown(_ value: ExactDecimal) -> String { value.rounded() == value ? value.formatted() : value.plainText(minimumPlaces: 2) }
                throw ReportError("from={from} to={to} step={step} makes {rows} rows; at most {most}: take a larger step",
                                  ["from": shown(from), "to": shown(to), "step": shown(step), "rows": rows, "most": "\(Self.maximumRows)"])
            }
            let count = whole + 1
            self.from = from
            self.to = to
            self.step = step
            self.count = count
        }

        public var prices: [ExactDecimal] { (0..<count).map { from + step * $0 } }
    }

    public struct Row: Equatable, Sendable {
        public var economics: UnitEconomics
        /// F ÷ (u − ads per unit) at this price, rounded up; nil when a unit earns nothing after ads.
        public var breakEvenUnits: ExactDecimal?
        /// What a click may cost at the day's CVR; nil without one.
        public var breakEvenCPC: ExactDecimal?
        /// Whether this is the price now.
        public var isNow: Bool

        public var price: ExactDecimal { economics.price }
    }

    /// The product's position in the workspace.
    public let product: Int
    public let period: Period
    /// The rates of the day the economics are worked out for (the period's first day unless asked).
    public let rates: UnitCostRates
    /// F: what the period's calendar-based entries cost.
    public let fixed: ExactDecimal
    /// The product at its price now.
    public let now: UnitEconomics
    public let rows: [Row]

    /// Whether the product takes ads per unit (cpc=plan entries), or cannot know them.
    public var showsAds: Bool { now.adsPerUnit != .zero }

    /// The product at `product` at each of `steps`' prices, over `period`'s fixed costs, with the
    /// unit costs and assumptions of `day` (the period's first day when nil).
    public static func ladder(_ context: ReportContext, product: Int, steps: Steps, period: Period,
                              on day: Day? = nil) throws(ReportError) -> LadderReport {
        let basis = PricingBasis(context, on: day ?? period.firstDay)
        let index = try basis.checked(product)
        let rates = basis.rates
        let fixed = basis.fixedCosts(period)
        let now = basis.economics(index)
        let rows = steps.prices.map { price in
            let unit = now.at(price: price)
            return Row(economics: unit, breakEvenUnits: unit.breakEvenUnits(fixed: fixed),
                       breakEvenCPC: rates.cvr.map { unit.breakEvenCPC(cvr: $0, unitsPerOrder: rates.unitsPerOrder) },
                       isNow: price == now.price)
        }
        return LadderReport(product: index, period: period, rates: rates, fixed: fixed, now: now, rows: rows)
    }
}
