import Testing
@testable import ROPGDomain

@Suite struct UnitEconomicsTests {
    /// DOMAIN §3's worked example: TS-001 at 79.00, goods 28.00, packaging 1.50/unit, shipping
    /// 4.00/order, 1 unit per order, platform fee 5%, payment fee 0.6%, and 34,000 of fixed costs a month.
    func domainExample() -> Workspace {
        var workspace = Workspace(name: "§3")
        workspace.products = [Product(sku: "TS-001", name: "纯棉T恤", price: dec("79"), cost: dec("28"))]
        var settings = Settings()
        settings[.paymentFee] = dec("0.006")
        settings[.unitsPerOrder] = .one
        settings[.cvr] = dec("0.03")
        workspace.settings = settings
        func entry(_ category: CostCategory, _ number: Int32, _ basis: CostBasis, _ amount: String, qty: String = "1",
                   start: Day? = nil) -> CostEntry {
            CostEntry(id: CostID(category: category, number: number), name: "e", basis: basis, amount: dec(amount), quantity: dec(qty), start: start)
        }
        workspace.costs = [
            entry(.R, 1, .recurring(per: .year), "60000"),
            entry(.R, 2, .percent, "0.05"),
            entry(.O, 1, .amortized(months: 12), "12000", start: day("2026-01-01")),
            entry(.O, 2, .cpc(clicks: dec("20000"), per: .month), "0.8"),
            entry(.P, 1, .recurring(per: .month), "4500", qty: "2"),
            entry(.G, 1, .recurring(per: .month), "3000"),
            entry(.G, 2, .perUnit, "1.5"),
            entry(.G, 3, .perOrder, "4"),
            entry(.R, 3, .deposit(date: nil), "50000"),
        ]
        workspace.lastCostNumber = [.R: 3, .O: 2, .P: 1, .G: 3]
        return workspace
    }

    func economics(_ workspace: Workspace) -> UnitEconomics {
        UnitCostRates(workspace, index: CostIndex(workspace), on: day("2026-03-15")).economics(of: workspace.products[0], at: 0)
    }

    @Test func theWorkedExample() throws {
        let workspace = domainExample()
        let unit = economics(workspace)
        #expect(unit.feeRate == dec("0.056"))
        #expect(unit.otherPerUnit == dec("5.5"))
        #expect(unit.contribution == dec("41.076"))
        #expect(unit.contribution.rounded() == dec("41.08"))
        #expect(unit.contributionMargin?.percentText() == "51.99%")
        #expect(unit.grossMargin?.percentText() == "64.56%")
        #expect(unit.markup?.percentText() == "182.14%")
        #expect(try unit.price(for: .margin(dec("0.3"))).rounded() == dec("52.02"))  // 33.5 / 0.644
        let fixed = CostIndex(workspace).fixedCosts(in: try Period.parse("2026-03"))
        #expect(fixed == dec("34000"))  // deposits are not costs
        #expect(unit.breakEvenUnits(fixed: fixed) == dec("828"))  // 827.7 rounded up
        #expect(unit.breakEvenCPC(cvr: dec("0.03"), unitsPerOrder: .one).rounded() == dec("1.23"))
        #expect(unit.breakEvenACoS == unit.contributionMargin)
        #expect(unit.breakEvenROAS?.rounded() == dec("1.92"))  // 79 / 41.076
    }

    @Test func pricesForMarkupAndProfit() throws {
        let unit = economics(domainExample())
        #expect(try unit.price(for: .markup(.one)) == dec("56"))  // goods 28 doubled
        let price = try unit.price(for: .profit(dec("10")))  // (33.5 + 10) / 0.944
        #expect(unit.at(price: price).contribution == dec("10"))
        #expect(throws: UnitEconomics.Unreachable.self) { try unit.price(for: .margin(dec("0.95"))) }  // 5.6% + 95% ≥ 100%
    }

