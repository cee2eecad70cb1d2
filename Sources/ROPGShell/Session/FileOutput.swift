import Foundation
import ROPGDomain
import ROPGText
import ROPGStorage
import ROPGTables
import ROPGWorkbook

extension Session {
    /// The format a `> FILE` target's extension names; refuses other names and the workspace file.
    /// Checked before the command runs, so a refused redirect changes nothing.
    func redirectFormat(for target: String) throws(CommandError) -> OutputFormat? {
        let format: OutputFormat?
        switch (target as NSString).pathExtension.lowercased() {
        case "xlsx": format = nil  // a workbook: see `writeWorkbook`
        case "html", "htm": format = nil  // a page: see `writePage` (Notebook/NotebookPage.swift)
        case "txt": format = .text
        case "md": format = .md
        case "csv": format = .csv
        case "json": format = .json
        default:
            throw CommandError(phrase("cannot tell the format of {target}: end the name in .txt, .md, .csv, .json, .xlsx or .html", ["target": "\(target.quotedExcerpt)"]))
        }
        if let workspacePath = path, Session.samePath(workspacePath, target) {
            throw CommandError(phrase("{target} is the open workspace file; write the output somewhere else", ["target": "\(target)"]))
        }
        return format
    }

    /// `> FILE`: writes a command's output to a file in the format its extension names: text and
    /// Markdown as shown; CSV the tables only, marked with `# table:` lines when there are several;
    /// JSON one document with the tables, their notes and the messages (docs/OUTPUT.md).
    func write(_ blocks: [Block], toFile target: String, command: String? = nil) throws(CommandError) {
        let format = try redirectFormat(for: target)
        let tables = blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        guard !tables.isEmpty else { throw CommandError(phrase("this command prints no table: nothing was written to {target}", ["target": "\(target)"])) }
        guard let fileFormat = format else {
            if ["html", "htm"].contains((target as NSString).pathExtension.lowercased()) {
                return try writePage(blocks, toFile: target, command: command ?? "")
            }
            // One sheet per table, named after it.
            let leftOut = try writeWorkbook(tables.map { WorkbookSheet(name: $0.name ?? "table", tables: [$0]) }, to: target)
            let rows = tables.reduce(0) { $0 + $1.rows.count + $1.footerRows.count }
            let rowCount = phrase(count: rows, "{count} row", "{count} rows")
            say(tables.count > 1
                ? phrase("wrote {rows} in {sheets} sheets to {file}", ["rows": rowCount, "sheets": String(tables.count), "file": target])
                : phrase("wrote {rows} to {file}", ["rows": rowCount, "file": target]))
            for note in leftOut { say(note) }
            return
        }
        var text = ""
        switch fileFormat {
        case .text, .md:
            for block in blocks {
                switch block {
                case .message(let message):
                    // Escaped as on the terminal: the file is read with cat and less too.
                    let safe = escapingControlCharacters(message, keeping: .lineFeed)
                    text += safe.hasSuffix("\n") ? safe : safe + "\n"
                case .table(let table): text += render(table, as: fileFormat, color: false)
                }
            }
        case .csv:
            // Data only: messages and notes would break a CSV reader.
            text = CSVTableRenderer().render(tables)
        case .json:
            text = JSONTableRenderer().render(Session.document(blocks, command: command))
        }
        var bytes = fileFormat == .csv ? CSVTableRenderer.utf8BOM : []
        bytes += Array(text.utf8)
        do {
            try AtomicFile.write(bytes, to: target)
        } catch {
            throw CommandError((error as? FileError)?.message ?? phrase("cannot write {path}: {error}", ["path": target, "error": "\(error)"]))
        }
        let rows = tables.reduce(0) { $0 + $1.rows.count + $1.footerRows.count }
        let written = phrase(count: rows, "{count} row", "{count} rows")
        say(tables.count > 1 ? phrase("wrote {rows} in {tables} tables to {file}", ["rows": written, "tables": String(tables.count), "file": target])
                             : phrase("wrote {rows} to {file}", ["rows": written, "file": target]))
    }

    /// Writes a workbook to `target` atomically: made whole in a temporary file, then put in
    /// place by `AtomicFile` (a folder that does not exist or a file that cannot be written is an
    /// error, and nothing half-written is left).
    /// Writes the workbook whole or not at all; returns why a chart was left out, for the
    /// command to say as the sheet does.
    @discardableResult
    func writeWorkbook(_ sheets: [WorkbookSheet], to target: String) throws(CommandError) -> [String] {
        let bytes: [UInt8]
        do { bytes = try Workbook.bytes(sheets) } catch { throw CommandError(error.message) }
        do {
            try AtomicFile.write(bytes, to: target)
        } catch {
            throw CommandError((error as? FileError)?.message ?? phrase("cannot write {path}: {error}", ["path": target, "error": "\(error)"]))
        }
        return sheets.flatMap(\.tables).compactMap(Workbook.chartLeftOut)
    }

    /// True when two paths name the same file (after resolving `..` and symbolic links).
    static func samePath(_ a: String, _ b: String) -> Bool {
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return canonical(a) == canonical(b)
    }
}
