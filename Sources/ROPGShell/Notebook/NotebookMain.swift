import Foundation
import ROPGDomain
import ROPGText
import ROPGStorage
import ROPGTables

/// The `ropg run` command line (see `NotebookWords.usage`).
enum NotebookMain {
    struct UsageError: Error { var message: String }

    static func parse(_ arguments: [String]) throws(UsageError) -> (path: String, options: NotebookRun.Options) {
        var options = NotebookRun.Options()
        var path: String?
        var index = 0
        func value(_ flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(message: phrase("{flag} needs a value", ["flag": flag])) }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--check": options.check = true
            case "--bail": options.bail = true
            case "--set":
                let text = try value("--set")
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { throw UsageError(message: NotebookWords.badSet(text)) }
                options.settings.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            case "--scenario": options.scenario = try value("--scenario")
            case "--html":
                let target = try value("--html")
                guard target.lowercased().hasSuffix(".html") || target.lowercased().hasSuffix(".htm") else {
                    throw UsageError(message: phrase("--html {path}: the page's name ends in .html", ["path": target]))
                }
                options.html = target
            default:
                if argument.hasPrefix("-") { throw UsageError(message: phrase("unknown option {option}", ["option": argument])) }
                guard path == nil else { throw UsageError(message: phrase("one notebook at a time (got {first} and {second})", ["first": path ?? "", "second": argument])) }
                path = argument
            }
            index += 1
        }
        guard let path else { throw UsageError(message: phrase("ropg run needs a notebook: ropg run NOTEBOOK.md")) }
        guard path.lowercased().hasSuffix(".md") else { throw UsageError(message: NotebookWords.notMarkdown(path)) }
        return (path, options)
    }

    /// Runs `ropg run …`; returns the exit status.
    static func run(arguments: [String], environment: [String: String], console: Console) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            console.write(NotebookWords.usage + "\n")
            return 0
        }
        let path: String, options: NotebookRun.Options
        do throws(UsageError) { (path, options) = try parse(arguments) } catch {
            console.writeError("ropg run: \(error.message)\n" + phrase("Try ropg run --help.") + "\n")
            return 2
        }
        let say: (String) -> Void = { console.writeError($0 + "\n") }
        let outcome: NotebookRun.Outcome
        do throws(NotebookRun.Failure) {
            let notebook = try NotebookRun.load(path)
            if options.check, !notebook.cells.isEmpty, notebook.cells.allSatisfy({ $0.output == nil }) {
                console.writeError("error: \(NotebookWords.neverRun(path))\n")
                return 1
            }
            if options.underAssumptions {
                var what: [String] = options.settings.map { "--set \($0.key)=\($0.value)" }
                if let scenario = options.scenario { what.append("--scenario \(scenario)") }
                if !options.check { say(NotebookWords.underAssumptions(what.joined(separator: " "))) }
            }
            outcome = try NotebookRun.run(notebook, at: path, options: options, environment: environment, say: say)
        } catch {
            console.writeError("error: \(error.message)\n")
            return 1
        }
        var status: Int32 = outcome.failures > 0 ? 1 : 0
        let cells = outcome.notebook.cells.count
        if options.check {
            let changes = NotebookRun.changes(outcome)
            for change in changes {
                console.write((change.before == nil ? NotebookWords.newOutput(change.cell) : NotebookWords.changed(change.cell)) + "\n")
                console.write(rendered: LineDiff.text(change.before ?? "", change.after))
            }
            say(changes.isEmpty ? NotebookWords.unchanged(path, cells: cells) : NotebookWords.changedCount(path, changed: changes.count, cells: cells))
            status = changes.isEmpty ? 0 : 1
        } else if options.underAssumptions {
            console.write(rendered: String(decoding: outcome.bytes, as: UTF8.self))
        } else if outcome.bytes == outcome.notebook.bytes {
            say(NotebookWords.nothingNew(path, cells: cells))
        } else {
            do {
                _ = try AtomicFile.write(outcome.bytes, to: path)
            } catch {
                console.writeError("error: \((error as? FileError)?.message ?? NotebookWords.cannotWrite(path, error))\n")
                return 1
            }
            say(NotebookWords.wrote(path, refreshed: NotebookRun.changes(outcome).count, cells: cells))
        }
        if let html = options.html {
            let page = NotebookPage.html(outcome)
            do {
                _ = try AtomicFile.write(Array(page.utf8), to: html)
            } catch {
                console.writeError("error: \((error as? FileError)?.message ?? NotebookWords.cannotWrite(html, error))\n")
                return 1
            }
            say(NotebookWords.wroteHTML(html))
        }
        return status
    }
}

/// A line diff of two outputs, as a person reads it: each changed stretch with a line of
/// context, `-` for the recorded line and `+` for the new one (longest common subsequence).
enum LineDiff {
    static func text(_ before: String, _ after: String, context: Int = 1) -> String {
        let old = lines(before), new = lines(after)
        // Small outputs: a table of common-suffix lengths is cheap; beyond that, all of it changed.
        guard old.count * new.count <= 4_000_000 else {
            return old.map { "  - \($0)\n" }.joined() + new.map { "  + \($0)\n" }.joined()
        }
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        enum Edit { case same(String), removed(String), added(String) }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] { edits.append(.same(old[i])); i += 1; j += 1 }
            // The recorded line first, then the new one.
            else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] { edits.append(.removed(old[i])); i += 1 }
            else { edits.append(.added(new[j])); j += 1 }
        }
        let changed = edits.indices.filter { if case .same = edits[$0] { false } else { true } }
        var out = ""
        var shownUpTo = -1
        for index in changed {
            let from = max(shownUpTo + 1, index - context)
            if from > shownUpTo + 1, shownUpTo >= 0 { out += "  …\n" }
            let to = min(edits.count - 1, index + context)
            guard from <= to else { continue }
            for position in from...to where position > shownUpTo {
                switch edits[position] {
                case .same(let line): out += "    \(line)\n"
                case .removed(let line): out += "  - \(line)\n"
                case .added(let line): out += "  + \(line)\n"
                }
                shownUpTo = position
            }
        }
        return out
    }

    static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
