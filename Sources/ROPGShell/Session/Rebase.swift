import ROPGDomain
import ROPGText

/// Replays this session's changes since its last save on the workspace as someone else saved it
/// meanwhile (`save reload`).
///
/// A logged change names what it changed by position (`replaceProduct(_, at: 3)`), and positions
/// differ in the other file; the change that undoes it holds what was there before (the product
/// as it was), so each change is found again by its key — a product's SKU, a cost entry's ID, a
/// goal's period and metric, a profile's or hit plan's name, an actual's day — and applied there.
/// When the file still holds what this session changed, the change is applied as it was, so a
/// file nobody else touched gives back exactly this session's workspace. When the other file
/// changed the same thing, this session's values win field by field ("my changes on top") and a
/// note says so; a change to something the other file removed no longer applies and is reported.
struct Rebase {
    /// The workspace with the changes re-applied.
    private(set) var workspace: Workspace
    /// The re-applied changes, as undo steps (forward and inverse).
    private(set) var steps: [(description: String, forward: Edit, inverse: Edit)] = []
    /// Changes that no longer apply (left out).
    private(set) var problems: [String] = []
    /// Changes applied over a change the other file made too, or given a new cost ID.
    private(set) var notes: [String] = []
    /// How many logged edits were left out, wholly or in part.
    private(set) var failedEdits = 0
    /// Cost entries added here whose ID the other file had used: this session's ID → the new one.
    private var renumbered: [CostID: CostID] = [:]

    /// Replays `log` on `theirs`. Every change is kept only if the workspace stays valid; when it
    /// would not (say, a cost entry of a product the other file removed), that edit is left out.
    init(_ log: [LoggedEdit], onto theirs: Workspace) {
        workspace = theirs
        let validAtStart = Validation.issues(in: theirs).isEmpty
        for entry in log { replay(entry, checking: false) }
        guard validAtStart, !Validation.issues(in: workspace).isEmpty else { return }
        // Something made the result invalid: replay again, checking after each edit, to find
        // and leave out the edits responsible (rare, so the cost of checking each time is fine).
        self = Rebase(theirs: theirs)
        for entry in log { replay(entry, checking: true) }
    }

    private init(theirs: Workspace) {
        workspace = theirs
    }

    private enum Outcome {
        case apply(WorkspaceChange)
        case nothing
        case skip(String)
    }

    private mutating func replay(_ entry: LoggedEdit, checking: Bool) {
        var forward: [WorkspaceChange] = []
        var inverse: [WorkspaceChange] = []
        var skipped: [String] = []
        var entryNotes: [String] = []
        let renumberedBefore = renumbered
        for pair in entry.pairs {
            var said: [String] = []
            let outcome = translate(pair, notes: &said)
            entryNotes += said.map { phrase("{change}: {note}", ["change": entry.description, "note": $0]) }
            switch outcome {
            case .apply(let change):
                inverse.append(change.apply(to: &workspace))
                forward.append(change)
            case .nothing:
                continue
            case .skip(let reason):
                skipped.append(reason)
            }
        }
        if checking, let issue = Validation.issues(in: workspace).first {
            // Take the whole edit back: half an edit is worse than none.
            for change in inverse.reversed() { change.apply(to: &workspace) }
            renumbered = renumberedBefore
            problems.append(phrase("{change}: no longer applies ({path}: {problem})", ["change": entry.description, "path": issue.path, "problem": issue.message]))
            failedEdits += 1
            return
        }
        problems += skipped.map { phrase("{change}: {note}", ["change": entry.description, "note": $0]) }
        if !skipped.isEmpty { failedEdits += 1 }
        notes += entryNotes
        guard !forward.isEmpty else { return }
        steps.append((entry.description, Edit(description: entry.description, changes: forward),
                      Edit(description: entry.description, changes: inverse.reversed())))
    }

    // MARK: - One change

