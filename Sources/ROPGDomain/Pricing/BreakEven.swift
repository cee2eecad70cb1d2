/// Break-even for the whole shop at the planned product mix (DOMAIN §3 applied to every product
/// at once): each yuan of revenue earns Σ partᵢ × marginᵢ, so the fixed costs need F ÷ that in
/// revenue, which the mix turns into each product's units.
///
/// The mix is `SalesModel.shares`, each share taken as its part of the shares the products carry
/// (shareᵢ ÷ Σ shares). A free product carries no share there, so it does not weigh in here either:
/// when its share= is dropped (or the shares add up to less than 100%), the rest of the mix is
/// what sells, rather than a gap that earns nothing and waters the margin down.
public struct MixBreakEven: Sendable {
    public struct Item: Sendable {
        public var index: Int
        /// The product's part of the mix: its share of GMV ÷ the shares all products carry; the
        /// parts add up to 100%.
        public var share: ExactDecimal
        public var economics: UnitEconomics
        /// Exact revenue at break-even; nil when the mix never breaks even.
        public var revenue: ExactDecimal?
        /// Units at break-even, rounded up.
        public var units: ExactDecimal?
    }

    public let fixed: ExactDecimal
    public let items: [Item]
    /// Σ shares of GMV the products carry (100% unless all have share= and they add up to less).
    public let carriedShare: ExactDecimal
    /// Contribution (before ads) per yuan of revenue: the mix's contribution margin, the shop's
    /// one definition of it (hit plans' related sales earn it too).
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
        let carried = shares.reduce(ExactDecimal.zero, +)
        carriedShare = carried
        var margin = ExactDecimal.zero, units = ExactDecimal.zero
        var ads: ExactDecimal? = .zero
        var items: [Item] = []
        for (index, product) in workspace.products.enumerated() where !shares[index].isZero {
            let economics = rates.economics(of: product, at: index)
            // Non-zero shares only come with a price (a free product has none), so carried > 0
            // and the product has a margin.
            let share = shares[index].divided(by: carried) ?? .zero
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

    /// The shop's contribution margin at the planned mix, without a break-even: 0 when no product
    /// has a price and a share.
    public static func margin(_ workspace: Workspace, rates: UnitCostRates) -> ExactDecimal {
        MixBreakEven(workspace, rates: rates, fixed: .zero).margin
    }
}
