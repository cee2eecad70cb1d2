// A strict, streaming JSON pull reader (RFC 8259).
//
// - Reads a file in chunks (1 MiB by default) through a file descriptor, so memory stays
//   bounded whatever the file size (plus the largest single string or number token).
// - Strict: no trailing commas, no comments, no leading zeros, no NaN/Infinity, no unescaped
//   control characters, valid escapes (incl. \uXXXX surrogate pairs), valid UTF-8, exactly one
//   top-level value followed only by whitespace, no duplicate keys within one object.
//   A UTF-8 byte order mark at the very start is skipped.
// - Line and column (1-based; the column counts Unicode scalars, i.e. UTF-8 lead bytes) of the
//   value or key most recently begun are available as `position`. Columns are computed lazily,
//   so tracking them costs almost nothing on the hot path.
// - After any error the reader refuses to go on: every later call throws the same error.
//
// Usage (the caller drives the structure; separators are checked by nextKey/nextElement):
//
//     let r = try JSONReader(path: path)
//     try r.beginObject()
//     while let key = try r.nextKey() {
//         switch key {
//         case "schemaVersion": version = try r.readInt()
//         case "costs":
//             try r.beginArray()
//             while try r.nextElement() {
//                 try r.beginObject()
//                 while let field = try r.nextKey() {
//                     switch field {
//                     case "amount": amount = try r.readString()
//                     default: try r.skipValue()   // or report r.position
//                     }
//                 }
//             }
//         default: try r.skipValue()
//         }
//     }
//     try r.finish()
//
// Strings of up to 32 bytes go through a small cache, so repeated values (keys, categories,
// names, dates) come back as the same String: cheaper to build and shared in memory.

import Dispatch
import ROPGText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum JSONValueKind: Sendable {
    case object, array, string, number, bool, null
}

public struct JSONPosition: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { phrase("line {line}, column {column}", ["line": String(line), "column": String(column)]) }
}

/// A syntax (or shape) error in JSON input, with the 1-based line and column where it was found.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var position: JSONPosition { JSONPosition(line: line, column: column) }

    public var description: String { phrase("line {line}, column {column}: {message}", ["line": String(line), "column": String(column), "message": message]) }
}

