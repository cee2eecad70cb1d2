/// Everything an owner plans with: assumptions, products, cost entries and goals.
/// A value: copying it is cheap until one copy changes.
public struct Workspace: Equatable, Sendable {
    /// The newest file layout this code reads and writes.
    public static let schemaVersion = 1

    public var name: String
    public var settings: Settings
    public var products: [Product]
    public var costs: [CostEntry]
    /// Goals in chronological order (see `Period`'s ordering), then by metric.
    public var goals: [Goal]
    /// The highest ID number ever given in each category, so that removed IDs are never reused.
    public var lastCostNumber: [CostCategory: Int32]
    /// How parents' goals are spread over their children (`goal split`), by period.
    public var splits: [GoalSplit] = []
    /// Named seasonal profiles, by name.
    public var profiles: [Profile] = []
    /// Recorded results, one per day, in date order.
    public var actuals: [Actual] = []
    /// Saved hit-product plans (`hit save`), by name: part of the plan in `pnl`, `costs` and `goal show`.
    public var hitPlans: [SavedHitPlan] = []
    /// Named versions of the plan (`scenario`), by name: changes laid over the plan, never part of it.
    public var scenarios: [Scenario] = []

    public init(name: String, settings: Settings = Settings(), products: [Product] = [], costs: [CostEntry] = [],
                goals: [Goal] = [], lastCostNumber: [CostCategory: Int32] = [:]) {
        self.name = name
        self.settings = settings
        self.products = products
        self.costs = costs
        self.goals = goals
        self.lastCostNumber = lastCostNumber
    }

    public func productIndex(sku: String) -> Int? { products.firstIndex { $0.sku == sku } }
    public func costIndex(id: CostID) -> Int? { costs.firstIndex { $0.id == id } }
    public func goalIndex(period: Period, metric: GoalMetric) -> Int? {
        goals.firstIndex { $0.period == period && $0.metric == metric }
    }

    /// The ID the next entry of a category gets: past the plan's last, and past every ID a
    /// scenario's added entries hold, so that the plan never hands out an ID a scenario uses
    /// (`scenario show`, compare and `scenario open` then name the same entry by it).
    public func nextCostID(in category: CostCategory) -> CostID {
        var last = lastCostNumber[category] ?? 0
        for scenario in scenarios {
            for case .addCost(let entry) in scenario.changes where entry.id.category == category { last = max(last, entry.id.number) }
        }
        return CostID(category: category, number: last == Int32.max ? last : last + 1)
    }

    public func profile(named name: String) -> Profile? { profiles.first { $0.name == name } }
    public func split(of period: Period) -> GoalSplit? { splits.first { $0.period == period } }
    public func actualIndex(day: Day) -> Int? { actuals.firstIndex { $0.day == day } }
    public func scenario(named name: String) -> Scenario? { scenarios.first { $0.name == name } }

    /// Where a goal belongs in the chronological order.
    public func goalInsertionIndex(for goal: Goal) -> Int {
        goals.firstIndex { existing in
            goal.period < existing.period || (goal.period == existing.period && goal.metric < existing.metric)
        } ?? goals.count
    }
}
