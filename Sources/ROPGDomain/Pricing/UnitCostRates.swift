/// The per-unit, per-order, percent and ad costs that apply on one day, shop-wide and product by
/// product, read once from the folded cost index so that unit economics over 100,000 products
/// cost one dictionary lookup each.
public struct UnitCostRates: Sendable {
    public struct Part: Equatable, Sendable {
        public var perUnit = ExactDecimal.zero
        public var perOrder = ExactDecimal.zero
        /// Percent entries, and CPS entries at their rate × share (the part of sales they bring).
        public var percent = ExactDecimal.zero
        /// cpc=plan entries: the share of the plan's paid clicks they buy.
        public var plannedClickShare = ExactDecimal.zero

        static func + (a: Part, b: Part) -> Part {
            Part(perUnit: a.perUnit + b.perUnit, perOrder: a.perOrder + b.perOrder, percent: a.percent + b.percent,
                 plannedClickShare: a.plannedClickShare + b.plannedClickShare)
        }
    }

    public let day: Day
    public let shop: Part
    /// The entries tied to each product, by its index in the workspace; nil for most.
    public let byProduct: [Part?]
    public let paymentFee: ExactDecimal
    public let unitsPerOrder: ExactDecimal
    /// The CVR, CPC and paid fraction of visitors that day, for ads and break-even CPC.
    public let cvr: ExactDecimal?
    public let cpc: ExactDecimal?
    public let paidFraction: ExactDecimal

    public init(_ workspace: Workspace, index: CostIndex, on day: Day) {
        self.day = day
        var shop = Part()
        var byProduct = [Part?](repeating: nil, count: workspace.products.count)
        for group in index.groups where group.entry.basis.followsSales {
            let entry = group.entry
            if let start = entry.start, start > day { continue }
            if let end = entry.end, end < day { continue }
            var part = Part()
            let amount = entry.amount * entry.quantity
            switch entry.basis {
            case .perUnit: part.perUnit = amount
            case .perOrder: part.perOrder = amount
            case .percent: part.percent = amount
            case .cps(let share): part.percent = amount * share
            case .plannedClicks: part.plannedClickShare = amount
            default: continue
            }
            if let product = group.productIndex, byProduct.indices.contains(product) {
                byProduct[product] = (byProduct[product] ?? Part()) + part
            } else {
                shop = shop + part
            }
        }
        self.shop = shop
        self.byProduct = byProduct
        let settings = workspace.settings
        paymentFee = settings.value(.paymentFee, on: day) ?? .zero
        let perOrder = settings.value(.unitsPerOrder, on: day) ?? .one
        unitsPerOrder = perOrder.isZero ? .one : perOrder
        cvr = settings.value(.cvr, on: day)
        cpc = settings.value(.cpc, on: day)
        paidFraction = settings.paidFraction(on: day)
    }

    /// The costs that apply to the product at `index`: the shop's and its own.
    public func part(of index: Int) -> Part {
        guard byProduct.indices.contains(index), let own = byProduct[index] else { return shop }
        return shop + own
    }

    /// The unit economics of `product` (at `index` in the workspace).
    public func economics(of product: Product, at index: Int) -> UnitEconomics {
        let part = part(of: index)
        let other = part.perUnit + (part.perOrder.divided(by: unitsPerOrder) ?? .zero)
        return UnitEconomics(price: product.price, goodsCost: product.cost, otherPerUnit: other,
                             feeRate: part.percent + paymentFee, adsPerUnit: adsPerUnit(share: part.plannedClickShare))
    }

    /// What the plan's paid clicks cost per unit sold: share × CPC × paid fraction ÷ (CVR × units
    /// per order) — a visitor orders with probability CVR, and an order holds units-per-order units.
    public func adsPerUnit(share: ExactDecimal) -> ExactDecimal? {
        guard !share.isZero else { return .zero }
        guard let cvr, let cpc, !cvr.isZero else { return nil }
        return (share * cpc * paidFraction).divided(by: cvr * unitsPerOrder)
    }
}
