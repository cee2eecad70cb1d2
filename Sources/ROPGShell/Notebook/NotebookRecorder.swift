import Foundation
import ROPGDomain
import ROPGStorage

/// Writes what `notebook record` records: a new notebook's header, and each command line with
/// its output appended as a cell. Every append is an atomic write of the whole file, so a
/// recording cut short by a crash leaves a whole notebook.
enum NotebookRecorder {
    /// Starts a recording into `path`: a new file gets a header naming `workspacePath` (relative
    /// to the notebook) and pinning `today`, and a title; an existing one must read as a notebook.
    /// Returns what to tell the user.
    static func start(_ path: String, workspacePath: String?, workspaceName: String, today: Day) throws(CommandError) -> String {
        guard path.hasSuffix(".md") else { throw CommandError(NotebookWords.notMarkdown(path)) }
        if FileManager.default.fileExists(atPath: path) {
            let bytes: [UInt8]
            do { bytes = try AtomicFile.readAll(path: path) } catch { throw CommandError(NotebookWords.cannotRead(path, error)) }
            do throws(Notebook.Failure) {
                let notebook = try Notebook.parse(bytes, name: path)
                return NotebookWords.recordingAppends(path, cells: notebook.cells.count)
            } catch {
                throw CommandError(error.message)
            }
        }
        guard let workspacePath else { throw CommandError(NotebookWords.recordNeedsSavedWorkspace) }
        let relative = relativePath(from: (path as NSString).deletingLastPathComponent, to: workspacePath)
        let text = """
            ---
            workspace: \(relative)
            today: \(today.isoText)
            ---

            # \(workspaceName) — \(today.isoText)

            """
        try write(Array(text.utf8), to: path)
        return NotebookWords.recordingStarted(path)
    }

    /// Appends a cell holding `command` (named `#number`, as the prompt showed it) and its output.
    static func append(command: String, number: Int, output: String, to path: String) throws(CommandError) {
        var bytes: [UInt8]
        do { bytes = try AtomicFile.readAll(path: path) } catch { throw CommandError(NotebookWords.cannotRead(path, error)) }
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        let cell = Array("\n```ropg #\(number)\n\(command)\n```\n".utf8)
        let fenced = Notebook(bytes: [], header: .init(workspace: "", today: nil), cells: [], headerEnd: 0, newline: [0x0A]).fenced(output)
        try write(bytes + cell + [0x0A] + fenced, to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws(CommandError) {
        do { _ = try AtomicFile.write(bytes, to: path) } catch {
            throw CommandError((error as? FileError)?.message ?? NotebookWords.cannotWrite(path, error))
        }
    }

    /// `target` relative to the folder `base` ("../../workspaces/demo.json"), both made absolute first.
    static func relativePath(from base: String, to target: String) -> String {
        func parts(_ path: String) -> [String] {
            URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path.split(separator: "/").map(String.init)
        }
        let from = parts(base), to = parts(target)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }
}
