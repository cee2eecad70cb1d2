import Testing
@testable import ROPGDomain

/// The cost index kept up to date change by change (`CostIndex.updated(by:in:)`) equals a fresh
/// fold of the changed workspace, field for field: the groups' sums, their order and the IDs and
/// names they are known by, the folded product coefficients and the deposits. Random workspaces
/// of every basis, random edits of every kind the shell makes, undone and redone.
@Suite struct IncrementalIndexTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static func money(_ random: inout Random) -> ExactDecimal { ExactDecimal(mantissa: Int128(1 + random.next(500_000)), places: 2) }

    /// An entry of any basis, some tied to products (one to a SKU no product has), some bounded.
    static func entry(_ number: Int32, _ random: inout Random, skus: [String]) -> CostEntry {
        let category = random.pick(CostCategory.allCases)
        let id = CostID(category: category, number: number)
        let start = random.next(3) == 0 ? Day(year: 2026, month: 1 + random.next(12), day: 1) : nil
        let end = random.next(5) == 0 ? Day(year: 2026, month: 6 + random.next(7), day: 28) : nil
        let per = random.pick(TimeUnit.allCases)
        let product = random.next(2) == 0 ? random.pick(skus + ["NO-SUCH"]) : nil
        let rate = ExactDecimal(mantissa: Int128(1 + random.next(90)), places: 3)
        let amount = money(&random)
        let name = random.pick(["快递费", "直通车", "客服工资", "ERP", "包装"])
        let date = Day(year: 2026, month: 1 + random.next(12), day: 1 + random.next(28)) ?? Day(number: 0)
        var entry: CostEntry
        switch random.next(12) {
        case 0: entry = CostEntry(id: id, name: name, basis: .once(date: date), amount: amount)
        case 1: entry = CostEntry(id: id, name: name, basis: .amortized(months: random.pick([1, 3, 12])), amount: amount,
                                  start: start ?? Day(year: 2026, month: 2, day: 1))
        case 2: entry = CostEntry(id: id, name: name, basis: .perUnit, amount: rate, product: product)
        case 3: entry = CostEntry(id: id, name: name, basis: .perOrder, amount: rate, product: product)
        case 4: entry = CostEntry(id: id, name: name, basis: .percent, amount: rate, product: product)
        case 5: entry = CostEntry(id: id, name: name, basis: .cps(share: random.pick([dec("0.1"), dec("0.25")])), amount: rate, product: product)
        case 6: entry = CostEntry(id: id, name: name, basis: .plannedClicks, amount: rate, product: product)
        case 7: entry = CostEntry(id: id, name: name, basis: .cpc(clicks: ExactDecimal(100 + random.next(5000)), per: per), amount: rate)
        case 8: entry = CostEntry(id: id, name: name, basis: .cpm(impressions: ExactDecimal(1000 + random.next(50_000)), per: per), amount: amount)
        case 9: entry = CostEntry(id: id, name: name, basis: .deposit(date: random.next(2) == 0 ? date : nil), amount: amount)
        case 10: entry = CostEntry(id: id, name: name, basis: .cpt(per: per), amount: amount)
        default: entry = CostEntry(id: id, name: name, basis: .recurring(per: per), amount: amount)
        }
        entry.quantity = ExactDecimal(1 + random.next(3))
        if entry.start == nil { entry.start = start }
        entry.end = end
        return entry
    }

    static func workspace(seed: UInt64, entries: Int) -> Workspace {
        var random = Random(state: seed)
        var workspace = Workspace(name: "t")
        for index in 0..<20 {
            let cost = money(&random)
            workspace.products.append(Product(sku: "SKU-\(index)", name: "p\(index)", price: cost * 2, cost: cost,
                                              share: index % 7 == 0 ? dec("0.05") : nil))
        }
        let skus = workspace.products.map(\.sku)
        // Few shapes, so that groups hold several entries each and removals hit their first ones.
        for number in 1...Int32(entries) { workspace.costs.append(entry(number, &random, skus: skus)) }
        workspace.lastCostNumber = [.R: Int32(entries), .O: Int32(entries), .P: Int32(entries), .G: Int32(entries)]
        workspace.settings[.aov] = dec("120")
        workspace.settings[.cvr] = dec("0.03")
        workspace.goals = [Goal(period: .year(2026), metric: .gmv, value: dec("12000000"))]
        return workspace
    }

    /// A random change of the kinds the shell's commands make.
    static func edit(_ workspace: Workspace, _ random: inout Random, next: inout Int32) -> Edit {
        let skus = workspace.products.map(\.sku)
        let costs = workspace.costs
        switch random.next(9) {
        case 0, 1:
            next += 1
            return Edit(description: "cost add", changes: [.insertCost(entry(next, &random, skus: skus), at: costs.count)])
        case 2 where !costs.isEmpty:
            // Often the very first entries: the first of their groups, which name the group.
            let at = random.next(2) == 0 ? random.next(min(5, costs.count)) : random.next(costs.count)
            return Edit(description: "cost rm", changes: [.removeCost(at: at)])
        case 3 where !costs.isEmpty:
            let at = random.next(costs.count)
            var changed = costs[at]
            changed.amount = money(&random)
            changed.name = "改名"
            return Edit(description: "cost set", changes: [.replaceCost(changed, at: at)])
        case 4 where !costs.isEmpty:
            // Another shape: the entry leaves its group for another (or a new) one.
            let at = random.next(costs.count)
            var changed = entry(costs[at].id.number, &random, skus: skus)
            changed.id = costs[at].id
            return Edit(description: "cost set", changes: [.replaceCost(changed, at: at)])
        case 5:
            let at = random.next(workspace.products.count)
            var product = workspace.products[at]
            product.price = product.price + dec("3.5")
            if random.next(3) == 0 { product.share = product.share == nil ? dec("0.02") : nil }
            if random.next(4) == 0 { product.price = .zero }
            if random.next(3) == 0 { product.cost = money(&random) }
            return Edit(description: "product set", changes: [.replaceProduct(product, at: at)])
        case 7:
            // Several products at once (product set FILTER), most only in price or goods cost: the
            // mix's units per yuan moves and every per-unit rate is divided again from its parts.
            var changes: [WorkspaceChange] = []
            for at in Set((0..<3).map { _ in random.next(workspace.products.count) }).sorted() {
                var product = workspace.products[at]
                switch random.next(5) {
                case 0: product.cost = money(&random)
                case 1: product.share = product.share == nil ? dec("0.01") : nil
                case 2: product.price = product.price.isZero ? money(&random) : .zero
                default: product.price = money(&random)
                }
                changes.append(.replaceProduct(product, at: at))
            }
            if random.next(4) == 0 {
                var settings = workspace.settings
                settings[.unitsPerOrder] = random.pick([dec("1"), dec("1.5"), dec("2")])
                changes.append(.setSettings(settings))
            }
            return Edit(description: "product set several", changes: changes)
        case 6:
            var settings = workspace.settings
            settings[.unitsPerOrder] = random.pick([dec("1"), dec("1.5"), dec("2")])
            return Edit(description: "set", changes: [.setSettings(settings)])
        default:
            next += 1
            let first = entry(next, &random, skus: skus)
            next += 1
            let second = entry(next, &random, skus: skus)
            let at = random.next(costs.count + 1)
            return Edit(description: "two at once", changes: [.insertCost(first, at: at), .insertCost(second, at: at),
                                                              .setLastCostNumber(next, for: second.category)])
        }
    }

    static func applied(_ edit: Edit, inverse: Edit) -> [CostIndex.AppliedChange] {
        zip(edit.changes, inverse.changes.reversed()).map { (forward: $0, inverse: $1) }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func updatedIndexEqualsAFreshFold(seed: UInt64) {
        var workspace = Self.workspace(seed: seed, entries: 300)
        var random = Random(state: seed &* 31)
        var index = CostIndex(workspace)
        var next: Int32 = 10_000
        var done: [Edit] = []
        for step in 0..<60 {
            let edit: Edit
            // Now and then take back the latest change, as undo does.
            if step % 5 == 4, let last = done.popLast() { edit = last } else { edit = Self.edit(workspace, &random, next: &next) }
            let inverse = edit.apply(to: &workspace)
            if step % 5 != 4 { done.append(inverse) }
            guard let updated = index.updated(by: Self.applied(edit, inverse: inverse), in: workspace) else {
                Issue.record("seed \(seed) step \(step): \(edit.description) was not kept incrementally")
                return
            }
            let fresh = CostIndex(workspace)
            let same = updated == fresh  // not inside #expect, which would print both indexes whole
            #expect(same, "seed \(seed) step \(step): \(edit.description)")
            if !same { return }
            index = updated
        }
    }

    @Test func productsAddedRemovedOrRenamedFoldAfresh() {
        var workspace = Self.workspace(seed: 9, entries: 50)
        let index = CostIndex(workspace)
        var renamed = workspace.products[0]
        renamed.sku = "NEW"
        for edit in [Edit(description: "rename", changes: [.replaceProduct(renamed, at: 0)]),
                     Edit(description: "add", changes: [.insertProduct(renamed, at: 0)])] {
            var changed = workspace
            let inverse = edit.apply(to: &changed)
            #expect(index.updated(by: Self.applied(edit, inverse: inverse), in: changed) == nil)
        }
        // A sum too large to take apart is left to a fresh fold too.
        workspace.costs[0] = CostEntry(id: workspace.costs[0].id, name: "x", basis: .once(date: Day(year: 2026, month: 1, day: 1) ?? Day(number: 0)),
                                       amount: dec("1000000000000000"), quantity: dec("1000000000000000"))
        let huge = CostIndex(workspace)
        var changed = workspace
        let edit = Edit(description: "rm", changes: [.removeCost(at: 0)])
        let inverse = edit.apply(to: &changed)
        #expect(huge.updated(by: Self.applied(edit, inverse: inverse), in: changed) == nil)
    }

    /// Keys taken off the end of the fold's group table (an undone `cost add` of a new shape)
    /// are no longer found, and every other key still is, at its position: as in a table made
    /// of the keys left, and after they are added back.
    @Test func groupTableRemovesItsLastKeys() {
        let keys: [CostIndex.PackedKey] = (0..<3000).map { (number: Int) -> CostIndex.PackedKey in
            let category: CostCategory = number % 3 == 0 ? .P : .O
            let kind: UInt8 = number % 2 == 0 ? 4 : 6
            let key = CostIndex.Key(category: category, kind: kind, per: nil, day: nil, start: nil, end: nil, product: Int32(number / 2))
            return CostIndex.PackedKey(key)
        }
        for removed in [1, 7, 1500, 2999, 3000] {
            var table = CostIndex.GroupTable()
            for key in keys { table.append(key) }
            table.removeLast(removed)
            let kept = keys.count - removed
            #expect(table.count == kept && table == CostIndex.GroupTable(Array(keys.prefix(kept))))
            let found: [Int?] = keys.map { table.find($0) }
            let expected: [Int?] = keys.indices.map { $0 < kept ? $0 : nil }
            #expect(found == expected, "removed \(removed)")
            for key in keys.suffix(removed) { table.append(key) }
            #expect(keys.indices.allSatisfy { table.find(keys[$0]) == $0 }, "removed \(removed), added back")
        }
    }

    /// Folded in parts (as a million entries are, side by side on the cores) and joined, the
    /// index equals the one-pass fold field for field, whatever the cuts: the groups' sums, their
    /// order and first entries, the deposits. A negative amount is left to the one pass.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func partsJoinedEqualOnePass(seed: UInt64) {
        let workspace = Self.workspace(seed: seed, entries: 600)
        let productIndex = CostIndex.productIndices(workspace)
        let onePass = CostIndex(workspace)
        for cuts in [[0, 600], [0, 300, 600], [0, 1, 599, 600], [0, 137, 222, 480, 600]] {
            let parts = zip(cuts, cuts.dropFirst()).map { CostIndex.part(of: workspace, entries: $0..<$1, productIndex: productIndex) }
            let joined = CostIndex.joined(parts, workspace)
            let same = joined == onePass  // not inside #expect, which would print both indexes whole
            #expect(same, "seed \(seed), cuts \(cuts)")
        }
        var negative = workspace
        negative.costs[400] = CostEntry(id: negative.costs[400].id, name: "x", basis: .amortized(months: 12), amount: dec("0.06"),
                                        start: Day(year: 2026, month: 1, day: 1))
        let parts = [0..<300, 300..<600].map { CostIndex.part(of: negative, entries: $0, productIndex: productIndex) }
        #expect(CostIndex.joined(parts, negative) == nil)
    }

    /// Works each item out last to first (as pieces on other cores may finish in any order), and
    /// returns them in order.
    struct Backwards: IndexMapper {
        func map<T: Sendable>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] { (0..<count).reversed().map(make).reversed() }
    }

    /// The groups and their coefficients come out the same whatever order a mapper works them
    /// out in: joined parts equal the one pass, and a scenario's refold (new prices) equals the
    /// refold on one thread and a fresh fold of the scenario.
    @Test(arguments: [21, 22] as [UInt64])
    func groupsAndCoefficientsDoNotDependOnTheMappersOrder(seed: UInt64) {
        let workspace = Self.workspace(seed: seed, entries: 600)
        let productIndex = CostIndex.productIndices(workspace)
        let parts = [0..<250, 250..<600].map { CostIndex.part(of: workspace, entries: $0, productIndex: productIndex) }
        let joined = CostIndex.joined(parts, workspace, mapper: Backwards())
        let onePass = CostIndex(workspace)
        let same = joined == onePass
        #expect(same, "seed \(seed)")
        var scenario = workspace
        for position in scenario.products.indices where position % 3 == 0 {
            scenario.products[position].price += dec("7.30")
        }
        let backwards = onePass.refolded(for: scenario, mapper: Backwards())
        let inOrder = onePass.refolded(for: scenario)
        let fresh = CostIndex(scenario)
        let refoldsAgree = backwards == inOrder && backwards == fresh
        #expect(refoldsAgree, "seed \(seed)")
        #expect(backwards != onePass, "seed \(seed): the new prices change the coefficients")
    }
    /// A scenario's index brought from the plan's (its entries' changes taken in, its prices
    /// folded again) equals a fresh fold of the scenario's workspace, for scenarios that add,
    /// change, replace and remove entries beside price, share and assumption changes; and one
    /// that adds a product is folded afresh.
    @Test(arguments: [31, 32, 33, 34] as [UInt64])
    func aScenarioIndexFromThePlansEqualsAFreshFold(seed: UInt64) {
        let plan = Self.workspace(seed: seed, entries: 400)
        var random = Random(state: seed &* 17)
        let planIndex = CostIndex(plan)
        let ids = plan.costs.map(\.id)
        var changes: [ScenarioChange] = []
        for _ in 0..<12 {
            switch random.next(6) {
            case 0: changes.append(.cost(id: random.pick(ids), random.next(2) == 0 ? .amount : .qty, .percent(dec("0.1"))))
            case 1: changes.append(.addCost(Self.entry(Int32(5_000 + changes.count), &random, skus: plan.products.map(\.sku))))
            case 2: changes.append(.removeCost(id: random.pick(ids)))  // a second removal of the same ID does not apply
            case 3:
                var replaced = Self.entry(0, &random, skus: plan.products.map(\.sku))
                replaced.id = random.pick(ids)
                changes.append(.replaceCost(replaced))
            case 4: changes.append(.product(sku: random.pick(plan.products).sku, .price, .percent(dec("-0.1"))))
            default: changes.append(.assumption(.aov, .add(dec("5"))))
            }
        }
        let outcome = Scenario(name: "s", changes: changes).applied(to: plan)
        #expect(outcome.costsChanged, "seed \(seed): the scenario changes entries")
        guard let brought = planIndex.forScenario(outcome) else {
            Issue.record("seed \(seed): the scenario's index was not brought from the plan's")
            return
        }
        let same = brought == CostIndex(outcome.workspace)  // not inside #expect, which would print both indexes whole
        #expect(same, "seed \(seed)")
        #expect(brought != planIndex, "seed \(seed): the scenario's changes change the index")
        let adding = Scenario(name: "t", changes: [.addProduct(Product(sku: "NEW", name: "新", price: dec("10"), cost: dec("4")))]).applied(to: plan)
        #expect(planIndex.forScenario(adding) == nil, "seed \(seed): a product added moves rows; folded afresh")
    }
}
