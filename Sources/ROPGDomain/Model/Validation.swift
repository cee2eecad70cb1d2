/// One thing wrong with a workspace, at a JSON-style path: `products[3].price: -5 is negative`.
public struct ValidationIssue: Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// The rules every workspace obeys, whether it was typed or loaded.
public enum Validation {
    /// A NUL in a name or SKU: it cuts C strings short (file names, terminals, other programs
    /// reading an export) and no one types it on purpose, so it is refused, typed or loaded.
    static func nulIssue(path: String, _ text: String) -> ValidationIssue? {
        guard containsNUL(text) else { return nil }
        return .init(path: path, message: "\(text.quotedExcerpt) holds a NUL character (\\u{0}); remove it")
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
        var issues: [ValidationIssue] = []
        if product.sku.isEmpty { issues.append(.init(path: "sku", message: "a product needs a SKU")) }
        if containsWhitespace(product.sku) {
            issues.append(.init(path: "sku", message: "\(product.sku.quotedExcerpt) has a space; a SKU is one word"))
        }
        if let issue = nulIssue(path: "sku", product.sku) { issues.append(issue) }
        if let issue = nulIssue(path: "name", product.name) { issues.append(issue) }
        if product.price.isNegative { issues.append(.init(path: "price", message: "\(product.price) is negative")) }
        if product.cost.isNegative { issues.append(.init(path: "cost", message: "\(product.cost) is negative")) }
        if let stock = product.stock, stock < 0 { issues.append(.init(path: "stock", message: "\(stock) is negative")) }
        // Most products set neither rate: no list of the two is made for them (an empty one is free).
        for (path, rate) in product.ctr == nil && product.cvr == nil ? [] : [("ctr", product.ctr), ("cvr", product.cvr)] {
            if let rate, rate.isNegative || rate.isZero || rate > .one {
                issues.append(.init(path: path, message: "\(rate.exactPercentText) is not above 0% and at most 100%"))
            }
        }
        if let share = product.share, share.isNegative || share > .one {
            issues.append(.init(path: "share", message: "\(share.exactPercentText) is not between 0% and 100%"))
        }
        return issues
    }

    public static func issues(in entry: CostEntry, products: Set<String>) -> [ValidationIssue] {
        issues(in: entry, hasProduct: { products.contains($0) })
    }

