import Dispatch
import ROPGDomain

/// A report could not be worked out: what is missing, in words the user can act on. The reports
/// do not phrase: the error holds its message's catalogue key (the English text with `{name}`
/// parameters) and the values, and the layers that phrase say it (ROPGShell's `message`).
public struct ReportError: Error, Equatable, Sendable {
    public var key: String
    public var values: [String: String]
    /// The error this one wraps, said as its `{problem}`.
    public var cause: [ReportError]
    public init(_ key: String, _ values: [String: String] = [:], cause: ReportError? = nil) {
        self.key = key
        self.values = values
        self.cause = cause.map { [$0] } ?? []
    }

    /// The domain's message as the report's error.
    public init(_ message: KeyedMessage) {
        self.init(message.key, message.values, cause: message.cause.first.map(ReportError.init))
    }
}

/// What every report is worked out from besides its own arguments: the workspace, today (passed
/// in, never read from the clock: docs/DOMAIN.md §12), and what is worth keeping between reports
/// on the same workspace — the folded cost index, the sales models, the saved hit plans worked
/// out, and the ledgers. A context belongs to one state of the workspace; a change makes a new one.
public final class ReportContext: @unchecked Sendable {
    // Unchecked: the caches are filled from one thread at a time (the shell's); the index folded
    // in the background arrives through `PreparedIndex`, which locks.
    public let workspace: Workspace
    public let today: Day
    private var index: CostIndex?
    private var models: [SalesSource: SalesModel] = [:]
    private var hits: [SalesModel.Hit]?
    private var ledgers: [String: Ledger] = [:]
    /// The unit cost rates of the latest day asked for (`unitCostRates(on:)`).
    private var rates: UnitCostRates?
    private var prepared: PreparedIndex?
    /// Called once this context has folded the cost entries itself (not for an index given or
    /// prepared): the shell has freed memory kept for reuse from then on (`MemoryPolicy`).
    private let whenFolded: (@Sendable () -> Void)?
    /// Sales models of the state before a change, to rebase on this one (the goal plans are kept).
    private var rebaseFrom: [SalesSource: SalesModel] = [:]

    /// `index`: the workspace's cost entries already folded (a trial workspace that shares them).
    public init(workspace: Workspace, today: Day, prepared: PreparedIndex? = nil, index: CostIndex? = nil,
                whenFolded: (@Sendable () -> Void)? = nil) {
        self.workspace = workspace
        self.today = today
        self.prepared = prepared
        self.index = index
        self.whenFolded = whenFolded
    }

    /// What this context worked out that the next state of the workspace can start from (see
    /// `init(workspace:today:after:carried:)`). Hand it over before the change is applied and let go of
    /// this context first: a context holds the workspace, and a million entries held twice are
    /// copied when one copy changes.
    public struct Carried: Sendable {
        fileprivate var index: CostIndex?
        fileprivate var models: [SalesSource: SalesModel]
    }

    /// Waits for a background fold if one is running. The context gives its caches up (the index
    /// must have no other holder to be changed in place); afterwards it works everything out afresh.
    public func handOver() -> Carried {
        if index == nil, prepared != nil { _ = costIndex() }
        let carried = Carried(index: index.take(), models: models)
        models = [:]
        ledgers = [:]
        hits = nil
        rates = nil
        prepared?.release()
        prepared = nil
        return carried
    }

    /// The context of the state `changes` led to from the one `carried` came from: the cost index
    /// is brought up to date (not folded again, CostIndex+Changes.swift), and the sales models are
    /// kept when only cost entries changed and no saved hit plan (whose inputs follow the costs)
    /// is there, else rebased on this workspace.
    public convenience init(workspace: Workspace, today: Day, after changes: [CostIndex.AppliedChange], carried: consuming Carried) {
        let models = carried.models
        var index = carried.index.take()
        index = index.take()?.updated(by: changes, in: workspace)
        self.init(workspace: workspace, today: today, index: index)
        let costsOnly = changes.allSatisfy { change in
            switch change.forward {
            case .insertCost, .removeCost, .replaceCost, .setLastCostNumber, .setName: return true
            default: return false
            }
        }
        if costsOnly && workspace.hitPlans.isEmpty {
            self.models = models
        } else if changes.allSatisfy({ change in
            switch change.forward {
            case .insertCost, .removeCost, .replaceCost, .setLastCostNumber, .setName, .replaceProduct, .setSettings: return true
            default: return false
            }
        }) {
            rebaseFrom = models
        }
    }

    /// The workspace as the sales models see it: without its cost entries, which they never read,
    /// so that they do not hold a million entries the session's next change would have to copy.
    static func salesView(of workspace: Workspace) -> Workspace {
        var view = workspace
        view.costs = []
        return view
    }

    /// The cost entries folded for fast reports (waits for the background fold if one is running).
    public func costIndex() -> CostIndex {
        if let index { return index }
        let folded: CostIndex
        if let prepared {
            let (index, model) = prepared.wait()
            folded = index
            if let model, models[.plan] == nil { models[.plan] = model }
        } else {
            folded = CostIndex.folded(workspace)
            whenFolded?()
        }
        index = folded
        return folded
    }

    /// The per-unit, per-order, percent and ad costs of a day and its assumptions, read from the
    /// folded index once for the latest day asked: `margin` and `portfolio` over 100,000 products
    /// read them for the same day again and again.
    public func unitCostRates(on day: Day) -> UnitCostRates {
        if let rates, rates.day == day { return rates }
        let read = UnitCostRates(workspace, index: costIndex(), on: day)
        rates = read
        return read
    }

