import ROPGDomain
import ROPGTables

/// An open what-if: the plan as it was when the what-if opened, and where its changes begin in
/// the undo history. Changes made while it is open are ordinary undo steps on the session's
/// workspace, so every command works in a what-if as it does on the plan.
struct WhatIf {
    var plan: Workspace
    /// Undo steps with this ID or later belong to the what-if.
    var firstStepID: Int
    /// The redo steps the plan had, given back when the what-if is dropped.
    var stashedRedo: [UndoStep]
    /// A session over the plan, so that reports on it keep their caches while the what-if lasts.
    var planSession: Session?
}

extension Session {
    /// The plan: the workspace without the open what-if's changes.
    public var plan: Workspace { whatIf?.plan ?? workspace }

    public var isWhatIfOpen: Bool { whatIf != nil }

    /// The changes the open what-if holds, oldest first.
    var whatIfSteps: [UndoStep] {
        guard let whatIf else { return [] }
        return undoSteps.filter { $0.id >= whatIf.firstStepID }
    }

    func openWhatIf() {
        guard whatIf == nil else { return }
        whatIf = WhatIf(plan: workspace, firstStepID: nextStepID, stashedRedo: redoSteps, planSession: nil)
        redoSteps.removeAll()
    }

    /// Makes the what-if's changes part of the plan as one undo step; returns its description.
    func keepWhatIf() -> String? {
        guard let open = whatIf else { return nil }
        let steps = whatIfSteps
        whatIf = nil
        guard !steps.isEmpty else {
            redoSteps = open.stashedRedo
            return nil
        }
        undoSteps.removeAll { $0.id >= open.firstStepID }
        let description = "what-if: " + steps.map(\.description).joined(separator: "; ")
        let forward = Edit(description: description, changes: steps.flatMap(\.forward.changes))
        let inverse = Edit(description: description, changes: steps.reversed().flatMap(\.inverse.changes))
        appendStep(description: description, forward: forward, inverse: inverse)
        return description
    }

    /// Puts the plan back as it was when the what-if opened; returns how many changes went.
    @discardableResult
    func dropWhatIf() -> Int {
        guard let open = whatIf else { return 0 }
        let count = whatIfSteps.count
        // The journal takes the what-if's changes back as their inverses, newest first.
        journalEdit(Edit(description: "drop the what-if (\(counted(count, "change")))", changes: whatIfSteps.reversed().flatMap(\.inverse.changes)))
        // The plan is put back whole (below); the log records it as each change taken back.
        for step in whatIfSteps.reversed() {
            log(LoggedEdit(description: "drop " + step.description, forward: step.inverse, inverse: step.forward, stepID: step.id, isUndo: true))
        }
        undoSteps.removeAll { $0.id >= open.firstStepID }
        redoSteps = open.stashedRedo
        whatIf = nil
        restore(open.plan)
        return count
    }

    /// A session over the plan (cached while the what-if is open).
    func planSession() -> Session {
        if let existing = whatIf?.planSession { return existing }
        let session = Session(workspace: plan, path: nil, console: Console(capturing: ()), interactive: false, today: today)
        whatIf?.planSession = session
        return session
    }

    /// Runs a report on the plan and in the what-if and sets them side by side.
    func compareWithPlan(_ command: any Command.Type, _ arguments: Arguments, whatIfBlocks: [Block]) -> [Block] {
        let planBlocks: [Block]
        do {
            planBlocks = try command.run(arguments, in: planSession())
        } catch {
            return whatIfBlocks + [.message("(the plan cannot show this: \(error.message))")]
        }
        return Comparison.compare(plan: planBlocks, whatIf: whatIfBlocks)
    }
}
