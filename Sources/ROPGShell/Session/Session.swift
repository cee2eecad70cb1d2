import Foundation
import ROPGDomain
import ROPGText
import ROPGTables
import ROPGReports
import ROPGStorage

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

/// A change made to the workspace since it was last opened or saved, with what undoes it, change
/// by change. Undoing a step is logged too (as the step's inverse), so the log replayed on the
/// file as it was saved gives the workspace as it is: `save reload` replays it on the file as
/// someone else saved it (see `Rebase`).
struct LoggedEdit {
    struct Pair {
        var forward: WorkspaceChange
        var inverse: WorkspaceChange
    }
    var description: String
    /// In the order they were applied; each with the change that takes it back.
    var pairs: [Pair]
    /// The undo step it belongs to, and whether it was that step undone.
    var stepID: Int
    var isUndo: Bool

    /// `forward` applied gave `inverse` (in the reversed order `Edit.apply` returns).
    init(description: String, forward: Edit, inverse: Edit, stepID: Int, isUndo: Bool) {
        self.description = description
        pairs = zip(forward.changes, inverse.changes.reversed()).map { Pair(forward: $0, inverse: $1) }
        self.stepID = stepID
        self.isUndo = isUndo
    }
}

/// The open workspace and everything that goes with it between commands: the file it came
/// from, the undo history, the output format, and how to reach the user.
public final class Session {
    public private(set) var workspace: Workspace
    /// The last plan `hit plan` showed, for `hit save NAME`.
    var lastHitPlan: HitPlanSpec?
    /// The file the workspace is saved to; nil for a workspace never saved.
    public private(set) var path: String?
    /// The file as this session last read or wrote it; nil when there was no file then (a new
    /// workspace). A save compares the file with it, to refuse overwriting someone else's save.
    var fileFingerprint: FileFingerprint?
    /// The lock on `path` while this session holds it (see `WorkspaceLock`).
    var fileLock: WorkspaceLock?
    /// True once this session has written its file (for "since it was opened / last saved").
    var savedSinceOpen = false
    /// The changes since the workspace was opened or last saved, as they were made.
    var changesSinceSave: [LoggedEdit] = []
    public var format: OutputFormat = .text
    /// `format width=N|full|auto`: how wide text tables and charts on standard output are drawn.
    public var width: OutputWidth = .auto
    /// `--bom`: the next CSV written to standard output starts with a byte order mark, once.
    public var byteOrderMarkPending = false
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
    /// Sessions over the plan with a scenario laid on top, by scenario and volume rule (see `Scenarios`).
    var scenarioCache: [String: (revision: Int, scenario: Scenario, session: Session, outcome: ScenarioOutcome)] = [:]
    /// The plan's products found by SKU once for every scenario laid over it, while the plan stays as it is.
    var planLookup: (revision: Int, lookup: ScenarioLookup)?
    /// The scripts being sourced, outermost first, to refuse a script that sources itself.
    var sourceStack: [String] = []
    /// Where the running command comes from ("plan.ropg:12"), for error messages.
    var errorLocation: String?
    /// The notebook side: the command count the prompt shows, `notebook record`, `watch` (Notebook/).
    var notebook = NotebookState()
    /// Counts every change to the workspace, so that caches know when they are stale.
    private(set) var revision = 0
    /// What reports are worked out from: this state of the workspace, today and their caches.
    /// Made anew after each change (`revision`).
    public var context: ReportContext {
        if let cache = contextCache, cache.revision == revision { return cache.context }
        let prepared = preparedIndex.flatMap { $0.revision == revision ? $0.index : nil }
        let context = ReportContext(workspace: workspace, today: today, prepared: prepared, index: revision == 0 ? givenIndex : nil,
                                    whenFolded: foldedReuse)
        contextCache = (revision, context)
        return context
    }
    private var contextCache: (revision: Int, context: ReportContext)?
    /// The cost index of this workspace as it was made, when it was worked out already (a scenario's, from the plan's).
    var givenIndex: CostIndex?
    private var preparedIndex: (revision: Int, index: PreparedIndex)?

    /// Starts folding the cost entries on another thread, so that the first report on a
    /// workspace of a million entries does not wait for it.
    public func prepareReports() {
        guard isLarge, contextCache?.revision != revision else { return }
        preparedIndex = (revision, PreparedIndex.start(workspace, whenFolded: foldedReuse))
    }

    /// Workspaces of this many cost entries or more have their reports prepared and, once folded,
    /// their freed memory kept for reuse.
    private var isLarge: Bool { workspace.costs.count >= 10_000 }

