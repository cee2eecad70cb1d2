import Foundation
import ROPGDomain
import ROPGStorage
import ROPGTables

/// `save [PATH]`: writes the workspace atomically.
public enum SaveCommand: Command {
    public static let name = "save"
    public static let topic = HelpTopic.workspace
    public static let summary = "save the workspace (to its file, or to PATH)"
    public static let usage = ["save [PATH]"]
    public static let examples = ["save", "save plans/2026.json"]
    public static let details = """
        Saving is atomic: a crash mid-save leaves the old file whole. The same workspace always saves to the
        same bytes, so the file diffs well in git. Without PATH it saves to the file it was opened from;
        with PATH it saves there and that file becomes the workspace's file.
        """

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: [], command: "save")
        try arguments.checkPositionals(max: 1, usage: usage[0])
        return [.message(try save(session, to: arguments.positional(0)))]
    }

    /// Saves to `target` or the session's file; returns what to tell the user.
    static func save(_ session: Session, to target: String?) throws(CommandError) -> String {
        guard let path = target ?? session.path ?? defaultPath(session) else {
            throw CommandError("the workspace has no file yet; give one: save PATH.json")
        }
        guard path.hasSuffix(".json") else { throw CommandError("\(path): a workspace file ends in .json") }
        do {
            try WorkspaceWriter.save(session.plan, to: path)
        } catch {
            throw CommandError((error as? FileError)?.message ?? "cannot save \(path): \(error)")
        }
        session.markSaved(to: path)
        if session.isWhatIfOpen {
            return "saved the plan of \(session.plan.name) to \(path), without the open what-if (\(counted(session.whatIfSteps.count, "change"))): keep it to make it part of the plan"
        }
        return "saved \(session.workspace.name) to \(path)"
    }

    /// A workspace made with `new NAME` saves to NAME.json, unless that file is someone else's.
    private static func defaultPath(_ session: Session) -> String? {
        let candidate = "\(session.workspace.name).json"
        return FileManager.default.fileExists(atPath: candidate) ? nil : candidate
    }
}
