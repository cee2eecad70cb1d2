/// Keeping a `CostIndex` up to date as the workspace changes, instead of folding a million
/// entries again after every `cost add`, `cost set`, `product set` or undo.
///
/// Sums of exact decimals can be taken apart again, so an entry's part is subtracted from its
/// group and the new entry's added; what a fresh fold would order by first occurrence (groups,
/// the folded coefficients, the ID and name a group is known by) is put right afterwards from
/// `groupOfEntry`. The result equals `CostIndex(workspace)` field for field (`IncrementalIndexTests`).
/// Where that cannot be promised cheaply, `updated(by:in:)` returns nil and the caller folds afresh.
extension CostIndex {
    /// One change as applied, with the change that undid it (which holds what it replaced).
    public typealias AppliedChange = (forward: WorkspaceChange, inverse: WorkspaceChange)

    /// The index of `workspace`, the state `changes` led to from the state this index is of; nil
    /// when a fresh fold is needed instead (products added, removed or given another SKU: entries
    /// tied to them change groups; or a sum too large to hold, which cannot be taken apart).
    /// Consuming, so that the caller's only copy is changed in place (a copy of a million
    /// entries' groups would cost what the fold saves).
    public consuming func updated(by changes: [AppliedChange], in workspace: Workspace) -> CostIndex? {
        var touched: Set<Int> = []
        // Each changed product as it was in the state this index is of (its first change's old value).
        var changedProducts: [Int: Product] = [:]
        var mixChanged = false
        let productIndex = { (sku: String) in workspace.productIndex(sku: sku) }
        for (forward, inverse) in changes {
            switch forward {
            case .insertCost(let entry, let position):
                guard add(entry, at: position, productIndex, &touched) else { return nil }
            case .removeCost(let position):
                guard case .insertCost(let old, _) = inverse,
                      remove(old, at: position, productIndex, &touched) else { return nil }
            case .replaceCost(let entry, let position):
                guard case .replaceCost(let old, _) = inverse,
                      remove(old, at: position, productIndex, &touched),
                      add(entry, at: position, productIndex, &touched) else { return nil }
            case .replaceProduct(let product, let position):
                guard case .replaceProduct(let old, _) = inverse, old.sku == product.sku else { return nil }
                if changedProducts[position] == nil { changedProducts[position] = old }
                mixChanged = true
            case .insertProduct, .removeProduct:
                return nil
            case .setSettings:
                mixChanged = true
            case .insertGoal, .removeGoal, .replaceGoal, .setSplits, .setProfiles, .setActuals, .setHitPlans, .setScenarios, .setName,
                 .setLastCostNumber:
                continue
            }
        }
        guard groupOfEntry.count == workspace.costs.count, rateParts.count == groups.count, table.count == groups.count else { return nil }
        guard refreshCoefficients(touched: touched, changedProducts: changedProducts, mixChanged: mixChanged, workspace) else { return nil }
        let renumbered = dropEmptyGroups()
        orderGroups(touched: renumbered ? nil : touched, workspace)
        orderFoldedGroups()
        return self
    }

    /// Adds an entry inserted at `position`; false when a sum would be too large to take apart later.
    private mutating func add(_ entry: CostEntry, at position: Int, _ productIndex: (String) -> Int?,
                              _ touched: inout Set<Int>) -> Bool {
        guard position >= 0 && position <= groupOfEntry.count else { return false }
        switch Self.contribution(of: entry, productIndex: productIndex) {
        case .deposit(let date, let amount):
            addDeposit(date, amount, count: 1)
            groupOfEntry.insert(-1, at: position)
            return !(date.map { deposits[$0]?.isSaturated ?? false } ?? undatedDeposits.isSaturated)
        case .group(let key, let amount, let basis, let product, let monthly, let last):
            let group: Int
            if let known = table.find(PackedKey(key)) {
                group = known
                groups[group].entry.amount += amount
                groups[group].monthly += monthly
                groups[group].last += last
            } else {
                group = groups.count
                table.append(PackedKey(key))
                let first = Self.groupEntry(of: entry, basis: basis, amount: amount, product: product != nil ? entry.product : nil)
                groups.append(Group(entry: first, productIndex: product, monthly: monthly, last: last))
                rateParts.append(RateParts())
            }
            groups[group].members += 1
            groupOfEntry.insert(Int32(truncatingIfNeeded: group), at: position)
            touched.insert(group)
            let sums = groups[group]
            return !(sums.entry.amount.isSaturated || sums.monthly.isSaturated || sums.last.isSaturated)
        }
    }

