import ROPGDomain
import ROPGTables

/// `watch REPORT`: keeps a report on watch; after every change it runs again and shows what moved.
public enum WatchCommand: Command {
    public static let name = "watch"
    public static let topic = HelpTopic.session
    public static let summary = "keep a report on watch: after every change it re-runs and shows what moved (Δ)"
    public static let usage = ["watch REPORT [ARGUMENTS…]", "watch"]
    public static let examples = ["watch pnl 2026-11", "product set TS-001 price=75", "watch", "unwatch"]
    public static let details = """
        watch pnl 2026-11 shows the report now and keeps it on watch: after every change (product set, cost add,
        set, goal split, undo, redo, keep, drop …) each watched report runs again and shows the rows that moved,
        before | now | Δ | Δ%, or says nothing moved. Any report works, with its keys (watch margin, watch goal
        drivers 2026-11, watch pnl 2026 by=quarter scenario=激进). watch alone lists the reports on watch;
        unwatch ends them all, unwatch N the one numbered N.
        """
    public static let syntax = Syntax(words: [.command])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        if arguments.isEmpty {
            guard !session.notebook.watches.isEmpty else { return [.message(NotebookWords.nothingWatched)] }
            return [.message(session.notebook.watches.enumerated().map { "[\($0.offset + 1)] \($0.element.text)" }.joined(separator: "\n"))]
        }
        let text = arguments.words.map { $0.key == nil ? Arguments.quotedIfNeeded($0.text) : $0.key! + "=" + Arguments.quotedIfNeeded($0.value ?? "") }
            .joined(separator: " ")
        return try session.watch(text)
    }
}

/// `unwatch [N]`: takes reports off watch.
public enum UnwatchCommand: Command {
    public static let name = "unwatch"
    public static let topic = HelpTopic.session
    public static let summary = "take reports off watch (all, or the one numbered N)"
    public static let usage = ["unwatch [N]"]
    public static let examples = ["unwatch", "unwatch 1"]
    public static let exampleSetup = ["watch pnl 2026-11", "watch margin"]
    public static let syntax = Syntax(words: [.count])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        let watches = session.notebook.watches
        guard !watches.isEmpty else { return [.message(NotebookWords.nothingWatched)] }
        guard let text = arguments.positional(0) else {
            session.notebook.watches = []
            return [.message(NotebookWords.unwatchedAll(watches.count))]
        }
        guard let number = Int(text), (1...watches.count).contains(number) else {
            throw CommandError(NotebookWords.noSuchWatch(text, count: watches.count))
        }
        session.notebook.watches.remove(at: number - 1)
        return [.message(NotebookWords.unwatched(watches[number - 1].text))]
    }
}
