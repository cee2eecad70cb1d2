import ROPGDomain

/// What a click, and a yuan of ads, may cost before a unit (or the mix's average unit) stops
/// earning (docs/DOMAIN.md §3.3).
public struct ClickFigures: Equatable, Sendable {
    /// The conversion rate of the day; nil when cvr= is not set.
    public var cvr: ExactDecimal?
    /// Break-even CPC at `cvr`: cvr × u × units per order, what a visitor is worth; nil without a CVR.
    public var cpc: ExactDecimal?
    /// Break-even ROAS, 1 ÷ contribution margin; nil unless the margin is above 0.
    public var roas: ExactDecimal?
    /// Break-even ACoS, the contribution margin; nil unless it is above 0.
    public var acos: ExactDecimal?

    init(contribution: ExactDecimal?, margin: ExactDecimal?, rates: UnitCostRates) {
        cvr = rates.cvr
        if let cvr = rates.cvr, let contribution {
            cpc = UnitEconomics.breakEvenCPC(contribution: contribution, cvr: cvr, unitsPerOrder: rates.unitsPerOrder)
        }
        roas = UnitEconomics.breakEvenROAS(margin: margin)
        acos = UnitEconomics.breakEvenACoS(margin: margin)
    }
}

/// `breakeven SKU`: the units of one product that cover a period's fixed costs on their own, and
/// the most a click may cost.
public struct BreakevenReport: Sendable {
    /// The product's position in the workspace.
    public let product: Int
    public let period: Period
    /// The rates of the day the economics are worked out for (the period's first day unless asked).
    public let rates: UnitCostRates
    /// F: what the period's calendar-based entries cost.
    public let fixed: ExactDecimal
    public let economics: UnitEconomics
    /// F ÷ (u − ads per unit), rounded up; nil when a unit earns nothing after ads.
    public let units: ExactDecimal?
    public let clicks: ClickFigures

    /// Break-even units a day over the period, exact.
    public var unitsPerDay: ExactDecimal? { units.map { $0.divided(by: period.dayCount) } }
    /// Break-even revenue: the units at the price.
    public var revenue: ExactDecimal? { units.map { $0 * economics.price } }

    /// The break-even of the product at `product` over `period`, with the unit costs and
    /// assumptions of `day` (the period's first day when nil).
    public static func breakeven(_ context: ReportContext, product: Int, period: Period, on day: Day? = nil) throws(ReportError) -> BreakevenReport {
        let basis = PricingBasis(context, on: day ?? period.firstDay)
        let index = try basis.checked(product)
        let unit = basis.economics(index)
        let fixed = basis.fixedCosts(period)
        return BreakevenReport(product: index, period: period, rates: basis.rates, fixed: fixed, economics: unit,
                               units: unit.breakEvenUnits(fixed: fixed),
                               clicks: ClickFigures(contribution: unit.contribution, margin: unit.contributionMargin, rates: basis.rates))
    }
}

/// `breakeven` without a SKU: the whole shop at the planned mix (`MixBreakEven`), the revenue
/// that covers a period's fixed costs and each product's part of it.
public struct MixBreakevenReport: Sendable {
    public struct Row: Equatable, Sendable {
        /// The product's position in the workspace.
        public var product: Int
        /// Its part of the mix: its share of GMV ÷ the shares the products carry.
        public var share: ExactDecimal
        public var contributionMargin: ExactDecimal?
        /// Its part of the break-even revenue, to the cent (the parts add up to `revenue`); nil
        /// when the mix never breaks even.
        public var revenue: ExactDecimal?
        /// Its units at break-even, rounded up.
        public var units: ExactDecimal?
    }

    public let period: Period
    /// The rates of the day the economics are worked out for (the period's first day unless asked).
    public let rates: UnitCostRates
    /// F: what the period's calendar-based entries cost.
    public let fixed: ExactDecimal
    /// The products with a share of GMV, in workspace order.
    public let rows: [Row]
    /// Σ of the rows' parts of the mix (100%, as they are each a part of it).
    public let share: ExactDecimal
    /// Σ shares of GMV the products carry (below 100% when every product has share= and they add
    /// up to less, or free products carry none).
    public let carriedShare: ExactDecimal
    /// The mix's contribution margin (before ads).
    public let margin: ExactDecimal
    /// Ads per yuan of revenue (cpc=plan entries); nil when the CVR or CPC is not set.
    public let adsPerRevenue: ExactDecimal?
    /// Break-even revenue, the rows' parts added up; nil when each yuan earns nothing after ads.
    public let revenue: ExactDecimal?
    /// Break-even units, the rows' added up; nil when the mix never breaks even.
    public let units: ExactDecimal?
    /// Break-even CPC, ROAS and ACoS of the mix's average unit.
    public let clicks: ClickFigures

    /// Whether the carried shares fall short of 100% at the 4 places shares are shown to (an
    /// even split's rounding in the last digit is not a gap).
    public var sharesFallShort: Bool { carriedShare.rounded(places: 4) < .one }

    /// The whole shop's break-even over `period`, with the unit costs and assumptions of `day`
    /// (the period's first day when nil).
    public static func breakeven(_ context: ReportContext, period: Period, on day: Day? = nil) throws(ReportError) -> MixBreakevenReport {
        let workspace = context.workspace
        guard !workspace.products.isEmpty else { throw ReportError("no products yet: breakeven needs products with prices and costs") }
        let basis = PricingBasis(context, on: day ?? period.firstDay)
        let fixed = basis.fixedCosts(period)
        let mix = MixBreakEven(workspace, rates: basis.rates, fixed: fixed)
        guard !mix.items.isEmpty else { throw ReportError("no product has a price and a share of GMV") }
        let revenues = mix.revenue.map { _ in Allocation.roundedParts(mix.items.map { $0.revenue ?? .zero }) }
        let rows = mix.items.enumerated().map { position, item in
            Row(product: item.index, share: item.share, contributionMargin: item.economics.contributionMargin,
                revenue: revenues?[position], units: item.units)
        }
        return MixBreakevenReport(period: period, rates: basis.rates, fixed: fixed, rows: rows,
                                  share: mix.items.reduce(.zero) { $0 + $1.share }, carriedShare: mix.carriedShare,
                                  margin: mix.margin, adsPerRevenue: mix.adsPerRevenue,
                                  revenue: revenues.map { $0.reduce(.zero, +) },
                                  units: mix.revenue == nil ? nil : mix.items.reduce(.zero) { $0 + ($1.units ?? .zero) },
                                  clicks: ClickFigures(contribution: mix.averageContribution, margin: mix.margin, rates: basis.rates))
    }
}