    /// Takes out the entry that was at `position`; false when it cannot be taken apart exactly.
    private mutating func remove(_ entry: CostEntry, at position: Int, _ productIndex: (String) -> Int?,
                                 _ touched: inout Set<Int>) -> Bool {
        guard groupOfEntry.indices.contains(position) else { return false }
        let group = Int(groupOfEntry[position])
        switch Self.contribution(of: entry, productIndex: productIndex) {
        case .deposit(let date, let amount):
            guard group == -1, !amount.isSaturated,
                  !(date.map { deposits[$0]?.isSaturated ?? false } ?? undatedDeposits.isSaturated) else { return false }
            addDeposit(date, -amount, count: -1)
        case .group(let key, let amount, _, _, let monthly, let last):
            guard group >= 0, table.find(PackedKey(key)) == group else { return false }
            let sums = groups[group]
            guard !(sums.entry.amount.isSaturated || sums.monthly.isSaturated || sums.last.isSaturated
                    || amount.isSaturated || monthly.isSaturated || last.isSaturated) else { return false }
            groups[group].entry.amount -= amount
            groups[group].monthly -= monthly
            groups[group].last -= last
            groups[group].members -= 1
            touched.insert(group)
        }
        groupOfEntry.remove(at: position)
        return true
    }

    /// Works the folded coefficients out again for the groups whose amounts changed, for every
    /// group of a product whose share or price moved, and for every per-unit or per-order group
    /// when the mix's units per yuan moved; false on a sum too large. The last are most of a
    /// million entries' groups, and only the units per yuan moved for them: their rates are
    /// divided again from the parts they keep (`rescale`), not worked out from their products.
    private mutating func refreshCoefficients(touched: Set<Int>, changedProducts: [Int: Product], mixChanged: Bool,
                                              _ workspace: Workspace) -> Bool {
        guard mixChanged else {
            for position in touched.sorted() { guard refresh(position, workspace) else { return false } }
            return true
        }
        let newMix = MixFigures.of(workspace, changedFrom: mix, changed: changedProducts)
        if newMix.shares.count != mix.shares.count { return false }
        var moved = [Bool](repeating: false, count: newMix.shares.count)
        for product in changedProducts.keys where product < moved.count { moved[product] = true }
        if newMix.shares != mix.shares {
            for product in newMix.shares.indices where newMix.shares[product] != mix.shares[product] { moved[product] = true }
        }
        let ordersMoved = newMix.unitsPerOrder != mix.unitsPerOrder
        // A per-unit or per-order group's rate is shared by the mix's units per yuan (§8.4),
        // which any product's price or share moves: those groups all take the new figure.
        let unitsMoved = newMix.unitsPerRevenue != mix.unitsPerRevenue
        mix = newMix
        var redo = [Bool](repeating: false, count: groups.count)
        for position in touched where position < redo.count { redo[position] = true }
        for position in groups.indices {
            var rescaled = false
            if !redo[position], let product = groups[position].productIndex {
                let productMoved = product < moved.count && moved[product]
                switch groups[position].entry.basis {
                case .perUnit, .perOrder:
                    if productMoved || (ordersMoved && groups[position].entry.basis == .perOrder) {
                        redo[position] = true
                    } else if unitsMoved {
                        if groups[position].foldedPosition >= 0 { rescaled = true } else { redo[position] = true }
                    }
                default:
                    redo[position] = productMoved
                }
            }
            if redo[position] {
                guard refresh(position, workspace) else { return false }
            } else if rescaled {
                guard rescale(position) else { return false }
            }
        }
        return true
    }

