import Foundation
import ROPGDomain
import ROPGText
import ROPGTables

/// A report kept on watch (`watch REPORT`): its line and what it showed last.
struct WatchedReport {
    var text: String
    var line: ParsedLine
    var blocks: [Block]
}

extension Session {
    /// Commands that are not reports to watch.
    static let notWatchable: Set<String> = WhatIfCommand.notChanges.union(["watch", "unwatch", "notebook", "help", "history", "format", "recover", "info"])

    /// Puts `text` on watch: runs it now, and refuses what is not a report (a command that
    /// changes the plan, or prints no table).
    func watch(_ text: String) throws(CommandError) -> [Block] {
        let lines: [ParsedLine]
        do { lines = try Tokenizer.commands(in: text) } catch { throw CommandError(error.message) }
        guard lines.count == 1, let line = lines.first, let first = line.words.first else { throw CommandError(NotebookWords.watchOneReport) }
        guard let command = CommandRegistry.command(named: first.text), !first.wasQuoted else {
            let near = Suggestions.nearest(to: first.text, among: CommandRegistry.allNames)
            throw CommandError(near.isEmpty
                ? phrase("watch: unknown command {word}", ["word": first.text.quotedExcerpt])
                : phrase("watch: unknown command {word}; did you mean {names}?", ["word": first.text.quotedExcerpt, "names": orList(near)]))
        }
        guard !Session.notWatchable.contains(command.name) else { throw CommandError(NotebookWords.notAReport(command.name)) }
        guard line.redirect == nil else { throw CommandError(NotebookWords.watchNoRedirect) }
        let before = revision
        let blocks = try reportBlocks(line)
        if revision != before {
            // It changed the plan: take that back, it is not a report.
            if undo() != nil { redoSteps.removeLast() }
            throw CommandError(NotebookWords.notAReport(command.name))
        }
        guard blocks.contains(where: { if case .table = $0 { true } else { false } }) else { throw CommandError(NotebookWords.notAReport(command.name)) }
        notebook.watches.append(WatchedReport(text: line.source, line: line, blocks: blocks))
        return blocks + [.message(NotebookWords.watching(notebook.watches.count, line.source))]
    }

    /// A report's blocks for `line`, named, under `scenario=` and cut to `table=` as the shell shows them.
    func reportBlocks(_ line: ParsedLine) throws(CommandError) -> [Block] {
        guard let first = line.words.first, let command = CommandRegistry.command(named: first.text) else { throw CommandError(NotebookWords.watchOneReport) }
        let (tableless, wanted) = try Session.takeTableKey(Array(line.words.dropFirst()))
        let (words, scenario) = command == ScenarioCommand.self ? (tableless, nil) : try Session.takeScenarioKey(tableless)
        let arguments = Arguments(words)
        var blocks: [Block]
        if let scenario { blocks = try runUnderScenario(command, arguments, scenario: scenario) } else { blocks = try command.run(arguments, in: self) }
        blocks = Session.named(blocks, defaultName: Session.defaultTableName(command, arguments))
        if let wanted { blocks = try Session.picking(wanted, from: blocks) }
        return blocks
    }

    /// After a change: each watched report runs again and shows what moved, before | now | Δ | Δ%
    /// (the what-if's comparison of typed figures), or says that nothing moved.
    func showWatchedReports() {
        guard !notebook.watches.isEmpty else { return }
        for index in notebook.watches.indices {
            let watched = notebook.watches[index]
            let label = phrase("watch [{number}] {text}", ["number": String(index + 1), "text": watched.text])
            let now: [Block]
            do throws(CommandError) { now = try reportBlocks(watched.line) } catch {
                show([.message(phrase("{label}: {cannotRunNow} {error}", ["label": "\(label)", "cannotRunNow": "\(NotebookWords.cannotRunNow)", "error": "\(error.message)"]))])
                continue
            }
            notebook.watches[index].blocks = now
            let oldTables = Session.tables(watched.blocks), newTables = Session.tables(now)
            guard oldTables != newTables else {
                show([.message(phrase("{label}: {nothingMoved}", ["label": "\(label)", "nothingMoved": "\(NotebookWords.nothingMoved)"]))])
                continue
            }
            let compared = Comparison.compare(plan: watched.blocks.filter(Session.isTable), alternatives: [.init(name: "now", blocks: now.filter(Session.isTable))], notes: [])
            show(compared.map { block in
                guard case .table(let table) = block else { return block }
                return .table(Session.moved(table, label: label))
            })
        }
    }

    static func tables(_ blocks: [Block]) -> [Table] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    static func isTable(_ block: Block) -> Bool {
        if case .table = block { true } else { false }
    }

    /// A compared table as a watch shows it: "before" where the what-if says "plan", only the
    /// rows that moved (and the totals), titled with the watch.
    static func moved(_ compared: Table, label: String) -> Table {
        var table = compared
        // Found by key (the plan's columns are `plan`/`NAME_plan`, the watch's `now`/`NAME_now`), retitled in the session's words.
        let plan = phrase("plan"), before = phrase("before"), now = phrase("now")
        for index in table.columns.indices {
            let title = table.columns[index].title, key = table.columns[index].key
            if key == "plan" || key.hasSuffix("_plan"), title.hasSuffix(plan) { table.columns[index].title = String(title.dropLast(plan.count)) + before }
            if key == "now" || key.hasSuffix("_now"), title.hasSuffix("now") { table.columns[index].title = String(title.dropLast(3)) + now }
        }
        let deltas = table.columns.indices.filter { table.columns[$0].title == "Δ" }
        func moved(_ row: [Cell]) -> Bool {
            deltas.contains { column in column < row.count && !(row[column].figure?.value.isZero ?? true) }
        }
        if !deltas.isEmpty, table.rows.count > 1 {
            let kept = table.rows.filter(moved)
            let left = table.rows.count - kept.count
            table.rows = kept
            if left > 0 { table.notes.insert(NotebookWords.rowsDidNotMove(left), at: 0) }
        }
        let heading = table.title.map { $0.replacingOccurrences(of: "— \(plan) | now", with: "— \(before) | \(now)") } ?? "\(before) | \(now)"
        table.title = phrase("{label}: {heading}", ["label": label, "heading": heading])
        return table
    }
}