    @Test func aDiscountNeedsMoreVolume() {
        let unit = economics(domainExample())
        let discounted = unit.at(price: dec("63.2"))  // 20% off
        // u′ = 63.2 × 0.944 − 33.5 = 26.1608; u / u′ = 41.076 / 26.1608 = 1.5701…
        #expect(discounted.contribution == dec("26.1608"))
        #expect(unit.volumeFactor(to: discounted)?.rounded() == dec("1.57"))
        #expect(unit.volumeFactor(to: unit.at(price: dec("30"))) == nil)  // below variable cost
    }

    /// `discount TS-001 10%` on DOMAIN §3's worked example, worked by hand: the fees follow the
    /// price, so the cut takes less of u than the cut itself, and the table's fall and the volume
    /// must come from the same u and u′.
    @Test func aTenPercentDiscountOnTheWorkedExample() throws {
        let unit = economics(domainExample())
        #expect(unit.contribution == dec("41.076"))  // 79 × 0.944 − 28 − 1.5 − 4
        let discounted = unit.at(price: (unit.price * dec("0.9")).rounded())
        #expect(discounted.price == dec("71.1"))
        // u′ = 71.10 × 0.944 − 33.5 = 67.1184 − 33.5 = 33.6184.
        #expect(discounted.contribution == dec("33.6184"))
        // The fees fall 79 × 5.6% − 71.10 × 5.6% = 4.424 − 3.9816 = 0.4424, so the 7.90 cut takes
        // 7.90 × 0.944 = 7.4576 of u, not 7.90.
        #expect(unit.fees - discounted.fees == dec("0.4424"))
        #expect(unit.contribution - discounted.contribution == dec("7.4576"))
        // 7.4576 ÷ 41.076 = 0.181556…: −18.16% (the price cut over u, 7.90 ÷ 41.076, would say 19.23%).
        let change = try #require(unit.contributionChange(to: discounted))
        #expect(change == dec("-7.4576").divided(by: dec("41.076")))
        #expect(change.rounded(places: 4) == dec("-0.1816"))
        // u ÷ u′ = 41.076 ÷ 33.6184 = 1.221830…: +22.18%, every 100 units become 122.18, 123 whole.
        let factor = try #require(unit.volumeFactor(to: discounted))
        #expect(factor.rounded(places: 4) == dec("1.2218"))
        #expect((factor * 100).ceilingWhole() == dec("123"))
        // The same u and u′ give both: (1 + change) × factor = 1.
        #expect(((.one + change) * factor).rounded(places: 9) == .one)
    }

    @Test func breakEvenCPCIsWhatAVisitorIsWorth() {
        let unit = economics(domainExample())
        // 3% × 1 unit per order × 41.076 = 1.23228, for a product, a hit plan's inputs and a mix alike.
        #expect(UnitEconomics.valuePerVisitor(contribution: dec("41.076"), cvr: dec("0.03"), unitsPerOrder: .one) == dec("1.23228"))
        #expect(unit.breakEvenCPC(cvr: dec("0.03"), unitsPerOrder: .one) == dec("1.23228"))
        let inputs = HitPlanInputs(price: dec("79"), unitContribution: dec("41.076"), cvr: dec("0.03"), unitsPerOrder: dec("2"),
                                   shopContributionMargin: .zero, stock: nil)
        #expect(inputs.breakEvenCPC == dec("2.46456"))
    }

