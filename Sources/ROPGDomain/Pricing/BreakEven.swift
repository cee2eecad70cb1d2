/// Break-even for the whole shop at the planned product mix (DOMAIN §3 applied to every product
/// at once): each yuan of revenue earns Σ shareᵢ × marginᵢ, so the fixed costs need F ÷ that in
/// revenue, which the mix turns into each product's units.
public struct MixBreakEven: Sendable {
    public struct Item: Sendable {
        public var index: Int
        public var share: ExactDecimal
        public var economics: UnitEconomics
        /// Exact revenue at break-even; nil when the mix never breaks even.
        public var revenue: ExactDecimal?
        /// Units at break-even, rounded up.
        public var units: ExactDecimal?
    }

    public let fixed: ExactDecimal
    public let items: [Item]
    /// Contribution (before ads) per yuan of revenue: the mix's contribution margin.
    public let margin: ExactDecimal
    /// Ads per yuan of revenue (cpc=plan entries); nil when the CVR or CPC is not set.
    public let adsPerRevenue: ExactDecimal?
    /// Units per yuan of revenue.
    public let unitsPerRevenue: ExactDecimal
    /// F ÷ (margin − ads per revenue); nil when each yuan earns nothing.
    public let revenue: ExactDecimal?

    public init(_ workspace: Workspace, rates: UnitCostRates, fixed: ExactDecimal) {
        self.fixed = fixed
        let shares = SalesModel.shares(of: workspace.products)
        var margin = ExactDecimal.zero, units = ExactDecimal.zero
        var ads: ExactDecimal? = .zero
        var items: [Item] = []
        for (index, product) in workspace.products.enumerated() where !shares[index].isZero {
            let economics = rates.economics(of: product, at: index)
            let share = shares[index]
            margin += share * (economics.contributionMargin ?? .zero)
            units += share.divided(by: product.price) ?? .zero
            if let known = ads, let perUnit = economics.adsPerUnit {
                ads = known + ((share * perUnit).divided(by: product.price) ?? .zero)
            } else {
                ads = nil
            }
            items.append(Item(index: index, share: share, economics: economics))
        }
        self.margin = margin
        self.unitsPerRevenue = units
        self.adsPerRevenue = ads
        let earned = margin - (ads ?? .zero)
        revenue = earned > .zero ? fixed.divided(by: earned) : nil
        if let revenue {
            for position in items.indices {
                let part = revenue * items[position].share
                items[position].revenue = part
                items[position].units = part.divided(by: items[position].economics.price)?.ceilingWhole()
            }
        }
        self.items = items
    }

    /// The contribution of an average unit of the mix.
    public var averageContribution: ExactDecimal? { margin.divided(by: unitsPerRevenue) }
}