    /// What a fold of a large workspace's entries does when done: reports over a hundred thousand
    /// products reuse freed memory from then on (`MemoryPolicy.reuseFreedMemory`).
    private var foldedReuse: (@Sendable () -> Void)? { isLarge ? MemoryPolicy.reuseFreedMemory : nil }

    /// Today, as the executable was told it (`ROPG_TODAY`) or read it from the clock once; every
    /// report gets it from here through `context` (docs/DOMAIN.md §12).
    public let today: Day

    /// The language this shell was started in: `--lang`, else the locale. The workspace's own
    /// (`set lang=`) takes over once it is set, unless `--lang` said otherwise for this run.
    public var startLanguage: Language = .en
    /// True when `--lang` chose the language for this run: it then beats the workspace's until a
    /// `set lang=` in this session chooses again.
    public var languageGivenOnCommandLine = false
    /// How money columns are shown on screen (`format money=万`); files keep full precision.
    public var moneyUnit: MoneyUnit = .plain

    /// The language everything a person reads is in now (docs/DOMAIN.md, "Language").
    public var language: Language {
        if languageGivenOnCommandLine { return startLanguage }
        return workspace.settings.language ?? startLanguage
    }

    /// Runs `body` with the session's language bound for everything it phrases.
    public func speaking<T>(_ body: () throws -> T) rethrows -> T {
        try Interface.$language.withValue(language, operation: body)
    }

    /// The changes since the last save, written beside the file as they are made (crash recovery,
    /// docs: `Journal`); nil without a file, or while an earlier session's journal waits for `recover`.
    private(set) var journal: Journal?
    /// An earlier session's journal found at open: its edits wait for `recover replay` or `recover discard`.
    var foundJournals: [Journal.Found] = []
    private var journalWarned = false
    /// Set by `quit discard=yes`: the unsaved changes were thrown away on purpose, so a script
    /// that ends that way is not warned about them.
    var discardChosen = false

    public init(workspace: Workspace, path: String?, console: Console, interactive: Bool,
                today: Day = Session.today(in: ProcessInfo.processInfo.environment)) {
        self.workspace = workspace
        self.today = today
        defer { startJournal() }
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
        return "\(displayName)\(planDirty ? "*" : "") [\(open.scenario.map { phrase("scenario {name}", ["name": $0]) } ?? phrase("what-if")) \(whatIfSteps.count)]> "
    }

    /// The short name shown in the prompt.
    public var displayName: String { workspace.name }

    /// Applies a user's change as one undo step.
    public func perform(_ edit: Edit) {
        guard !edit.changes.isEmpty else { return }
        let inverse = apply(edit)
        journalEdit(edit)
        appendStep(description: edit.description, forward: edit, inverse: inverse)
        redoSteps.removeAll()
        log(LoggedEdit(description: edit.description, forward: edit, inverse: inverse, stepID: nextStepID - 1, isUndo: false))
    }

    /// Adds to `changesSinceSave`; a step undone right after it was made (or redone right after
    /// it was undone) cancels out instead, so that the log stays as short as the real difference.
    func log(_ entry: LoggedEdit) {
        if let last = changesSinceSave.last, last.stepID == entry.stepID, last.isUndo != entry.isUndo {
            changesSinceSave.removeLast()
        } else {
            changesSinceSave.append(entry)
        }
    }

    /// Records a change already made as the newest undo step.
    func appendStep(description: String, forward: Edit, inverse: Edit) {
        undoSteps.append(UndoStep(id: nextStepID, description: description, forward: forward, inverse: inverse))
        nextStepID += 1
        // The limit never drops the open what-if's own steps.
        let keep = whatIf.map { open in max(Session.undoLimit, undoSteps.filter { $0.id >= open.firstStepID }.count) } ?? Session.undoLimit
        if undoSteps.count > keep { undoSteps.removeFirst(undoSteps.count - keep) }
    }

    /// Applies an edit to the workspace and returns its inverse. The reports' caches of the state
    /// before are carried over, the cost index brought up to date rather than folded again (a
    /// million entries take half a second to fold); the old context is let go of first, so that
    /// the workspace is changed in place and not copied.
    private func apply(_ edit: Edit) -> Edit {
        let current = contextCache?.revision == revision || preparedIndex?.revision == revision
        var carried = current ? context.handOver() : nil
        contextCache = nil
        preparedIndex = nil
        let inverse = edit.apply(to: &workspace)
        revision += 1
        if let taken = carried.take() {
            let applied = zip(edit.changes, inverse.changes.reversed()).map { (forward: $0, inverse: $1) }
            contextCache = (revision, ReportContext(workspace: workspace, today: today, after: applied, carried: consume taken))
        }
        return inverse
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
        let redo = apply(step.inverse)
        journalEdit(Edit(description: phrase("undo: {change}", ["change": step.description]), changes: step.inverse.changes))
        redoSteps.append(step)
        log(LoggedEdit(description: phrase("undo {change}", ["change": step.description]), forward: step.inverse, inverse: redo, stepID: step.id, isUndo: true))
        return step.description
    }