    /// Property: the price for a margin m gives back m exactly, and once rounded to the cent, within
    /// what half a cent can move the margin.
    @Test func priceForAMarginGivesTheMarginBack() throws {
        var rng = SplitMix(seed: 5)
        for _ in 0..<500 {
            let cost = ExactDecimal(mantissa: Int128((100 + rng.next(50_000 - 100 + 1))), places: 2)
            let other = ExactDecimal(mantissa: Int128((0 + rng.next(2_000 - 0 + 1))), places: 2)
            let fee = ExactDecimal(mantissa: Int128((0 + rng.next(200 - 0 + 1))), places: 3)
            let margin = ExactDecimal(mantissa: Int128((1 + rng.next(60 - 1 + 1))), places: 2)
            let unit = UnitEconomics(price: .zero, goodsCost: cost, otherPerUnit: other, feeRate: fee)
            let exact = try unit.price(for: .margin(margin))
            let back = try #require(unit.at(price: exact).contributionMargin)
            #expect((back - margin).magnitude < ExactDecimal(mantissa: 1, places: 9))
            let shown = exact.rounded()
            let bound = ((cost + other) * ExactDecimal(mantissa: 5, places: 3)).divided(by: shown * shown) ?? .zero
            let rounded = try #require(unit.at(price: shown).contributionMargin)
            #expect((rounded - margin).magnitude <= bound + ExactDecimal(mantissa: 1, places: 9))
        }
    }

    @Test func theShopBreaksEvenAtItsMix() throws {
        var workspace = domainExample()
        workspace.products[0].share = dec("0.5")
        workspace.products.append(Product(sku: "B", name: "b", price: dec("50"), cost: dec("20")))
        let rates = UnitCostRates(workspace, index: CostIndex(workspace), on: day("2026-03-15"))
        let mix = MixBreakEven(workspace, rates: rates, fixed: dec("34000"))
        // B: u = 50 × 0.944 − 20 − 5.5 = 21.7, margin 43.4%; the mix earns 0.5 × 51.99…% + 0.5 × 43.4%.
        let expected = dec("0.5") * dec("41.076").divided(by: dec("79"))! + dec("0.5") * dec("0.434")
        #expect(mix.margin == expected)
        let revenue = try #require(mix.revenue)
        #expect(revenue == dec("34000").divided(by: expected))
        #expect(mix.items.map(\.units) == [(revenue * dec("0.5")).divided(by: dec("79"))?.ceilingWhole(),
                                           (revenue * dec("0.5")).divided(by: dec("50"))?.ceilingWhole()])
    }

    /// A free product carries no share of GMV (`SalesModel.shares`), so it does not weigh in the
    /// mix margin: with TS-001 at share=60% and a free gift at share=40%, the mix is TS-001 alone,
    /// for break-even and for hit plans' related sales alike.
    @Test func aFreeProductDoesNotWeighInTheMixMargin() throws {
        var workspace = domainExample()
        workspace.products[0].share = dec("0.6")
        workspace.products.append(Product(sku: "GIFT", name: "gift", price: .zero, cost: dec("2"), share: dec("0.4")))
        let rates = UnitCostRates(workspace, index: CostIndex(workspace), on: day("2026-03-15"))
        let mix = MixBreakEven(workspace, rates: rates, fixed: dec("34000"))
        let margin = try #require(dec("41.076").divided(by: dec("79")))
        #expect(mix.carriedShare == dec("0.6"))
        #expect(mix.items.map(\.index) == [0])
        #expect(mix.items.map(\.share) == [.one])
        #expect(mix.margin == margin)
        #expect(MixBreakEven.margin(workspace, rates: rates) == margin)
        // All the break-even revenue is TS-001's: 34,000 ÷ 51.99…% ÷ 79 = 827.7… → 828 units, as alone.
        #expect(mix.items.map(\.units) == [dec("828")])
    }

    @Test func adsOnThePlansPaidClicksCostPerUnit() {
        var workspace = domainExample()
        var settings = workspace.settings
        settings[.cpc] = dec("0.8")
        settings[.paidShare] = dec("0.5")
        workspace.settings = settings
        workspace.costs.append(CostEntry(id: CostID(category: .O, number: 3), name: "ads", basis: .plannedClicks, amount: .one))
        // 0.80 × 50% ÷ 3% = 13.333… per order of one unit.
        let unit = economics(workspace)
        #expect(unit.adsPerUnit?.rounded() == dec("13.33"))
        #expect(unit.breakEvenUnits(fixed: dec("34000")) == (dec("34000").divided(by: dec("41.076") - unit.adsPerUnit!))?.ceilingWhole())
    }
}
