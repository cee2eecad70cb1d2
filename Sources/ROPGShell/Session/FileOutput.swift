import Foundation
import ROPGDomain
import ROPGStorage
import ROPGTables

extension Session {
    /// The format a `> FILE` target's extension names; refuses other names and the workspace file.
    /// Checked before the command runs, so a refused redirect changes nothing.
    func redirectFormat(for target: String) throws(CommandError) -> OutputFormat {
        let format: OutputFormat
        switch (target as NSString).pathExtension.lowercased() {
        case "txt": format = .text
        case "md": format = .md
        case "csv": format = .csv
        case "json": format = .json
        // A page (NotebookPage): `write` makes it before it asks for a format; the check below still applies.
        case "html", "htm": format = .text
        default:
            throw CommandError("cannot tell the format of \(target.quotedExcerpt): end the name in .txt, .md, .csv, .json or .html")
        }
        if let workspacePath = path, Session.samePath(workspacePath, target) {
            throw CommandError("\(target) is the open workspace file; write the output somewhere else")
        }
        return format
    }

    /// `> FILE`: writes a command's output to a file in the format its extension names: text and
    /// Markdown as shown; CSV the tables only, marked with `# table:` lines when there are several;
    /// JSON one document with the tables, their notes and the messages (docs/OUTPUT.md).
    func write(_ blocks: [Block], toFile target: String, command: String? = nil) throws(CommandError) {
        if ["html", "htm"].contains((target as NSString).pathExtension.lowercased()) {
            return try writePage(blocks, toFile: target, command: command ?? "")
        }
        let fileFormat = try redirectFormat(for: target)
        let tables = blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        guard !tables.isEmpty else { throw CommandError("this command prints no table to write to \(target)") }
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
            throw CommandError((error as? FileError)?.message ?? "cannot write \(target): \(error)")
        }
        let rows = tables.reduce(0) { $0 + $1.rows.count + $1.footerRows.count }
        say("wrote \(counted(rows, "row"))" + (tables.count > 1 ? " in \(tables.count) tables" : "") + " to \(target)")
    }

    /// True when two paths name the same file (after resolving `..` and symbolic links).
    static func samePath(_ a: String, _ b: String) -> Bool {
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return canonical(a) == canonical(b)
    }
}
