/// A named version of the plan (保守, 激进): a list of changes laid over the plan as it is now,
/// like Causal's linked overrides. The plan can change underneath; each change is found again by
/// its key (a product's SKU, a cost entry's ID, a goal's period and metric, an assumption, a hit
/// plan's name), and one whose target is gone is reported by name while the rest still apply.
public struct Scenario: Equatable, Sendable {
    public var name: String
    public var changes: [ScenarioChange]
    /// How volume answers a price change in this scenario (docs/DOMAIN.md §13).
    public var volume: VolumeRule

    public init(name: String, changes: [ScenarioChange] = [], volume: VolumeRule = .holdGMV) {
        self.name = name
        self.changes = changes
        self.volume = volume
    }

    /// Names are short words, Chinese welcome; not empty, no spaces or `=`, nothing a report's
    /// words could be mistaken for.
    /// Words a comparison or report already uses for the plan or its columns.
    public static let reservedNames: Set<String> = ["plan", "基准", "actual", "all", "none", "default", "Δ", "Δ%", "delta", "vs"]

    public static func problem(withName name: String) -> ScenarioNameProblem? {
        if name.isEmpty { return .empty }
        if name.count > 40 { return .tooLong }
        if name.contains(where: { $0.isWhitespace || $0 == "=" || $0 == "," || $0 == "#" || $0 == ";" || $0.isNewline }) {
            return .separator
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .control }
        // Zero-width spaces, joiners and the like: a name that looks like another, and shifts its column.
        if let hidden = name.unicodeScalars.first(where: { [.format, .privateUse, .unassigned, .surrogate].contains($0.properties.generalCategory) }) {
            return .invisible(hidden.value)
        }
        if reservedNames.contains(name.lowercased()) {
            return .reserved(name)
        }
        if (try? Period.parse(name)) != nil {
            return .readsAsPeriod(name)
        }
        return nil
    }
}

/// One change a scenario makes, keyed so it can be found again on a changed plan.
public enum ScenarioChange: Equatable, Sendable {
    case assumption(Assumption, FigureChange)
    case product(sku: String, ProductFigure, FigureChange)
    case productName(sku: String, String)
    case productRole(sku: String, ProductRole?)
    case addProduct(Product)
    case removeProduct(sku: String)
    case cost(id: CostID, CostFigure, FigureChange)
    /// The entry whole, by its ID (a change of basis, name, dates or product).
    case replaceCost(CostEntry)
    /// An entry the scenario adds; it takes the next free ID when the plan has used its own.
    case addCost(CostEntry)
    case removeCost(id: CostID)
    /// A goal set (or removed, nil) by period and metric.
    case goal(Period, GoalMetric, ExactDecimal?)
    /// A saved hit plan added or replaced by name.
    case hitPlan(SavedHitPlan)
    case removeHitPlan(name: String)

    /// What it changes, for lists and messages: "product TS-002 price", "cost P3 主播".
    public var subject: String {
        switch self {
        case .assumption(let assumption, _): return "set \(assumption.rawValue)"
        case .product(let sku, let figure, _): return "product \(sku) \(figure.rawValue)"
        case .productName(let sku, _): return "product \(sku) name"
        case .productRole(let sku, _): return "product \(sku) role"
        case .addProduct(let product): return "product add \(product.sku)"
        case .removeProduct(let sku): return "product rm \(sku)"
        case .cost(let id, let figure, _): return "cost \(id) \(figure.rawValue)"
        case .replaceCost(let entry): return "cost \(entry.id) \(entry.name)"
        case .addCost(let entry): return "cost add \(entry.id) \(entry.name)"
        case .removeCost(let id): return "cost rm \(id)"
        case .goal(let period, let metric, _): return "goal \(period.text) \(metric.rawValue)"
        case .hitPlan(let saved): return "hit plan \(saved.name)"
        case .removeHitPlan(let name): return "hit rm \(name)"
        }
    }

