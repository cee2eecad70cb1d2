import Foundation
import ROPGDomain
import ROPGStorage
import ROPGTables

/// `recover`: the changes an earlier session made and never saved, found in its journal beside
/// the workspace when the workspace was opened (crash recovery).
public enum RecoverCommand: Command {
    public static let name = "recover"
    public static let topic = HelpTopic.workspace
    public static let summary = "unsaved changes a session left when it ended without saving: show, replay or discard them"
    public static let usage = ["recover [show]", "recover replay", "recover discard"]
    public static let examples = ["recover", "recover replay", "recover discard"]
    public static let details = """
        Every change is written to a journal beside the workspace (.NAME.json.journal) as it is made, and the journal
        goes away on save. When ropg ends without saving (a crash, kill -9, a closed terminal, a power cut), the next
        open finds the journal and says so. recover shows its changes; recover replay makes them again, as undo steps
        (a change that no longer fits the file, because the file changed since, is reported and skipped); recover
        discard throws them away. In the interactive shell, open asks right away.
        """
    public static let subcommands = ["show", "replay", "discard"]

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkPositionals(max: 1, usage: usage.joined(separator: " | "))
        try arguments.checkKeys(allowed: [], command: name)
        guard let found = session.foundJournal else {
            return [.message("nothing to recover: no journal of unsaved changes was found when \(session.path ?? "the workspace") was opened")]
        }
        let verb = arguments.positional(0) == nil ? "show" : try verb(arguments)
        switch verb {
        case "show":
            return [.message(describe(found, session))]
        case "replay":
            if session.isWhatIfOpen { throw CommandError("a what-if is open: keep or drop it first") }
            session.foundJournal = nil
            session.startJournal()
            var skipped: [String] = []
            var made = 0
            for edit in found.edits {
                var trial = session.workspace
                guard edit.applyIfFits(to: &trial) != nil else { skipped.append(edit.description); continue }
                session.perform(edit)
                made += 1
            }
            Journal.discard(found)
            var text = "replayed \(counted(made, "change")) from the journal; they are unsaved: save to keep them"
            if !skipped.isEmpty { text += "\n\(counted(skipped.count, "change")) no longer fit the file and were skipped:\n" + skipped.map { "  \($0)" }.joined(separator: "\n") }
            return [.message(text)]
        default:
            session.foundJournal = nil
            session.startJournal()
            Journal.discard(found)
            return [.message("discarded \(counted(found.edits.count, "unsaved change")) from the journal")]
        }
    }

    /// What was found: by whom, when, and each change.
    static func describe(_ found: Journal.Found, _ session: Session) -> String {
        let when = Date(timeIntervalSince1970: TimeInterval(found.started))
        var text = "\(counted(found.edits.count, "unsaved change")) left by a ropg session that ended without saving (pid \(found.pid), started \(when)):\n"
        text += found.edits.map { "  \($0.description)" }.joined(separator: "\n")
        if let path = session.path, Journal.Fingerprint.of(path: path) != found.base {
            text += "\n\(path) changed since those changes were made: replay reports any change that no longer fits"
        }
        if found.cutShort { text += "\nthe journal's last record was cut short (the crash came while writing it) and is left out" }
        return text
    }
}

extension Session {
    /// Whether a process is running: it exists and is not a zombie (killed, not yet reaped).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// After a workspace is opened: finds a journal an earlier session left beside it. A
    /// person is asked at once; a script is told how to act (nothing changes on its own).
    func lookForJournal() {
        guard let path else { return }
        let found: Journal.Found?
        do { found = try Journal.find(for: path) } catch {
            console.writeError("warning: \(error.message)\n")
            return
        }
        guard let found, found.pid != getpid() else { return }
        // A journal whose shell is still running belongs to that shell.
        if Self.isRunning(found.pid) {
            console.writeError("note: another ropg (pid \(found.pid)) is working on \(path) and has unsaved changes\n")
            return
        }
        guard !found.edits.isEmpty else {
            Journal.discard(found)  // a journal with no whole change holds nothing to lose
            return
        }
        foundJournal = found
        startJournal()
        console.writeError(RecoverCommand.describe(found, self) + "\n")
        if let ask {
            let answer = ask("Replay them? [y = replay, n = discard, Enter = decide later with recover] ")?.lowercased()
            let verb = answer == "y" || answer == "yes" ? "replay" : answer == "n" || answer == "no" ? "discard" : nil
            if let verb { execute(line: "recover \(verb)") }
        } else {
            console.writeError("recover replay makes them again; recover discard throws them away (help recover)\n")
        }
    }
}