    /// Works a group's coefficient out again from its product and the mix, and moves its folded
    /// coefficient by the difference; false on a sum too large.
    private mutating func refresh(_ position: Int, _ workspace: Workspace) -> Bool {
        let group = groups[position]
        let old = group.coefficient
        guard group.members > 0, let (coefficient, key, parts) = Self.coefficient(of: group, workspace, mix) else {
            if group.foldedPosition >= 0 {
                guard !old.isSaturated, !foldedProductGroups[group.foldedPosition].amount.isSaturated else { return false }
                foldedProductGroups[group.foldedPosition].amount -= old
            }
            groups[position].coefficient = .zero
            rateParts[position] = RateParts()
            return true
        }
        if group.foldedPosition < 0 {
            if let folded = foldedPositions[key] {
                foldedProductGroups[folded].amount += coefficient
                groups[position].foldedPosition = folded
            } else {
                foldedPositions[key] = foldedProductGroups.count
                groups[position].foldedPosition = foldedProductGroups.count
                foldedProductGroups.append(Self.foldedEntry(from: group.entry, amount: coefficient))
            }
        } else {
            let folded = group.foldedPosition
            guard !old.isSaturated, !foldedProductGroups[folded].amount.isSaturated else { return false }
            foldedProductGroups[folded].amount = foldedProductGroups[folded].amount - old + coefficient
        }
        groups[position].coefficient = coefficient
        rateParts[position] = parts
        return !(coefficient.isSaturated || foldedProductGroups[groups[position].foldedPosition].amount.isSaturated)
    }

    /// A per-unit or per-order group already folded, whose amount, product and units per order
    /// stay as they were, at the mix's new units per yuan: its rate divided again from the parts
    /// it keeps, which is what `refresh` would work out; false on a sum too large.
    private mutating func rescale(_ position: Int) -> Bool {
        let folded = groups[position].foldedPosition
        let old = groups[position].coefficient
        let coefficient = Self.perUnitRate(rateParts[position], mix)
        guard !old.isSaturated, !foldedProductGroups[folded].amount.isSaturated else { return false }
        foldedProductGroups[folded].amount = foldedProductGroups[folded].amount - old + coefficient
        groups[position].coefficient = coefficient
        return !(coefficient.isSaturated || foldedProductGroups[folded].amount.isSaturated)
    }

    /// Removes the groups no entry is left in, as a fresh fold would never have made them.
    /// Returns true when groups that stay were renumbered. (Undoing a `cost add` of a new shape
    /// drops the last group: nothing else moves then.)
    private mutating func dropEmptyGroups() -> Bool {
        guard let firstDropped = groups.firstIndex(where: { $0.members == 0 }) else { return false }
        var renumbered = [Int32](repeating: -1, count: groups.count)
        for position in 0..<firstDropped { renumbered[position] = Int32(position) }
        var kept = firstDropped
        for position in firstDropped..<groups.count {
            let group = groups[position]
            if group.members > 0 {
                renumbered[position] = Int32(kept)
                groups[kept] = group
                rateParts[kept] = rateParts[position]
                kept += 1
            }
        }
        let moved = kept > firstDropped
        groups.removeLast(groups.count - kept)
        rateParts.removeLast(rateParts.count - kept)
        if moved { table = Self.table(of: groups) } else { table.removeLast(table.count - kept) }
        if moved {
            for position in groupOfEntry.indices where groupOfEntry[position] > firstDropped {
                groupOfEntry[position] = renumbered[Int(groupOfEntry[position])]
            }
        }
        return moved
    }

    /// The table that finds `groups` by key.
    static func table(of groups: [Group]) -> GroupTable {
        GroupTable(groups.map { PackedKey(key(of: $0)) })
    }

    /// The key a group is found by, from the entry it holds.
    static func key(of group: Group) -> Key {
        let entry = group.entry
        var key = Key(category: entry.category, kind: 0, per: nil, day: nil, start: entry.start, end: entry.end)
        switch entry.basis {
        case .recurring(let per), .cpt(let per), .cpc(_, let per), .cpm(_, let per): key.kind = 1; key.per = per
        case .once(let date): key.kind = 2; key.day = date
        case .amortized(let months): key.kind = 3; key.day = entry.start; key.months = Int32(clamping: months)
        case .perUnit: key.kind = 4
        case .perOrder: key.kind = 5
        case .percent: key.kind = 6
        case .cps(let share): key.kind = 7; key.share = share
        case .plannedClicks: key.kind = 9
        case .deposit: break
        }
        if let product = group.productIndex { key.product = Int32(truncatingIfNeeded: product) }
        return key
    }