    /// The saved hit plans worked out on this workspace (docs/DOMAIN.md §9).
    public func savedHitPlans() throws(ReportError) -> [SalesModel.Hit] {
        if let hits { return hits }
        let plans = try HitPlanInputs.savedPlans(workspace, index: costIndex())
        hits = plans
        return plans
    }

    /// The sales model (goals spread to days, the mix, the saved hit plans) for a source.
    public func salesModel(_ source: SalesSource) throws(ReportError) -> SalesModel {
        if let model = models[source] { return model }
        if source == .plan, prepared != nil {
            _ = costIndex()
            if let model = models[source] { return model }
        }
        let hits = source == .plan ? try savedHitPlans() : []
        let model: SalesModel
        if let base = rebaseFrom[source] {
            model = base.rebased(on: Self.salesView(of: workspace), hits: hits)
        } else {
            do { model = try SalesModel(Self.salesView(of: workspace), source: source, hits: hits) } catch { throw ReportError(error.message) }
        }
        models[source] = model
        return model
    }

    /// The ledger every shown figure comes from, for a sales source and a view.
    public func ledger(_ source: SalesSource, _ view: CostView) throws(ReportError) -> Ledger {
        let key = source.rawValue + "/" + view.rawValue
        if let ledger = ledgers[key] { return ledger }
        let ledger = Ledger(workspace: workspace, model: try salesModel(source), index: costIndex(), view: view)
        ledgers[key] = ledger
        return ledger
    }
}

/// A cost index (and the plan's sales model) being folded on another thread right after a large
/// workspace opens, so that the first report does not wait for it.
public final class PreparedIndex: @unchecked Sendable {
    // Unchecked: the value is written once under the lock and read after the semaphore.
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLockLike()
    private var value: (CostIndex, SalesModel?)?

    public init() {}

    /// Folds `workspace` on a new thread, then calls `whenFolded` there. The plan's model is built
    /// too when no saved hit plan needs the index first.
    public static func start(_ workspace: Workspace, whenFolded: (@Sendable () -> Void)? = nil) -> PreparedIndex {
        let prepared = PreparedIndex()
        DispatchQueue.global(qos: .userInitiated).async {
            let index = CostIndex.folded(workspace)
            whenFolded?()
            let model = workspace.hitPlans.isEmpty ? try? SalesModel(ReportContext.salesView(of: workspace), source: .plan) : nil
            prepared.set(index, model)
        }
        return prepared
    }

    func set(_ index: CostIndex, _ model: SalesModel?) {
        lock.withLock { value = (index, model) }
        ready.signal()
    }

    /// Lets go of the folded index once its context has taken it over.
    func release() {
        lock.withLock { value = nil }
    }

    func wait() -> (CostIndex, SalesModel?) {
        ready.wait()
        ready.signal()  // later waiters pass straight through
        return lock.withLock { value } ?? (CostIndex(Workspace(name: "")), nil)
    }
}

/// A mutex without Foundation (the reports target stays free of it).
final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func withLock<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}

extension HitPlanInputs {
    /// What the product and the shop bring to a plan on its first day (docs/DOMAIN.md §5.3).
    public static func of(_ spec: HitPlanSpec, _ workspace: Workspace, index costIndex: CostIndex) throws(ReportError) -> HitPlanInputs {
        guard let index = workspace.productIndex(sku: spec.sku) else { throw ReportError("no product {sku}; see product list", ["sku": spec.sku]) }
        let product = workspace.products[index]
        guard let cvr = product.cvr ?? workspace.settings.value(.cvr, on: spec.start) else {
            throw ReportError("the plan needs a conversion rate: product set {sku} cvr=3% (measured), or set cvr= for the shop", ["sku": spec.sku])
        }
        let rates = UnitCostRates(workspace, index: costIndex, on: spec.start)
        return HitPlanInputs(price: product.price, unitContribution: rates.economics(of: product, at: index).contribution, cvr: cvr,
                             unitsPerOrder: rates.unitsPerOrder, shopContributionMargin: MixBreakEven.margin(workspace, rates: rates),
                             stock: product.stock)
    }

    /// The workspace's saved plans worked out on it, with their products (a plan whose product is
    /// gone is left out: `product rm` refuses that, so only a hand-edited file has one).
    public static func savedPlans(_ workspace: Workspace, index: CostIndex) throws(ReportError) -> [SalesModel.Hit] {
        var plans: [SalesModel.Hit] = []
        for (position, saved) in workspace.hitPlans.enumerated() {
            guard let productIndex = workspace.productIndex(sku: saved.spec.sku) else { continue }
            do throws(ReportError) {
                plans.append(SalesModel.Hit(index: position, productIndex: productIndex, plan: try HitPlan.of(saved.spec, workspace, index: index)))
            } catch {
                throw ReportError("hit plan {name}: {problem}", ["name": saved.name], cause: error)
            }
        }
        return plans
    }
}

extension HitPlan {
    /// A plan worked out on a workspace.
    public static func of(_ spec: HitPlanSpec, _ workspace: Workspace, index: CostIndex) throws(ReportError) -> HitPlan {
        let inputs = try HitPlanInputs.of(spec, workspace, index: index)
        do { return try HitPlan(spec, inputs: inputs) } catch { throw ReportError(error.message) }
    }
}
