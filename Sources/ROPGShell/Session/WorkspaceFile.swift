import Foundation
import ROPGDomain
import ROPGText
import ROPGStorage
import ROPGTables

/// Opening and saving the workspace file safely: what a path names is checked before it is read
/// (a FIFO or a symbolic-link loop is an error, never a hang or an empty workspace), leftovers
/// of killed saves are cleared, the file is locked against a second ropg, and a save refuses to
/// overwrite a file someone else changed since this session read it.
enum WorkspaceFile {
    /// A workspace file opened: what it holds (nil: it does not exist yet), its fingerprint,
    /// the lock this session now holds (if it could take it), and what to tell the user.
    struct Opened {
        var path: String
        var workspace: Workspace?
        var fingerprint: FileFingerprint?
        var lock: WorkspaceLock?
        /// Temporary files removed, a new file: worth saying.
        var notes: [String]
        /// Another ropg has the file open, or a stale lock was taken over.
        var lockNote: String?

        var allNotes: [String] { notes + (lockNote.map { [$0] } ?? []) }
    }

    /// Opens `path`. A file that does not exist is a new workspace when `allowNew` (its folder
    /// must exist); else an error. `currentLock` is the lock the session holds now, kept when it
    /// is the same file's.
    static func open(_ path: String, allowNew: Bool, currentLock: WorkspaceLock? = nil) throws(CommandError) -> Opened {
        let exists = try check(path)
        if !exists && !allowNew {
            throw CommandError(phrase("cannot open {path}: No such file or directory", ["path": "\(path)"]))
        }
        var notes: [String] = []
        let removed = AtomicFile.removeStaleTemporaryFiles(beside: path)
        if removed > 0 { notes.append(removedText(removed)) }
        var workspace: Workspace?
        var fingerprint: FileFingerprint?
        if exists {
            do {
                (workspace, fingerprint) = try WorkspaceReader.loadWithFingerprint(path: path)
            } catch {
                throw CommandError(error.message)
            }
        } else {
            notes.append(phrase("new workspace: {path} will be created on the first save", ["path": path]))
        }
        let (lock, lockNote) = takeLock(path, currentLock: currentLock)
        return Opened(path: path, workspace: workspace, fingerprint: fingerprint, lock: lock, notes: notes, lockNote: lockNote)
    }

    /// "removed 1 temporary file left by a save that did not finish"
    static func removedText(_ count: Int) -> String {
        count == 1 ? phrase("removed 1 temporary file left by a save that did not finish")
            : phrase("removed {count} temporary files left by saves that did not finish", ["count": String(count)])
    }

    /// Takes the lock of `path` for this session; returns it (nil when another ropg has it, or
    /// no lock can be taken there) and what to tell the user about it.
    static func takeLock(_ path: String, currentLock: WorkspaceLock?) -> (WorkspaceLock?, String?) {
        if let currentLock, currentLock.path == WorkspaceLock.lockPath(for: path) { return (currentLock, nil) }
        switch WorkspaceLock.acquire(for: path) {
        case .acquired(let lock, let stale):
            guard let stale else { return (lock, nil) }
            return (lock, phrase("took over the lock on {path} from ropg {pid}, which is no longer running", ["path": path, "pid": "\(stale)"]))
        case .heldByAnother(let holder):
            let who = holder.map { phrase("another ropg ({holder})", ["holder": "\($0)"]) } ?? phrase("another ropg")
            return (nil, phrase("{who} has {path} open: if it saves first, your save will ask you to reload (save reload)", ["who": who, "path": path]))
        case .unavailable:
            // A read-only folder or a file system without locks: nothing to guard, and a save
            // there reports its own error.
            return (nil, nil)
        }
    }

    /// Checks what `path` names before anything reads it; returns whether a file is there.
    /// Symbolic links are followed (a loop is an error); a folder, FIFO, socket or device is an
    /// error; a missing file is fine when its folder exists.
    static func check(_ path: String) throws(CommandError) -> Bool {
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            guard code == ENOENT else { throw CommandError(phrase("cannot open {path}: {value}", ["path": "\(path)", "value": "\(systemErrorText(code))"])) }
            let folder = (path as NSString).deletingLastPathComponent
            if folder.isEmpty { return false }
            var folderInfo = stat()
            if stat(folder, &folderInfo) != 0 {
                throw CommandError(phrase("no folder {folder} for {path}: check the path, or create the folder first (mkdir -p {folder})", ["folder": "\(folder)", "path": "\(path)"]))
            }
            guard (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
                throw CommandError(phrase("cannot open {path}: {folder} is not a folder; check the path", ["path": "\(path)", "folder": "\(folder)"]))
            }
            return false
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            var target = stat()
            if stat(path, &target) != 0 {
                let code = errno
                if code == ELOOP {
                    throw CommandError(phrase("{path} is a loop of symbolic links; point the link at a workspace file", ["path": "\(path)"]))
                }
                let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? phrase("a missing file")
                throw CommandError(phrase("{path} is a symbolic link to {link}, which does not exist ({value}); create that file, or remove the link", ["path": "\(path)", "link": "\(link)", "value": "\(systemErrorText(code))"]))
            }
            info = target
        }
        let kind = FileKind(info)
        switch kind {
        case .regular: return true
        case .folder: throw CommandError(phrase("{path} is a folder, not a workspace file; give the path of a .json file", ["path": "\(path)"]))
        default: throw CommandError(phrase("{path}: {phrase}, not a workspace file; give the path of a regular .json file", ["path": "\(path)", "phrase": "\(kind.phrase)"]))
        }
    }
}

/// The file on disk compared with what this session last read or wrote.
enum DiskState: Equatable {
    /// No file belongs to the workspace (`new NAME`, or untitled).
    case noFile
    /// The workspace's file does not exist yet and nobody has created it.
    case new
    case unchanged
    /// Someone else changed (or created) the file since this session read or wrote it.
    case changed
    /// The file this session read or wrote is gone.
    case removed
    case unreadable(String)
}

extension Session {
    /// How the file on disk compares with what this session last read or wrote.
    var diskState: DiskState {
        guard let path else { return .noFile }
        guard let fileFingerprint else {
            var info = stat()
            return lstat(path, &info) == 0 ? .changed : .new
        }
        switch fileFingerprint.compare(with: path) {
        case .unchanged: return .unchanged
        case .changed: return .changed
        case .removed: return .removed
        case .unreadable(let why): return .unreadable(why)
        }
    }

    /// "since it was opened" or "since it was last saved", as the case is.
    var sinceRead: String { savedSinceOpen ? phrase("since ropg last saved it") : phrase("since it was opened") }

    /// Takes on a file just opened: its workspace (or a new one named after the file), its
    /// fingerprint and lock. The lock held before is let go when it is another file's.
    func adopt(_ opened: WorkspaceFile.Opened) {
        let workspace = opened.workspace ?? Workspace(name: ((opened.path as NSString).lastPathComponent as NSString).deletingPathExtension)
        replaceWorkspace(workspace, path: opened.path, fingerprint: opened.fingerprint)
        if fileLock !== opened.lock { fileLock?.release() }
        fileLock = opened.lock
    }

    /// Lets go of the file (after `new`): its lock is released.
    func forgetFile() {
        fileLock?.release()
        fileLock = nil
        fileFingerprint = nil
    }
}
