import Foundation
import ROPGDomain
import ROPGTables
import ROPGReports

/// A cost index being built on another thread, and a way to wait for it.
final class IndexBox: @unchecked Sendable {
    // Unchecked: the value is written once under the lock and read after the semaphore.
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: CostIndex?
    private var model: SalesModel?

    func set(_ index: CostIndex, _ model: SalesModel?) {
        lock.lock()
        value = index
        self.model = model
        lock.unlock()
        ready.signal()
    }

    func wait() -> (CostIndex, SalesModel?) {
        ready.wait()
        ready.signal()  // later waiters pass straight through
        lock.lock()
        defer { lock.unlock() }
        return (value ?? CostIndex(Workspace(name: "")), model)
    }
}

/// What a command prints: lines of text, or a table the chosen format renders.
public enum Block: Sendable {
    case message(String)
    case table(Table)
}

/// One undo step: what the user did, the changes that redo it and those that undo it.
struct UndoStep {
    var id: Int
    var description: String
    var forward: Edit
    var inverse: Edit
}

/// The open workspace and everything that goes with it between commands: the file it came
/// from, the undo history, the output format, and how to reach the user.
public final class Session {
    public private(set) var workspace: Workspace
    /// The last plan `hit plan` showed, for `hit save NAME`.
    var lastHitPlan: HitPlanSpec?
    private var hitPlansCache: (revision: Int, plans: [SalesModel.Hit])?

    /// The saved hit plans worked out, for the plan's sales (docs/DOMAIN.md §5); kept until the
    /// workspace changes.
    func savedHitPlans() throws(CommandError) -> [SalesModel.Hit] {
        if let cache = hitPlansCache, cache.revision == revision { return cache.plans }
        let plans = try HitPlanning.savedPlans(workspace, index: costIndex())
        hitPlansCache = (revision, plans)
        return plans
    }

    private var ledgerCache: (revision: Int, ledgers: [String: Ledger])?

    /// The ledger every report takes its shown figures from, for a sales source and view; kept
    /// until the workspace changes, with what it has worked out.
    func ledger(_ source: SalesSource, _ view: CostView) throws(CommandError) -> Ledger {
        let key = source.rawValue + "/" + view.rawValue
        if let cache = ledgerCache, cache.revision == revision, let ledger = cache.ledgers[key] { return ledger }
        let model: SalesModel
        do { model = try salesModel(source) } catch { throw CommandError(error.message) }
        let ledger = Ledger(workspace: workspace, model: model, index: costIndex(), view: view)
        if ledgerCache?.revision != revision { ledgerCache = (revision, [:]) }
        ledgerCache?.ledgers[key] = ledger
        return ledger
    }
    /// The file the workspace is saved to; nil for a workspace never saved.
    public private(set) var path: String?
    public var format: OutputFormat = .text
    public let console: Console
    /// True when a person is typing at a terminal (prompts and questions are allowed).
    public let interactive: Bool
    /// Asks the person a question and returns the answer; nil when nobody can answer.
    public var ask: ((String) -> String?)?
    /// Set by `quit`: the loop ends after the current command.
    public internal(set) var quitRequested = false

    /// How many of the latest changes `undo` can take back.
    public static let undoLimit = 100

    var undoSteps: [UndoStep] = []
    var redoSteps: [UndoStep] = []
    /// The undo step that was on top when the workspace was last opened or saved.
    var savedStepID: Int?
    var nextStepID = 1
    /// The open what-if, if any (see `WhatIf`).
    var whatIf: WhatIf?
    /// The scripts being sourced, outermost first, to refuse a script that sources itself.
    var sourceStack: [String] = []
    /// Where the running command comes from ("plan.ropg:12"), for error messages.
    var errorLocation: String?
    /// Counts every change to the workspace, so that caches know when they are stale.
    private(set) var revision = 0
    private var costIndexCache: (revision: Int, index: CostIndex)?

    private var salesModelCache: (revision: Int, model: SalesModel)?

    /// The sales model (goals spread to days, the product mix) for a source; kept until a change.
    func salesModel(_ source: SalesSource) throws(CommandError) -> SalesModel {
        if let cache = salesModelCache, cache.revision == revision, cache.model.source == source { return cache.model }
        if source == .plan, let pending = pendingIndex, pending.revision == revision, let model = pending.box.wait().1 {
            salesModelCache = (revision, model)
            return model
        }
        let hits = source == .plan ? try savedHitPlans() : []
        let model: SalesModel
        do { model = try SalesModel(workspace, source: source, hits: hits) } catch { throw CommandError(error.message) }
        salesModelCache = (revision, model)
        return model
    }