    /// Puts the groups in the order of their first entries, as a fresh fold makes them, and gives
    /// the groups changed (all of them when `touched` is nil) the ID and name of their first entry.
    private mutating func orderGroups(touched: Set<Int>?, _ workspace: Workspace) {
        var first = [Int](repeating: Int.max, count: groups.count)
        var seen = 0
        groupOfEntry.withUnsafeBufferPointer { entries in
            for position in entries.indices {
                let group = Int(entries[position])
                if group >= 0 && first[group] == Int.max {
                    first[group] = position
                    seen += 1
                    if seen == first.count { break }
                }
            }
        }
        let ordered = zip(first, first.dropFirst()).allSatisfy { $0 < $1 }
        if !ordered {
            let order = first.indices.sorted { first[$0] < first[$1] }
            var renumbered = [Int32](repeating: -1, count: groups.count)
            for (new, old) in order.enumerated() { renumbered[old] = Int32(new) }
            groups = order.map { groups[$0] }
            rateParts = order.map { rateParts[$0] }
            first = order.map { first[$0] }
            table = Self.table(of: groups)
            for position in groupOfEntry.indices where groupOfEntry[position] >= 0 {
                groupOfEntry[position] = renumbered[Int(groupOfEntry[position])]
            }
        }
        // Any group's first entry may have moved when groups were dropped or reordered; else only the touched ones.
        let named = ordered ? touched.map { Array($0.filter { $0 < groups.count }) } ?? Array(groups.indices) : Array(groups.indices)
        for position in named {
            let entry = workspace.costs[first[position]]
            groups[position].entry.id = entry.id
            groups[position].entry.name = entry.name
        }
    }

    /// Drops folded coefficients no group is left in, puts them in the order of their first
    /// groups and gives each the ID and name of its first group.
    private mutating func orderFoldedGroups() {
        var first = [Int](repeating: Int.max, count: foldedProductGroups.count)
        for (position, group) in groups.enumerated() where group.foldedPosition >= 0 && first[group.foldedPosition] == Int.max {
            first[group.foldedPosition] = position
        }
        let order = first.indices.filter { first[$0] != Int.max }.sorted { first[$0] < first[$1] }
        if order != Array(foldedProductGroups.indices) {
            var renumbered = [Int](repeating: -1, count: foldedProductGroups.count)
            for (new, old) in order.enumerated() { renumbered[old] = new }
            foldedProductGroups = order.map { foldedProductGroups[$0] }
            first = order.map { first[$0] }
            foldedPositions = foldedPositions.compactMapValues { renumbered[$0] >= 0 ? renumbered[$0] : nil }
            for position in groups.indices where groups[position].foldedPosition >= 0 {
                groups[position].foldedPosition = renumbered[groups[position].foldedPosition]
            }
        }
        for (position, group) in zip(foldedProductGroups.indices, first) {
            foldedProductGroups[position].id = groups[group].entry.id
            foldedProductGroups[position].name = groups[group].entry.name
        }
    }
}

extension CostIndex {
    /// The index of a scenario's workspace, from this index of the plan the scenario was laid
    /// over: the scenario's changes to entries taken in (`updated(by:in:)`), then the
    /// product-tied coefficients folded again for its prices, shares and assumptions
    /// (`refolded(for:mapper:)`). Nil when a fresh fold is needed: the scenario adds or removes
    /// products, or its entries' changes cannot be kept incrementally.
    public consuming func forScenario(_ outcome: ScenarioOutcome, mapper: some IndexMapper = InOrder()) -> CostIndex? {
        guard !outcome.productsMoved else { return nil }
        guard !outcome.costChanges.isEmpty else { return refolded(for: outcome.workspace, mapper: mapper) }
        return updated(by: outcome.costChanges, in: outcome.workspace)?.refolded(for: outcome.workspace, mapper: mapper)
    }
}
