import Foundation
import ROPGDomain
import ROPGText
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
        (a change that no longer fits the file, because the file changed since, is reported and skipped); changes
        made inside a what-if or a scenario go back into it, open again, never into the plan; recover discard
        throws them away. In the interactive shell, open asks right away.
        """
    public static let syntax = Syntax([Verb("show"), Verb("replay"), Verb("discard")])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkPositionals(max: 1, usage: usage.joined(separator: " | "))
        try arguments.checkKeys(of: Self.self, verb: arguments.positional(0) ?? "show")
        let found = session.foundJournals
        guard !found.isEmpty else {
            return [.message(phrase("nothing to recover: no journal of unsaved changes was found when {value} was opened", ["value": "\(session.path ?? "the workspace")"]))]
        }
        let verb = arguments.positional(0) == nil ? "show" : try verb(arguments)
        switch verb {
        case "show":
            return [.message(describe(found, session))]
        case "replay":
            if session.isWhatIfOpen { throw CommandError(phrase("a what-if is open: keep or drop it first")) }
            // The old journals go first: the new one (this process's) then holds them and what
            // follows, so a second crash loses nothing either.
            session.foundJournals = []
            found.forEach(Journal.discard)
            var skipped: [String] = []
            var made = 0
            var keptFromEarlier = 0
            for (number, journal) in found.enumerated() {
                for entry in journal.entries {
                    switch entry.scope {
                    case .keepWhatIf:
                        _ = session.keepWhatIf()
                        continue
                    case .dropWhatIf:
                        // The plan is put back as it was when the what-if opened, as the drop did
                        // (with no what-if open, none of its changes were made: nothing to take back).
                        session.dropWhatIf()
                        continue
                    case .whatIf(let scenario):
                        // A change made inside a what-if goes back into one, never into the plan.
                        if !session.isWhatIfOpen {
                            session.openWhatIf()
                            session.whatIf?.scenario = scenario
                        }
                    case .plan:
                        break
                    }
                    var trial = session.workspace
                    guard entry.edit.applyIfFits(to: &trial) != nil else { skipped.append(entry.edit.description); continue }
                    session.perform(entry.edit)
                    made += 1
                }
                // A what-if an earlier journal left open cannot stay open under the next journal's
                // plan changes: it is kept in the plan (as replay did before what-ifs were journaled).
                if number < found.count - 1, session.isWhatIfOpen {
                    keptFromEarlier += session.whatIfSteps.count
                    _ = session.keepWhatIf()
                }
            }
            session.rejournal()
            var text = made == 1 ? phrase("replayed 1 change from the journal; not saved yet: save to keep it")
                : phrase("replayed {count} changes from the journal; not saved yet: save to keep them", ["count": String(made)])
            if !skipped.isEmpty {
                text += "\n" + phrase("{changes} no longer fit the file and were skipped:", ["changes": phrase(count: skipped.count, "{count} change", "{count} changes")])
                    + "\n" + skipped.map { "  \($0)" }.joined(separator: "\n")
            }
            if keptFromEarlier > 0 {
                text += "\n" + phrase("{changes} of a what-if an earlier session left open are now part of the plan (undo takes them back)",
                                      ["changes": phrase(count: keptFromEarlier, "{count} change", "{count} changes")])
            }
            if let open = session.whatIf {
                let changes = phrase(count: session.whatIfSteps.count, "{count} change", "{count} changes")
                text += "\n" + (open.scenario.map { phrase("the session ended inside scenario {name}: it is open again with {changes}; keep stores them in the scenario, drop throws them away", ["name": $0, "changes": changes]) }
                                 ?? phrase("the session ended inside a what-if: it is open again with {changes}; keep makes them part of the plan, drop throws them away", ["changes": changes]))
            }
            return [.message(text)]
        default:
            session.foundJournals = []
            found.forEach(Journal.discard)
            session.rejournal()
            return [.message(phrase("discarded {value} from the journal", ["value": phrase(count: found.reduce(0) { $0 + $1.edits.count }, "{count} unsaved change", "{count} unsaved changes")]))]
        }
    }

    /// What was found: by whom, when, and each change.
    static func describe(_ found: [Journal.Found], _ session: Session) -> String {
        var lines: [String] = []
        for journal in found {
            let when = Date(timeIntervalSince1970: TimeInterval(journal.started))
            lines.append(phrase("{changes} left by a ropg session that ended without saving (pid {pid}, started {when}):", ["changes": phrase(count: journal.edits.count, "{count} unsaved change", "{count} unsaved changes"), "pid": String(journal.pid), "when": "\(when)"]))
            lines += journal.edits.map { "  \($0.description)" }
            if journal.cutShort { lines.append("  " + phrase("(its last record was cut short: the crash came while writing it; it is left out)")) }
        }
        if let path = session.path, found.contains(where: { Journal.Fingerprint.of(path: path) != $0.base }) {
            lines.append(phrase("{path} changed since those changes were made: replay reports any change that no longer fits", ["path": path]))
        }
        return lines.joined(separator: "\n")
    }
}

extension Session {
    /// After a workspace is opened: finds a journal an earlier session left beside it. A
    /// person is asked at once; a script is told how to act (nothing changes on its own).
    func lookForJournal() {
        guard let path else { return }
        let (all, unreadable) = Journal.findAll(for: path)
        for failure in unreadable { console.writeError(phrase("warning: {message}", ["message": failure.message]) + "\n") }
        var found: [Journal.Found] = []
        for journal in all where journal.pid != getpid() {
            // A journal whose shell is still running belongs to that shell.
            if AtomicFile.isRunning(journal.pid) {
                console.writeError(phrase("note: another ropg (pid {pid}) is working on {path} and has unsaved changes", ["pid": String(journal.pid), "path": path]) + "\n")
            } else if journal.edits.isEmpty {
                Journal.discard(journal)  // no whole change in it: nothing to lose
            } else {
                found.append(journal)
            }
        }
        guard !found.isEmpty else { return }
        foundJournals = found
        startJournal()
        console.writeError(RecoverCommand.describe(found, self) + "\n")
        if let ask {
            let answer = ask(phrase("Replay them? [y = replay, n = discard, Enter = decide later with recover] "))?.lowercased() ?? ""
            switch answer {
            case "y", "yes": execute(line: "recover replay")
            case "n", "no": execute(line: "recover discard")
            case "": console.writeError(phrase("they wait: recover replay or recover discard when you are ready") + "\n")
            default: console.writeError(phrase("\"{answer}\" is not y or n; nothing was run: the changes wait for recover replay or recover discard", ["answer": answer]) + "\n")
            }
        } else {
            console.writeError(phrase("recover replay makes them again; recover discard throws them away (help recover)") + "\n")
        }
    }
}
