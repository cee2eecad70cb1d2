import Foundation
import ROPGDomain
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
            session.console.writeError("ropg: line editing is not available; reading plain lines\n")
            var failures = 0
            while !session.quitRequested, let line = Swift.readLine() {
                if !session.execute(line: line) { failures += 1 }
            }
            return failures == 0 ? 0 : 1
        }
        session.ask = { question in editor.ask(question) }
        let workspace = session.workspace
        session.console.write("ropg \(ShellMain.version) — \(workspace.name)" +
                              (session.path.map { " (\($0))" } ?? "") +
                              ": \(workspace.summary). Type help, or quit.\n")
        var endsInARow = 0
        while !session.quitRequested {
            let prompt = session.prompt
            switch editor.readLine(prompt: prompt) {
            case .line(let line):
                endsInARow = 0
                editor.addToHistory(line)
                session.execute(line: line)
            case .interrupted:
                continue
            case .endOfInput:
                endsInARow += 1
                if endsInARow >= 2 {
                    // Ctrl-D twice (or a closed terminal): leave without saving, as asked.
                    session.say("left without saving")
                    session.quitRequested = true
                } else {
                    session.execute(line: "quit")
                }
            }
        }
        editor.saveHistory()
        return 0
    }
}
