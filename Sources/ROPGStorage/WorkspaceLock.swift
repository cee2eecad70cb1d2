// "Someone has this workspace open": a lock file beside the workspace, `.NAME.lock`, holding the
// pid, host and start time of the ropg that has it open.
//
// Whether the lock is alive is decided by flock(2) on that file, not by its contents: the kernel
// lets go of a flock when its process ends, however it ends (quit, kill -9, a closed terminal),
// so a lock file left by a dead process is recognised as stale even when its pid has been given
// to another process since.

import Foundation
import ROPGText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class WorkspaceLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var descriptor: Int32

    /// Who holds (or held) a lock, as its file says.
    public struct Holder: Equatable, Sendable, CustomStringConvertible {
        public var pid: Int32
        public var host: String
        /// Seconds since 1970 when it took the lock.
        public var since: Int

        public init(pid: Int32, host: String, since: Int) {
            self.pid = pid
            self.host = host
            self.since = since
        }

        /// The file's text: one `key=value` a line.
        var text: String { "pid=\(pid)\nhost=\(host)\nsince=\(since)\nsince-local=\(WorkspaceLock.localTime(since))\n" }

        init?(text: String) {
            var values: [Substring: Substring] = [:]
            for line in text.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                values[line[..<equals]] = line[line.index(after: equals)...]
            }
            guard let pid = values["pid"].flatMap({ Int32($0) }) else { return nil }
            self.pid = pid
            host = values["host"].map(String.init) ?? ""
            since = values["since"].flatMap { Int($0) } ?? 0
        }

        /// "pid 4242, since 2026-03-16 10:42" (and the host when it is another machine).
        public var description: String {
            let values: KeyValuePairs<String, String> = ["pid": "\(pid)", "host": host, "time": WorkspaceLock.localTime(since)]
            return !host.isEmpty && host != WorkspaceLock.hostName ? phrase("pid {pid} on {host}, since {time}", values) : phrase("pid {pid}, since {time}", values)
        }
    }

    public enum Outcome {
        /// This process holds the lock now; `stale` is the holder a dead process left behind.
        case acquired(WorkspaceLock, stale: Holder?)
        /// Another live process holds it (nil when its file cannot be read).
        case heldByAnother(Holder?)
        /// No lock could be taken (a read-only folder, a file system without locks): the text says why.
        case unavailable(String)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
        LockRegistry.shared.add(descriptor: descriptor, path: path)
    }

    deinit { release() }

    /// The lock file for the workspace at `workspacePath`: `.NAME.lock` beside the file that a
    /// save writes (a symbolic link's target), so two shells opening one file through different
    /// links find the same lock.
    public static func lockPath(for workspacePath: String) -> String {
        let target = (try? AtomicFile.resolvedTarget(workspacePath)) ?? workspacePath
        let (folder, name) = AtomicFile.split(target)
        return folder + "/." + name + ".lock"
    }

    /// Takes the lock of the workspace at `workspacePath`, without waiting.
    public static func acquire(for workspacePath: String) -> Outcome {
        let path = lockPath(for: workspacePath)
        // A few tries: another process may remove the file between our open and our flock.
        for _ in 0..<5 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if fd < 0 { return .unavailable(phrase("cannot create {path}: {value}", ["path": path, "value": systemErrorText(errno)])) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = Holder(text: readAll(fd))
                close(fd)
                if code == EWOULDBLOCK || code == EAGAIN { return .heldByAnother(holder) }
                return .unavailable(phrase("cannot lock {path}: {value}", ["path": path, "value": systemErrorText(code)]))
            }
            // The holder we beat may have removed the file as it let go: then our lock is on a
            // file nobody else will open. Make sure the path still names our file.
            var ours = stat(), named = stat()
            guard fstat(fd, &ours) == 0, stat(path, &named) == 0, ours.st_ino == named.st_ino, ours.st_dev == named.st_dev else {
                close(fd)
                continue
            }
            let stale = Holder(text: readAll(fd))
            let me = Holder(pid: getpid(), host: hostName, since: Int(time(nil)))
            _ = ftruncate(fd, 0)
            let bytes = Array(me.text.utf8)
            _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return .acquired(WorkspaceLock(path: path, descriptor: fd), stale: stale)
        }
        return .unavailable(phrase("cannot lock {path}: it keeps being replaced", ["path": path]))
    }

    /// Who holds the lock of the workspace at `workspacePath` now, if a live process does.
    public static func holder(of workspacePath: String) -> Holder? {
        let path = lockPath(for: workspacePath)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 { return nil }
        defer { close(fd) }
        // A shared lock is granted only when nobody holds the exclusive one.
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return nil
        }
        return Holder(text: readAll(fd)) ?? Holder(pid: 0, host: "", since: 0)
    }

    /// Lets go of the lock and removes its file. Safe to call twice.
    public func release() {
        guard descriptor >= 0 else { return }
        LockRegistry.shared.remove(descriptor: descriptor)
        WorkspaceLock.unlinkIfOurs(path: path, descriptor: descriptor)
        close(descriptor)
        descriptor = -1
    }

    /// Removes the lock file if `path` still names the file `descriptor` has open (while the
    /// flock is held, so nobody can have taken it over).
    fileprivate static func unlinkIfOurs(path: String, descriptor: Int32) {
        var ours = stat(), named = stat()
        if fstat(descriptor, &ours) == 0, stat(path, &named) == 0, ours.st_ino == named.st_ino, ours.st_dev == named.st_dev {
            unlink(path)
        }
    }

    static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// "2026-03-16 10:42:05 +0800": local time with its offset, since the other shell may run in another zone.
    static func localTime(_ seconds: Int) -> String {
        var clock = time_t(seconds)
        var parts = tm()
        guard localtime_r(&clock, &parts) != nil else { return "\(seconds)" }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S %z", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The text of a small file from its start.
    private static func readAll(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
    }
}

/// The locks this process holds, so that their files are removed when the process exits
/// normally (the flocks go with the process anyway; the files would otherwise be left to be
/// reported as stale by the next ropg).
private final class LockRegistry: @unchecked Sendable {
    static let shared = LockRegistry()
    private let mutex = NSLock()
    private var held: [Int32: String] = [:]

    private init() {
        atexit { LockRegistry.shared.releaseAll() }
    }

    func add(descriptor: Int32, path: String) {
        mutex.lock()
        held[descriptor] = path
        mutex.unlock()
    }

    func remove(descriptor: Int32) {
        mutex.lock()
        held[descriptor] = nil
        mutex.unlock()
    }

    func releaseAll() {
        mutex.lock()
        let all = held
        held.removeAll()
        mutex.unlock()
        for (descriptor, path) in all {
            WorkspaceLock.unlinkIfOurs(path: path, descriptor: descriptor)
            close(descriptor)
        }
    }
}