    /// `issues(in:products:)` asking `hasProduct` about the entry's product, if it has one: an
    /// edit of one entry looks its product up instead of making a set of 100,000 SKUs.
    public static func issues(in entry: CostEntry, hasProduct: (String) -> Bool) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if entry.name.isEmpty { issues.append(.init(path: "name", message: "a cost entry needs a name")) }
        if let issue = nulIssue(path: "name", entry.name) { issues.append(issue) }
        if entry.amount.isNegative { issues.append(.init(path: "amount", message: "\(entry.amount) is negative")) }
        if entry.quantity.isNegative || entry.quantity.isZero {
            issues.append(.init(path: "qty", message: "\(entry.quantity) must be above 0"))
        }
        if let start = entry.start, let end = entry.end, end < start {
            issues.append(.init(path: "end", message: "\(end) is before the start \(start)"))
        }
        switch entry.basis {
        case .amortized(let months):
            if months < 1 { issues.append(.init(path: "months", message: "amortizing needs at least 1 month")) }
            if entry.start == nil { issues.append(.init(path: "start", message: "an amortized entry needs a start month")) }
        case .cps(let share):
            if share.isNegative || share > .one { issues.append(.init(path: "share", message: "\(share.exactPercentText) must be between 0% and 100%")) }
            if entry.amount > .one { issues.append(.init(path: "amount", message: "a CPS rate of \(entry.amount.exactPercentText) is over 100%")) }
        case .plannedClicks:
            if entry.amount > .one { issues.append(.init(path: "share", message: "\(entry.amount.exactPercentText) of the paid clicks is over 100%")) }
        case .percent:
            if entry.amount > .one { issues.append(.init(path: "amount", message: "a rate of \(entry.amount.exactPercentText) is over 100%")) }
        case .cpc(let volume, _), .cpm(let volume, _):
            if volume.isNegative { issues.append(.init(path: "volume", message: "\(volume) is negative")) }
        default:
            break
        }
        if let sku = entry.product {
            if !entry.basis.followsSales {
                issues.append(.init(path: "product", message: "only per-unit, per-order, percent, CPS and cpc=plan entries belong to a product"))
            } else if !hasProduct(sku) {
                issues.append(.init(path: "product", message: "no product \(sku)"))
            }
        }
        return issues
    }

    public static func issues(in goal: Goal) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if goal.value.isNegative && goal.metric != .profit {
            issues.append(.init(path: "value", message: "\(goal.value) is negative"))
        }
        if goal.value.rounded(places: goal.metric.isMoney ? 2 : 0) != goal.value {
            issues.append(.init(path: "value", message: goal.metric.isMoney
                ? "\(goal.metric.rawValue) is money: \(goal.value) has more than 2 decimals"
                : "\(goal.metric.rawValue) is a count: \(goal.value) is not a whole number"))
        }
        if case .range = goal.period {
            issues.append(.init(path: "period", message: "goals are set on a year, quarter, month, week or day, not a range"))
        }
        return issues
    }

    /// A split spreads a year, quarter or month to something smaller, once per period.
    public static func issues(in split: GoalSplit, profiles: [Profile]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if ![.year, .quarter, .month].contains(split.period.grain) {
            issues.append(.init(path: "period", message: "only a year, quarter or month is split, not \(split.period.text)"))
        }
        if ![.quarter, .month, .day].contains(split.grain) || split.grain <= split.period.grain {
            issues.append(.init(path: "to", message: "\(split.period.text) splits to something smaller: quarter, month or day"))
        }
        switch split.method {
        case .profile(let name) where !profiles.contains(where: { $0.name == name }):
            issues.append(.init(path: "by", message: "no profile \(name)"))
        case .weights(let weights):
            let children = Period.children(of: split.period, grain: split.grain).count
            if weights.count != children && issues.isEmpty {
                issues.append(.init(path: "by", message: "\(split.period.text) has \(children) \(split.grain.name)s but \(weights.count) weights"))
            }
            if weights.contains(where: { $0.isNegative || $0 > Profile.largestWeight }) {
                issues.append(.init(path: "by", message: "weights are between 0 and \(Profile.largestWeight.countText)"))
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
            issues += Validation.issues(in: split, profiles: workspace.profiles).map { .init(path: "splits[\(index)].\($0.path)", message: $0.message) }
            if !periods.insert(split.period).inserted {
                issues.append(.init(path: "splits[\(index)]", message: "a second split for \(split.period.text)"))
            }
        }
        for (index, profile) in workspace.profiles.enumerated() {
            let weights = profile.monthWeights + profile.weekdayWeights + Array(profile.events.values) + Array(profile.yearlyEvents.values)
            if weights.contains(where: { $0.isNegative || $0 > Profile.largestWeight }) {
                issues.append(.init(path: "profiles[\(index)]", message: "weights are between 0 and \(Profile.largestWeight.countText)"))
            }
            if workspace.profiles[..<index].contains(where: { $0.name == profile.name }) {
                issues.append(.init(path: "profiles[\(index)].name", message: "a second profile named \(profile.name)"))
            }
        }
        return issues
    }

    /// One record per day, figures not negative (profit may be), counts whole, rates 0–100%.
    public static func issues(in actual: Actual) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for (metric, value) in actual.values.sorted(by: { $0.key < $1.key }) {
            if value.isNegative && metric != .profit { issues.append(.init(path: metric.rawValue, message: "\(value) is negative")) }
            if !metric.isMoney && value.exactInt == nil { issues.append(.init(path: metric.rawValue, message: "\(value) is not a whole number")) }
        }
        for (key, rate) in [("bounce", actual.bounceRate), ("inquiry-cvr", actual.inquiryConversion)] {
            if let rate, rate.isNegative || rate > .one { issues.append(.init(path: key, message: "\(rate.exactPercentText) is not between 0% and 100%")) }
        }
        if let depth = actual.visitDepth, depth.isNegative { issues.append(.init(path: "depth", message: "\(depth) is negative")) }
        return issues
    }

    /// Figures of one recorded day that cannot all be true (docs/DOMAIN.md §4.6): more orders than
    /// visitors (each order needs a visitor, so visitors 0 with orders is one of these), or GMV
    /// with no orders. `actual add` and `actual import` refuse them, naming the day and figures;
    /// a workspace file holding such a day still opens (opening never changes or refuses old work).
    public static func impossibilities(in actual: Actual) -> [String] {
        var found: [String] = []
        let uv = actual.values[.uv], orders = actual.values[.orders], gmv = actual.values[.gmv]
        if let uv, let orders, orders > uv {
            found.append("\(actual.day.isoText): \(orders.countText) orders from \(uv.countText) visitors; every order needs a visitor, so orders are at most uv")
        }
        if let orders, orders.isZero, let gmv, !gmv.isZero {
            found.append("\(actual.day.isoText): gmv \(gmv.formatted()) with 0 orders; a sale is an order, so record the orders (or gmv=0)")
        }
        return found
    }

    static func actualIssues(_ actuals: [Actual]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var days = Set<Day>()
        for (index, actual) in actuals.enumerated() {
            issues += Validation.issues(in: actual).map { .init(path: "actuals[\(index)].\($0.path)", message: $0.message) }
            if !days.insert(actual.day).inserted {
                issues.append(.init(path: "actuals[\(index)].date", message: "\(actual.day.isoText) is recorded twice"))
            }
        }
        return issues
    }

    /// Every rule, with paths into the workspace file.
    public static func issues(in workspace: Workspace) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for (assumption, value) in workspace.settings.values {
            if let problem = assumption.problem(with: value) {
                issues.append(.init(path: "settings.\(assumption.rawValue)", message: "\(value) \(problem)"))
            }
        }
        var planNames = Set<String>()
        for (index, saved) in workspace.hitPlans.enumerated() {
            if workspace.productIndex(sku: saved.spec.sku) == nil {
                issues.append(.init(path: "hitPlans[\(index)].plan", message: "no product \(saved.spec.sku)"))
            }
            if saved.name.isEmpty || !planNames.insert(saved.name).inserted {
                issues.append(.init(path: "hitPlans[\(index)].name", message: saved.name.isEmpty ? "is empty" : "\(saved.name) appears twice"))
            }
        }
        var scenarioNames = Set<String>()
        for (index, scenario) in workspace.scenarios.enumerated() {
            if let problem = Scenario.problem(withName: scenario.name) {
                issues.append(.init(path: "scenarios[\(index)]", message: problem))
            } else if !scenarioNames.insert(scenario.name).inserted {
                issues.append(.init(path: "scenarios[\(index)]", message: "scenario \(scenario.name) appears twice"))
            }
        }
        var skus = Set<String>(minimumCapacity: workspace.products.count)
        // The products and entries are read in place (a copy of each would retain its strings), and
        // a path is only formatted for one with something wrong: 100,000 and 1,000,000 are common.
        for index in workspace.products.indices {
            var product: Product { workspace.products[index] }
            var prefix: String { "products[\(index)]" }
            let productIssues = Validation.issues(in: workspace.products[index])
            if !productIssues.isEmpty {
                issues += productIssues.map { .init(path: "\(prefix).\($0.path)", message: $0.message) }
            }
            if !skus.insert(product.sku).inserted {
                issues.append(.init(path: "\(prefix).sku", message: "\(product.sku) appears twice"))
            }
        }
        // IDs are checked with one flag per number and category rather than a hash set: a shop
        // with a million entries opens in a fraction of a second.
        let shares = workspace.products.reduce(ExactDecimal.zero) { $0 + ($1.share ?? .zero) }
        if shares > .one {
            issues.append(.init(path: "products", message: "the products' GMV shares add up to \(shares.exactPercentText), more than 100%"))
        }
        let categories = CostCategory.allCases
        let last = categories.map { workspace.lastCostNumber[$0] ?? 0 }
        // The flags of all categories in one array, each category's from its offset.
        let flags = last.map { Int(min($0, 50_000_000)) + 1 }
        let offsets = flags.indices.map { flags[..<$0].reduce(0, +) }
        var seen = [Bool](repeating: false, count: flags.reduce(0, +))
        for index in workspace.costs.indices {
            var entry: CostEntry { workspace.costs[index] }
            let entryIssues = Validation.issues(in: workspace.costs[index], products: skus)
            if !entryIssues.isEmpty {
                issues += entryIssues.map { .init(path: "costs[\(index)].\($0.path)", message: $0.message) }
            }
            let category = categories.firstIndex(of: entry.category) ?? 0
            let number = Int(entry.id.number)
            if number < flags[category] {
                if seen[offsets[category] + number] {
                    issues.append(.init(path: "costs[\(index)].id", message: "\(entry.id) appears twice"))
                }
                seen[offsets[category] + number] = true
            }
            if entry.id.number > last[category] {
                issues.append(.init(path: "costs[\(index)].id", message: "\(entry.id) is above lastCostIds.\(entry.category.rawValue)"))
            }
        }
        for (index, override) in workspace.settings.overrides.enumerated() {
            if let problem = override.assumption.problem(with: override.value) {
                issues.append(.init(path: "overrides[\(index)].value", message: "\(override.assumption.rawValue) \(override.value) \(problem)"))
            }
        }
        issues += splitIssues(workspace)
        issues += actualIssues(workspace.actuals)
        var goalKeys = Set<String>()
        for (index, goal) in workspace.goals.enumerated() {
            let prefix = "goals[\(index)]"
            issues += Validation.issues(in: goal).map { .init(path: "\(prefix).\($0.path)", message: $0.message) }
            if !goalKeys.insert("\(goal.period.text) \(goal.metric.rawValue)").inserted {
                issues.append(.init(path: prefix, message: "a second \(goal.metric.rawValue) goal for \(goal.period.text)"))
            }
        }
        return issues
    }
}
