import ROPGDomain

/// `margin`: what each unit of each product really earns after fees, packaging and shipping
/// (docs/DOMAIN.md §3.1), best contribution margin first.
public struct MarginReport: Sendable {
    /// A product that loses money on every unit sold.
    public enum Loss: Equatable, Sendable {
        /// The contribution is below zero at the cent: each unit loses this much.
        case perUnit(ExactDecimal)
        /// The contribution covers the unit, but not the ads it takes: each unit loses this much
        /// once they are paid.
        case afterAds(ExactDecimal)
    }

    /// One product's unit economics.
    public struct Row: Equatable, Sendable {
        /// The product's position in the workspace.
        public var product: Int
        public var economics: UnitEconomics
        /// u = P·(1 − f) − C − v, before ads.
        public var contribution: ExactDecimal
        /// u ÷ P; nil for a free product.
        public var contributionMargin: ExactDecimal?
        /// u less the ads each unit takes; nil when they cannot be known (no CVR or CPC).
        public var contributionAfterAds: ExactDecimal?
        public var loss: Loss?
    }

    /// The rows in the order shown: sorted as positions (100,000 rows are common, and each is
    /// large to move), then copied into that order once.
    public struct Rows: RandomAccessCollection, Sendable {
        let storage: [Row]
        let order: [Int]
        public var startIndex: Int { 0 }
        public var endIndex: Int { order.count }
        public subscript(position: Int) -> Row { storage[order[position]] }
    }

    /// The rates of the day the economics are worked out for (its assumptions name the ads).
    public let rates: UnitCostRates
    /// Best contribution margin first; free products (no margin) last; ties in workspace order.
    public let rows: Rows
    /// Whether any product takes ads per unit (cpc=plan entries), or cannot know them.
    public let showsAds: Bool
    /// Products that lose money on every unit sold.
    public let losing: Int
    /// Products that cover a unit, but lose money once its ads are paid.
    public let losingAfterAds: Int

    /// The unit economics of `products` (positions in the workspace; nil for all of them) on
    /// `day` (today when nil).
    public static func margin(_ context: ReportContext, products: [Int]? = nil, on day: Day? = nil) throws(ReportError) -> MarginReport {
        let workspace = context.workspace
        guard !workspace.products.isEmpty else { throw .noProducts }
        let basis = PricingBasis(context, on: day ?? context.today)
        let indices = products ?? Array(workspace.products.indices)
        for index in indices { _ = try basis.checked(index) }
        let rates = basis.rates, all = workspace.products
        // Worked out side by side: each row once, at its final size.
        let storage = mapInPieces(indices.count, minimumPiece: 4_096) { position -> Row in
            let index = indices[position]
            let unit = rates.economics(of: all[index], at: index)
            let contribution = unit.contribution, after = unit.contributionAfterAds
            var loss: Loss?
            if contribution.rounded().isNegative {
                loss = .perUnit(contribution.magnitude)
            } else if let after, after.rounded().isNegative {
                loss = .afterAds(after.magnitude)
            }
            return Row(product: index, economics: unit, contribution: contribution, contributionMargin: unit.contributionMargin,
                       contributionAfterAds: after, loss: loss)
        }
        // Positions are sorted rather than the rows, each packed beside its integer key and
        // product (a comparison reads one array in order, not three at random); the position
        // breaks the last ties (a product named twice), as the stable sort of positions did.
        var keyed = storage.indices.map { (key: storage[$0].contributionMargin?.units ?? Int128.min, product: indices[$0], position: $0) }
        keyed.sort { a, b in
            a.key != b.key ? a.key > b.key : a.product != b.product ? a.product < b.product : a.position < b.position
        }
        let order = keyed.map(\.position)
        var losing = 0, losingAfterAds = 0
        for row in storage {
            switch row.loss {
            case .perUnit: losing += 1
            case .afterAds: losingAfterAds += 1
            case nil: break
            }
        }
        // The rows copied into the order shown, in one pass that does nothing else (its reads at
        // random overlap): a report's cells are then made from rows read one after another.
        let shown = order.map { storage[$0] }
        return MarginReport(rates: rates, rows: Rows(storage: shown, order: Array(shown.indices)),
                            showsAds: storage.contains { $0.economics.adsPerUnit != .zero },
                            losing: losing, losingAfterAds: losingAfterAds)
    }
}
