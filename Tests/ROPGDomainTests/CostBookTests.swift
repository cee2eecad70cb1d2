import Testing
@testable import ROPGDomain

@Suite struct CostBookTests {
    /// A hand-checked shop: one product at 100 (goods 40), March's GMV 31,000 (1,000 a day), AOV 100,
    /// refunds 10%.
    func shop() -> Workspace {
        var workspace = Workspace(name: "t")
        workspace.products = [Product(sku: "A", name: "a", price: dec("100"), cost: dec("40"))]
        workspace.goals = [Goal(period: .month(year: 2026, month: 3), metric: .gmv, value: dec("31000"))]
        var settings = Settings()
        settings[.aov] = dec("100")
        settings[.refundRate] = dec("0.1")
        workspace.settings = settings
        func entry(_ category: CostCategory, _ number: Int32, _ basis: CostBasis, _ amount: String, product: String? = nil) -> CostEntry {
            CostEntry(id: CostID(category: category, number: number), name: "e\(number)", basis: basis, amount: dec(amount), product: product)
        }
        workspace.costs = [
            entry(.G, 1, .perUnit, "1.5"),
            entry(.G, 2, .perOrder, "4"),
            entry(.R, 1, .percent, "0.05"),
            entry(.O, 1, .cps(share: dec("0.2")), "0.1"),
            entry(.P, 1, .perUnit, "1", product: "A"),
            entry(.G, 3, .recurring(per: .month), "3000"),
            entry(.R, 2, .deposit(date: day("2026-03-02")), "50000"),
        ]
        workspace.lastCostNumber = [.G: 3, .R: 2, .O: 1, .P: 1]
        return workspace
    }

    @Test func salesFollowThePlanNetOfRefunds() throws {
        let model = try SalesModel(shop(), source: .plan)
        let sales = model.sales(in: try Period.parse("2026-03").days)
        #expect(sales.gmv == dec("31000"))
        #expect(sales.refunds == dec("3100"))
        #expect(sales.netRevenue == dec("27900"))
        #expect(sales.orders == dec("310"))     // gross: the parcels went out
        #expect(sales.units == dec("279"))      // net revenue ÷ price
    }

    @Test func everyBasisAgainstHandArithmetic() throws {
        let workspace = shop()
        let book = try CostBook(workspace, period: try Period.parse("2026-03"), model: try SalesModel(workspace, source: .plan))
        func line(_ id: String) -> ExactDecimal? {
            book.lines.first { if case .entry(let index) = $0.source { return workspace.costs[index].id.description == id } else { return false } }?.amount.decimal
        }
        #expect(line("G1") == dec("418.5"))     // 1.50 × 279 net units
        #expect(line("G2") == dec("1240"))      // 4.00 × 310 gross orders
        #expect(line("R1") == dec("1395"))      // 5% × 27,900
        #expect(line("O1") == dec("558"))       // 10% × 20% × 27,900
        #expect(line("P1") == dec("279"))       // 1.00 × 279 units of A
        #expect(line("G3") == dec("3000"))
        #expect(book.lines.contains { $0.source == .goods && $0.amount == ExactAmount(dec("11160")) })  // 279 × 40
        #expect(book.total(.G) == dec("15818.5"))
        #expect(book.total() == dec("18050.5"))
        #expect(book.depositTotal == dec("50000"))
        #expect(book.sales.netRevenue - book.total() == dec("9849.5"))
        #expect(book.productDirect[0]?[.P] == dec("279"))
    }

    @Test func theFoldedIndexGivesTheSameTotalsAsEveryEntry() throws {
        var workspace = shop()
        workspace.products.append(Product(sku: "B", name: "b", price: dec("59"), cost: dec("21"), share: dec("0.3")))
        workspace.costs.append(CostEntry(id: CostID(category: .O, number: 2), name: "ERP", basis: .amortized(months: 7), amount: dec("1000"),
                                         start: day("2026-02-01")))
        workspace.costs.append(CostEntry(id: CostID(category: .O, number: 3), name: "ERP2", basis: .amortized(months: 7), amount: dec("333"),
                                         start: day("2026-02-01")))
        workspace.costs.append(CostEntry(id: CostID(category: .P, number: 2), name: "提成", basis: .perUnit, amount: dec("2"), product: "B"))
        workspace.costs.append(CostEntry(id: CostID(category: .O, number: 4), name: "钻展", basis: .cpt(per: .day), amount: dec("300"),
                                         start: day("2026-03-10"), end: day("2026-03-12")))
        workspace.costs.append(CostEntry(id: CostID(category: .O, number: 5), name: "直通车", basis: .cpc(clicks: dec("20000"), per: .month), amount: dec("0.8")))
        workspace.lastCostNumber = [.G: 3, .R: 2, .O: 5, .P: 2]
        let index = CostIndex(workspace)
        let model = try SalesModel(workspace, source: .plan)
        for text in ["2026-03", "2026-Q1", "2026-W11", "2026-03-11", "2026-02..2026-04", "2026"] {
            for view in CostView.allCases {
                let period = try Period.parse(text)
                let perEntry = try CostBook(workspace, period: period, model: model, view: view)
                let folded = try CostBook(workspace, index: index, period: period, model: model, view: view)
                let byProduct = try CostBook(workspace, index: index, period: period, model: model, view: view, byProduct: true)
                for category in CostCategory.allCases {
                    #expect(perEntry.total(category).rounded() == folded.total(category).rounded(), "\(text) \(view) \(category)")
                    #expect(perEntry.total(category).rounded() == byProduct.total(category).rounded(), "\(text) \(view) \(category)")
                }
                #expect(perEntry.depositTotal == folded.depositTotal)
            }
        }
    }

