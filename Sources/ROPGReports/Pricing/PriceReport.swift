import ROPGDomain

/// `price`: the price that earns a target contribution margin, markup or unit profit
/// (docs/DOMAIN.md §3.2), rounded half-up to the cent, and what the product earns at it.
public struct PriceReport: Sendable {
    /// The product's position in the workspace.
    public let product: Int
    public let target: UnitEconomics.Target
    /// The rates of the day the economics are worked out for.
    public let rates: UnitCostRates
    /// The product at its price now.
    public let now: UnitEconomics
    /// The exact price that reaches the target.
    public let exactPrice: ExactDecimal
    /// The product at the price found, rounded to the cent (`then.price`).
    public let then: UnitEconomics

    /// The price found, rounded half-up to the cent.
    public var price: ExactDecimal { then.price }

    /// The price of the product at `product` that reaches `target` on `day` (today when nil).
    public static func price(_ context: ReportContext, product: Int, target: UnitEconomics.Target,
                             on day: Day? = nil) throws(ReportError) -> PriceReport {
        let basis = PricingBasis(context, on: day ?? context.today)
        let index = try basis.checked(product)
        let sku = basis.workspace.products[index].sku
        let now = basis.economics(index)
        if case .markup = target, now.goodsCost.isZero { throw ReportError("{sku} has no goods cost, so a markup on it says nothing", ["sku": sku]) }
        let exact: ExactDecimal
        do { exact = try now.price(for: target) } catch { throw ReportError("{sku}: {problem}", ["sku": sku], cause: ReportError(error.message)) }
        return PriceReport(product: index, target: target, rates: basis.rates, now: now, exactPrice: exact,
                           then: now.at(price: exact.rounded()))
    }
}
