import Dispatch
import ROPGDomain

/// What the pricing reports are worked out on (docs/DOMAIN.md §3): the workspace, the day whose
/// cost entries and assumptions apply, the unit cost rates read for that day, and the folded cost
/// index the fixed costs of a period come from.
public struct PricingBasis: Sendable {
    public let workspace: Workspace
    /// The per-unit, per-order, percent and ad costs of the day, and its assumptions.
    public let rates: UnitCostRates
    private let index: CostIndex

    /// The basis on `day`, from the context's folded cost index.
    public init(_ context: ReportContext, on day: Day) {
        workspace = context.workspace
        index = context.costIndex()
        rates = context.unitCostRates(on: day)
    }

    /// The day whose entries and assumptions apply.
    public var day: Day { rates.day }

    /// The unit economics of the product at `product` in the workspace.
    public func economics(_ product: Int) -> UnitEconomics {
        rates.economics(of: workspace.products[product], at: product)
    }

    /// The fixed costs F of a period: the entries that do not follow sales, deposits left out.
    public func fixedCosts(_ period: Period) -> ExactDecimal {
        index.fixedCosts(in: period)
    }

    /// `product` checked against the workspace (reports are called with positions the shell found).
    func checked(_ product: Int) throws(ReportError) -> Int {
        guard workspace.products.indices.contains(product) else {
            throw ReportError("no product at position {position} of {count}; see product list", ["position": String(product), "count": String(workspace.products.count)])
        }
        return product
    }
}

extension ReportContext {
    /// The month of today: what `breakeven`, `ladder` and seek's `breakeven:SKU` are about when no
    /// period is given (docs/DOMAIN.md §12).
    public var month: Period { .month(year: today.year, month: today.month) }
}

extension ReportError {
    /// A report about products on a workspace that has none.
    public static let noProducts = ReportError("no products yet: add one with product add SKU price=… cost=…")
}

