import Foundation
import ROPGDomain

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
        default:
            throw CommandError("cannot tell the format of \"\(target)\": end the name in .txt, .md, .csv or .json")
        }
        if let workspacePath = path, Session.samePath(workspacePath, target) {
            throw CommandError("\(target) is the open workspace file; write the output somewhere else")
        }
        return format
    }

    /// `> FILE`: writes a command's output to a file in the format its extension names.
    func write(_ blocks: [Block], toFile target: String) throws(CommandError) {
        let fileFormat = try redirectFormat(for: target)
        let tables = blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        var text = ""
        for block in blocks {
            switch block {
            case .message(let message):
                // Machine formats hold data only; messages would break them.
                if fileFormat == .text || fileFormat == .md { text += message.hasSuffix("\n") ? message : message + "\n" }
            case .table(let table):
                text += render(table, as: fileFormat, color: false)
            }
        }
        guard !tables.isEmpty else { throw CommandError("this command prints no table to write to \(target)") }
        if fileFormat == .json && tables.count != 1 {
            throw CommandError("this command prints \(tables.count) tables; a .json file holds one")
        }
        var bytes = fileFormat == .csv ? CSVTableRenderer.utf8BOM : []
        bytes += Array(text.utf8)
        do {
            try AtomicFile.write(bytes, to: target)
        } catch {
            throw CommandError((error as? FileError)?.message ?? "cannot write \(target): \(error)")
        }
        let rows = tables.reduce(0) { $0 + $1.rows.count + $1.footerRows.count }
        console.write("wrote \(counted(rows, "row")) to \(target)\n")
    }

    /// True when two paths name the same file (after resolving `..` and symbolic links).
    static func samePath(_ a: String, _ b: String) -> Bool {
        func canonical(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return canonical(a) == canonical(b)
    }
}
