import Foundation
import ROPGDomain
import ROPGText
import ROPGStorage
import ROPGTables

/// The interactive loop: prompt, read a line with libedit, run it, until quit or Ctrl-D.
enum InteractiveShell {
    static func run(_ session: Session, historyPath: String?) -> Int32 {
        // A parent may hand SIGINT over blocked (some test runners and service managers do);
        // Ctrl-C must reach the editor to clear the line.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        guard let editor = LineEditor(programName: "ropg", historyPath: historyPath, completer: { [unowned session] text in
            Completion.candidates(for: text, in: session)
        }) else {
            // Without line editing, read the terminal's lines as a script would.
            session.console.writeError("ropg: " + phrase("line editing is not available; reading plain lines") + "\n")
            var failures = 0
            while !session.quitRequested, let line = Swift.readLine() {
                if !session.execute(line: line) { failures += 1 }
            }
            return failures == 0 ? 0 : 1
        }
        // Whether the last question met the end of input too (Ctrl-D, or a terminal that closed).
        var questionMetEnd = false
        session.ask = { question in
            let answer = editor.ask(question)
            questionMetEnd = answer == nil
            return answer
        }
        let workspace = session.workspace
        session.console.write(session.speaking {
            phrase("ropg {version} — {name}{path}: {summary}. Type help, or quit.",
                   ["version": ShellMain.version, "name": workspace.name, "path": session.path.map { " (\($0))" } ?? "", "summary": workspace.summary])
        } + "\n")
        session.lookForJournal()
        var unanswered = 0
        while !session.quitRequested {
            // Numbered, so that a command can be named (a recorded notebook's cell #3 is [3]).
            let prompt = "[\(session.notebook.commandNumber)] " + session.prompt
            switch editor.readLine(prompt: prompt) {
            case .line(let line):
                unanswered = 0
                editor.addToHistory(line)
                session.execute(line: line)
            case .interrupted:
                continue  // Ctrl-C clears the line; it never quits
            case .endOfInput:
                // Ctrl-D quits as `quit` does: with unsaved changes it asks, every time.
                questionMetEnd = false
                session.execute(line: "quit")
                guard !session.quitRequested, questionMetEnd else { unanswered = 0; continue }
                // The question met the end of input as well. Twice in a row means nobody can
                // answer (the terminal closed): keep the work in a copy rather than lose it.
                unanswered += 1
                if unanswered >= 2 {
                    keepUnsavedWork(session)
                    editor.saveHistory()
                    return 0  // the journal stays as well: the next open offers it
                }
            }
        }
        // Left by quit: whatever was not saved, the person chose not to keep.
        session.endJournal()
        editor.saveHistory()
        return 0
    }

    /// Writes the unsaved workspace to a new file beside it (never over another), so that input
    /// that ends with nobody to answer loses nothing; says where.
    static func keepUnsavedWork(_ session: Session) {
        let base = session.path.map { $0.hasSuffix(".json") ? String($0.dropLast(5)) : $0 } ?? "untitled"
        let stamp = Int(Date().timeIntervalSince1970)
        let copy = "\(base).unsaved-\(stamp)-\(getpid()).json"
        do {
            try WorkspaceWriter.save(session.workspace, to: copy)
            session.console.writeError(phrase("input ended with unsaved changes and no answer: they are kept in {copy} (open it, or copy it over the workspace)", ["copy": copy]) + "\n")
        } catch {
            session.console.writeError(phrase("input ended with unsaved changes and no answer, and they could not be kept in {copy}: {error}", ["copy": copy, "error": "\(error)"]) + "\n")
        }
    }
}