    /// The cost entries folded for fast reports; built on first use after a change, or in the
    /// background right after a large workspace is opened (`prepareReports`).
    func costIndex() -> CostIndex {
        if let cache = costIndexCache, cache.revision == revision { return cache.index }
        if let pending = pendingIndex, pending.revision == revision {
            pendingIndex = nil
            let (index, model) = pending.box.wait()
            costIndexCache = (revision, index)
            if let model, salesModelCache?.revision != revision { salesModelCache = (revision, model) }
            return index
        }
        let index = CostIndex(workspace)
        costIndexCache = (revision, index)
        return index
    }

    private var pendingIndex: (revision: Int, box: IndexBox)?

    /// Starts folding the cost entries on another thread, so that the first report on a
    /// workspace of a million entries does not wait for it.
    public func prepareReports() {
        guard workspace.costs.count >= 10_000, costIndexCache?.revision != revision else { return }
        let box = IndexBox()
        let snapshot = workspace
        pendingIndex = (revision, box)
        // Saved hit plans need the index first; the plan's model is then built on first use.
        let withModel = snapshot.hitPlans.isEmpty
        Thread.detachNewThread { box.set(CostIndex(snapshot), withModel ? try? SalesModel(snapshot, source: .plan) : nil) }
    }

    public init(workspace: Workspace, path: String?, console: Console, interactive: Bool) {
        self.workspace = workspace
        self.path = path
        self.console = console
        self.interactive = interactive
    }

    /// True when there are changes that have not been saved (an open what-if's among them).
    public var isDirty: Bool { undoSteps.last?.id != savedStepID }

    /// The prompt: the name, * when the plan has unsaved changes, and the open what-if with its
    /// number of changes: "demo* [what-if 2]> ".
    public var prompt: String {
        guard let open = whatIf else { return "\(displayName)\(isDirty ? "*" : "")> " }
        let planDirty = undoSteps.last { $0.id < open.firstStepID }?.id != savedStepID
        return "\(displayName)\(planDirty ? "*" : "") [what-if \(whatIfSteps.count)]> "
    }

    /// The short name shown in the prompt.
    public var displayName: String { workspace.name }

    /// Applies a user's change as one undo step.
    public func perform(_ edit: Edit) {
        guard !edit.changes.isEmpty else { return }
        let inverse = edit.apply(to: &workspace)
        revision += 1
        appendStep(description: edit.description, forward: edit, inverse: inverse)
        redoSteps.removeAll()
    }

    /// Records a change already made as the newest undo step.
    func appendStep(description: String, forward: Edit, inverse: Edit) {
        undoSteps.append(UndoStep(id: nextStepID, description: description, forward: forward, inverse: inverse))
        nextStepID += 1
        // The limit never drops the open what-if's own steps.
        let keep = whatIf.map { open in max(Session.undoLimit, undoSteps.filter { $0.id >= open.firstStepID }.count) } ?? Session.undoLimit
        if undoSteps.count > keep { undoSteps.removeFirst(undoSteps.count - keep) }
    }

    /// Puts back a workspace held aside (a dropped what-if's plan).
    func restore(_ workspace: Workspace) {
        self.workspace = workspace
        revision += 1
    }

    /// Takes back the latest change; returns its description, or nil when there is none.
    func undo() -> String? {
        // An open what-if's undo stops at its first change: the plan is not changed from inside it.
        if let open = whatIf, let last = undoSteps.last, last.id < open.firstStepID { return nil }
        guard let step = undoSteps.popLast() else { return nil }
        _ = step.inverse.apply(to: &workspace)
        revision += 1
        redoSteps.append(step)
        return step.description
    }

    /// Makes the latest undone change again; returns its description, or nil.
    func redo() -> String? {
        guard let step = redoSteps.popLast() else { return nil }
        _ = step.forward.apply(to: &workspace)
        revision += 1
        undoSteps.append(step)
        return step.description
    }

    /// Replaces the workspace (after `open` or `new`): the undo history starts afresh.
    func replaceWorkspace(_ workspace: Workspace, path: String?) {
        whatIf = nil
        self.workspace = workspace
        self.path = path
        revision += 1
        undoSteps.removeAll()
        redoSteps.removeAll()
        savedStepID = nil
    }

    /// Records that the workspace as it is now was written to `path`.
    func markSaved(to path: String) {
        self.path = path
        // With a what-if open, the plan was saved: the last step before the what-if.
        savedStepID = whatIf.map { open in undoSteps.last { $0.id < open.firstStepID }?.id } ?? undoSteps.last?.id
    }
}
