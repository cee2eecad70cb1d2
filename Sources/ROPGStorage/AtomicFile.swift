// Crash-safe file replacement: write a temporary file in the same folder, fsync it, give it the
// old file's mode, rename it over the target, fsync the folder.

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

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`, atomically: readers see either the old or the
    /// new contents, and after a crash the file is one or the other. The file keeps its mode
    /// (new files get 0644 minus the umask). If `path` is a symbolic link, the file it points
    /// to is replaced and the link is kept.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { sink in try sink.write(bytes) }
    }

    /// Where `write(to:contents:)` sends the new contents, in as many pieces as the caller likes.
    public struct Sink {
        fileprivate let descriptor: Int32
        fileprivate let path: String
        public func write(_ bytes: [UInt8]) throws { try writeAll(descriptor, bytes, path: path) }
    }

    /// Like `write(_:to:)`, but the contents are produced piece by piece, so a file of a hundred
    /// megabytes never needs to be in memory whole.
    public static func write(to path: String, contents: (Sink) throws -> Void) throws {
        let target = resolvedTarget(path)
        let (folder, name) = split(target)

        var old = stat()
        let exists = stat(target, &old) == 0

        var temp = ""
        var fd: Int32 = -1
        for _ in 0..<5 {
            let random = UInt64.random(in: 0...UInt64.max)
            temp = folder + "/." + name + ".tmp-\(getpid())-" + String(random, radix: 16)
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 { throw failure(path) }

        var done = false
        defer {
            if !done { unlink(temp) }
        }
        do {
            try contents(Sink(descriptor: fd, path: path))
            if exists {
                if fchmod(fd, old.st_mode & 0o7777) != 0 { throw failure(path) }
                if geteuid() == 0 && (old.st_uid != getuid() || old.st_gid != getgid()) {
                    _ = fchown(fd, old.st_uid, old.st_gid)  // best effort
                }
            }
            if !retryingEINTR({ fsync(fd) }) { throw failure(path) }
        } catch {
            close(fd)
            throw error
        }
        if close(fd) != 0 { throw failure(path) }
        if rename(temp, target) != 0 { throw failure(path) }
        done = true

        // Make the rename durable.
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            let synced = retryingEINTR({ fsync(dirFD) })
            let code = errno
            close(dirFD)
            if !synced && code != EINVAL {
                throw FileError(message: "cannot sync folder \(folder) after writing \(path): \(String(cString: strerror(code)))")
            }
        }
    }

    /// Reads a whole (small) file.
    public static func readAll(path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FileError(message: "cannot read \(path): \(errnoText())") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw FileError(message: "cannot read \(path): \(errnoText())") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(message: "cannot read \(path): Is a directory") }
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
                throw FileError(message: "cannot read \(path): \(errnoText())")
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
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                if n == 0 { throw FileError(message: "cannot write \(path): no progress writing") }
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

    private static func failure(_ path: String) -> FileError {
        FileError(message: "cannot write \(path): \(errnoText())")
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }

    /// The path to replace: a symbolic link is followed so the link itself survives.
    private static func resolvedTarget(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
              let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Folder and file name of a path ("." for a bare name).
    private static func split(_ path: String) -> (String, String) {
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
