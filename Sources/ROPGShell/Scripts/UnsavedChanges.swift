import ROPGText
extension Session {
    /// How many changes lie between the workspace as it is and as it was last opened or saved:
    /// the undo steps made since then, or the steps undone past it. Nil when the history no
    /// longer reaches back that far (over `undoLimit` changes); 0 when nothing is unsaved.
    var unsavedChangeCount: Int? {
        guard isDirty else { return 0 }
        guard let saved = savedStepID else {
            // Nothing saved since the workspace was opened: every step counts, unless the oldest
            // ones were already dropped from the history.
            return undoSteps.count >= Session.undoLimit ? nil : undoSteps.count
        }
        if let index = undoSteps.lastIndex(where: { $0.id == saved }) { return undoSteps.count - 1 - index }
        // Undone past the save: the saved step and those undone after it wait on the redo stack
        // (the latest change is first there, the oldest undone last).
        if let index = redoSteps.lastIndex(where: { $0.id == saved }) { return redoSteps.count - index }
        return nil
    }

    /// A script (-f, -c, standard input) that ends with changes it did not save loses them
    /// silently unless told: says so on standard error, with what to add. The exit status is
    /// left alone: every command did what it was asked.
    public func warnOfUnsavedChanges() {
        guard isDirty, !discardChosen else { return }
        speaking {
            let changes = unsavedChangeCount.map { phrase(count: $0, "{count} change", "{count} changes") }
                ?? phrase("more than {count} changes", ["count": String(Session.undoLimit)])
            let plural = unsavedChangeCount != 1
            guard path != nil else {
                // Nothing was opened from a file, so there is no last save to speak of.
                console.writeError(phrase(plural ? "unsaved changes: {changes} were not saved (the workspace has no file); add `save FILE.json` to the script"
                                          : "unsaved changes: {changes} was not saved (the workspace has no file); add `save FILE.json` to the script", ["changes": changes]) + "\n")
                return
            }
            let message = plural ? "unsaved changes: {changes} since the last save were not saved; add `save` to the script"
                : "unsaved changes: {changes} since the last save was not saved; add `save` to the script"
            let warning = phrase(message, ["changes": changes])
            let withWhatIf = whatIf?.scenario.map {
                phrase("{warning} (scenario {name} is open: add `keep` to store its changes into the scenario, then `save`; `drop` throws them away)", ["warning": warning, "name": $0])
            } ?? (isWhatIfOpen ? phrase("{warning} (a what-if is open: add `keep` before `save` to make its changes part of the plan, or `drop`)", ["warning": warning]) : warning)
            console.writeError(withWhatIf + "\n")
        }
    }
}