    /// The change itself, as typed after the subject: "-=10%", "=0.025", "added".
    public var how: String {
        switch self {
        case .assumption(_, let change), .product(_, _, let change), .cost(_, _, let change): return change.typed
        case .productName(_, let name): return "=\(name)"
        case .productRole(_, let role): return "=\(role?.rawValue ?? "none")"
        case .addProduct, .addCost, .hitPlan: return "added"
        case .removeProduct, .removeCost, .removeHitPlan: return "removed"
        case .replaceCost: return "replaced"
        case .goal(_, _, let value): return "=" + (value?.description ?? "none")
        }
    }

    /// The key the change is found by: two changes with the same key touch the same figure.
    var key: String { subject }
}

/// How many units sell when a what-if or scenario changes a product's price (docs/DOMAIN.md §13).
public enum VolumeRule: Equatable, Sendable {
    /// The GMV the goals plan stays; the product's units move inversely to its price (the plan's own rule).
    case holdGMV
    /// The product's units stay; its revenue moves with the price, and the shop's GMV with it.
    case holdUnits
    /// Units change by the elasticity times the price change: −1.5 and a 10% cut sell 15% more.
    case elasticity(ExactDecimal)

    /// As typed after `volume=`.
    public var typed: String {
        switch self {
        case .holdGMV: return "hold-gmv"
        case .holdUnits: return "hold-units"
        case .elasticity(let value): return "elasticity:\(value.description)"
        }
    }

    public static func parse(_ text: String) -> VolumeRule? {
        switch text.lowercased() {
        case "hold-gmv", "gmv": return .holdGMV
        case "hold-units", "units": return .holdUnits
        default:
            let lowered = text.lowercased()
            guard lowered.hasPrefix("elasticity:") else { return nil }
            guard let value = try? NumberGrammar.parse(String(text.dropFirst("elasticity:".count))), !value.isPercent,
                  value.value.magnitude <= ExactDecimal(100) else { return nil }
            return .elasticity(value.value)
        }
    }
}

/// A scenario laid over a plan: the workspace it gives and what no longer applied.
public struct ScenarioOutcome: Sendable {
    public var workspace: Workspace
    /// The changes left out and why ("product TS-009 price -=10%: no product TS-009 in the plan").
    public var problems: [ScenarioFailure]
    /// The changes that applied, by position in the scenario.
    public var applied: [Bool]
    /// What the volume rule did, when it did something.
    public var volumeNote: VolumeNote?
    /// Why the volume rule could not be applied (the workspace then holds GMV).
    public var volumeFailure: KeyedMessage?
    /// Whether a change that applied added or removed a product (so that an index of the plan's
    /// entries no longer fits).
    public var productsMoved = false
    /// Each change to the cost entries that applied, in order, with the change that undoes it:
    /// what brings an index of the plan's entries up to the scenario's (`CostIndex.updated(by:in:)`)
    /// instead of folding a million entries again for a scenario that adds one.
    public var costChanges: [CostIndex.AppliedChange] = []
    /// Whether a change that applied touched the cost entries.
    public var costsChanged: Bool { !costChanges.isEmpty }
}

/// Finds products and cost entries by key while a scenario's changes apply: built once, so a
/// scenario of 20,000 price changes over 100,000 products is not 20,000 searches of them.
public struct ScenarioLookup {
    public init() {}

    /// A lookup with the products of `workspace` found once: a session comparing scenarios
    /// over a plan of 100,000 products hands each scenario a copy, not a search of its own.
    public init(productsOf workspace: Workspace) {
        skus = Self.positions(of: workspace.products)
    }
    private var skus: [String: Int]?
    private var ids: [CostID: Int]?
    private var skuSet: Set<String>?

    public mutating func product(_ sku: String, in workspace: Workspace) -> Int? {
        if skus == nil { skus = Self.positions(of: workspace.products) }
        return skus?[sku]
    }

