// Crash-safe file replacement: write a temporary file in the same folder (created with the old
// file's mode), fsync it, rename it over the target, fsync the folder.

import ROPGText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file could not be read or written; `message` is ready to show
/// (e.g. `cannot write /x/y.json: Permission denied`).
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Why, when the caller may want to offer a way round it (e.g. `save --force`).
    public var reason: Reason?

    public enum Reason: Equatable, Sendable {
        /// The file exists and has no write permission: it was not replaced.
        case readOnly
    }

    public init(message: String, reason: Reason? = nil) {
        self.message = message
        self.reason = reason
    }

    public var description: String { message }
}

public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`, atomically: readers see either the old or the
    /// new contents, and after a crash the file is one or the other. The file keeps its mode
    /// (new files get 0644 minus the umask). If `path` is a symbolic link, the file it points
    /// to is replaced and the link is kept. A file without write permission is refused unless
    /// `replacingReadOnly`. Returns the new file's fingerprint.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, replacingReadOnly: Bool = false) throws -> FileFingerprint {
        try write(to: path, replacingReadOnly: replacingReadOnly) { sink in try sink.write(bytes) }
    }

    /// Where `write(to:contents:)` sends the new contents, in as many pieces as the caller likes.
    /// It hashes them on the way, so the new file's fingerprint costs no second read.
    public final class Sink {
        fileprivate let descriptor: Int32
        fileprivate let path: String
        fileprivate var hash = ContentHash()
        /// The temporary file being written (tests look at it while it is written).
        public let temporaryPath: String

        fileprivate init(descriptor: Int32, path: String, temporaryPath: String) {
            self.descriptor = descriptor
            self.path = path
            self.temporaryPath = temporaryPath
        }

        public func write(_ bytes: [UInt8]) throws {
            try writeAll(descriptor, bytes, path: path)
            hash.update(bytes)
        }
    }

    /// Like `write(_:to:)`, but the contents are produced piece by piece, so a file of a hundred
    /// megabytes never needs to be in memory whole.
    @discardableResult
    public static func write(to path: String, replacingReadOnly: Bool = false, contents: (Sink) throws -> Void) throws -> FileFingerprint {
        let target = try resolvedTarget(path)
        let (folder, name) = split(target)

        var old = stat()
        let exists = lstat(target, &old) == 0
        if exists {
            // `resolvedTarget` followed every link: what is left must be a plain file. Renaming
            // over a folder, a FIFO or a device would replace something that is not a workspace.
            let kind = FileKind(old)
            guard kind == .regular else { throw FileError(message: phrase("cannot write {path}: {kind}, not a file; give the path of a file", ["path": path, "kind": kind.phrase])) }
            if !replacingReadOnly && !isWritable(target, old) {
                // The folder may allow the rename, but a file its owner made read-only is a
                // request not to change it: replace it only when told to.
                throw FileError(message: phrase("{path} is read-only (mode {mode}), so it was not replaced", ["path": path, "mode": String(old.st_mode & 0o7777, radix: 8)]),
                                reason: .readOnly)
            }
        }

        var temp = ""
        var fd: Int32 = -1
        // Created with the old file's permission bits, so that it is never more open than the
        // file it replaces, not even for its first byte (the umask can only take bits away).
        let creationMode: mode_t = exists ? old.st_mode & 0o777 : 0o644
        for _ in 0..<5 {
            let random = UInt64.random(in: 0...UInt64.max)
            temp = folder + "/." + name + ".tmp-\(getpid())-" + String(random, radix: 16)
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, creationMode)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 { throw failure(path, folder: folder, creating: true) }

        var done = false
        defer {
            if !done { unlink(temp) }
        }
        var written = stat()
        let sink = Sink(descriptor: fd, path: path, temporaryPath: temp)
        do {
            if exists {
                // Owner first: chown clears set-id bits, which fchmod then puts back.
                if geteuid() == 0 && (old.st_uid != getuid() || old.st_gid != getgid()) {
                    _ = fchown(fd, old.st_uid, old.st_gid)  // best effort
                }
                // The exact mode (the umask may have taken bits away at creation).
                if fchmod(fd, old.st_mode & 0o7777) != 0 { throw failure(path, folder: folder) }
            }
            try contents(sink)
            // Writing clears set-id bits (for a writer who is not root): put them back.
            if exists && old.st_mode & 0o7000 != 0 && fchmod(fd, old.st_mode & 0o7777) != 0 { throw failure(path, folder: folder) }
            if !retryingEINTR({ fsync(fd) }) { throw failure(path, folder: folder) }
            if fstat(fd, &written) != 0 { throw failure(path, folder: folder) }
        } catch {
            close(fd)
            throw error
        }
        if close(fd) != 0 { throw failure(path, folder: folder) }
        if rename(temp, target) != 0 { throw failure(path, folder: folder) }
        done = true

        // Make the rename durable.
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            let synced = retryingEINTR({ fsync(dirFD) })
            let code = errno
            close(dirFD)
            if !synced && code != EINVAL {
                throw FileError(message: phrase("cannot sync folder {folder} after writing {path}: {value}", ["folder": folder, "path": path, "value": systemErrorText(code)]))
            }
        }
        // The file's times after the rename (which changes its ctime), when it is still ours:
        // so the next comparison finds it unchanged without reading it again.
        var now = stat()
        if stat(target, &now) == 0 && now.st_ino == written.st_ino && now.st_dev == written.st_dev { written = now }
        return FileFingerprint(written, hash: sink.hash.value)
    }

    /// The file a save to `path` replaces: `path` itself, or the file its symbolic links lead
    /// to, followed one link at a time so that a loop is an error rather than a replaced link.
    /// A link to a file that does not exist yet leads to that file (the save creates it).
    public static func resolvedTarget(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            if lstat(current, &info) != 0 {
                let code = errno
                if code == ENOENT { return current }
                throw failure(path, folder: split(current).0, code: code)
            }
            guard (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            if count < 0 {
                let code = errno
                throw failure(path, folder: split(current).0, code: code)
            }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : split(current).0 + "/" + link
        }
        throw FileError(message: phrase("cannot write {path}: it is a loop of symbolic links; point the link at a file", ["path": path]))
    }

    /// Whether the file may be written: by its mode for root (who may write anything, so only
    /// the absence of every write bit says "read-only"), by the permission check otherwise.
    private static func isWritable(_ path: String, _ info: stat) -> Bool {
        if geteuid() == 0 { return info.st_mode & 0o222 != 0 }
        return faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 || errno == EROFS
    }

    /// Temporary files of saves that never finished: `.NAME.tmp-PID-…` beside `path` whose PID is
    /// not a running process (a save killed, or a machine that lost power). Removes them and
    /// returns how many it removed. The files of live processes, this one included, are left:
    /// they may be saving right now.
    @discardableResult
    public static func removeStaleTemporaryFiles(beside path: String) -> Int {
        guard let target = try? resolvedTarget(path) else { return 0 }
        let (folder, name) = split(target)
        let prefix = "." + name + ".tmp-"
        guard let dir = opendir(folder) else { return 0 }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix) else { continue }
            let rest = entryName.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
                  rest[rest.index(after: dash)...].allSatisfy(\.isHexDigit) else { continue }
            if pid == getpid() || AtomicFile.isRunning(pid) { continue }
            stale.append(folder + "/" + entryName)
        }
        closedir(dir)
        var removed = 0
        for file in stale {
            var info = stat()
            guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if unlink(file) == 0 { removed += 1 }
        }
        return removed
    }

    /// Reads a whole (small) file.
    public static func readAll(path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FileError(message: phrase("cannot read {path}: {value}", ["path": path, "value": errnoText()])) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw FileError(message: phrase("cannot read {path}: {value}", ["path": path, "value": errnoText()])) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(message: phrase("cannot read {path}: Is a directory", ["path": path])) }
        var result: [UInt8] = []
        result.reserveCapacity(Int(info.st_size))
        let chunk = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, chunk)
            if n > 0 {
                result.append(contentsOf: UnsafeBufferPointer(start: buffer, count: n))
            } else if n == 0 {
                return result
            } else if errno != EINTR {
                throw FileError(message: phrase("cannot read {path}: {value}", ["path": path, "value": errnoText()]))
            }
        }
    }

    // MARK: Helpers

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            guard var p = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let n = systemWrite(fd, p, min(remaining, 1 << 30))
                if n < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    throw failure(path, folder: split(path).0, code: code)
                }
                if n == 0 { throw FileError(message: phrase("cannot write {path}: no progress writing", ["path": path])) }
                p += n
                remaining -= n
            }
        }
    }

    private static func retryingEINTR(_ call: () -> Int32) -> Bool {
        while true {
            if call() == 0 { return true }
            if errno != EINTR { return false }
        }
    }

    /// The error for the errno just set, with what would work: a full disk, a read-only file
    /// system and a folder without write permission each say so.
    private static func failure(_ path: String, folder: String, creating: Bool = false, code: Int32? = nil) -> FileError {
        let code = code ?? errno
        let text = systemErrorText(code)
        switch code {
        case ENOSPC, EDQUOT:
            return FileError(message: phrase("cannot write {path}: {value}; the file is as it was before. Free some space, or save elsewhere", ["path": path, "value": text]))
        case EROFS:
            return FileError(message: phrase("cannot write {path}: {value}; save elsewhere", ["path": path, "value": text]))
        case EACCES where creating, EPERM where creating:
            return FileError(message: phrase("cannot write {path}: {value} (the folder {folder} does not let this user create files); save elsewhere, or make the folder writable", ["path": path, "value": text, "folder": folder]))
        case ENOENT where creating && isFolder(folder):
            // The folder is there but makes no files (/proc, /sys): ENOENT says nothing of it.
            return FileError(message: phrase("cannot write {path}: {value} (the folder {folder} does not take new files); save elsewhere", ["path": path, "value": text, "folder": folder]))
        case ENOENT where creating:
            return FileError(message: phrase("cannot write {path}: {value} (there is no folder {folder}); create it first, or save elsewhere", ["path": path, "value": text, "folder": folder]))
        default:
            return FileError(message: phrase("cannot write {path}: {value}", ["path": path, "value": text]))
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private static func errnoText() -> String {
        systemErrorText(errno)
    }

    /// Folder and file name of a path ("." for a bare name).
    static func split(_ path: String) -> (String, String) {
        let utf8 = Array(path.utf8)
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let name = String(decoding: utf8[(slash + 1)...], as: UTF8.self)
        let folder = slash == 0 ? "/" : String(decoding: utf8[..<slash], as: UTF8.self)
        return (folder, name)
    }
}

/// `write(2)` (the name is taken inside `AtomicFile`).
private func systemWrite(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(fd, p, count)
}

extension AtomicFile {
    /// Whether a process is running: it exists (EPERM: someone else's) and is not a zombie (killed,
    /// not yet reaped). Temporary files and journals of processes that are not are left over.
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }
}
