/// One thing wrong with a workspace, at a JSON-style path: `products[3].price: -5 is negative`
/// (its words are the catalogue's: ROPGText/ValidationText.swift).
public struct ValidationIssue: Equatable, Sendable {
    public var path: String
    public var problem: ValidationProblem
    public init(path: String, _ problem: ValidationProblem) {
        self.path = path
        self.problem = problem
    }
}

/// The rules every workspace obeys, whether it was typed or loaded.
public enum Validation {
    /// A NUL in a name or SKU: it cuts C strings short (file names, terminals, other programs
    /// reading an export) and no one types it on purpose, so it is refused, typed or loaded.
    static func nulIssue(path: String, _ text: String) -> ValidationIssue? {
        guard containsNUL(text) else { return nil }
        return .init(path: path, .holdsNUL(text))
    }

    /// Whether `text` holds a NUL: a scan of its bytes where they lie together (a million
    /// names are checked on every open), else byte by byte.
    static func containsNUL(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? text.utf8.contains(0)
    }

    /// Whether any character of `text` is whitespace. ASCII text is checked byte by byte (its
    /// whitespace is tab, line feed, vertical tab, form feed, carriage return and space, as for
    /// `Character.isWhitespace`); other text character by character.
    static func containsWhitespace(_ text: String) -> Bool {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var found = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { found = true }
            }
            return found
        }
        if let ascii, let found = ascii { return found }
        return text.contains(where: { $0.isWhitespace })
    }

    public static func issues(in product: Product) -> [ValidationIssue] {
        withUnsafePointer(to: product) { issues(at: $0) }
    }

    /// The rules of the product at `pointer`, read where it lies (as for cost entries: a copy of
    /// each of 100,000 products on every open retained and released its strings).
    @inline(__always)
    static func issues(at pointer: UnsafePointer<Product>) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var product: Product { _read { yield pointer.pointee } }
        if product.sku.isEmpty { issues.append(.init(path: "sku", .productNeedsSKU)) }
        if containsWhitespace(product.sku) {
            issues.append(.init(path: "sku", .skuHasSpace(product.sku)))
        }
        if let issue = nulIssue(path: "sku", product.sku) { issues.append(issue) }
        if let issue = nulIssue(path: "name", product.name) { issues.append(issue) }
        if product.price.isNegative { issues.append(.init(path: "price", .negative(product.price))) }
        if product.cost.isNegative { issues.append(.init(path: "cost", .negative(product.cost))) }
        if let stock = product.stock, stock < 0 { issues.append(.init(path: "stock", .negative(ExactDecimal(stock)))) }
        // Most products set neither rate: no list of the two is made for them (an empty one is free).
        for (path, rate) in product.ctr == nil && product.cvr == nil ? [] : [("ctr", product.ctr), ("cvr", product.cvr)] {
            if let rate, rate.isNegative || rate.isZero || rate > .one {
                issues.append(.init(path: path, .notAboveZeroAtMostHundredPercent(rate)))
            }
        }
        if let share = product.share, share.isNegative || share > .one {
            issues.append(.init(path: "share", .notBetweenZeroAndHundredPercent(share)))
        }
        return issues
    }

    public static func issues(in entry: CostEntry, products: Set<String>) -> [ValidationIssue] {
        issues(in: entry, hasProduct: { products.contains($0) })
    }

    /// `issues(in:products:)` asking `hasProduct` about the entry's product, if it has one: an
    /// edit of one entry looks its product up instead of making a set of 100,000 SKUs.
    public static func issues(in entry: CostEntry, hasProduct: (String) -> Bool) -> [ValidationIssue] {
        withUnsafePointer(to: entry) { issues(at: $0, hasProduct: hasProduct) }
    }

    /// The rules of the entry at `entry`, read where it lies: a copy of each of a million entries
    /// on every open retained and released its strings, a third of the checks' time.
    @inline(__always)
    static func issues(at entry: UnsafePointer<CostEntry>, hasProduct: (String) -> Bool) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if entry.pointee.name.isEmpty { issues.append(.init(path: "name", .costNeedsName)) }
        if let issue = nulIssue(path: "name", entry.pointee.name) { issues.append(issue) }
        let amount = entry.pointee.amount, quantity = entry.pointee.quantity
        if amount.isNegative { issues.append(.init(path: "amount", .negative(amount))) }
        if quantity.isNegative || quantity.isZero {
            issues.append(.init(path: "qty", .quantityNotAboveZero(quantity)))
        }
        if let start = entry.pointee.start, let end = entry.pointee.end, end < start {
            issues.append(.init(path: "end", .endBeforeStart(end: end, start: start)))
        }
        let basis = entry.pointee.basis
        switch basis {
        case .amortized(let months):
            if months < 1 { issues.append(.init(path: "months", .amortizingNeedsAMonth)) }
            if entry.pointee.start == nil { issues.append(.init(path: "start", .amortizedNeedsStart)) }
        case .cps(let share):
            if share.isNegative || share > .one { issues.append(.init(path: "share", .shareMustBeBetweenZeroAndHundredPercent(share))) }
            if amount > .one { issues.append(.init(path: "amount", .cpsRateAboveHundredPercent(amount))) }
        case .plannedClicks:
            if amount > .one { issues.append(.init(path: "share", .paidClicksAboveHundredPercent(amount))) }
        case .percent:
            if amount > .one { issues.append(.init(path: "amount", .rateAboveHundredPercent(amount))) }
        case .cpc(let volume, _), .cpm(let volume, _):
            if volume.isNegative { issues.append(.init(path: "volume", .negative(volume))) }
        default:
            break
        }
        if entry.pointee.product != nil {
            if !basis.followsSales {
                issues.append(.init(path: "product", .onlySalesLinkedBelongToProduct))
            } else if let sku = entry.pointee.product, !hasProduct(sku) {
                issues.append(.init(path: "product", .noProduct(sku)))
            }
        }
        return issues
    }

    public static func issues(in goal: Goal) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if goal.value.isNegative && goal.metric != .profit {
            issues.append(.init(path: "value", .negative(goal.value)))
        }
        if goal.value.rounded(places: goal.metric.isMoney ? 2 : 0) != goal.value {
            issues.append(.init(path: "value", goal.metric.isMoney
                ? .moneyGoalHasMoreThanCents(goal.metric, goal.value)
                : .countGoalNotWhole(goal.metric, goal.value)))
        }
        if case .range = goal.period {
            issues.append(.init(path: "period", .goalOnRange))
        }
        return issues
    }

    /// A split spreads a year, quarter or month to something smaller, once per period.
    public static func issues(in split: GoalSplit, profiles: [Profile]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if ![.year, .quarter, .month].contains(split.period.grain) {
            issues.append(.init(path: "period", .onlyYearQuarterMonthSplit(split.period)))
        }
        if ![.quarter, .month, .day].contains(split.grain) || split.grain <= split.period.grain {
            issues.append(.init(path: "to", .splitsToSmaller(split.period)))
        }
        switch split.method {
        case .profile(let name) where !profiles.contains(where: { $0.name == name }):
            issues.append(.init(path: "by", .noProfile(name)))
        case .weights(let weights):
            let children = Period.children(of: split.period, grain: split.grain).count
            if weights.count != children && issues.isEmpty {
                issues.append(.init(path: "by", .weightCount(split.period, children: children, grain: split.grain, weights: weights.count)))
            }
            if weights.contains(where: { $0.isNegative || $0 > Profile.largestWeight }) {
                issues.append(.init(path: "by", .weightsOutOfRange(largest: Profile.largestWeight)))
            }
        default:
            break
        }
        return issues
    }

    static func splitIssues(_ workspace: Workspace) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var periods = Set<Period>()
        for (index, split) in workspace.splits.enumerated() {
            issues += Validation.issues(in: split, profiles: workspace.profiles).map { .init(path: "splits[\(index)].\($0.path)", $0.problem) }
            if !periods.insert(split.period).inserted {
                issues.append(.init(path: "splits[\(index)]", .secondSplit(split.period)))
            }
        }
        for (index, profile) in workspace.profiles.enumerated() {
            let weights = profile.monthWeights + profile.weekdayWeights + Array(profile.events.values) + Array(profile.yearlyEvents.values)
            if weights.contains(where: { $0.isNegative || $0 > Profile.largestWeight }) {
                issues.append(.init(path: "profiles[\(index)]", .weightsOutOfRange(largest: Profile.largestWeight)))
            }
            if workspace.profiles[..<index].contains(where: { $0.name == profile.name }) {
                issues.append(.init(path: "profiles[\(index)].name", .secondProfile(profile.name)))
            }
        }
        return issues
    }

    /// One record per day, figures not negative (profit may be), counts whole, rates 0–100%.
    public static func issues(in actual: Actual) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for (metric, value) in actual.values.sorted(by: { $0.key < $1.key }) {
            if value.isNegative && metric != .profit { issues.append(.init(path: metric.rawValue, .negative(value))) }
            if !metric.isMoney && value.exactInt == nil { issues.append(.init(path: metric.rawValue, .notWhole(value))) }
        }
        for (key, rate) in [("bounce", actual.bounceRate), ("inquiry-cvr", actual.inquiryConversion)] {
            if let rate, rate.isNegative || rate > .one { issues.append(.init(path: key, .notBetweenZeroAndHundredPercent(rate))) }
        }
        if let depth = actual.visitDepth, depth.isNegative { issues.append(.init(path: "depth", .negative(depth))) }
        return issues
    }

    /// Figures of one recorded day that cannot all be true (docs/DOMAIN.md §4.6): more orders than
    /// visitors (each order needs a visitor, so visitors 0 with orders is one of these), or GMV
    /// with no orders. `actual add` and `actual import` refuse them, naming the day and figures;
    /// a workspace file holding such a day still opens (opening never changes or refuses old work).
    public static func impossibilities(in actual: Actual) -> [ValidationProblem] {
        var found: [ValidationProblem] = []
        let uv = actual.values[.uv], orders = actual.values[.orders], gmv = actual.values[.gmv]
        if let uv, let orders, orders > uv {
            found.append(.ordersAboveVisitors(actual.day, orders: orders, visitors: uv))
        }
        if let orders, orders.isZero, let gmv, !gmv.isZero {
            found.append(.gmvWithoutOrders(actual.day, gmv: gmv))
        }
        return found
    }

    /// The cost entries that break a rule of their own (`issues(in:products:)`), in order, with
    /// those issues: checked in `pieces` ranges that `perform` may run side by side, each range
    /// writing only its own slot.
    static func costEntryIssues(_ costs: [CostEntry], products: Set<String>, pieces requested: Int,
                                perform: (Int, (Int) -> Void) -> Void) -> [(index: Int, issues: [ValidationIssue])] {
        typealias Found = [(index: Int, issues: [ValidationIssue])]
        let pieces = max(1, min(requested, costs.count))
        func check(_ range: Range<Int>, _ costs: UnsafeBufferPointer<CostEntry>) -> Found {
            var found: Found = []
            guard let first = costs.baseAddress else { return found }
            for index in range {
                let issues = Validation.issues(at: first + index) { products.contains($0) }
                if !issues.isEmpty { found.append((index, issues)) }
            }
            return found
        }
        return costs.withUnsafeBufferPointer { costs in
            guard pieces > 1 else { return check(costs.indices, costs) }
            let count = costs.count
            let results = UnsafeMutablePointer<Found>.allocate(capacity: pieces)
            results.initialize(repeating: [], count: pieces)
            defer {
                results.deinitialize(count: pieces)
                results.deallocate()
            }
            perform(pieces) { piece in results[piece] = check(count * piece / pieces..<count * (piece + 1) / pieces, costs) }
            return (0..<pieces).flatMap { results[$0] }
        }
    }

    static func actualIssues(_ actuals: [Actual]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var days = Set<Day>()
        for (index, actual) in actuals.enumerated() {
            issues += Validation.issues(in: actual).map { .init(path: "actuals[\(index)].\($0.path)", $0.problem) }
            if !days.insert(actual.day).inserted {
                issues.append(.init(path: "actuals[\(index)].date", .recordedTwice(actual.day)))
            }
        }
        return issues
    }

    /// Every rule, with paths into the workspace file.
    public static func issues(in workspace: Workspace) -> [ValidationIssue] {
        issues(in: workspace, pieces: 1) { count, body in for piece in 0..<count { body(piece) } }
    }

    /// `issues(in:)`, with the rules of each cost entry on its own checked in `pieces` ranges of
    /// the entries that `perform(pieces, body)` runs, side by side when it can (a million entries
    /// are checked on every open). The issues come in the same order as from one pass: each
    /// range's are put back in place, and the ID checks, which depend on the entries before, run
    /// in one pass over them all. `perform` must have run `body` for every piece when it returns.
    public static func issues(in workspace: Workspace, pieces: Int, perform: (Int, (Int) -> Void) -> Void) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for (assumption, value) in workspace.settings.values {
            if let problem = assumption.problem(with: value) {
                issues.append(.init(path: "settings.\(assumption.rawValue)", .assumptionValue(value, problem: problem)))
            }
        }
        var planNames = Set<String>()
        for (index, saved) in workspace.hitPlans.enumerated() {
            if workspace.productIndex(sku: saved.spec.sku) == nil {
                issues.append(.init(path: "hitPlans[\(index)].plan", .noProduct(saved.spec.sku)))
            }
            if saved.name.isEmpty || !planNames.insert(saved.name).inserted {
                issues.append(.init(path: "hitPlans[\(index)].name", saved.name.isEmpty ? .isEmpty : .appearsTwice(saved.name)))
            }
        }
        var scenarioNames = Set<String>()
        for (index, scenario) in workspace.scenarios.enumerated() {
            if let problem = Scenario.problem(withName: scenario.name) {
                issues.append(.init(path: "scenarios[\(index)]", .scenarioName(problem)))
            } else if !scenarioNames.insert(scenario.name).inserted {
                issues.append(.init(path: "scenarios[\(index)]", .scenarioTwice(scenario.name)))
            }
        }
        var skus = Set<String>(minimumCapacity: workspace.products.count)
        // The products and entries are read in place (a copy of each would retain its strings), and
        // a path is only formatted for one with something wrong: 100,000 and 1,000,000 are common.
        workspace.products.withUnsafeBufferPointer { products in
            guard let first = products.baseAddress else { return }
            for index in products.indices {
                let product = first + index
                var prefix: String { "products[\(index)]" }
                let productIssues = Validation.issues(at: product)
                if !productIssues.isEmpty {
                    issues += productIssues.map { .init(path: "\(prefix).\($0.path)", $0.problem) }
                }
                if !skus.insert(product.pointee.sku).inserted {
                    issues.append(.init(path: "\(prefix).sku", .appearsTwice(product.pointee.sku)))
                }
            }
        }
        // IDs are checked with one flag per number and category rather than a hash set: a shop
        // with a million entries opens in a fraction of a second.
        let shares = workspace.products.reduce(ExactDecimal.zero) { $0 + ($1.share ?? .zero) }
        if shares > .one {
            issues.append(.init(path: "products", .sharesAboveHundredPercent(shares)))
        }
        let categories = CostCategory.allCases
        let last = categories.map { workspace.lastCostNumber[$0] ?? 0 }
        // The flags of all categories in one array, each category's from its offset.
        let flags = last.map { Int(min($0, 50_000_000)) + 1 }
        let offsets = flags.indices.map { flags[..<$0].reduce(0, +) }
        var seen = [Bool](repeating: false, count: flags.reduce(0, +))
        let entryIssues = costEntryIssues(workspace.costs, products: skus, pieces: pieces, perform: perform)
        var nextWithIssues = 0
        workspace.costs.withUnsafeBufferPointer { costs in
            for index in costs.indices {
                if nextWithIssues < entryIssues.count, entryIssues[nextWithIssues].index == index {
                    issues += entryIssues[nextWithIssues].issues.map { .init(path: "costs[\(index)].\($0.path)", $0.problem) }
                    nextWithIssues += 1
                }
                let id = costs[index].id
                let category = id.category.position
                let number = Int(id.number)
                if number < flags[category] {
                    if seen[offsets[category] + number] {
                        issues.append(.init(path: "costs[\(index)].id", .appearsTwice(id.description)))
                    }
                    seen[offsets[category] + number] = true
                }
                if id.number > last[category] {
                    issues.append(.init(path: "costs[\(index)].id", .idAboveLast(id)))
                }
            }
        }
        for (index, override) in workspace.settings.overrides.enumerated() {
            if let problem = override.assumption.problem(with: override.value) {
                issues.append(.init(path: "overrides[\(index)].value", .overrideValue(override.assumption, override.value, problem: problem)))
            }
        }
        issues += splitIssues(workspace)
        issues += actualIssues(workspace.actuals)
        var goalKeys = Set<String>()
        for (index, goal) in workspace.goals.enumerated() {
            let prefix = "goals[\(index)]"
            issues += Validation.issues(in: goal).map { .init(path: "\(prefix).\($0.path)", $0.problem) }
            if !goalKeys.insert("\(goal.period.text) \(goal.metric.rawValue)").inserted {
                issues.append(.init(path: prefix, .secondGoal(goal.metric, goal.period)))
            }
        }
        return issues
    }
}
