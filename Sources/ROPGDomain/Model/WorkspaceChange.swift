/// One reversible change to a workspace. Applying a change returns its inverse, which is what
/// undo applies; keeping inverses rather than copies keeps undo cheap on a million cost rows.
public enum WorkspaceChange: Equatable, Sendable {
    case insertProduct(Product, at: Int)
    case removeProduct(at: Int)
    case replaceProduct(Product, at: Int)
    case insertCost(CostEntry, at: Int)
    case removeCost(at: Int)
    case replaceCost(CostEntry, at: Int)
    case insertGoal(Goal, at: Int)
    case removeGoal(at: Int)
    case replaceGoal(Goal, at: Int)
    case setSettings(Settings)
    case setSplits([GoalSplit])
    case setProfiles([Profile])
    case setActuals([Actual])
    case setHitPlans([SavedHitPlan])
    case setScenarios([Scenario])
    case setName(String)
    case setLastCostNumber(Int32, for: CostCategory)

    /// Whether the change fits the workspace: the position it names is there. A change re-applied
    /// to another state of the workspace (a journal replayed, a reload) is checked first, so
    /// that it can be reported instead of trapping.
    public func fits(_ workspace: Workspace) -> Bool {
        switch self {
        case .insertProduct(_, let index): return (0...workspace.products.count).contains(index)
        case .removeProduct(let index), .replaceProduct(_, let index): return workspace.products.indices.contains(index)
        case .insertCost(_, let index): return (0...workspace.costs.count).contains(index)
        case .removeCost(let index), .replaceCost(_, let index): return workspace.costs.indices.contains(index)
        case .insertGoal(_, let index): return (0...workspace.goals.count).contains(index)
        case .removeGoal(let index), .replaceGoal(_, let index): return workspace.goals.indices.contains(index)
        case .setSettings, .setSplits, .setProfiles, .setActuals, .setHitPlans, .setScenarios, .setName, .setLastCostNumber: return true
        }
    }

    /// Applies the change and returns the change that undoes it.
    @discardableResult
    public func apply(to workspace: inout Workspace) -> WorkspaceChange {
        switch self {
        case .insertProduct(let product, let index):
            workspace.products.insert(product, at: index)
            return .removeProduct(at: index)
        case .removeProduct(let index):
            let product = workspace.products.remove(at: index)
            return .insertProduct(product, at: index)
        case .replaceProduct(let product, let index):
            let old = workspace.products[index]
            workspace.products[index] = product
            return .replaceProduct(old, at: index)
        case .insertCost(let entry, let index):
            workspace.costs.insert(entry, at: index)
            return .removeCost(at: index)
        case .removeCost(let index):
            let entry = workspace.costs.remove(at: index)
            return .insertCost(entry, at: index)
        case .replaceCost(let entry, let index):
            let old = workspace.costs[index]
            workspace.costs[index] = entry
            return .replaceCost(old, at: index)
        case .insertGoal(let goal, let index):
            workspace.goals.insert(goal, at: index)
            return .removeGoal(at: index)
        case .removeGoal(let index):
            let goal = workspace.goals.remove(at: index)
            return .insertGoal(goal, at: index)
        case .replaceGoal(let goal, let index):
            let old = workspace.goals[index]
            workspace.goals[index] = goal
            return .replaceGoal(old, at: index)
        case .setSettings(let settings):
            let old = workspace.settings
            workspace.settings = settings
            return .setSettings(old)
        case .setSplits(let splits):
            let old = workspace.splits
            workspace.splits = splits
            return .setSplits(old)
        case .setProfiles(let profiles):
            let old = workspace.profiles
            workspace.profiles = profiles
            return .setProfiles(old)
        case .setHitPlans(let plans):
            let old = workspace.hitPlans
            workspace.hitPlans = plans
            return .setHitPlans(old)
        case .setScenarios(let scenarios):
            let old = workspace.scenarios
            workspace.scenarios = scenarios
            return .setScenarios(old)
        case .setActuals(let actuals):
            let old = workspace.actuals
            workspace.actuals = actuals
            return .setActuals(old)
        case .setName(let name):
            let old = workspace.name
            workspace.name = name
            return .setName(old)
        case .setLastCostNumber(let number, let category):
            let old = workspace.lastCostNumber[category] ?? 0
            workspace.lastCostNumber[category] = number == 0 ? nil : number  // 0 means never used
            return .setLastCostNumber(old, for: category)
        }
    }
}

/// A user's change as one undo step: a description and the changes it made, in order.
public struct Edit: Sendable {
    public var description: String
    public var changes: [WorkspaceChange]
    public init(description: String, changes: [WorkspaceChange]) {
        self.description = description
        self.changes = changes
    }

    /// Applies the edit when every change fits in turn; the workspace is left as it was otherwise.
    /// Returns the inverse, or nil when a change did not fit.
    public func applyIfFits(to workspace: inout Workspace) -> Edit? {
        var trial = workspace
        var inverses: [WorkspaceChange] = []
        for change in changes {
            guard change.fits(trial) else { return nil }
            inverses.append(change.apply(to: &trial))
        }
        workspace = trial
        return Edit(description: description, changes: inverses.reversed())
    }

    /// Applies every change in order; returns the edit that undoes them all.
    public func apply(to workspace: inout Workspace) -> Edit {
        var inverses: [WorkspaceChange] = []
        inverses.reserveCapacity(changes.count)
        for change in changes { inverses.append(change.apply(to: &workspace)) }
        return Edit(description: description, changes: inverses.reversed())
    }
}
