/// What one unit of a product earns (DOMAIN §3): price P, goods cost C, other per-unit costs v
/// (per-unit entries, per-order entries ÷ units per order) and percent fees f (platform fee,
/// payment fee, CPS) give the unit contribution u = P·(1 − f) − C − v.
public struct UnitEconomics: Equatable, Sendable {
    public var price: ExactDecimal
    public var goodsCost: ExactDecimal
    /// v: per-unit costs and per-order costs spread over the units of an order.
    public var otherPerUnit: ExactDecimal
    /// f: the fees charged as a fraction of the price.
    public var feeRate: ExactDecimal
    /// What paid clicks bought on the plan (cpc=plan entries) cost per unit sold; zero without
    /// such entries, nil when the CVR or CPC they need is not set.
    public var adsPerUnit: ExactDecimal?

    public init(price: ExactDecimal, goodsCost: ExactDecimal, otherPerUnit: ExactDecimal, feeRate: ExactDecimal,
                adsPerUnit: ExactDecimal? = .zero) {
        self.price = price
        self.goodsCost = goodsCost
        self.otherPerUnit = otherPerUnit
        self.feeRate = feeRate
        self.adsPerUnit = adsPerUnit
    }

    /// The fees on one unit at its price: P·f.
    public var fees: ExactDecimal { price * feeRate }
    /// u = P·(1 − f) − C − v, before ads.
    public var contribution: ExactDecimal { price - fees - goodsCost - otherPerUnit }
    /// The variable cost of a unit, C + v + P·f: a price at or below it earns nothing (u = P − it).
    public var variableCost: ExactDecimal { goodsCost + otherPerUnit + fees }
    /// u ÷ P; nil for a free product.
    public var contributionMargin: ExactDecimal? { contribution.divided(by: price) }
    /// (P − C) ÷ P.
    public var grossMargin: ExactDecimal? { (price - goodsCost).divided(by: price) }
    /// (P − C) ÷ C; nil when the goods cost nothing.
    public var markup: ExactDecimal? { (price - goodsCost).divided(by: goodsCost) }
    /// u less the ads each unit takes.
    public var contributionAfterAds: ExactDecimal? { adsPerUnit.map { contribution - $0 } }

    /// The same product at another price.
    public func at(price: ExactDecimal) -> UnitEconomics {
        var copy = self
        copy.price = price
        return copy
    }

    public enum Target: Equatable, Sendable {
        /// A contribution margin m: P = (C + v) / (1 − f − m).
        case margin(ExactDecimal)
        /// A markup k on the goods cost: P = C·(1 + k).
        case markup(ExactDecimal)
        /// A unit contribution x: P = (C + v + x) / (1 − f).
        case profit(ExactDecimal)
    }

    public struct Unreachable: Error, Equatable, Sendable { public var message: KeyedMessage }

    /// The exact price that reaches `target` (not rounded).
    public func price(for target: Target) throws(Unreachable) -> ExactDecimal {
        let variable = goodsCost + otherPerUnit
        switch target {
        case .margin(let margin):
            let left = ExactDecimal.one - feeRate - margin
            guard left > .zero, let price = variable.divided(by: left) else {
                throw Unreachable(message: KeyedMessage("no price reaches a {margin} contribution margin: the fees take {fees} of every price, and {fees} + {margin} leaves nothing for the costs",
                                                        ["margin": margin.percentText(), "fees": feeRate.percentText()]))
            }
            return price
        case .markup(let markup):
            guard markup > -.one else { throw Unreachable(message: KeyedMessage("a markup of {markup} would make the price 0 or less", ["markup": markup.percentText()])) }
            return goodsCost * (.one + markup)
        case .profit(let profit):
            let left = ExactDecimal.one - feeRate
            guard left > .zero, let price = (variable + profit).divided(by: left) else {
                throw Unreachable(message: KeyedMessage("no price earns anything: the fees take {fees} of every price", ["fees": feeRate.percentText()]))
            }
            return price
        }
    }

    /// Units that cover `fixed` costs, rounded up: F / u (less ads when given); nil when each
    /// unit earns nothing.
    public func breakEvenUnits(fixed: ExactDecimal, afterAds: Bool = true) -> ExactDecimal? {
        let earned = afterAds ? (contributionAfterAds ?? contribution) : contribution
        guard earned > .zero else { return nil }
        return fixed.divided(by: earned)?.ceilingWhole()
    }

    /// What a visitor is worth at conversion rate `cvr`: CVR × units per order × u (DOMAIN §3). This
    /// is the one place the formula lives; hit ranks, hit plans and break-even reports all call it.
    public static func valuePerVisitor(contribution: ExactDecimal, cvr: ExactDecimal, unitsPerOrder: ExactDecimal) -> ExactDecimal {
        cvr * unitsPerOrder * contribution
    }

    /// The most a click may cost before it loses money: a paid click brings one visitor, so it may
    /// cost what a visitor is worth. Static for figures that are not one product's (a shop's
    /// average unit, a hit plan's inputs).
    public static func breakEvenCPC(contribution: ExactDecimal, cvr: ExactDecimal, unitsPerOrder: ExactDecimal) -> ExactDecimal {
        valuePerVisitor(contribution: contribution, cvr: cvr, unitsPerOrder: unitsPerOrder)
    }

    /// The most a click on this product may cost at conversion rate `cvr`, on u before ads.
    public func breakEvenCPC(cvr: ExactDecimal, unitsPerOrder: ExactDecimal) -> ExactDecimal {
        Self.breakEvenCPC(contribution: contribution, cvr: cvr, unitsPerOrder: unitsPerOrder)
    }

    /// Break-even ROAS: revenue per yuan of ads at which ads eat the whole contribution, 1 / cm.
    public var breakEvenROAS: ExactDecimal? { Self.breakEvenROAS(margin: contributionMargin) }

    /// Break-even ACoS: the share of revenue ads may take, the contribution margin.
    public var breakEvenACoS: ExactDecimal? { Self.breakEvenACoS(margin: contributionMargin) }

    /// Break-even ROAS at a contribution margin (one product's or a mix's): 1 / cm; nil unless
    /// the margin is above 0 (without a margin, no ads pay for themselves).
    public static func breakEvenROAS(margin: ExactDecimal?) -> ExactDecimal? {
        guard let margin, margin > .zero else { return nil }
        return ExactDecimal.one.divided(by: margin)
    }

    /// Break-even ACoS at a contribution margin: the margin itself; nil unless it is above 0.
    public static func breakEvenACoS(margin: ExactDecimal?) -> ExactDecimal? {
        guard let margin, margin > .zero else { return nil }
        return margin
    }

    /// The volume factor that keeps the same contribution at `other`'s price: u / u′; nil when
    /// the other earns nothing per unit.
    public func volumeFactor(to other: UnitEconomics) -> ExactDecimal? {
        guard other.contribution > .zero else { return nil }
        return contribution.divided(by: other.contribution)
    }

    /// What a move to `other`'s price does to a unit's contribution, as a fraction of today's:
    /// (u′ − u) ÷ u; nil when today's u is 0. The fees follow the price, so a cut of ΔP takes only
    /// ΔP·(1 − f) of the contribution: dividing the price cut by u overstates the loss.
    public func contributionChange(to other: UnitEconomics) -> ExactDecimal? {
        (other.contribution - contribution).divided(by: contribution)
    }
}
