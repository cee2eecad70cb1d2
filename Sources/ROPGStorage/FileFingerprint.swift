// What a workspace file looked like when ropg last read or wrote it, so that a save can tell
// whether someone else (another ropg, an editor, git) has changed the file since.

import ROPGText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast 64-bit hash of a byte stream, the same however the stream is cut into pieces.
/// Not cryptographic: it tells "the same file" from "a changed file", it does not resist an
/// attacker who crafts a collision (such a person can write the file anyway).
public struct ContentHash: Sendable {
    // Four independent lanes over 32-byte blocks: the multiplications overlap, so a hundred
    // megabytes hash in a few tens of milliseconds (a byte-at-a-time hash takes several times that).
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var c: UInt64 = 0x1656_67B1_9E37_79F9
    private var d: UInt64 = 0x85EB_CA77_C2B2_AE63
    private var length: UInt64 = 0
    /// Bytes of an unfinished block, carried to the next `update`.
    private var pending: [UInt8] = []

    private static let prime: UInt64 = 0x9FB2_1C65_1E98_DF25

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, bytes.count > 0 else { return }
        var count = bytes.count
        length &+= UInt64(count)
        if !pending.isEmpty {
            let take = min(32 - pending.count, count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            base += take
            count -= take
            guard pending.count == 32 else { return }
            let block = pending
            pending.removeAll(keepingCapacity: true)
            block.withUnsafeBytes { mix($0.baseAddress ?? base) }
        }
        while count >= 32 {
            mix(base)
            base += 32
            count -= 32
        }
        if count > 0 { pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: count)) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    private mutating func mix(_ p: UnsafeRawPointer) {
        a = Self.round(a, p.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        b = Self.round(b, p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        c = Self.round(c, p.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        d = Self.round(d, p.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let x = (lane ^ word.littleEndian) &* prime
        return (x << 31 | x >> 33) &* 0xBF58_476D_1CE4_E5B9
    }

    /// The hash of everything given so far.
    public var value: UInt64 {
        var h = length &* Self.prime
        for lane in [a, b, c, d] { h = Self.round(h, lane) }
        for byte in pending { h = Self.round(h, UInt64(byte)) }
        h ^= h >> 29
        h &*= 0x94D0_49BB_1331_11EB
        return h ^ (h >> 32)
    }
}

/// A file as it was on disk: where it lives (device, inode), its size and times, and a hash of
/// its bytes. Comparing with the file now tells whether it changed; the hash settles the cases
/// where the times say little (a file rewritten in place within one clock tick, or rewritten
/// with the same bytes).
public struct FileFingerprint: Equatable, Sendable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: Timestamp
    public var changed: Timestamp
    public var hash: UInt64

    public struct Timestamp: Equatable, Sendable {
        public var seconds: Int
        public var nanoseconds: Int
    }

    /// The file's identity and times from `stat`, with the hash of its bytes.
    public init(_ info: stat, hash: UInt64) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = Timestamp(seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec)
        changed = Timestamp(seconds: info.st_ctimespec.tv_sec, nanoseconds: info.st_ctimespec.tv_nsec)
        #else
        modified = Timestamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        changed = Timestamp(seconds: info.st_ctim.tv_sec, nanoseconds: info.st_ctim.tv_nsec)
        #endif
        self.hash = hash
    }

    public var description: String { "\(size) bytes, modified \(modified.seconds).\(modified.nanoseconds), hash \(String(hash, radix: 16))" }

    /// True when `info` describes the very file and state this fingerprint was taken of.
    func sameMetadata(_ info: stat) -> Bool {
        let other = FileFingerprint(info, hash: hash)
        return other == self
    }

    /// How the file at `path` compares with what it was.
    public enum Comparison: Equatable, Sendable {
        case unchanged
        case changed
        case removed
        /// It cannot be read (permissions, a folder in its place); the text says why.
        case unreadable(String)
    }

    /// Compares the file at `path` (symbolic links followed) with this fingerprint. When size,
    /// place and times all agree the file is taken as unchanged without reading it; otherwise a
    /// file of the same size is read and its hash decides, so that a file rewritten with the
    /// same bytes (or merely touched) is not called changed.
    public func compare(with path: String) -> Comparison {
        var info = stat()
        if stat(path, &info) != 0 {
            return errno == ENOENT ? .removed : .unreadable(systemErrorText(errno))
        }
        if sameMetadata(info) { return .unchanged }
        guard Int64(info.st_size) == size else { return .changed }
        switch FileFingerprint.read(path) {
        case .success(let now): return now.hash == hash ? .unchanged : .changed
        case .failure(let error): return .unreadable(error.message)
        }
    }

    /// Reads the regular file at `path` to fingerprint it. A FIFO, a device or a folder is an
    /// error, found without blocking (the file is opened with O_NONBLOCK before its type is known).
    public static func read(_ path: String) -> Result<FileFingerprint, FileError> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { return .failure(FileError(message: ROPGText.phrase("cannot read {path}: {value}", ["path": path, "value": systemErrorText(errno)]))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(FileError(message: ROPGText.phrase("cannot read {path}: {value}", ["path": path, "value": systemErrorText(errno)]))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(FileError(message: ROPGText.phrase("cannot read {path}: {kind}, not a file", ["path": path, "kind": FileKind(info).phrase])))
        }
        var hasher = ContentHash()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = systemRead(fd, buffer, chunk)
            if n > 0 {
                hasher.update(UnsafeRawBufferPointer(start: buffer, count: n))
            } else if n == 0 {
                break
            } else if errno != EINTR {
                return .failure(FileError(message: ROPGText.phrase("cannot read {path}: {value}", ["path": path, "value": systemErrorText(errno)])))
            }
        }
        // The times after reading: a writer that raced the read leaves different ones, so the
        // next comparison reads the file again instead of trusting this hash.
        var after = stat()
        if fstat(fd, &after) == 0 { info = after }
        return .success(FileFingerprint(info, hash: hasher.value))
    }
}

/// What kind of thing a path names, in words for messages ("a FIFO (named pipe)").
public enum FileKind: Equatable, Sendable {
    case regular, folder, fifo, characterDevice, blockDevice, socket, symbolicLink, other

    public init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }

    /// "it is a folder", "it is a FIFO (named pipe)", …
    public var phrase: String {
        switch self {
        case .regular: return ROPGText.phrase("it is a file")
        case .folder: return ROPGText.phrase("it is a folder")
        case .fifo: return ROPGText.phrase("it is a FIFO (named pipe)")
        case .characterDevice: return ROPGText.phrase("it is a device")
        case .blockDevice: return ROPGText.phrase("it is a block device")
        case .socket: return ROPGText.phrase("it is a socket")
        case .symbolicLink: return ROPGText.phrase("it is a symbolic link")
        case .other: return ROPGText.phrase("it is not a regular file")
        }
    }
}

/// `read(2)` (the name is taken inside `FileFingerprint`).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
