import ROPGDomain
import ROPGText
import ROPGTables

/// An open what-if: the plan as it was when the what-if opened, and where its changes begin in
/// the undo history. Changes made while it is open are ordinary undo steps on the session's
/// workspace, so every command works in a what-if as it does on the plan.
struct WhatIf {
    var plan: Workspace
    /// Undo steps with this ID or later belong to the what-if.
    var firstStepID: Int
    /// The session's revision when the what-if opened: the plan's state while it is open. A
    /// revision is never used twice, where a step ID can be (after an undo, a drop or an open),
    /// so that what is kept for a plan is never taken for another's.
    var planRevision: Int
    /// The redo steps the plan had, given back when the what-if is dropped.
    var stashedRedo: [UndoStep]
    /// A session over the plan, so that reports on it keep their caches while the what-if lasts.
    var planSession: Session?
    /// The scenario the what-if edits (`scenario new` or `scenario open`): `keep` stores it there.
    var scenario: String?
    /// How volume answers a price change in the what-if's reports (docs/DOMAIN.md §13).
    var volume: VolumeRule = .holdGMV
    /// A one-line what-if (`whatif CHANGE then REPORT`), dropped as soon as its report is shown.
    var isOneLine = false
    /// Figure changes as typed (`price-=10%`), with the undo step they were made in, so that a
    /// scenario keeps them relative.
    var typed: [(stepID: Int, change: ScenarioChange)] = []
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
        whatIf = WhatIf(plan: workspace, firstStepID: nextStepID, planRevision: revision, stashedRedo: redoSteps, planSession: nil)
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
        // The journal already holds the changes, made inside the what-if: it needs only the keep.
        journalEdit(Edit(description: phrase("keep the what-if ({changes})", ["changes": phrase(count: steps.count, "{count} change", "{count} changes")]), changes: []), scope: .keepWhatIf)
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
        journalEdit(Edit(description: phrase("drop the what-if ({changes})", ["changes": phrase(count: count, "{count} change", "{count} changes")]), changes: whatIfSteps.reversed().flatMap(\.inverse.changes)), scope: .dropWhatIf)
        // The plan is put back whole (below); the log records it as each change taken back.
        for step in whatIfSteps.reversed() {
            log(LoggedEdit(description: phrase("drop {change}", ["change": step.description]), forward: step.inverse, inverse: step.forward, stepID: step.id, isUndo: true))
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
            return whatIfBlocks + [.message(phrase("(the plan cannot show this: {error})", ["error": "\(error.message)"]))]
        }
        var whatIfBlocks = whatIfBlocks
        let rule = whatIf?.volume ?? .holdGMV
        var note = rule == .holdGMV ? phrase("volume: {rule}, the default; whatif volume=hold-units or volume=elasticity:E changes it", ["rule": rule.explanation])
            : phrase("volume: {rule}", ["rule": rule.explanation])
        if rule != .holdGMV {
            // The what-if's own figures with its volume rule: worked out on a copy adjusted for it.
            var adjusted = workspace
            let said: VolumeNote?
            do throws(VolumeAdjustment.Failure) { said = try VolumeAdjustment.apply(rule, plan: plan, to: &adjusted) } catch {
                return whatIfBlocks + [.message(phrase("({error})", ["error": error.message.phrased]))]
            }
            if let said { note += ": " + said.message }
            let session = Session(workspace: adjusted, path: nil, console: Console(capturing: ()), interactive: false, today: today)
            do throws(CommandError) { whatIfBlocks = try command.run(arguments, in: session) } catch {
                return whatIfBlocks + [.message(phrase("(the what-if cannot show this with volume {typed}: {error})", ["typed": "\(rule.typed)", "error": "\(error.message)"]))]
            }
        }
        return Comparison.compare(plan: planBlocks, whatIf: whatIfBlocks, note: note)
    }
}
