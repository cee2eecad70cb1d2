import Foundation
import ROPGDomain
import ROPGText
import ROPGStorage
import ROPGTables

/// `save [PATH]`, `save reload`, `save --force`: writes the workspace atomically, and never over
/// what someone else saved meanwhile unless told to.
public enum SaveCommand: Command {
    public static let name = "save"
    public static let topic = HelpTopic.workspace
    public static let summary = "save the workspace (to its file, or to PATH)"
    public static let usage = ["save [PATH]", "save reload", "save --force [PATH]"]
    public static let examples = ["save", "save demo-2027.json", "save reload"]
    public static let syntax = Syntax(words: [.fileOr(["reload", "--force"]), .file])
    public static let details = """
        Saving is atomic: a crash mid-save leaves the old file whole. The same workspace always saves to the
        same bytes, so the file diffs well in git. Without PATH it saves to the file it was opened from;
        with PATH it saves there and that file becomes the workspace's file. Through a symbolic link, the
        file the link points to is replaced and the link is kept.

        A save never overwrites someone else's work by accident. When the file changed on disk since this
        shell opened or last saved it (another ropg, an editor, git), save refuses and offers:
          save reload        read the file again and re-apply your changes since the last save on top of
                             it; saves when every change still applies, else says which do not (check, then save)
          save OTHER.json    save your version elsewhere
          save --force       overwrite the file with your version, on purpose
        A read-only file (no write permission) is not replaced either: make it writable, or save --force.
        Temporary files left by saves that were killed are removed, and reported, at the next open or save.
        """

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        // `--force` and `reload` count only as typed bare: a quoted "reload" would be a path.
        let words = arguments.positionals
        if let option = words.first(where: { !$0.wasQuoted && $0.text.hasPrefix("--") && $0.text != "--force" }) {
            throw CommandError(phrase("save has no option {option}; it takes --force (see help save)", ["option": "\(option.text)"]))
        }
        let force = words.contains { !$0.wasQuoted && $0.text == "--force" }
        let rest = words.filter { $0.wasQuoted || $0.text != "--force" }
        guard rest.count <= 1 else { throw CommandError(phrase("unexpected \"{value}\"; usage: {value2}", ["value": "\(rest[1].text)", "value2": "\(usage.joined(separator: " | "))"])) }
        if let word = rest.first, !word.wasQuoted, word.text == "reload" {
            if force { throw CommandError(phrase("save reload keeps the file's changes and --force overwrites them: choose one")) }
            return try reload(session)
        }
        return [.message(try save(session, to: rest.first?.text, force: force))]
    }

    /// Saves to `target` or the session's file; returns what to tell the user. Refuses to
    /// overwrite a file changed on disk since this session read or wrote it, a read-only file,
    /// or a file another ropg has open (when saving elsewhere), unless `force`.
    static func save(_ session: Session, to target: String?, force: Bool = false) throws(CommandError) -> String {
        guard let path = target ?? session.path ?? defaultPath(session) else {
            throw CommandError(phrase("the workspace has no file yet; give one: save PATH.json"))
        }
        guard path.hasSuffix(".json") else { throw CommandError(phrase("{path}: a workspace file ends in .json", ["path": "\(path)"])) }
        var said: [String] = []
        let ownFile = session.path.map { sameFile(path, $0) } ?? false
        if ownFile && !force {
            switch session.diskState {
            case .changed:
                throw conflict(session, path)
            case .unreadable(let why):
                throw CommandError(phrase("cannot read {path} to check that nobody changed it since ({why}); nothing was saved. Save elsewhere (save OTHER.json), or overwrite it with save --force", ["path": "\(path)", "why": "\(why)"]))
            case .removed:
                said.append(phrase("{path} had been removed {since}; writing it anew", ["path": path, "since": session.sinceRead]))
            case .noFile, .new, .unchanged:
                break
            }
        } else if !ownFile && !force, let holder = WorkspaceLock.holder(of: path), holder.pid != getpid() {
            throw CommandError(phrase("another ropg ({holder}) has {path} open; saving over it would overwrite its work. Save elsewhere, or overwrite it on purpose with save --force {path}", ["holder": "\(holder)", "path": "\(path)"]))
        }
        let removed = AtomicFile.removeStaleTemporaryFiles(beside: path)
        if removed > 0 { said.append(WorkspaceFile.removedText(removed)) }
        let fingerprint: FileFingerprint
        do {
            fingerprint = try WorkspaceWriter.save(session.plan, to: path, replacingReadOnly: force)
        } catch let error as FileError where error.reason == .readOnly {
            throw CommandError(phrase("{error}; make it writable (chmod u+w {path}), or replace it on purpose with save --force", ["error": "\(error.message)", "path": "\(path)"]))
        } catch {
            throw CommandError((error as? FileError)?.message ?? phrase("cannot save {path}: {error}", ["path": path, "error": "\(error)"]))
        }
        // The lock follows the file: saving elsewhere moves it; a file whose lock another shell
        // had at open is taken now if that shell has gone.
        if !ownFile || session.fileLock == nil {
            let (lock, note) = WorkspaceFile.takeLock(path, currentLock: session.fileLock)
            if lock !== session.fileLock {
                session.fileLock?.release()
                session.fileLock = lock
            }
            if let note, !ownFile { said.append(note) }
        }
        session.markSaved(to: path, fingerprint: fingerprint)
        if session.isWhatIfOpen {
            said.append(phrase("saved the plan of {name} to {path}, without the open what-if ({changes}): keep it to make it part of the plan",
                               ["name": session.plan.name, "path": path, "changes": phrase(count: session.whatIfSteps.count, "{count} change", "{count} changes")]))
        } else {
            said.append(phrase("saved {name} to {path}", ["name": session.workspace.name, "path": path]))
        }
        return said.joined(separator: "\n")
    }

    /// The refusal when the file changed on disk: what happened and the three ways on.
    private static func conflict(_ session: Session, _ path: String) -> CommandError {
        let changes = phrase(count: session.changesSinceSave.count, "{count} change", "{count} changes")
        let changed = session.savedSinceOpen
            ? phrase("{path} changed on disk since ropg last saved it (another ropg, an editor or git wrote it); nothing was saved. Choose one:", ["path": path])
            : phrase("{path} changed on disk since it was opened (another ropg, an editor or git wrote it); nothing was saved. Choose one:", ["path": path])
        let reapply = session.isWhatIfOpen
            ? phrase("read it again and re-apply your {changes} on top (keep or drop the open what-if first)", ["changes": changes])
            : phrase("read it again and re-apply your {changes} on top", ["changes": changes])
        // The commands stay as typed; each line's explanation is phrased.
        return CommandError(changed
            + "\n  save reload        " + reapply
            + "\n  save OTHER.json    " + phrase("save your version elsewhere")
            + "\n  save --force       " + phrase("overwrite it with your version"))
    }

    /// `save reload`: reads the file as someone else saved it, re-applies this session's changes
    /// since its last save on top (see `Rebase`), and saves when every change still applies.
    static func reload(_ session: Session) throws(CommandError) -> [Block] {
        if session.isWhatIfOpen { throw CommandError(phrase("a what-if is open: keep or drop it first, then save reload")) }
        guard let path = session.path else { throw CommandError(phrase("the workspace has no file to reload; give one: save PATH.json")) }
        switch session.diskState {
        case .noFile, .new, .unchanged:
            let note = Block.message(phrase("{path} has not changed on disk; nothing to reload", ["path": "\(path)"]))
            // Nothing of ours to write either: the file is left as it is.
            return session.isDirty ? [note, .message(try save(session, to: nil))] : [note]
        case .removed:
            throw CommandError(phrase("{path} is gone from disk: there is nothing to reload; save writes your version anew", ["path": "\(path)"]))
        case .unreadable(let why):
            throw CommandError(phrase("cannot read {path} ({why}); nothing was reloaded", ["path": "\(path)", "why": "\(why)"]))
        case .changed:
            break
        }
        let opened = try WorkspaceFile.open(path, allowNew: false, currentLock: session.fileLock)
        guard let theirs = opened.workspace else { throw CommandError(phrase("cannot open {path}: No such file or directory", ["path": "\(path)"])) }
        let log = session.changesSinceSave
        let rebase = Rebase(log, onto: theirs)
        session.adopt(opened)
        session.takeRebased(rebase)
        var lines = opened.notes
        guard !log.isEmpty else {
            // Nothing of ours to add: the file as it is is the workspace now, and needs no save.
            lines.append(phrase("reloaded {path} as it is on disk; you had no changes to re-apply", ["path": path]))
            return lines.map { .message($0) }
        }
        let applied = log.count - rebase.failedEdits
        let changes = phrase(count: log.count, "{count} change", "{count} changes")
        lines.append(applied == log.count ? phrase("reloaded {path} as it is on disk and re-applied your {changes}", ["path": path, "changes": changes])
            : phrase("reloaded {path} as it is on disk and re-applied {applied} of your {changes}", ["path": path, "applied": String(applied), "changes": changes]))
        lines += rebase.notes.map { "  " + phrase("note: {note}", ["note": $0]) }
        lines += rebase.problems.map { "  " + phrase("not applied: {problem}", ["problem": $0]) }
        guard rebase.problems.isEmpty else {
            lines.append(phrase("not saved yet: check the workspace (undo takes the re-applied changes back one by one), then save"))
            return lines.map { .message($0) }
        }
        lines.append(try save(session, to: nil))
        return lines.map { .message($0) }
    }

    /// Whether two paths name one file (the same device and inode), or are the same text.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var one = stat(), two = stat()
        guard stat(a, &one) == 0, stat(b, &two) == 0 else { return false }
        return one.st_dev == two.st_dev && one.st_ino == two.st_ino
    }

    /// A workspace made with `new NAME` saves to NAME.json, unless that file is someone else's.
    private static func defaultPath(_ session: Session) -> String? {
        let candidate = "\(session.workspace.name).json"
        return FileManager.default.fileExists(atPath: candidate) ? nil : candidate
    }
}
