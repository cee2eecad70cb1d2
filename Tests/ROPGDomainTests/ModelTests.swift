import Testing
@testable import ROPGDomain

@Suite struct ModelTests {
    func sample() -> Workspace {
        var workspace = Workspace(name: "t")
        workspace.products = [Product(sku: "TS-001", name: "纯棉T恤", price: ExactDecimal(79), cost: ExactDecimal(28))]
        workspace.costs = [CostEntry(id: CostID(category: .P, number: 1), name: "美工提成", basis: .perUnit, amount: .one, product: "TS-001")]
        workspace.lastCostNumber = [.P: 1]
        return workspace
    }

    @Test func aValidWorkspaceHasNoIssues() {
        #expect(Validation.issues(in: sample()).isEmpty)
    }

    @Test func everyViolationIsNamedWithItsPath() {
        var workspace = sample()
        workspace.products.append(Product(sku: "TS-001", name: "dup", price: ExactDecimal(-1), cost: ExactDecimal(-2), stock: -3))
        workspace.costs.append(CostEntry(id: CostID(category: .P, number: 1), name: "", basis: .recurring(per: .month),
                                         amount: ExactDecimal(-5), quantity: .zero, start: Day(year: 2026, month: 5, day: 1),
                                         end: Day(year: 2026, month: 4, day: 1), product: "NOPE"))
        workspace.costs.append(CostEntry(id: CostID(category: .O, number: 9), name: "x", basis: .amortized(months: 0), amount: .one))
        workspace.costs.append(CostEntry(id: CostID(category: .R, number: 1), name: "fee", basis: .percent, amount: ExactDecimal(2)))
        workspace.goals = [Goal(period: .year(2026), metric: .uv, value: ExactDecimal(mantissa: 15, places: 1)),
                           Goal(period: .year(2026), metric: .uv, value: ExactDecimal(10))]
        var settings = Settings()
        settings[.cvr] = ExactDecimal(2)
        workspace.settings = settings
        let messages = Validation.issues(in: workspace).map(\.description)
        #expect(messages.contains("products[1].price: -1 is negative"))
        #expect(messages.contains("products[1].cost: -2 is negative"))
        #expect(messages.contains("products[1].stock: -3 is negative"))
        #expect(messages.contains("products[1].sku: TS-001 appears twice"))
        #expect(messages.contains("costs[1].name: a cost entry needs a name"))
        #expect(messages.contains("costs[1].amount: -5 is negative"))
        #expect(messages.contains("costs[1].qty: 0 must be above 0"))
        #expect(messages.contains("costs[1].end: 2026-04-01 is before the start 2026-05-01"))
        #expect(messages.contains("costs[1].product: only per-unit, per-order, percent, CPS and cpc=plan entries belong to a product"))
        #expect(messages.contains("costs[1].id: P1 appears twice"))
        #expect(messages.contains("costs[2].months: amortizing needs at least 1 month"))
        #expect(messages.contains("costs[2].start: an amortized entry needs a start month"))
        #expect(messages.contains("costs[2].id: O9 is above lastCostIds.O"))
        #expect(messages.contains("costs[3].amount: a rate of 200% is over 100%"))
        #expect(messages.contains("goals[0].value: uv is a count: 1.5 is not a whole number"))
        #expect(messages.contains("goals[1]: a second uv goal for 2026"))
        #expect(messages.contains("settings.cvr: 2 must be above 0% and at most 100%"))
    }

    @Test func changesUndoExactly() {
        var workspace = sample()
        let original = workspace
        let edit = Edit(description: "several", changes: [
            .insertProduct(Product(sku: "B", name: "b", price: .one, cost: .zero), at: 1),
            .replaceProduct(Product(sku: "TS-001", name: "新", price: ExactDecimal(89), cost: ExactDecimal(28)), at: 0),
            .removeCost(at: 0),
            .insertGoal(Goal(period: .year(2026), metric: .gmv, value: ExactDecimal(100)), at: 0),
            .setName("renamed"),
            .setLastCostNumber(7, for: .G),
        ])
        let inverse = edit.apply(to: &workspace)
        #expect(workspace.products.count == 2 && workspace.products[0].price == ExactDecimal(89))
        #expect(workspace.costs.isEmpty && workspace.goals.count == 1 && workspace.name == "renamed")
        let redo = inverse.apply(to: &workspace)
        #expect(workspace == original)
        _ = redo.apply(to: &workspace)
        #expect(workspace.products.count == 2 && workspace.lastCostNumber[.G] == 7)
    }

    @Test func costIDs() {
        #expect(CostID(text: "R12")?.description == "R12")
        #expect(CostID(text: "g3") == CostID(category: .G, number: 3))
        #expect(CostID(text: "X1") == nil)
        #expect(CostID(text: "R") == nil)
        #expect(CostID(text: "R0") == nil)
        #expect(CostID(text: "R-1") == nil)
        #expect(sample().nextCostID(in: .P).description == "P2")
        #expect(sample().nextCostID(in: .G).description == "G1")
    }

    @Test func rolesReadEnglishOrChinese() {
        #expect(ProductRole(text: "hit") == .hit)
        #expect(ProductRole(text: "爆款") == .hit)
        #expect(ProductRole(text: "引流款") == .traffic)
        #expect(ProductRole(text: "nope") == nil)
    }
    /// A scenario laid over the plan with the plan's products found beforehand (as a session
    /// comparing scenarios does) gives what it gives with nothing found yet, when its changes add
    /// and remove products and entries and then change what they added: each is found where it is.
    @Test func aScenarioGivesTheSameWithThePlansLookup() {
        var plan = Workspace(name: "t")
        for index in 0..<5 { plan.products.append(Product(sku: "SKU-\(index)", name: "品\(index)", price: dec("50"), cost: dec("20"))) }
        plan.costs = [CostEntry(id: CostID(category: .O, number: 1), name: "房租", basis: .recurring(per: .month), amount: dec("3000"))]
        plan.lastCostNumber = [.O: 1]
        let added = CostEntry(id: CostID(category: .P, number: 7), name: "主播", basis: .recurring(per: .month), amount: dec("8000"))
        let scenario = Scenario(name: "s", changes: [
            .addCost(added),
            .cost(id: added.id, .amount, .percent(dec("0.5"))),
            .addProduct(Product(sku: "NEW", name: "新品", price: dec("99"), cost: dec("30"))),
            .product(sku: "NEW", .price, .add(dec("1"))),
            .removeProduct(sku: "SKU-0"),
            .product(sku: "SKU-4", .price, .percent(dec("-0.1"))),
            .removeCost(id: CostID(category: .O, number: 1)),
        ])
        let fresh = scenario.applied(to: plan)
        let withLookup = scenario.applied(to: plan, lookup: ScenarioLookup(productsOf: plan))
        #expect(fresh.problems.isEmpty)
        #expect(withLookup.applied == Array(repeating: true, count: scenario.changes.count))
        #expect(withLookup.workspace == fresh.workspace)
        #expect(withLookup.workspace.costs.map(\.amount) == [dec("12000")])
        #expect(withLookup.workspace.products.map(\.sku) == ["SKU-1", "SKU-2", "SKU-3", "SKU-4", "NEW"])
        #expect(withLookup.workspace.products.map(\.price) == [dec("50"), dec("50"), dec("50"), dec("45"), dec("100")])
    }
}