    private mutating func translate(_ pair: LoggedEdit.Pair, notes: inout [String]) -> Outcome {
        switch (pair.forward, pair.inverse) {
        // Products, by SKU.
        case (.insertProduct(let product, let index), _):
            if let at = workspace.productIndex(sku: product.sku) {
                if workspace.products[at] == product { return .nothing }
                notes.append(phrase("product {sku} was added in the file too; yours replaces it", ["sku": product.sku]))
                return .apply(.replaceProduct(product, at: at))
            }
            return .apply(.insertProduct(product, at: min(index, workspace.products.count)))
        case (.removeProduct, .insertProduct(let old, _)):
            guard let at = workspace.productIndex(sku: old.sku) else {
                notes.append(phrase("product {sku} was removed in the file too", ["sku": old.sku]))
                return .nothing
            }
            if workspace.products[at] != old { notes.append(phrase("product {sku} had been changed in the file; removed all the same", ["sku": old.sku])) }
            return .apply(.removeProduct(at: at))
        case (.replaceProduct(let new, _), .replaceProduct(let old, _)):
            guard let at = workspace.productIndex(sku: old.sku) else { return .skip(phrase("product {sku} is gone from the file; not applied", ["sku": old.sku])) }
            if new.sku != old.sku, let other = workspace.productIndex(sku: new.sku), other != at {
                return .skip(phrase("the file has a product {new} of its own; {old} was not renamed", ["new": new.sku, "old": old.sku]))
            }
            let theirs = workspace.products[at]
            if theirs == old { return .apply(.replaceProduct(new, at: at)) }
            var merged = theirs
            var clashes: [String] = []
            Rebase.merge(\.sku, "sku", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.name, "name", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.price, "price", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.cost, "cost", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.role, "role", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.stock, "stock", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.share, "share", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.ctr, "ctr", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.cvr, "cvr", old, new, theirs, &merged, &clashes)
            if !clashes.isEmpty { notes.append(phrase("the file changed {target} {figures} too; yours kept", ["target": old.sku, "figures": clashes.joined(separator: ", ")])) }
            return merged == theirs ? .nothing : .apply(.replaceProduct(merged, at: at))

        // Cost entries, by ID (renumbered when the other file used the ID for an entry of its own).
        case (.insertCost(var entry, let index), _):
            if let at = workspace.costIndex(id: entry.id) {
                if workspace.costs[at] == entry { return .nothing }
                let fresh = CostID(category: entry.category, number: nextFreeCostNumber(entry.category))
                notes.append(phrase("your cost {id} is now {fresh}: the file has a {id} of its own", ["id": entry.id.description, "fresh": "\(fresh)"]))
                renumbered[entry.id] = fresh
                entry.id = fresh
            }
            return .apply(.insertCost(entry, at: min(index, workspace.costs.count)))
        case (.removeCost, .insertCost(let old, _)):
            let id = renumbered[old.id] ?? old.id
            guard let at = workspace.costIndex(id: id) else {
                notes.append(phrase("cost {id} was removed in the file too", ["id": id.description]))
                return .nothing
            }
            if workspace.costs[at].differs(from: old, id: id) { notes.append(phrase("cost {id} had been changed in the file; removed all the same", ["id": id.description])) }
            return .apply(.removeCost(at: at))
        case (.replaceCost(var new, _), .replaceCost(var old, _)):
            let id = renumbered[old.id] ?? old.id
            guard let at = workspace.costIndex(id: id) else { return .skip(phrase("cost {id} is gone from the file; not applied", ["id": id.description])) }
            old.id = id
            new.id = id
            let theirs = workspace.costs[at]
            if theirs == old { return .apply(.replaceCost(new, at: at)) }
            var merged = theirs
            var clashes: [String] = []
            Rebase.merge(\.name, "name", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.basis, "basis", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.amount, "amount", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.quantity, "qty", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.start, "start", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.end, "end", old, new, theirs, &merged, &clashes)
            Rebase.merge(\.product, "product", old, new, theirs, &merged, &clashes)
            if !clashes.isEmpty { notes.append(phrase("the file changed {target} {figures} too; yours kept", ["target": id.description, "figures": clashes.joined(separator: ", ")])) }
            return merged == theirs ? .nothing : .apply(.replaceCost(merged, at: at))
        case (.setLastCostNumber(let number, let category), .setLastCostNumber(let before, _)):
            let current = workspace.lastCostNumber[category] ?? 0
            if current == before { return .apply(.setLastCostNumber(number, for: category)) }
            // The other file numbered entries too: never go below its counter or an ID in use.
            let mapped = renumbered[CostID(category: category, number: number)]?.number ?? number
            let wanted = max(current, mapped, highestCostNumber(category))
            return wanted == current ? .nothing : .apply(.setLastCostNumber(wanted, for: category))

        // Goals, by period and metric.
        case (.insertGoal(let goal, _), _):
            if let at = workspace.goalIndex(period: goal.period, metric: goal.metric) {
                if workspace.goals[at] == goal { return .nothing }
                notes.append(phrase("the file set goal {period} {metric} too; yours replaces it", ["period": goal.period.text, "metric": goal.metric.rawValue]))
                return .apply(.replaceGoal(goal, at: at))
            }
            return .apply(.insertGoal(goal, at: workspace.goalInsertionIndex(for: goal)))
        case (.removeGoal, .insertGoal(let old, _)):
            guard let at = workspace.goalIndex(period: old.period, metric: old.metric) else {
                notes.append(phrase("goal {period} {metric} was removed in the file too", ["period": old.period.text, "metric": old.metric.rawValue]))
                return .nothing
            }
            return .apply(.removeGoal(at: at))
        case (.replaceGoal(let new, _), .replaceGoal(let old, _)):
            guard let at = workspace.goalIndex(period: old.period, metric: old.metric) else {
                return .skip(phrase("goal {period} {metric} is gone from the file; not applied", ["period": old.period.text, "metric": old.metric.rawValue]))
            }
            let theirs = workspace.goals[at]
            if theirs == new { return .nothing }
            if theirs != old { notes.append(phrase("the file changed goal {period} {metric} too; yours kept", ["period": old.period.text, "metric": old.metric.rawValue])) }
            return .apply(.replaceGoal(new, at: at))

        // Whole collections: merged element by element, by key.
        case (.setSettings(let after), .setSettings(let before)):
            let current = workspace.settings
            if current == before { return .apply(.setSettings(after)) }
            if current == after { return .nothing }
            var merged = current
            var clashes: [String] = []
            for assumption in Assumption.allCases {
                let was = before.isSet(assumption) ? before[assumption] : nil
                let mine = after.isSet(assumption) ? after[assumption] : nil
                let theirs = current.isSet(assumption) ? current[assumption] : nil
                guard mine != was, theirs != mine else { continue }
                if theirs != was { clashes.append(assumption.rawValue) }
                merged[assumption] = mine
            }
            merged.overrides = Rebase.mergeKeyed(before.overrides, after.overrides, current.overrides,
                                                 key: { OverrideKey(period: $0.period, assumption: $0.assumption) },
                                                 name: { "\($0.assumption.rawValue) for \($0.period.text)" }, clashes: &clashes)
            if !clashes.isEmpty { notes.append(phrase("the file changed {figures} too; yours kept", ["figures": clashes.joined(separator: ", ")])) }
            return merged == current ? .nothing : .apply(.setSettings(merged))
        case (.setSplits(let after), .setSplits(let before)):
            return collection(before, after, workspace.splits, key: \.period, name: { phrase("the split of {period}", ["period": $0.text]) }, notes: &notes) { .setSplits($0) }
        case (.setProfiles(let after), .setProfiles(let before)):
            return collection(before, after, workspace.profiles, key: \.name, name: { "profile \($0)" }, notes: &notes) { .setProfiles($0) }
        case (.setHitPlans(let after), .setHitPlans(let before)):
            return collection(before, after, workspace.hitPlans, key: \.name, name: { phrase("hit plan {name}", ["name": "\($0)"]) }, notes: &notes) { .setHitPlans($0) }
        case (.setScenarios(let after), .setScenarios(let before)):
            return collection(before, after, workspace.scenarios, key: \.name, name: { "scenario \($0)" }, notes: &notes) { .setScenarios($0) }
        case (.setActuals(let after), .setActuals(let before)):
            // Commands rely on actuals in date order (as the reader keeps them).
            return collection(before, after, workspace.actuals, key: \.day, name: { phrase("the actuals of {day}", ["day": $0.isoText]) }, notes: &notes) {
                .setActuals($0.sorted { $0.day < $1.day })
            }
        case (.setName(let after), .setName(let before)):
            let current = workspace.name
            if current == after { return .nothing }
            if current != before { notes.append(phrase("the file renamed the workspace to {theirs}; yours, {yours}, kept", ["theirs": "\(current)", "yours": "\(after)"])) }
            return .apply(.setName(after))

        default:
            // A change whose inverse does not match its kind cannot come out of `Edit.apply`;
            // applying it by position would be a guess, so it is reported instead.
            return .skip(phrase("cannot be re-applied"))
        }
    }

