import ROPGDomain

/// `discount`: what a discount does to a unit's contribution, and the volume that earns the same
/// contribution at the new price (docs/DOMAIN.md §3.3). The table and the sentence under it are
/// both read from this one value.
public struct DiscountReport: Sendable {
    /// How the discount is given.
    public enum Cut: Equatable, Sendable {
        /// A rate off today's price (between 0% and 100%); the new price is rounded half-up to the cent.
        case rate(ExactDecimal)
        /// The new price itself (above 0, below today's).
        case price(ExactDecimal)
    }

    /// The product's position in the workspace.
    public let product: Int
    /// The rates of the day the economics are worked out for.
    public let rates: UnitCostRates
    /// The product at its price now, and at the discounted price.
    public let now: UnitEconomics
    public let then: UnitEconomics
    /// u ÷ u′: the volume that earns the same contribution at the new price, exact.
    public let volumeFactor: ExactDecimal
    /// (u′ − u) ÷ u; nil when u is 0.
    public let contributionChangeRate: ExactDecimal?

    /// The discounted price.
    public var price: ExactDecimal { then.price }
    /// The cut in the price, P − P′.
    public var cut: ExactDecimal { now.price - then.price }
    /// What the fees change by (they follow the price).
    public var feesChange: ExactDecimal { then.fees - now.fees }
    /// u′ − u: the cut less the fees it saves.
    public var contributionChange: ExactDecimal { then.contribution - now.contribution }
    /// The change of the contribution margin in percentage points (a free margin counts as 0).
    public var marginChangePoints: ExactDecimal {
        ((then.contributionMargin ?? .zero) - (now.contributionMargin ?? .zero)) * .hundred
    }
    /// How much more must sell, u ÷ u′ − 1.
    public var volumeGrowth: ExactDecimal { volumeFactor - .one }
    /// The volume factor as shown, to 4 places; the sentence speaks of the same number.
    public var shownVolumeFactor: ExactDecimal { volumeFactor.rounded(places: 4) }
    /// What every 100 units sold now must become, at the shown factor.
    public var unitsForHundred: ExactDecimal { shownVolumeFactor * 100 }
    /// The same in whole units, rounded up from the exact factor.
    public var wholeUnitsForHundred: ExactDecimal { (volumeFactor * 100).ceilingWhole() }

    /// The discount `cut` on the product at `product` on `day` (today when nil). Refused with the
    /// numbers when the new price is at or below the variable cost: no volume makes that up.
    public static func discount(_ context: ReportContext, product: Int, cut: Cut, on day: Day? = nil) throws(ReportError) -> DiscountReport {
        let basis = PricingBasis(context, on: day ?? context.today)
        let index = try basis.checked(product)
        let sku = basis.workspace.products[index].sku
        let now = basis.economics(index)
        guard now.price > .zero else { throw ReportError("{sku} is free: there is no price to discount", ["sku": sku]) }
        let price: ExactDecimal
        switch cut {
        case .rate(let rate):
            guard rate > .zero, rate < .one else { throw ReportError("{rate}: a discount is between 0% and 100%", ["rate": rate.percentText()]) }
            price = (now.price * (.one - rate)).rounded()
        case .price(let target):
            guard target > .zero, target < now.price else {
                throw ReportError("to={target}: a discounted price is above 0 and below the price now, {price}", ["target": target.formatted(), "price": now.price.formatted()])
            }
            price = target
        }
        let then = now.at(price: price)
        guard then.contribution > .zero, let factor = now.volumeFactor(to: then) else {
            throw ReportError("at {price} {sku} loses {loss} on every unit: goods {goods} + other {other} + fees {rate} of {price} ({fees}) = {variable} of variable cost; no volume makes that up. The lowest price that covers it is {lowest}",
                              ["price": price.formatted(), "sku": sku, "loss": then.contribution.magnitude.formatted(), "goods": then.goodsCost.formatted(),
                               "other": then.otherPerUnit.formatted(), "rate": then.feeRate.exactPercentText, "fees": then.fees.formatted(),
                               "variable": then.variableCost.formatted(), "lowest": ((try? now.price(for: .profit(.zero))) ?? .zero).rounded().formatted()])
        }
        return DiscountReport(product: index, rates: basis.rates, now: now, then: then, volumeFactor: factor,
                              contributionChangeRate: now.contributionChange(to: then))
    }
}