    /// Makes the latest undone change again; returns its description, or nil.
    func redo() -> String? {
        guard let step = redoSteps.popLast() else { return nil }
        let undo = apply(step.forward)
        journalEdit(Edit(description: phrase("redo: {change}", ["change": step.description]), changes: step.forward.changes))
        undoSteps.append(step)
        log(LoggedEdit(description: step.description, forward: step.forward, inverse: undo, stepID: step.id, isUndo: false))
        return step.description
    }

    /// Replaces the workspace (after `open` or `new`): the undo history starts afresh. The
    /// file's fingerprint is that of the file just read (nil: no file yet).
    func replaceWorkspace(_ workspace: Workspace, path: String?, fingerprint: FileFingerprint? = nil) {
        whatIf = nil
        self.workspace = workspace
        self.path = path
        revision += 1
        undoSteps.removeAll()
        redoSteps.removeAll()
        savedStepID = nil
        fileFingerprint = fingerprint
        savedSinceOpen = false
        changesSinceSave.removeAll()
        startJournal()
    }

    /// Records that the workspace as it is now was written to `path`, which now has `fingerprint`.
    func markSaved(to path: String, fingerprint: FileFingerprint?) {
        self.path = path
        fileFingerprint = fingerprint
        savedSinceOpen = true
        // With a what-if open, the plan was saved: the last step before the what-if, and the
        // what-if's own changes are what the file does not have yet.
        savedStepID = whatIf.map { open in undoSteps.last { $0.id < open.firstStepID }?.id } ?? undoSteps.last?.id
        changesSinceSave = whatIfSteps.map { LoggedEdit(description: $0.description, forward: $0.forward, inverse: $0.inverse, stepID: $0.id, isUndo: false) }
        // The file now holds every change but an open what-if's: a fresh journal holds those.
        journal?.remove()
        startJournal()
        for step in whatIfSteps { journalEdit(step.forward) }
    }

    /// The session ended as the user chose (quit, the end of a script): its journal goes.
    public func endJournal() {
        journal?.remove()
        journal = nil
    }

    /// A journal for the file, unless an earlier session's journal is waiting for `recover`.
    func startJournal() {
        // The journal this session wrote goes with the state it described (saved, or replaced).
        journal?.remove()
        journal = nil
        guard let path, foundJournals.isEmpty else { return }
        journal = Journal(workspacePath: path, base: fileFingerprint.map(Journal.Fingerprint.init))
    }

    /// A fresh journal holding every change since the last save (after a replay, or once an earlier
    /// session's journal is decided on): what the file lacks, in the order it was made.
    func rejournal() {
        startJournal()
        // A change of the open what-if's (its steps come after its first) goes back into a what-if
        // on replay; the rest, earlier what-ifs' changes and their taking back among them, are the plan's.
        for entry in changesSinceSave {
            let scope: Journal.Scope = whatIf.map { entry.stepID >= $0.firstStepID ? .whatIf(scenario: $0.scenario) : .plan } ?? .plan
            journalEdit(Edit(description: entry.description, changes: entry.pairs.map(\.forward)), scope: scope)
        }
    }

    /// Writes an edit to the journal; a journal that cannot be written is said once, and the
    /// shell goes on (the changes are still in memory and can be saved).
    /// `scope` is where the edit was made: by default the open what-if (if any) or the plan.
    func journalEdit(_ edit: Edit, scope: Journal.Scope? = nil) {
        if journal == nil, !foundJournals.isEmpty, !journalWarned {
            journalWarned = true
            console.writeError(phrase("note: unsaved changes of an earlier session are waiting (recover replay or recover discard); new changes are not journaled until then") + "\n")
        }
        let scope = scope ?? whatIf.map { .whatIf(scenario: $0.scenario) } ?? .plan
        // A change made inside a what-if or a scenario says so, so that `recover show` after a crash
        // tells a scenario's edits from the plan's before anything is replayed.
        var edit = edit
        if case .whatIf(let scenario) = scope {
            edit.description = scenario.map { phrase("in scenario {name}: {change}", ["name": $0, "change": edit.description]) }
                ?? phrase("in the what-if: {change}", ["change": edit.description])
        }
        do throws(Journal.Failure) { try journal?.append(edit, scope: scope) } catch {
            if !journalWarned { console.writeError(phrase("warning: {problem}; changes are not protected against a crash until you save", ["problem": error.message]) + "\n") }
            journalWarned = true
        }
    }
}