    private struct OverrideKey: Hashable {
        var period: Period
        var assumption: Assumption
    }

    /// A whole-collection change: exact when the file still has what this session replaced,
    /// else merged element by element.
    private func collection<T: Equatable, K: Hashable>(_ before: [T], _ after: [T], _ current: [T], key: KeyPath<T, K>,
                                                       name: (K) -> String, notes: inout [String],
                                                       make: ([T]) -> WorkspaceChange) -> Outcome {
        if current == before { return .apply(make(after)) }
        if current == after { return .nothing }
        var clashes: [String] = []
        let merged = Rebase.mergeKeyed(before, after, current, key: { $0[keyPath: key] }, name: { name($0[keyPath: key]) }, clashes: &clashes)
        if !clashes.isEmpty { notes.append(phrase("the file changed {figures} too; yours kept", ["figures": clashes.joined(separator: ", ")])) }
        return merged == current ? .nothing : .apply(make(merged))
    }

    /// Three-way merge of keyed lists: what this session changed (from `before` to `after`)
    /// done to `current`. An element added here goes after the one it followed here, when the
    /// file has that one; else at the end.
    static func mergeKeyed<T: Equatable, K: Hashable>(_ before: [T], _ after: [T], _ current: [T], key: (T) -> K,
                                                      name: (T) -> String, clashes: inout [String]) -> [T] {
        // uniquingKeysWith: a hand-edited list with a repeated key must not trap here.
        let was = Dictionary(before.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let mine = Dictionary(after.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var result = current
        var keys = after.map(key)
        keys += before.map(key).filter { mine[$0] == nil }
        var seen = Set<K>()
        for (position, k) in keys.enumerated() where seen.insert(k).inserted {
            let old = was[k], new = mine[k]
            guard old != new else { continue }
            let at = result.firstIndex { key($0) == k }
            let theirs = at.map { result[$0] }
            if theirs == new { continue }
            if theirs != old, let shown = new ?? old { clashes.append(name(shown)) }
            switch (new, at) {
            case (let value?, let index?):
                result[index] = value
            case (let value?, nil):
                let previous = position > 0 && position <= after.count ? key(after[position - 1]) : nil
                if let previous, let index = result.firstIndex(where: { key($0) == previous }) {
                    result.insert(value, at: index + 1)
                } else if position == 0 {
                    result.insert(value, at: 0)
                } else {
                    result.append(value)
                }
            case (nil, let index?):
                result.remove(at: index)
            case (nil, nil):
                continue
            }
        }
        return result
    }

    /// Sets `merged`'s field to this session's value when this session changed it; notes a
    /// clash when the other file changed it too, to something else.
    private static func merge<T, V: Equatable>(_ field: WritableKeyPath<T, V>, _ name: String, _ old: T, _ new: T, _ theirs: T,
                                               _ merged: inout T, _ clashes: inout [String]) {
        let was = old[keyPath: field], mine = new[keyPath: field], now = theirs[keyPath: field]
        guard was != mine, now != mine else { return }
        if now != was { clashes.append(name) }
        merged[keyPath: field] = mine
    }

    /// The next cost number in `category` that neither the file's counter nor any entry has used.
    private func nextFreeCostNumber(_ category: CostCategory) -> Int32 {
        let used = max(workspace.lastCostNumber[category] ?? 0, highestCostNumber(category))
        return used < Int32.max ? used + 1 : used
    }

    private func highestCostNumber(_ category: CostCategory) -> Int32 {
        workspace.costs.reduce(0) { $1.category == category ? max($0, $1.id.number) : $0 }
    }
}

private extension CostEntry {
    /// Whether this entry differs from `other` given the ID `id` (a renumbered entry keeps its fields).
    func differs(from other: CostEntry, id: CostID) -> Bool {
        var other = other
        other.id = id
        return self != other
    }
}

extension Session {
    /// After `adopt` of the file as someone else saved it: this session's changes re-applied on
    /// top, as undo steps (so undo takes them back one by one) and as changes not saved yet.
    func takeRebased(_ rebase: Rebase) {
        restore(rebase.workspace)
        for step in rebase.steps {
            appendStep(description: step.description, forward: step.forward, inverse: step.inverse)
            log(LoggedEdit(description: step.description, forward: step.forward, inverse: step.inverse, stepID: nextStepID - 1, isUndo: false))
            // Unsaved again until the save that follows: journaled like any change.
            journalEdit(step.forward)
        }
    }
}