    @Test func paymentFeesAndThePlansPaidClicks() throws {
        var workspace = shop()
        var settings = workspace.settings
        settings[.paymentFee] = dec("0.006")
        settings[.cvr] = dec("0.04")
        settings[.cpc] = dec("0.5")
        settings[.paidShare] = dec("0.6")
        workspace.settings = settings
        // 31,000 GMV ÷ AOV 100 = 310 orders ÷ 4% = 7,750 visitors × 60% = 4,650 paid clicks × 0.50 = 2,325;
        // the entry buys 80% of them: 1,860.
        workspace.costs.append(CostEntry(id: CostID(category: .O, number: 2), name: "ads", basis: .plannedClicks, amount: dec("0.8")))
        workspace.lastCostNumber[.O] = 2
        let model = try SalesModel(workspace, source: .plan)
        let period = try Period.parse("2026-03")
        let book = try CostBook(workspace, period: period, model: model)
        #expect(book.sales.paidClicks == dec("4650"))
        #expect(book.sales.adSpend == dec("2325"))
        #expect(book.lines.contains { $0.source == .paymentFee && $0.amount == ExactAmount(dec("167.4")) })  // 0.6% × 27,900
        #expect(book.total(.O) == dec("558") + dec("1860"))
        // Fixed costs: only the calendar-based entries (G3 3,000), never deposits.
        #expect(CostIndex(workspace).fixedCosts(in: period) == dec("3000"))
        let folded = try CostBook(workspace, index: CostIndex(workspace), period: period, model: model)
        #expect(folded.total() == book.total())
        // Without a conversion rate the paid clicks cannot be known: the report says what to set.
        settings[.cvr] = nil
        workspace.settings = settings
        #expect(throws: CostBook.Failure.self) { try CostBook(workspace, period: period, model: try SalesModel(workspace, source: .plan)) }
    }

    @Test func roundedPartsAddUpToTheirTotal() {
        let parts = [dec("0.333333"), dec("0.333333"), dec("0.333334")]
        #expect(Allocation.roundedParts(parts) == [dec("0.33"), dec("0.33"), dec("0.34")])
        #expect(Allocation.roundedParts(parts, total: dec("1.01")).reduce(.zero, +) == dec("1.01"))
        #expect(Allocation.roundedParts([dec("-1.005"), dec("2.004")]).reduce(.zero, +) == dec("1.00"))
    }
}

@Suite struct SalesUnitsTests {
    @Test func unitsGoalsAndRecordsSetTheUnitsTheMixShares() throws {
        var workspace = Workspace(name: "t")
        workspace.products = [Product(sku: "A", name: "a", price: dec("100"), cost: dec("40")),
                              Product(sku: "B", name: "b", price: dec("50"), cost: dec("10"))]
        workspace.goals = [Goal(period: .month(year: 2026, month: 3), metric: .gmv, value: dec("31000")),
                           Goal(period: .month(year: 2026, month: 3), metric: .units, value: dec("620"))]
        let sales = try SalesModel(workspace, source: .plan).sales(in: try Period.parse("2026-03").days)
        #expect(sales.units == dec("620"))
        // The mix alone would say 155 of A and 310 of B (465 units); the goal scales both by 620/465.
        let a = try #require(sales.product(0)), b = try #require(sales.product(1))
        #expect((a.units + b.units - dec("620")).magnitude < dec("0.000001"))
        #expect((b.units - a.units * 2).magnitude < dec("0.000001"))
        workspace.actuals = [Actual(day: day("2026-03-14"), values: [.gmv: dec("10000"), .units: dec("500")])]
        let actual = try SalesModel(workspace, source: .actual).sales(in: try Period.parse("2026-03").days)
        #expect(actual.units == dec("500"))
        #expect(actual.daysWithoutRevenue == 30)
    }

    @Test func aFreeProductTakesNoShare() {
        let shares = SalesModel.shares(of: [Product(sku: "F", name: "f", price: .zero, cost: dec("5")),
                                           Product(sku: "A", name: "a", price: dec("10"), cost: dec("4"))])
        #expect(shares == [.zero, .one])
    }

    @Test func hugeSumsStillRoundWithoutHanging() {
        let huge = ExactDecimal(units: Int128.max / 2)
        let parts = Allocation.roundedParts([huge, huge, huge, dec("1")], total: ExactDecimal(units: Int128.max))
        #expect(parts.count == 4)
    }
}