    /// Each product's position by SKU (the first, were a SKU held twice).
    private static func positions(of products: [Product]) -> [String: Int] {
        Dictionary(products.enumerated().map { ($1.sku, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public mutating func cost(_ id: CostID, in workspace: Workspace) -> Int? {
        if ids == nil { ids = Dictionary(workspace.costs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }) }
        return ids?[id]
    }

    public mutating func allSKUs(in workspace: Workspace) -> Set<String> {
        if let skuSet { return skuSet }
        let made = Set(workspace.products.map(\.sku))
        skuSet = made
        return made
    }

    /// After a change that adds or removes products or entries: their positions are found
    /// afresh (an entry added leaves the products where they were).
    public mutating func forget(products: Bool, costs: Bool) {
        if products {
            skus = nil
            skuSet = nil
        }
        if costs { ids = nil }
    }
}

extension Scenario {
    /// The plan with this scenario's changes on top, then its volume rule (`rule` overrides it).
    /// `lookup`: positions already found in `plan` (`ScenarioLookup(productsOf:)`).
    public func applied(to plan: Workspace, volume rule: VolumeRule? = nil, lookup planLookup: ScenarioLookup = ScenarioLookup()) -> ScenarioOutcome {
        var workspace = plan
        var problems: [ScenarioFailure] = []
        var applied: [Bool] = []
        var lookup = planLookup
        var productsMoved = false
        var costChanges: [CostIndex.AppliedChange] = []
        for change in changes {
            if let problem = change.apply(to: &workspace, lookup: &lookup, recording: &costChanges) {
                problems.append(ScenarioFailure(change: change, problem: problem))
                applied.append(false)
            } else {
                applied.append(true)
                switch change {
                case .addProduct, .removeProduct: productsMoved = true
                default: break
                }
            }
        }
        var outcome = ScenarioOutcome(workspace: workspace, problems: problems, applied: applied, volumeNote: nil, volumeFailure: nil,
                                      productsMoved: productsMoved, costChanges: costChanges)
        do throws(VolumeAdjustment.Failure) {
            outcome.volumeNote = try VolumeAdjustment.apply(rule ?? volume, plan: plan, to: &outcome.workspace)
        } catch {
            outcome.volumeFailure = error.message
        }
        return outcome
    }
}

extension ScenarioChange {
    /// Applies the change; returns why it does not apply (the workspace is then unchanged).
    public func apply(to workspace: inout Workspace) -> ScenarioProblem? {
        var lookup = ScenarioLookup()
        return apply(to: &workspace, lookup: &lookup)
    }

    /// `apply(to:)` with positions found through `lookup`, kept across a scenario's changes.
    public func apply(to workspace: inout Workspace, lookup: inout ScenarioLookup) -> ScenarioProblem? {
        var costChanges: [CostIndex.AppliedChange] = []
        return apply(to: &workspace, lookup: &lookup, recording: &costChanges)
    }

    /// `apply(to:lookup:)`, with a change to the cost entries that applies appended to
    /// `costChanges` beside the change that undoes it.
    public func apply(to workspace: inout Workspace, lookup: inout ScenarioLookup,
                      recording costChanges: inout [CostIndex.AppliedChange]) -> ScenarioProblem? {
        let problem = applyOne(to: &workspace, lookup: &lookup, recording: &costChanges)
        if problem == nil {
            switch self {
            case .addProduct, .removeProduct: lookup.forget(products: true, costs: false)
            case .addCost, .removeCost: lookup.forget(products: false, costs: true)
            default: break
            }
        }
        return problem
    }

    private func applyOne(to workspace: inout Workspace, lookup: inout ScenarioLookup,
                          recording costChanges: inout [CostIndex.AppliedChange]) -> ScenarioProblem? {
        switch self {
        case .assumption(let assumption, let change):
            if change == .to(nil) {
                workspace.settings[assumption] = nil
                return nil
            }
            guard let value = change.applied(to: workspace.settings[assumption]) else { return .assumptionNotSet(assumption) }
            if let problem = FigureChange.sizeProblem(of: value) { return .assumptionTooLarge(assumption, typed: change.typed, problem) }
            let settled = assumption.settled(value)
            if let problem = assumption.problem(with: settled) {
                return .assumptionOutOfRange(assumption, value: settled, problem: problem)
            }
            if let problem = workspace.settings.changeOverrides(of: assumption, by: change) { return .override(problem) }
            workspace.settings[assumption] = settled
        case .product(let sku, let figure, let change):
            guard let index = lookup.product(sku, in: workspace) else { return .noProduct(sku) }
            var product = workspace.products[index]
            guard let value = change.applied(to: figure.value(of: product)) else { return .noOwnFigure(sku: sku, label: figure.label) }
            if value.isNegative { return .wouldBeNegative(label: figure.label, of: sku, value: value) }
            if let problem = FigureChange.sizeProblem(of: value) { return .figureTooLarge(figure: figure.rawValue, typed: change.typed, of: sku, problem) }
            guard figure.set(value, on: &product) else { return .cannotBe(sku: sku, label: figure.label, value: value) }
            if let issue = Validation.issues(in: product).first { return .invalid(of: sku, issue) }
            let before = workspace.products[index]
            workspace.products[index] = product
            if figure == .share, Self.sharesExceedWhole(workspace.products) {
                workspace.products[index] = before
                return .sharesAboveWhole
            }
        case .productName(let sku, let name):
            guard let index = lookup.product(sku, in: workspace) else { return .noProduct(sku) }
            workspace.products[index].name = name
        case .productRole(let sku, let role):
            guard let index = lookup.product(sku, in: workspace) else { return .noProduct(sku) }
            workspace.products[index].role = role
        case .addProduct(let product):
            guard lookup.product(product.sku, in: workspace) == nil else { return .planHasProduct(product.sku) }
            workspace.products.append(product)
            if Self.sharesExceedWhole(workspace.products) {
                workspace.products.removeLast()
                return .sharesAboveWhole
            }
        case .removeProduct(let sku):
            guard let index = lookup.product(sku, in: workspace) else { return .noProduct(sku) }
            if let user = workspace.costs.first(where: { $0.product == sku }) { return .costBelongsToProduct(user.id, sku: sku) }
            if let plan = workspace.hitPlans.first(where: { $0.spec.sku == sku }) { return .hitPlanForProduct(name: plan.name, sku: sku) }
            workspace.products.remove(at: index)
        case .cost(let id, let figure, let change):
            guard let index = lookup.cost(id, in: workspace) else { return .noCost(id) }
            var entry = workspace.costs[index]
            guard let value = change.applied(to: figure.value(of: entry)) else { return .noCostFigure(id, figure: figure.rawValue) }
            if value.isNegative { return .wouldBeNegative(label: figure.rawValue, of: id.description, value: value) }
            if let problem = FigureChange.sizeProblem(of: value) { return .figureTooLarge(figure: figure.rawValue, typed: change.typed, of: id.description, problem) }
            figure.set(value, on: &entry)
            if let issue = Validation.issues(in: entry, products: lookup.allSKUs(in: workspace)).first { return .invalid(of: id.description, issue) }
            costChanges.append((.replaceCost(entry, at: index), .replaceCost(workspace.costs[index], at: index)))
            workspace.costs[index] = entry
        case .replaceCost(let entry):
            guard let index = lookup.cost(entry.id, in: workspace) else { return .noCost(entry.id) }
            if let sku = entry.product, lookup.product(sku, in: workspace) == nil { return .noProduct(sku) }
            costChanges.append((.replaceCost(entry, at: index), .replaceCost(workspace.costs[index], at: index)))
            workspace.costs[index] = entry
        case .addCost(var entry):
            if let sku = entry.product, lookup.product(sku, in: workspace) == nil { return .noProduct(sku) }
            // One pass over the entries, read in place, for the category's highest number and
            // whether the plan holds this ID: an index of a million IDs was most of a compare.
            var used = workspace.lastCostNumber[entry.category] ?? 0
            var held = false
            workspace.costs.withUnsafeBufferPointer { costs in
                guard let first = costs.baseAddress else { return }
                for position in costs.indices where (first + position).pointee.id.category == entry.category {
                    let number = (first + position).pointee.id.number
                    used = max(used, number)
                    if number == entry.id.number { held = true }
                }
            }
            if held {
                // The plan never hands out an ID a scenario's entry holds (`nextCostID`), so the
                // entry keeps its own; only a file from before that rule can have the plan hold
                // it already, and then this one takes the next free ID.
                guard used < Int32.max else { return .entryNumbersUsedUp(entry.category) }
                entry.id = CostID(category: entry.category, number: used + 1)
            }
            costChanges.append((.insertCost(entry, at: workspace.costs.count), .removeCost(at: workspace.costs.count)))
            workspace.costs.append(entry)
            workspace.lastCostNumber[entry.category] = max(workspace.lastCostNumber[entry.category] ?? 0, entry.id.number)
        case .removeCost(let id):
            guard let index = lookup.cost(id, in: workspace) else { return .noCost(id) }
            costChanges.append((.removeCost(at: index), .insertCost(workspace.costs[index], at: index)))
            workspace.costs.remove(at: index)
        case .goal(let period, let metric, let value):
            let index = workspace.goalIndex(period: period, metric: metric)
            switch (value, index) {
            case (let value?, let index?): workspace.goals[index].value = value
            case (let value?, nil):
                let goal = Goal(period: period, metric: metric, value: value)
                workspace.goals.insert(goal, at: workspace.goalInsertionIndex(for: goal))
            case (nil, let index?): workspace.goals.remove(at: index)
            case (nil, nil): return .noGoal(metric, period)
            }
        case .hitPlan(let saved):
            guard lookup.product(saved.spec.sku, in: workspace) != nil else { return .noProduct(saved.spec.sku) }
            if let index = workspace.hitPlans.firstIndex(where: { $0.name == saved.name }) {
                workspace.hitPlans[index] = saved
            } else {
                workspace.hitPlans.append(saved)
            }
        case .removeHitPlan(let name):
            guard let index = workspace.hitPlans.firstIndex(where: { $0.name == name }) else { return .noHitPlan(name) }
            workspace.hitPlans.remove(at: index)
        }
        return nil
    }

    static func sharesExceedWhole(_ products: [Product]) -> Bool {
        products.reduce(ExactDecimal.zero) { $0 + ($1.share ?? .zero) } > .one
    }
}

/// Works out a scenario's changes from a plan and the same plan changed (an open what-if): the
/// difference, entity by entity, with the relative changes the user typed kept relative.
public enum ScenarioDelta {
    /// What a scenario cannot hold: changes to these are refused by name.
    public struct Unsupported: Error, Equatable, Sendable {
        public var parts: [String]
    }

    /// `typed` holds the figure changes as typed in the what-if, oldest first: where the last of
    /// them for a figure, replayed on the plan, gives the changed figure, they are kept as they
    /// are (so `price-=10%` stays a 10% cut); else the figure's new value is kept.
    public static func between(_ plan: Workspace, _ changed: Workspace, typed: [ScenarioChange]) throws(Unsupported) -> [ScenarioChange] {
        var unsupported: [String] = []
        // Relative assumption changes carry the dated values with them (DOMAIN §13): those are not changes of their own.
        var carried = plan.settings
        for case .assumption(let assumption, let change) in typed { _ = carried.changeOverrides(of: assumption, by: change) }
        if carried.overrides != changed.settings.overrides { unsupported.append("assumptions for one period (set … period=)") }
        if plan.splits != changed.splits { unsupported.append("goal splits") }
        if plan.profiles != changed.profiles { unsupported.append("profiles") }
        if plan.actuals != changed.actuals { unsupported.append("actuals") }
        if plan.name != changed.name { unsupported.append("the workspace's name") }
        guard unsupported.isEmpty else { throw Unsupported(parts: unsupported) }

        var changes: [ScenarioChange] = []
        var typedByKey: [String: [ScenarioChange]] = [:]
        for change in typed { typedByKey[change.key, default: []].append(change) }
        func figure(_ key: String, from old: ExactDecimal?, to new: ExactDecimal?, settle: (ExactDecimal) -> ExactDecimal?,
                    absolute: (FigureChange) -> ScenarioChange) {
            guard old != new else { return }
            let mine = typedByKey[key] ?? []
            // The relative changes since the last absolute one, if replaying them gives `new`.
            let lastAbsolute = mine.lastIndex { !$0.figureChange.isRelative }
            let run = Array(mine[((lastAbsolute ?? -1) + 1)...])
            var value: ExactDecimal? = lastAbsolute.map { mine[$0].figureChange.applied(to: old) } ?? old
            for change in run { value = change.figureChange.applied(to: value).flatMap(settle) }
            if !run.isEmpty, value == new {
                if let lastAbsolute { changes.append(absolute(mine[lastAbsolute].figureChange)) }
                changes += run
                return
            }
            changes.append(absolute(.to(new)))
        }

        for assumption in Assumption.allCases {
            let old = plan.settings.isSet(assumption) ? plan.settings[assumption] : nil
            let new = changed.settings.isSet(assumption) ? changed.settings[assumption] : nil
            figure("set \(assumption.rawValue)", from: old, to: new, settle: { assumption.settled($0) }) { .assumption(assumption, $0) }
        }

        let planProducts = Dictionary(plan.products.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        let changedSKUs = Set(changed.products.map(\.sku))
        for product in plan.products where !changedSKUs.contains(product.sku) { changes.append(.removeProduct(sku: product.sku)) }
        for product in changed.products {
            guard let old = planProducts[product.sku] else {
                changes.append(.addProduct(product))
                continue
            }
            guard old != product else { continue }
            if old.name != product.name { changes.append(.productName(sku: product.sku, product.name)) }
            if old.role != product.role { changes.append(.productRole(sku: product.sku, product.role)) }
            for field in ProductFigure.allCases {
                var probe = old
                figure("product \(product.sku) \(field.rawValue)", from: field.value(of: old), to: field.value(of: product),
                       settle: { field.set($0, on: &probe) ? field.value(of: probe) : nil }) { .product(sku: product.sku, field, $0) }
            }
        }

        func costChanges(_ old: CostEntry, _ entry: CostEntry) {
            var others = old
            others.amount = entry.amount
            others.quantity = entry.quantity
            guard others == entry else {
                changes.append(.replaceCost(entry))
                return
            }
            for field in CostFigure.allCases {
                var probe = old
                figure("cost \(old.id) \(field.rawValue)", from: field.value(of: old), to: field.value(of: entry),
                       settle: { field.set($0, on: &probe); return field.value(of: probe) }) { .cost(id: old.id, field, $0) }
            }
        }

        // Cost entries by ID; the common case of a few changes among a million rows is found by
        // comparing positions first.
        var planCosts: [CostID: CostEntry] = [:]
        let sameOrder = plan.costs.count == changed.costs.count && zip(plan.costs, changed.costs).allSatisfy { $0.id == $1.id }
        if sameOrder {
            for (old, entry) in zip(plan.costs, changed.costs) where old != entry { costChanges(old, entry) }
        } else {
            planCosts = Dictionary(plan.costs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let changedIDs = Set(changed.costs.map(\.id))
            for entry in plan.costs where !changedIDs.contains(entry.id) { changes.append(.removeCost(id: entry.id)) }
            for entry in changed.costs {
                guard let old = planCosts[entry.id] else {
                    changes.append(.addCost(entry))
                    continue
                }
                if old != entry { costChanges(old, entry) }
            }
        }

        struct GoalKey: Hashable { var period: Period; var metric: GoalMetric }
        let planGoals = Dictionary(plan.goals.map { (GoalKey(period: $0.period, metric: $0.metric), $0.value) }, uniquingKeysWith: { first, _ in first })
        let changedGoals = Dictionary(changed.goals.map { (GoalKey(period: $0.period, metric: $0.metric), $0.value) }, uniquingKeysWith: { first, _ in first })
        for goal in changed.goals where planGoals[GoalKey(period: goal.period, metric: goal.metric)] != goal.value {
            changes.append(.goal(goal.period, goal.metric, goal.value))
        }
        for goal in plan.goals where changedGoals[GoalKey(period: goal.period, metric: goal.metric)] == nil {
            changes.append(.goal(goal.period, goal.metric, nil))
        }

        let changedPlans = Set(changed.hitPlans.map(\.name))
        for saved in plan.hitPlans where !changedPlans.contains(saved.name) { changes.append(.removeHitPlan(name: saved.name)) }
        for saved in changed.hitPlans where !plan.hitPlans.contains(saved) { changes.append(.hitPlan(saved)) }
        return changes
    }

}

extension ScenarioChange {
    /// The figure change of an assumption, product or cost figure; `.to(nil)` for the others.
    var figureChange: FigureChange {
        switch self {
        case .assumption(_, let change), .product(_, _, let change), .cost(_, _, let change): return change
        default: return .to(nil)
        }
    }
}