/// The JSON file could not be opened or read.
public struct JSONFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Names a string is matched against as bytes (the keys of a bulk object, the words a field
/// may hold), kept flat: each name's length and first 16 bytes as two words, so that matching a
/// million keys neither retains an array per name nor compares byte by byte. A class over
/// storage of its own, made once per table: handing it around costs at most one retain, not
/// one per array a struct would hold.
final class ByteNames: Sendable {
    let texts: [String]
    private let bytes: [[UInt8]]
    let count: Int
    // Unchecked: written once here, only read afterwards (and never freed: the tables are static).
    nonisolated(unsafe) private let counts: UnsafeMutablePointer<Int>
    nonisolated(unsafe) private let words: UnsafeMutablePointer<UInt64>  // two a name: its first 16 bytes, zero-padded

    init(_ texts: [String]) {
        self.texts = texts
        bytes = texts.map { Array($0.utf8) }
        count = texts.count
        counts = .allocate(capacity: max(1, texts.count))
        words = .allocate(capacity: max(2, 2 * texts.count))
        for (index, name) in bytes.enumerated() {
            counts[index] = name.count
            for word in 0..<2 {
                words[2 * index + word] = (0..<8).reduce(UInt64(0)) { value, offset in
                    let at = word * 8 + offset
                    return at < name.count ? value | UInt64(name[at]) << UInt64(8 * offset) : value
                }
            }
        }
    }

    deinit {
        counts.deallocate()
        words.deallocate()
    }

    /// The position of the name spelt by `count` bytes at `p`, or −1, looked for from position
    /// `first` on (round to the start): keys come in the order they are written, so the one after
    /// the last found is usually next. `p` must have 16 readable bytes (the reader's window and
    /// scratch both do): the words are loaded whole and masked.
    @inline(__always)
    func index(of p: UnsafePointer<UInt8>, count: Int, from first: Int = 0) -> Int {
        let raw = UnsafeRawPointer(p)
        var w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        var w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if count < 8 {
            w0 &= (1 &<< UInt64(count * 8)) &- 1
            w1 = 0
        } else if count < 16 {
            w1 &= (1 &<< UInt64((count - 8) * 8)) &- 1
        }
        var candidate = first >= 0 && first < self.count ? first : 0
        for _ in 0..<self.count {
            if counts[candidate] == count && words[2 * candidate] == w0 && words[2 * candidate + 1] == w1
                && (count <= 16 || bytes[candidate].withUnsafeBufferPointer({ name in name.baseAddress.map { memcmp($0, p, count) == 0 } ?? false })) {
                return candidate
            }
            candidate = candidate + 1 == self.count ? 0 : candidate + 1
        }
        return -1
    }
}

public final class JSONReader {
    /// Default read size for files.
    public static let defaultChunkSize = 1 << 20
    /// Nesting limit: deeper documents are rejected (keeps memory bounded on `[[[[...`).
    public static let maxDepth = 512

    // MARK: State

    /// A place in the input whose column is computed only when asked for.
    /// `anchor` is an absolute offset on the same line whose column `anchorColumn` is known;
    /// the column of `offset` is `anchorColumn` + the number of UTF-8 lead bytes in between.
    private struct Mark {
        public var offset = 0
        public var line = 1
        public var anchor = 0
        public var anchorColumn = 1
        public var column = 0  // 0: not computed yet
    }

    private struct Frame {
        public var isObject: Bool
        public var first: Bool
        public var keyStart: Int
    }

    // The window of input: buf[0..<end] holds the bytes at absolute offsets base..<base+end.
    private var buf: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var end = 0
    private var base = 0
    private var pos = 0  // index into buf of the next unread byte
    private let chunkSize: Int

    // Input source.
    private var fd: Int32 = -1
    private let path: String
    private var sourceBytes: [UInt8] = []
    private var sourceOffset = 0
    private var exhausted = false
    /// The file's identity and times when it was opened, and the hash of every byte read: the
    /// fingerprint of exactly the bytes parsed (see `fingerprint`).
    private var openedInfo: stat?
    private var hasher = ContentHash()
    /// Off for a reader of part of a file (`init(path:insideArrayFrom:)`): its bytes are hashed
    /// by the reader of the whole file, which skips over them.
    private var hashing = true

    // Lines and columns.
    private var line = 1
    private var lineAnchor = 0        // absolute offset on the current line with a known column
    private var lineAnchorColumn = 1
    // Kept behind pointers (not class properties) so that updating them needs no dynamic
    // exclusivity checks on the hot path.
    private let mark: UnsafeMutablePointer<Mark>       // the value or key most recently begun
    private let commaMark: UnsafeMutablePointer<Mark>  // the last ',' (for "trailing comma")

    // Nesting.
    private let frames: UnsafeMutablePointer<Frame>
    private var depth = 0
    private var topLevelStarted = false
    // Keys of the open objects (for duplicate detection), with cheap fingerprints.
    private var keys: UnsafeMutablePointer<String>
    private var keyPrints: UnsafeMutablePointer<UInt64>
    private var keyCount = 0
    private var keyCapacity = 64
    private var lastPrint: UInt64 = 0  // fingerprint of the string read last

    // Short strings (keys, categories, names, dates) repeat a lot: a small direct-mapped cache
    // returns the same String for the same bytes, which saves building (and, for strings
    // longer than 15 bytes, allocating) a new one.
    private struct CachedString {
        public var count = -1
        public var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        public var string = ""
    }
    private static let cacheBits = 11
    private static let cacheMaxBytes = 32
    private let cache: UnsafeMutablePointer<CachedString>

    /// The first error thrown; every later call throws it again (the reader's state is
    /// undefined after an error, so it refuses to go on).
    private var failure: (any Error & Sendable)?

    // Scratch space for strings with escapes or strings that straddle a chunk boundary.
    private var scratch: [UInt8] = []

    // MARK: Init

    /// Opens `path` for streaming. Throws `JSONFileError` if it cannot be opened.
    public convenience init(path: String) throws {
        try self.init(path: path, chunkSize: JSONReader.defaultChunkSize)
    }

    /// Opens `path` for streaming with a given read size (tests use tiny sizes).
    public init(path: String, chunkSize: Int) throws {
        let size = max(1, chunkSize)
        self.chunkSize = size
        self.path = path
        self.capacity = size + 4096
        self.buf = JSONReader.allocateWindow(capacity)
        self.frames = .allocate(capacity: JSONReader.maxDepth + 1)
        self.mark = .allocate(capacity: 2)
        self.mark.initialize(repeating: Mark(), count: 2)
        self.commaMark = self.mark + 1
        self.keys = .allocate(capacity: keyCapacity)
        self.cache = .allocate(capacity: 1 << JSONReader.cacheBits)
        self.cache.initialize(repeating: CachedString(), count: 1 << JSONReader.cacheBits)
        self.keyPrints = .allocate(capacity: keyCapacity)
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. The
        // type is checked on the descriptor itself, so nothing can be swapped in between.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            let message = phrase("cannot open {path}: {value}", ["path": path, "value": JSONReader.errnoText()])
            throw JSONFileError(message: message)  // deinit frees the buffers
        }
        fd = descriptor
        var info = stat()
        if fstat(descriptor, &info) == 0 {
            let kind = FileKind(info)
            if kind == .folder { throw JSONFileError(message: phrase("cannot read {path}: Is a directory", ["path": path])) }
            if kind != .regular { throw JSONFileError(message: phrase("cannot read {path}: {kind}, not a file", ["path": path, "kind": kind.phrase])) }
            openedInfo = info
        }
        // Reads of a regular file never block; clear the flag all the same, so reads behave as usual.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    }

    /// The fingerprint of the file read, once it has been read to its end (after `finish()`);
    /// nil for bytes in memory or a file not read to the end.
    public var fingerprint: FileFingerprint? {
        guard exhausted, let openedInfo else { return nil }
        if let restHashed {
            // The bytes skipped were hashed on another thread, with the rest of the file.
            guard let hash = restHashed.value() else { return nil }
            return FileFingerprint(openedInfo, hash: hash)
        }
        return FileFingerprint(openedInfo, hash: hasher.value)
    }

    /// Reads from bytes in memory.
    public convenience init(bytes: [UInt8]) {
        self.init(bytes: bytes, chunkSize: min(max(1, bytes.count), JSONReader.defaultChunkSize))
    }

    /// Reads from bytes in memory, handing them to the scanner `chunkSize` bytes at a time
    /// (tests use tiny sizes to exercise tokens that straddle chunk boundaries).
    public init(bytes: [UInt8], chunkSize: Int) {
        let size = max(1, chunkSize)
        self.chunkSize = size
        self.path = "<bytes>"
        self.capacity = size + 64
        self.buf = JSONReader.allocateWindow(capacity)
        self.frames = .allocate(capacity: JSONReader.maxDepth + 1)
        self.mark = .allocate(capacity: 2)
        self.mark.initialize(repeating: Mark(), count: 2)
        self.commaMark = self.mark + 1
        self.keys = .allocate(capacity: keyCapacity)
        self.cache = .allocate(capacity: 1 << JSONReader.cacheBits)
        self.cache.initialize(repeating: CachedString(), count: 1 << JSONReader.cacheBits)
        self.keyPrints = .allocate(capacity: keyCapacity)
        self.sourceBytes = bytes
    }

    deinit {
        if fd >= 0 { close(fd) }
        buf.deallocate()
        frames.deallocate()
        mark.deallocate()
        cache.deinitialize(count: 1 << JSONReader.cacheBits)
        cache.deallocate()
        keys.deinitialize(count: keyCount)
        keys.deallocate()
        keyPrints.deallocate()
        spanStore.deallocate()
    }

    // MARK: Public API

    /// Line and column where the value or key most recently begun starts.
    public var position: JSONPosition {
        if mark.pointee.column == 0 { resolve(mark) }
        return JSONPosition(line: mark.pointee.line, column: mark.pointee.column)
    }

    /// The kind of the next value, without consuming it.
    public func peekKind() throws -> JSONValueKind {
        if let failure { throw failure }
        let c = try beginValue(consuming: false)
        switch c {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw unexpectedCharacter(c, at: pos)
        }
    }

    /// Consumes '{'.
    public func beginObject() throws {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        guard c == UInt8(ascii: "{") else { throw wrongKind(c, expected: "an object") }
        try push(isObject: true)
        pos += 1
    }

    /// The next member's key (the ':' after it is consumed), or nil when the closing '}' is
    /// reached (it is consumed).
    public func nextKey() throws -> String? {
        guard let frame = try beginMember(caller: "nextKey()") else { return nil }
        let key = try readStringBody(quoteAt: pos)

        // Duplicate keys: compare a cheap fingerprint first, the strings only when it matches.
        let print = lastPrint
        var k = frame.pointee.keyStart
        let count = keyCount
        while k < count {
            if keyPrints[k] == print && keys[k] == key {
                throw error(phrase("duplicate key {key}", ["key": JSONWriter.quoted(key)]), at: mark)
            }
            k += 1
        }
        if count == keyCapacity { growKeys() }
        (keys + count).initialize(to: key)
        keyPrints[count] = print
        keyCount = count + 1
        try endKey()
        return key
    }

    /// Steps to the next member of the current object: past the ',' and onto the key's opening
    /// quote (marked for messages). Returns nil, having consumed '}', at the end of the object.
    @inline(__always)
    private func beginMember(caller: StaticString) throws -> UnsafeMutablePointer<Frame>? {
        if let failure { throw failure }
        guard depth > 0, frames[depth - 1].isObject else {
            throw error(phrase("{caller} called outside an object", ["caller": "\(caller)"]), at: pos)
        }
        let frame = frames + (depth - 1)
        var c = try nextNonWhitespace()
        if c == Int(UInt8(ascii: "}")) {
            pos += 1
            pop()
            return nil
        }
        if frame.pointee.first {
            frame.pointee.first = false
        } else {
            guard c == Int(UInt8(ascii: ",")) else {
                if c < 0 { throw endOfFileError() }
                throw error(phrase("expected ',' or '}' after object member"), at: pos)
            }
            setMark(commaMark, at: pos)
            pos += 1
            c = try nextNonWhitespace()
            if c == Int(UInt8(ascii: "}")) { throw error(phrase("trailing comma"), at: commaMark) }
        }
        guard c == Int(UInt8(ascii: "\"")) else {
            if c < 0 { throw endOfFileError() }
            throw error(phrase("expected '\"' to begin an object key"), at: pos)
        }
        setMark(mark, at: pos)
        return frame
    }

    /// Consumes the ':' after a key.
    @inline(__always)
    private func endKey() throws {
        let c = try nextNonWhitespace()
        guard c == Int(UInt8(ascii: ":")) else {
            if c < 0 { throw endOfFileError() }
            throw error(phrase("expected ':' after object key"), at: pos)
        }
        pos += 1
    }

    /// Consumes '['.
    public func beginArray() throws {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        guard c == UInt8(ascii: "[") else { throw wrongKind(c, expected: "an array") }
        try push(isObject: false)
        pos += 1
    }

    /// True when another element follows (not consumed), false when the closing ']' is
    /// reached (it is consumed).
    public func nextElement() throws -> Bool {
        if let failure { throw failure }
        guard depth > 0, !frames[depth - 1].isObject else {
            throw error(phrase("nextElement() called outside an array"), at: pos)
        }
        let frame = frames + (depth - 1)
        let c = try nextNonWhitespace()
        if c == Int(UInt8(ascii: "]")) {
            pos += 1
            pop()
            return false
        }
        if frame.pointee.first {
            frame.pointee.first = false
            return true
        }
        guard c == Int(UInt8(ascii: ",")) else {
            if c < 0 { throw endOfFileError() }
            throw error(phrase("expected ',' or ']' after array element"), at: pos)
        }
        setMark(commaMark, at: pos)
        pos += 1
        let next = try nextNonWhitespace()
        if next == Int(UInt8(ascii: "]")) { throw error(phrase("trailing comma"), at: commaMark) }
        return true
    }

    public func readString() throws -> String {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        guard c == UInt8(ascii: "\"") else { throw wrongKind(c, expected: "a string") }
        return try readStringBody(quoteAt: pos)
    }

    /// Reads a string value and hands its UTF-8 bytes to `body` without building a String; for
    /// values parsed straight from bytes (decimals, dates, IDs, names from a fixed set), where a
    /// million rows would otherwise make millions of throwaway Strings.
    public func withStringBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        guard c == UInt8(ascii: "\"") else { throw wrongKind(c, expected: "a string") }
        let start = pos + 1
        let (close, scanned) = try scanPlainString(from: start)
        if let close { return try body(UnsafeBufferPointer(start: buf + start, count: close - start)) }
        // Escapes, or a string running past the window: the general path builds it.
        var text = try readStringSlow(contentStart: start, at: scanned)
        return try text.withUTF8 { try body($0) }
    }

    /// The next member's key as its index in `keys`, -1 for a key not in `keys` (its text is then
    /// in `lastUnknownKey`), nil when the object's '}' is reached. Keys are matched as bytes; the
    /// caller checks duplicates (it knows the keys by index). For objects read a million times.
    func nextKeyIndex(in keys: ByteNames, after previous: Int = -1) throws -> Int? {
        guard try beginMember(caller: "nextKeyIndex(in:)") != nil else { return nil }
        let p = buf
        let start = pos + 1
        var i = start
        var index: Int?
        while i < end {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                let count = i - start
                let found = keys.index(of: p + start, count: count, from: previous + 1)
                index = found
                pos = i + 1
                if found == -1 {
                    lastUnknownKey = String(decoding: UnsafeBufferPointer(start: p + start, count: count), as: UTF8.self)
                }
                break
            }
            if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { break }
            i += 1
        }
        if index == nil {
            // Escaped, non-ASCII or window-straddling keys take the general path.
            let key = try readStringSlow(contentStart: start, at: i)
            index = keys.texts.firstIndex(of: key) ?? -1
            if index == -1 { lastUnknownKey = key }
        }
        try endKey()
        return index
    }

    /// Reads a string value and returns its UTF-8 bytes, valid until the next call on this
    /// reader, with 16 readable bytes beyond them (for `ByteNames`): `withStringBytes` without a
    /// closure, for the fields of a million rows.
    func readStringSpan() throws -> UnsafeBufferPointer<UInt8> {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        guard c == UInt8(ascii: "\"") else { throw wrongKind(c, expected: "a string") }
        return try stringSpan()
    }

    /// The string whose opening quote is at `pos`, as `readStringSpan()` returns it.
    private func stringSpan() throws -> UnsafeBufferPointer<UInt8> {
        let start = pos + 1
        let (close, scanned) = try scanPlainString(from: start)
        if let close { return UnsafeBufferPointer(start: buf + start, count: close - start) }
        // Escapes, or a string running past the window: the general path builds it in scratch,
        // which is copied to storage of its own (scratch is reused by the next string).
        let count = try readStringSlowBytes(contentStart: start, at: scanned)
        if spanCapacity < count + 16 {
            spanStore.deallocate()
            spanCapacity = max(count + 16, 2 * spanCapacity)
            spanStore = .allocate(capacity: spanCapacity)
        }
        spanStore.initialize(repeating: 0, count: spanCapacity)
        scratch.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress { spanStore.update(from: base, count: count) }
        }
        return UnsafeBufferPointer(start: spanStore, count: count)
    }

    /// Reads a string value's bytes as `readStringSpan()` does, or a number's text (`isNumber`),
    /// in one step: for the decimals of a million rows, which files hold as strings and hand-edited
    /// ones may hold as numbers.
    func readStringOrNumberSpan() throws -> (bytes: UnsafeBufferPointer<UInt8>, isNumber: Bool) {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        if JSONReader.isNumberStart(c) {
            let (start, stop, _) = try scanNumber()
            return (UnsafeBufferPointer(start: buf + start, count: stop - start), true)
        }
        guard c == UInt8(ascii: "\"") else { throw wrongKind(c, expected: "a string") }
        return (try stringSpan(), false)
    }

    /// Reads a string value that should be one of `names`: its position there, or −1 (the bytes
    /// are then `lastSpan`, for the caller's message).
    func readChoice(in names: ByteNames) throws -> Int {
        let bytes = try readStringSpan()
        let found = names.index(of: bytes.baseAddress ?? UnsafePointer(spanStore), count: bytes.count)
        if found < 0 { lastSpan = String(decoding: bytes, as: UTF8.self) }
        return found
    }

    /// The text `readChoice(in:)` did not find.
    private(set) var lastSpan = ""
    private var spanStore = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private var spanCapacity = 64

    /// The text of the last key `nextKeyIndex(in:)` did not know.
    public private(set) var lastUnknownKey = ""

    /// The number's exact text, validated by the JSON grammar.
    public func readNumberLiteral() throws -> String {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        guard JSONReader.isNumberStart(c) else { throw wrongKind(c, expected: "a number") }
        let (start, stop, _) = try scanNumber()
        return String(decoding: UnsafeBufferPointer(start: buf + start, count: stop - start), as: UTF8.self)
    }

    /// A JSON integer literal (no fraction, no exponent) that fits `Int`.
    public func readInt() throws -> Int {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        guard JSONReader.isNumberStart(c) else { throw wrongKind(c, expected: "an integer") }
        let (start, stop, isInteger) = try scanNumber()
        let p = buf
        guard isInteger else {
            throw error(phrase("expected an integer, found {text}", ["text": JSONReader.excerpt(p + start, stop - start)]), at: mark)
        }
        var i = start
        let negative = p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value = 0
        while i < stop {
            let digit = Int(p[i] &- UInt8(ascii: "0"))
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(digit)
                                      : times10.addingReportingOverflow(digit)
            if o1 || o2 {
                throw error(phrase("integer {text} is out of range", ["text": JSONReader.excerpt(p + start, stop - start)]), at: mark)
            }
            value = next
            i += 1
        }
        return value
    }

    public func readBool() throws -> Bool {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        if c == UInt8(ascii: "t") {
            try expectLiteral("true")
            return true
        }
        if c == UInt8(ascii: "f") {
            try expectLiteral("false")
            return false
        }
        throw wrongKind(c, expected: "true or false")
    }

    public func readNull() throws {
        if let failure { throw failure }
        let c = try beginValue(consuming: true)
        guard c == UInt8(ascii: "n") else { throw wrongKind(c, expected: "null") }
        try expectLiteral("null")
    }

    /// Skips one value of any kind, nested values included (still strictly validated,
    /// duplicate keys included).
    public func skipValue() throws {
        if let failure { throw failure }
        let startDepth = depth
        while true {
            // At a value.
            switch try peekKind() {
            case .object:
                try beginObject()
                if try nextKey() != nil { continue }
            case .array:
                try beginArray()
                if try nextElement() { continue }
            case .string:
                _ = try beginValue(consuming: true)
                try skipStringBody(quoteAt: pos)
            case .number:
                _ = try beginValue(consuming: true)
                _ = try scanNumber()
            case .bool:
                _ = try readBool()
            case .null:
                try readNull()
            }
            // A value is complete: climb until another value follows or we are back out.
            while depth > startDepth {
                if frames[depth - 1].isObject {
                    if try nextKey() != nil { break }
                } else {
                    if try nextElement() { break }
                }
            }
            if depth == startDepth { return }
        }
    }

    /// Checks that only whitespace remains after the top-level value.
    public func finish() throws {
        if let failure { throw failure }
        if depth > 0 {
            throw error(frames[depth - 1].isObject ? phrase("finish() called inside an unfinished object")
                                                   : phrase("finish() called inside an unfinished array"), at: pos)
        }
        if !topLevelStarted {
            _ = try beginValue(consuming: false)  // throws at end of file or reports the value
            throw error(phrase("finish() called before the top-level value was read"), at: pos)
        }
        let c = try nextNonWhitespace()
        if c >= 0 { throw error(phrase("unexpected data after top-level value"), at: pos) }
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }

    // MARK: Reading a file in parts (WorkspaceReader+Parts.swift)

    /// The absolute offset of the next unread byte (after `nextElement()` returned true: of the
    /// element's first byte).
    public var offset: Int { base + pos }

    /// Opens `path` to read from byte `offset` on, as the inside of an array whose '[' and
    /// earlier elements lie before it: `nextElement()` reads the elements from there up to the
    /// array's ']'. Lines and columns there are not known (a caller that meets an error reads
    /// the file from its start instead), and the bytes are not hashed.
    public convenience init(path: String, insideArrayFrom offset: Int) throws {
        try self.init(path: path, chunkSize: JSONReader.defaultChunkSize)
        guard offset >= 0, lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else {
            throw JSONFileError(message: phrase("cannot read {path} from byte {offset}: {value}", ["path": path, "offset": String(offset), "value": JSONReader.errnoText()]))
        }
        hashing = false
        base = offset
        lineAnchor = offset
        topLevelStarted = true
        try push(isObject: false)
    }

    /// What a reader of part of a file (`init(path:insideArrayFrom:)`) met of lines: how many
    /// line ends it passed, and a place on the line it ended on whose column is known (its
    /// columns are known once it has passed a line end).
    public struct LinesPassed: Sendable {
        public var count: Int
        public var anchor: Int
        public var anchorColumn: Int
    }

    /// The lines this reader has passed since it began.
    public var linesPassed: LinesPassed { LinesPassed(count: line - 1, anchor: lineAnchor, anchorColumn: lineAnchorColumn) }

    /// The hash of the file, worked out on another thread from where `skip(to:lines:)` left the
    /// window to the end of the file, continuing this reader's hash of the bytes before.
    private var restHashed: RestHash?

    /// `skip(to:)` for bytes whose lines another reader counted (`lines`, from this reader's
    /// offset to `target`): they are not read here. Their hash and that of the rest of the file
    /// is worked out on another thread, from this reader's hash of the bytes before, and waited
    /// for by `fingerprint`; so later positions and the fingerprint are what reading them gives.
    public func skip(to target: Int, lines: LinesPassed) throws {
        if let failure { throw failure }
        // A line end is needed for the other reader's columns to be known; bytes in memory are at hand.
        guard lines.count > 0, fd >= 0, hashing, restHashed == nil, target > base + end else { return try skip(to: target) }
        // The marks are given their columns while their lines are in the window.
        if mark.pointee.column == 0 { resolve(mark) }
        if commaMark.pointee.column == 0 { resolve(commaMark) }
        let hashedTo = base + end
        let descriptor = dup(fd)
        guard descriptor >= 0, lseek(fd, off_t(target), SEEK_SET) == off_t(target) else {
            if descriptor >= 0 { close(descriptor) }
            return try skip(to: target)
        }
        restHashed = RestHash.start(descriptor: descriptor, from: hashedTo, continuing: hasher)
        hashing = false
        line += lines.count
        lineAnchor = lines.anchor
        lineAnchorColumn = lines.anchorColumn
        base = target
        end = 0
        pos = 0
    }

    /// Hashes a file from an offset to its end on another thread, continuing a hash of the
    /// bytes before (the descriptor is its own, closed when done).
    private final class RestHash: @unchecked Sendable {
        // Unchecked: `hash` is written once by the worker before `done` is signalled, and read after.
        private let done = DispatchSemaphore(value: 0)
        private var hash: UInt64?

        static func start(descriptor: Int32, from offset: Int, continuing hasher: ContentHash) -> RestHash {
            let job = RestHash()
            DispatchQueue.global(qos: .userInitiated).async {
                job.hash = hashRest(descriptor: descriptor, from: offset, continuing: hasher)
                close(descriptor)
                job.done.signal()
            }
            return job
        }

        private static func hashRest(descriptor: Int32, from offset: Int, continuing start: ContentHash) -> UInt64? {
            var hasher = start
            let size = JSONReader.defaultChunkSize
            let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            defer { chunk.deallocate() }
            var at = offset
            while true {
                let count = pread(descriptor, chunk, size, off_t(at))
                if count == 0 { return hasher.value }
                if count < 0 {
                    if errno == EINTR { continue }
                    return nil  // `fingerprint` is then nil, and the caller reads the file again for it
                }
                hasher.update(UnsafeRawBufferPointer(start: chunk, count: count))
                at += count
            }
        }

        /// The hash, once worked out; nil when the file could not be read.
        func value() -> UInt64? {
            done.wait()
            done.signal()
            return hash
        }
    }

    /// Moves on to absolute offset `target` without parsing the bytes before it (another reader
    /// parsed them), counting their lines and hashing them as if they had been read, so that
    /// later positions and the file's fingerprint are what reading them would give.
    public func skip(to target: Int) throws {
        if let failure { throw failure }
        while base + end < target {
            countLines(from: pos, to: end)
            pos = end
            let more = try refill(keepFrom: pos)
            pos = 0
            if !more { throw endOfFileError() }
        }
        let stop = max(pos, target - base)
        countLines(from: pos, to: stop)
        pos = stop
    }

    /// Counts the line ends in buf[from..<to], as `nextNonWhitespace` does for each it passes.
    private func countLines(from: Int, to: Int) {
        var i = from
        while i < to, let found = memchr(buf + i, 0x0A, to - i) {
            i = UnsafeMutableRawPointer(buf).distance(to: found) + 1
            line += 1
            lineAnchor = base + i
            lineAnchorColumn = 1
        }
    }

    // MARK: Buffer

    /// Discards buf[0..<keep] and appends more input. All buffer indices move down by `keep`
    /// (callers adjust their own). Returns false at end of input.
    private func refill(keepFrom keep: Int) throws -> Bool {
        if keep > 0 {
            let discardTo = base + keep
            if mark.pointee.column == 0 && mark.pointee.anchor < discardTo { resolve(mark) }
            if commaMark.pointee.column == 0 && commaMark.pointee.anchor < discardTo { resolve(commaMark) }
            if lineAnchor < discardTo {
                lineAnchorColumn += JSONReader.countLeadBytes(buf + (lineAnchor - base), discardTo - lineAnchor)
                lineAnchor = discardTo
            }
            let kept = end - keep
            if kept > 0 { memmove(buf, buf + keep, kept) }  // regions may overlap
            base = discardTo
            end = kept
        }
        if exhausted { return false }
        if capacity - end < chunkSize {
            let newCapacity = max(capacity * 2, end + chunkSize)
            let bigger = JSONReader.allocateWindow(newCapacity)
            bigger.update(from: buf, count: end)
            buf.deallocate()
            buf = bigger
            capacity = newCapacity
        }
        if fd >= 0 {
            while true {
                let n = read(fd, buf + end, chunkSize)
                if n > 0 {
                    if hashing { hasher.update(UnsafeRawBufferPointer(start: buf + end, count: n)) }
                    end += n
                    return true
                }
                if n == 0 {
                    exhausted = true
                    close(fd)
                    fd = -1
                    return false
                }
                if errno == EINTR { continue }
                let error = JSONFileError(message: phrase("cannot read {path}: {value}", ["path": path, "value": JSONReader.errnoText()]))
                failure = error
                throw error
            }
        }
        let n = min(chunkSize, sourceBytes.count - sourceOffset)
        if n <= 0 {
            exhausted = true
            sourceBytes = []
            return false
        }
        sourceBytes.withUnsafeBufferPointer { src in
            if let s = src.baseAddress { (buf + end).update(from: s + sourceOffset, count: n) }
        }
        sourceOffset += n
        end += n
        return true
    }

    /// Makes `count` bytes from `index` available (index is moved with the window).
    /// Returns false if the input ends first.
    private func ensure(_ index: inout Int, _ count: Int) throws -> Bool {
        while end - index < count {
            let keep = index
            let more = try refill(keepFrom: keep)
            index -= keep
            pos -= keep
            if !more { return end - index >= count }
        }
        return true
    }

    /// Skips whitespace; returns the next byte (at `pos`) or -1 at end of input.
    @inline(__always)
    private func nextNonWhitespace() throws -> Int {
        var i = pos
        while true {
            if i < end {
                let b = buf[i]
                if b > 0x20 {
                    pos = i
                    return Int(b)
                }
                switch b {
                case 0x20, 0x09, 0x0D:
                    i += 1
                case 0x0A:
                    i += 1
                    line += 1
                    lineAnchor = base + i
                    lineAnchorColumn = 1
                default:
                    pos = i
                    return Int(b)
                }
            } else {
                let keep = i
                let more = try refill(keepFrom: keep)
                i -= keep
                pos = i
                if !more { return -1 }
            }
        }
    }

    /// Skips whitespace before a value, enforces the single top-level value, skips a leading
    /// byte order mark, and records the value's position. Returns the value's first byte.
    @inline(__always)
    private func beginValue(consuming: Bool) throws -> UInt8 {
        var c = try nextNonWhitespace()
        if depth == 0 {
            if topLevelStarted {
                if c < 0 { throw endOfFileError() }
                throw error(phrase("unexpected data after top-level value"), at: pos)
            }
            if c == 0xEF && base + pos == 0 {
                var i = pos
                if try ensure(&i, 3), buf[i + 1] == 0xBB, buf[i + 2] == 0xBF {
                    pos = i + 3
                    lineAnchor = base + pos
                    lineAnchorColumn = 1
                    c = try nextNonWhitespace()
                }
            }
            if consuming { topLevelStarted = true }
        }
        if c < 0 { throw endOfFileError() }
        setMark(mark, at: pos)
        return UInt8(truncatingIfNeeded: c)
    }

    @inline(__always)
    private func setMark(_ m: UnsafeMutablePointer<Mark>, at index: Int) {
        m.pointee = Mark(offset: base + index, line: line, anchor: lineAnchor,
                         anchorColumn: lineAnchorColumn, column: 0)
    }

    private func resolve(_ m: UnsafeMutablePointer<Mark>) {
        let count = m.pointee.offset - m.pointee.anchor
        let column = m.pointee.anchorColumn
            + JSONReader.countLeadBytes(buf + (m.pointee.anchor - base), count)
        m.pointee.column = column
        // Move the line's anchor forward so later lookups on a long line stay cheap.
        if m.pointee.line == line && m.pointee.anchor == lineAnchor {
            lineAnchor = m.pointee.offset
            lineAnchorColumn = column
        }
    }

    private func growKeys() {
        let newCapacity = keyCapacity * 2
        let newKeys = UnsafeMutablePointer<String>.allocate(capacity: newCapacity)
        newKeys.moveInitialize(from: keys, count: keyCount)
        keys.deallocate()
        keys = newKeys
        let newPrints = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newPrints.update(from: keyPrints, count: keyCount)
        keyPrints.deallocate()
        keyPrints = newPrints
        keyCapacity = newCapacity
    }

    private func push(isObject: Bool) throws {
        guard depth < JSONReader.maxDepth else {
            throw error(phrase("nesting deeper than {count} levels", ["count": String(JSONReader.maxDepth)]), at: pos)
        }
        (frames + depth).initialize(to: Frame(isObject: isObject, first: true, keyStart: keyCount))
        depth += 1
    }

    private func pop() {
        depth -= 1
        if frames[depth].isObject {
            let start = frames[depth].keyStart
            if keyCount > start {
                (keys + start).deinitialize(count: keyCount - start)
                keyCount = start
            }
        }
    }

    // MARK: Strings

    /// Reads a string whose opening quote is at buf[quote]; leaves `pos` after the closing quote.
    private func readStringBody(quoteAt quote: Int) throws -> String {
        let start = quote + 1
        let p = buf
        let stop = end
        var i = start
        var high: UInt8 = 0
        while i < stop {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                let count = i - start
                guard high >= 0x80, count <= JSONReader.cacheMaxBytes else {
                    pos = i + 1
                    return makeString(p + start, count)
                }
                // Text the cache holds was checked when it was first read: a million names in
                // Chinese are only checked once each.
                let found = cacheLookUp(p + start, count)
                if let hit = found.hit {
                    pos = i + 1
                    return hit
                }
                let (bad, _) = JSONReader.checkUTF8(p, start, i)
                if bad < i { throw error(phrase("invalid UTF-8 in string"), at: bad) }
                pos = i + 1
                return cacheStore(found, p + start, count)
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            high |= b
            i += 1
        }
        return try readStringSlow(contentStart: start, at: i)
    }

    /// Where the cache keeps these bytes (at most `cacheMaxBytes`), their words, and the String it
    /// holds for them if it does. Sets `lastPrint`.
    @inline(__always)
    private func cacheLookUp(_ p: UnsafeMutablePointer<UInt8>, _ count: Int)
        -> (slot: UnsafeMutablePointer<CachedString>, words: (UInt64, UInt64, UInt64, UInt64), hit: String?) {
        let (w0, w1, w2, w3, h) = JSONReader.words(p, count)
        lastPrint = h
        let slot = cache + Int(truncatingIfNeeded: h >> UInt64(64 - JSONReader.cacheBits))
        let held = slot.pointee.count == count && slot.pointee.w0 == w0 && slot.pointee.w1 == w1
            && slot.pointee.w2 == w2 && slot.pointee.w3 == w3
        return (slot, (w0, w1, w2, w3), held ? slot.pointee.string : nil)
    }

    /// A String of validated UTF-8 bytes that `cacheLookUp` did not find, kept in its slot.
    @inline(__always)
    private func cacheStore(_ found: (slot: UnsafeMutablePointer<CachedString>, words: (UInt64, UInt64, UInt64, UInt64), hit: String?),
                            _ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> String {
        let s = String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        found.slot.pointee = CachedString(count: count, w0: found.words.0, w1: found.words.1, w2: found.words.2, w3: found.words.3, string: s)
        return s
    }

    /// The zero-padded words of a string of at most 32 bytes, and their hash.
    @inline(__always)
    private static func words(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> (UInt64, UInt64, UInt64, UInt64, UInt64) {
        // The window always has readable bytes beyond `end`.
        @inline(__always) func word(_ k: Int) -> UInt64 {
            let n = count - 8 * k
            if n <= 0 { return 0 }
            let w = UInt64(littleEndian: UnsafeRawPointer(p + 8 * k).loadUnaligned(as: UInt64.self))
            return n >= 8 ? w : w & ((1 &<< UInt64(n * 8)) &- 1)
        }
        let w0 = word(0), w1 = word(1), w2 = word(2), w3 = word(3)
        var h = w0 ^ (w1 << 17 | w1 >> 47) ^ (w2 << 31 | w2 >> 33) ^ (w3 << 47 | w3 >> 17)
        h = (h ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15
        return (w0, w1, w2, w3, h)
    }

    /// The common case of a string: no escapes and all of it in the window. Returns the index of
    /// the closing quote (UTF-8 checked; `pos` moved after it), or nil and the index where the
    /// general path must take over (`pos` untouched).
    @inline(__always)
    private func scanPlainString(from start: Int) throws -> (close: Int?, scanned: Int) {
        let p = buf
        let stop = end
        var i = start
        var high: UInt8 = 0
        while i < stop {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                if high >= 0x80 {
                    let (bad, _) = JSONReader.checkUTF8(p, start, i)
                    if bad < i { throw error(phrase("invalid UTF-8 in string"), at: bad) }
                }
                pos = i + 1
                return (i, i)
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            high |= b
            i += 1
        }
        return (nil, i)
    }

    /// A String from validated UTF-8, through the cache when short. Sets `lastPrint`.
    @inline(__always)
    private func makeString(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> String {
        guard count <= JSONReader.cacheMaxBytes else {
            lastPrint = UInt64(truncatingIfNeeded: count) << 16 | UInt64(p[0]) << 8 | UInt64(p[count - 1])
            return String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        }
        let found = cacheLookUp(p, count)
        return found.hit ?? cacheStore(found, p, count)
    }

    /// Validates a string without building it.
    private func skipStringBody(quoteAt quote: Int) throws {
        let p = buf
        let stop = end
        let start = quote + 1
        var i = start
        while i < stop {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                let (bad, invalid) = JSONReader.checkUTF8(p, start, i)
                if invalid || bad < i { throw error(phrase("invalid UTF-8 in string"), at: bad) }
                pos = i + 1
                return
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            i += 1
        }
        _ = try readStringSlow(contentStart: start, at: i)
    }

    /// The general case: escapes, and strings that straddle the end of the window. Raw bytes
    /// are validated and copied into `scratch`; the window only keeps what is not yet copied.
    private func readStringSlow(contentStart: Int, at index: Int) throws -> String {
        let count = try readStringSlowBytes(contentStart: contentStart, at: index)
        return scratch.withUnsafeMutableBufferPointer { b in
            guard let start = b.baseAddress else { return "" }
            return makeString(start, count)
        }
    }

    /// `readStringSlow` up to the string's bytes: they are in `scratch` (followed by 16 zero
    /// bytes for word loads); returns their count.
    private func readStringSlowBytes(contentStart: Int, at index: Int) throws -> Int {
        scratch.removeAll(keepingCapacity: true)
        var segment = contentStart
        var i = index
        while true {
            // Scan raw bytes.
            while i < end {
                let b = buf[i]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                i += 1
            }
            let (valid, invalid) = JSONReader.checkUTF8(buf, segment, i)
            if invalid { throw error(phrase("invalid UTF-8 in string"), at: valid) }
            if valid > segment {
                scratch.append(contentsOf: UnsafeBufferPointer(start: buf + segment, count: valid - segment))
            }
            if valid < i && i < end {
                // A multi-byte sequence cut short by a quote, backslash or control character.
                throw error(phrase("invalid UTF-8 in string"), at: valid)
            }
            if i == end {
                // Need more input (possibly to complete a multi-byte sequence at `valid`).
                let keep = valid
                let more = try refill(keepFrom: keep)
                i -= keep
                pos -= keep
                segment = 0
                if !more { throw endOfFileError(inString: true) }
                continue
            }
            let b = buf[i]
            if b == UInt8(ascii: "\"") {
                pos = i + 1
                let count = scratch.count
                scratch.append(contentsOf: repeatElement(0, count: 16))  // padding for word loads
                return count
            }
            if b < 0x20 {
                throw error(phrase("unescaped control character {character} in string", ["character": JSONReader.describe(b)]), at: i)
            }
            // Backslash escape.
            guard try ensure(&i, 2) else { throw endOfFileError(inString: true) }
            let e = buf[i + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                scratch.append(e)
                i += 2
            case UInt8(ascii: "b"): scratch.append(0x08); i += 2
            case UInt8(ascii: "f"): scratch.append(0x0C); i += 2
            case UInt8(ascii: "n"): scratch.append(0x0A); i += 2
            case UInt8(ascii: "r"): scratch.append(0x0D); i += 2
            case UInt8(ascii: "t"): scratch.append(0x09); i += 2
            case UInt8(ascii: "u"):
                guard try ensure(&i, 6) else { throw endOfFileError(inString: true) }
                guard let unit = JSONReader.hex4(buf + i + 2) else {
                    throw error(phrase("invalid \\u escape: expected four hex digits"), at: i)
                }
                var scalar = unit
                if unit >= 0xD800 && unit <= 0xDBFF {
                    // A high surrogate must be followed by \u and a low surrogate.
                    let complete = try ensure(&i, 12)
                    guard complete, buf[i + 6] == UInt8(ascii: "\\"), buf[i + 7] == UInt8(ascii: "u"),
                          let low = JSONReader.hex4(buf + i + 8), low >= 0xDC00 && low <= 0xDFFF
                    else {
                        throw error(phrase("unpaired surrogate \\u{hex} in string", ["hex": JSONReader.hexText(unit)]), at: i)
                    }
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    i += 12
                } else if unit >= 0xDC00 && unit <= 0xDFFF {
                    throw error(phrase("unpaired surrogate \\u{hex} in string", ["hex": JSONReader.hexText(unit)]), at: i)
                } else {
                    i += 6
                }
                JSONReader.appendUTF8(scalar, to: &scratch)
            default:
                throw error(phrase("invalid escape \\{character} in string", ["character": JSONReader.describeChar(e)]), at: i)
            }
            segment = i
        }
    }

    // MARK: Numbers and literals

    @inline(__always)
    private static func isNumberStart(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    @inline(__always)
    private static func isNumberChar(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    /// Scans and validates the number at `pos`; returns its buffer range (valid until the next
    /// read) and whether it is an integer. Leaves `pos` after it.
    private func scanNumber() throws -> (Int, Int, Bool) {
        var i = pos
        while true {
            while i < end && JSONReader.isNumberChar(buf[i]) { i += 1 }
            if i < end { break }
            let keep = pos
            let more = try refill(keepFrom: keep)
            i -= keep
            pos -= keep
            if !more { break }
        }
        let p = buf
        let start = pos
        let stop = i
        var j = start
        @inline(__always) func isDigit(_ k: Int) -> Bool {
            k < stop && p[k] >= UInt8(ascii: "0") && p[k] <= UInt8(ascii: "9")
        }
        func fail(_ why: String) -> JSONSyntaxError {
            error(phrase("invalid number {text}: {reason}", ["text": JSONReader.excerpt(p + start, stop - start), "reason": why]), at: mark)
        }
        if p[j] == UInt8(ascii: "-") {
            j += 1
            guard isDigit(j) else { throw fail(phrase("expected a digit after '-'")) }
        }
        if p[j] == UInt8(ascii: "0") {
            j += 1
            if isDigit(j) { throw fail(phrase("leading zeros are not allowed")) }
        } else {
            guard isDigit(j) else { throw fail(phrase("expected a digit")) }
            while isDigit(j) { j += 1 }
        }
        var isInteger = true
        if j < stop && p[j] == UInt8(ascii: ".") {
            j += 1
            guard isDigit(j) else { throw fail(phrase("expected a digit after '.'")) }
            while isDigit(j) { j += 1 }
            isInteger = false
        }
        if j < stop && (p[j] == UInt8(ascii: "e") || p[j] == UInt8(ascii: "E")) {
            j += 1
            if j < stop && (p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "-")) { j += 1 }
            guard isDigit(j) else { throw fail(phrase("expected a digit in the exponent")) }
            while isDigit(j) { j += 1 }
            isInteger = false
        }
        if j != stop { throw fail(phrase("unexpected '{character}'", ["character": JSONReader.describeChar(p[j])])) }
        pos = stop
        return (start, stop, isInteger)
    }

    private func expectLiteral(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        var i = pos
        let complete = try ensure(&i, n)
        let w = word.utf8Start
        var k = 0
        while k < n && i + k < end && buf[i + k] == w[k] { k += 1 }
        if k == n {
            pos = i + n
            return
        }
        if !complete && i + k == end { throw endOfFileError() }
        throw error(phrase("invalid literal, expected {word}", ["word": "\(word)"]), at: mark)
    }

    // MARK: Errors

    private func error(_ message: String, at index: Int) -> JSONSyntaxError {
        // `index` is on the current line, at or after the line's anchor.
        let offset = base + index
        let column = lineAnchorColumn + JSONReader.countLeadBytes(buf + (lineAnchor - base), offset - lineAnchor)
        let error = JSONSyntaxError(message: message, line: line, column: column)
        failure = error
        return error
    }

    private func error(_ message: String, at m: UnsafeMutablePointer<Mark>) -> JSONSyntaxError {
        if m.pointee.column == 0 { resolve(m) }
        let error = JSONSyntaxError(message: message, line: m.pointee.line, column: m.pointee.column)
        failure = error
        return error
    }

    private func endOfFileError(inString: Bool = false) -> JSONSyntaxError {
        error(inString ? phrase("unexpected end of file in string") : phrase("unexpected end of file"), at: end)
    }

    private func unexpectedCharacter(_ c: UInt8, at index: Int) -> JSONSyntaxError {
        switch c {
        case UInt8(ascii: "+"): return error(phrase("invalid number: a leading '+' is not allowed"), at: index)
        case UInt8(ascii: "."): return error(phrase("invalid number: expected a digit before '.'"), at: index)
        case UInt8(ascii: "/"): return error(phrase("comments are not allowed"), at: index)
        case UInt8(ascii: "'"): return error(phrase("strings must use double quotes"), at: index)
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"):
            return error(phrase("expected a value, found '{character}'", ["character": JSONReader.describeChar(c)]), at: index)
        default:
            return error(phrase("unexpected character {character}, expected a value", ["character": JSONReader.describeQuoted(c)]), at: index)
        }
    }

    private func wrongKind(_ c: UInt8, expected: String) -> JSONSyntaxError {
        let found: String
        switch c {
        case UInt8(ascii: "{"): found = "an object"
        case UInt8(ascii: "["): found = "an array"
        case UInt8(ascii: "\""): found = "a string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): found = "a number"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): found = "a boolean"
        case UInt8(ascii: "n"): found = "null"
        default: return unexpectedCharacter(c, at: pos)
        }
        return error(phrase("expected {what}, found {found}", ["what": phrase(expected), "found": phrase(found)]), at: mark)
    }

    // MARK: Helpers

    /// A window buffer with 64 zeroed bytes beyond `capacity` (word loads may read past the end).
    public static func allocateWindow(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 64)
        p.initialize(repeating: 0, count: capacity + 64)
        return p
    }

    public static func errnoText() -> String {
        systemErrorText(errno)
    }

    /// Number of UTF-8 lead bytes (bytes that are not 10xxxxxx) in p[0..<count].
    public static func countLeadBytes(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var n = 0
        var i = 0
        while i < count {
            n &+= (p[i] & 0xC0) != 0x80 ? 1 : 0
            i += 1
        }
        return n
    }

    public static func countLeadBytes(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        countLeadBytes(UnsafePointer(p), count)
    }

    /// Checks UTF-8 in p[from..<to]. Returns (index, invalid): index is `to` when all is
    /// valid; otherwise the start of an invalid sequence (invalid = true) or of a sequence
    /// cut off by `to` (invalid = false).
    public static func checkUTF8(_ p: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) -> (Int, Bool) {
        var i = from
        while i < to {
            while i + 8 <= to,
                  UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            if i >= to { break }
            let b = p[i]
            if b < 0x80 {
                i += 1
                continue
            }
            var need: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return (i, true)
            }
            var k = 1
            while k <= need {
                if i + k >= to { return (i, false) }
                let c = p[i + k]
                if k == 1 {
                    if c < low || c > high { return (i, true) }
                } else if c & 0xC0 != 0x80 {
                    return (i, true)
                }
                k += 1
            }
            i += need + 1
        }
        return (to, false)
    }

    public static func hex4(_ p: UnsafeMutablePointer<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = p[k]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    public static func hexText(_ v: UInt32) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out = [UInt8](repeating: 0, count: 4)
        for k in 0..<4 { out[k] = digits[Int((v >> UInt32(12 - 4 * k)) & 0xF)] }
        return String(decoding: out, as: UTF8.self)
    }

    public static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// A printable ASCII character as itself, anything else as U+XXXX.
    public static func describeChar(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return String(UnicodeScalar(c)) }
        return describe(c)
    }

    public static func describeQuoted(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return "'\(String(UnicodeScalar(c)))'" }
        if c >= 0x80 { return "byte 0x\(String(c, radix: 16, uppercase: true))" }
        return describe(c)
    }

    public static func describe(_ c: UInt8) -> String {
        "U+" + hexText(UInt32(c))
    }

    /// Quoted text of a short token for messages (cut at 40 bytes).
    public static func excerpt(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) -> String {
        let n = min(count, 40)
        let text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        return "'" + text + (count > n ? "…'" : "'")
    }
}
