import Dispatch
import ROPGDomain

extension Session {
    /// Runs every command on a line; returns false when any failed.
    @discardableResult
    public func execute(line: String, echo: Bool = false, bail: Bool = false) -> Bool {
        let commands: [ParsedLine]
        do {
            commands = try Tokenizer.commands(in: line)
        } catch {
            if echo { console.write("> \(line.trimmingSpaces())\n") }
            reportError(error.message)
            return false
        }
        var succeeded = true
        for command in commands {
            if echo { console.write("> \(command.source)\n") }
            if !execute(command) { succeeded = false }
            if quitRequested || (bail && !succeeded) { break }
        }
        return succeeded
    }

    /// Runs one command; returns false when it failed (the error has been reported).
    @discardableResult
    public func execute(_ line: ParsedLine) -> Bool {
        guard let first = line.words.first else { return true }
        guard let command = CommandRegistry.command(named: first.text), !first.wasQuoted, first.key == nil else {
            let near = Suggestions.nearest(to: first.text, among: CommandRegistry.allNames)
            let hint = near.isEmpty ? "type help for the list" : "did you mean \(near.joined(separator: " or "))?"
            reportError("unknown command \"\(first.text)\"; \(hint)")
            return false
        }
        let stepBefore = undoSteps.last?.id
        do throws(CommandError) {
            if let target = line.redirect { _ = try redirectFormat(for: target) }
            let arguments = Arguments(Array(line.words.dropFirst()))
            var blocks = try command.run(arguments, in: self)
            if isWhatIfOpen, Session.comparesWithPlan(command, arguments) {
                blocks = compareWithPlan(command, arguments, whatIfBlocks: blocks)
            }
            if let target = line.redirect {
                do throws(CommandError) {
                    try write(blocks, toFile: target)
                } catch {
                    // The output could not be written: take back what the command changed, so
                    // that a failed command leaves the workspace as it was.
                    if undoSteps.last?.id != stepBefore, undo() != nil { redoSteps.removeLast() }
                    throw error
                }
            } else {
                show(blocks)
            }
            Session.freeInBackground(consume blocks)
            return true
        } catch {
            reportError(error.message)
            return false
        }
    }

    /// A report of 100,000 rows takes tens of milliseconds to free. Once shown, big ones are
    /// freed on another thread, so that the prompt comes back at once.
    static func freeInBackground(_ blocks: consuming [Block]) {
        let cells = blocks.reduce(0) { total, block in
            guard case .table(let table) = block else { return total }
            return total + table.rows.count * table.columns.count
        }
        guard cells >= 100_000 else { return }
        let doomed = blocks
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(doomed) {} }
    }

    /// Prints blocks in the session's format.
    public func show(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case .message(let text):
                console.write(text.hasSuffix("\n") ? text : text + "\n")
            case .table(let table):
                console.write(render(table, as: format, color: console.color))
            }
        }
    }

    public func reportError(_ message: String) {
        let location = errorLocation.map { "\($0): " } ?? ""
        console.writeError("error: \(location)\(message)\n")
    }
}
