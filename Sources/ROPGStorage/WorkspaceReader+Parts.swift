import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ROPGDomain

/// Whether a read used a part read on another core (for the tests that compare the two ways).
final class PartsRecord {
    var used = false
    init() {}
}

/// The far part of a large `costs` array, parsed on another core while the reader of the whole
/// file parses the near part: `WorkspaceWriter` puts one entry on a line, so the array can be cut
/// at a line that starts an entry.
///
/// The result is only ever used when it cannot differ from reading the file in one pass: the
/// reader of the whole file must arrive at the cut as the start of an element of `costs` (else
/// the cut fell elsewhere, in a file laid out by hand), and the part must have parsed without
/// an error to the array's end. Then both read the same bytes in the same state (the inside of
/// the array, at a value), and the whole-file reader skips them, taking the part's count of their
/// lines, and hashing them on another thread (`JSONReader.skip(to:lines:)`).
/// Otherwise the whole-file reader reads on by itself, so every error is the one-pass error, at
/// the same line and column.
final class CostsPart: @unchecked Sendable {
    // Unchecked: `parsed` is written once by the worker before `done` is signalled, and read after.
    /// The file offset of the first byte of the part's first entry.
    let start: Int
    private let done = DispatchSemaphore(value: 0)
    private var parsed: Parsed?

    /// The entries of the part in chunks of memory of their own (handed over one by one, so that
    /// memory holds little more than one copy), how many there are, and the offset of the
    /// array's closing ']'. The entries are moved out of the chunks, not copied: a copy would
    /// retain each entry's strings, and letting go of the chunk release them again.
    final class Parsed {
        /// Full chunks hold `chunkSize` entries, the last one `count` less the others.
        private var chunks: [UnsafeMutablePointer<CostEntry>] = []
        private(set) var count = 0
        var end = 0
        /// The lines the part spans, for the reader of the whole file to skip them uncounted.
        var lines = JSONReader.LinesPassed(count: 0, anchor: 0, anchorColumn: 1)

        /// Adds `entry` after the others.
        func append(_ entry: consuming CostEntry) {
            let place = count % CostsPart.chunkSize
            if place == 0 { chunks.append(.allocate(capacity: CostsPart.chunkSize)) }
            (chunks[chunks.count - 1] + place).initialize(to: entry)
            count += 1
        }

        /// Moves every entry to the end of `costs`, in order, and lets go of the chunks.
        func moveAll(to costs: inout [CostEntry]) {
            costs.reserveCapacity(costs.count + count)
            letGoOfChunks { chunk, filled in costs.append(contentsOf: MovingEntries(base: chunk, count: filled)) }
        }

        deinit {
            // Chunks never handed over (the part was not used, or failed).
            letGoOfChunks { chunk, filled in chunk.deinitialize(count: filled) }
        }

        /// Hands each chunk and how many entries it holds to `empty`, which must leave it
        /// uninitialized, then frees it; the part is left with none.
        private func letGoOfChunks(_ empty: (UnsafeMutablePointer<CostEntry>, Int) -> Void) {
            var left = count
            for chunk in chunks {
                let filled = min(left, CostsPart.chunkSize)
                empty(chunk, filled)
                chunk.deallocate()
                left -= filled
            }
            chunks = []
            count = 0
        }
    }

    /// The entries of a chunk, each moved out as it is taken (the chunk is left uninitialized).
    struct MovingEntries: Sequence, IteratorProtocol {
        let base: UnsafeMutablePointer<CostEntry>
        let count: Int
        var taken = 0
        init(base: UnsafeMutablePointer<CostEntry>, count: Int) {
            self.base = base
            self.count = count
        }
        var underestimatedCount: Int { count - taken }
        mutating func next() -> CostEntry? {
            guard taken < count else { return nil }
            defer { taken += 1 }
            return (base + taken).move()
        }
    }

    /// Entries per chunk: about a megabyte each.
    static let chunkSize = 8192

    private init(start: Int) { self.start = start }

    /// Starts parsing the far part of the costs array that begins at `arrayStart` (just after
    /// its '['), when the rest of the file is larger than `threshold` bytes and a cut is found.
    static func start(path: String, arrayStart: Int, fileSize: Int, threshold: Int) -> CostsPart? {
        guard fileSize - arrayStart > threshold, let cut = cut(path: path, at: arrayStart + (fileSize - arrayStart) / 2) else { return nil }
        return start(path: path, cut: cut)
    }

    /// Where a part started as the file is opened is cut: the share of the file before it. The
    /// reader of the whole file reads the products and the near entries while the part is
    /// parsed, then takes the part's entries over: a cut a little before the middle has both
    /// finish parsing at about the same time (at 45% the reader of a million entries waited
    /// 70 ms for the part, at 50% the part waited up to 60 ms for the reader).
    static let earlyCutPercent = 48

    /// Starts parsing a far part as the file is opened, before the costs array is reached (so
    /// that the products are read meanwhile too), at the first entry line after `earlyCutPercent` of a
    /// file larger than `threshold` bytes. Where that is not inside the costs array the part
    /// fails at its first element, or is not met at its start, and is left unused.
    static func startEarly(path: String, fileSize: Int, threshold: Int) -> CostsPart? {
        guard fileSize > threshold, let cut = cut(path: path, at: fileSize / 100 * earlyCutPercent) else { return nil }
        return start(path: path, cut: cut)
    }

    private static func start(path: String, cut: Int) -> CostsPart {
        let part = CostsPart(start: cut)
        MemoryPolicy.giveLargeBlocksBack()
        DispatchQueue.global(qos: .userInitiated).async {
            part.parsed = parse(path: path, from: cut)
            part.done.signal()
        }
        return part
    }

    /// Whether a core would otherwise idle while the file is read: the tasks runnable right now
    /// (this one among them, Linux's /proc/loadavg) leave at least one core free. Reading in
    /// parts costs some CPU more in all (the far part is handed over and skipped), so on a machine
    /// whose cores are all busy it would only slow the open down; the result is the same either way.
    static func aCoreIsFree() -> Bool {
        let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        guard cores >= 2 else { return false }
        let descriptor = open("/proc/loadavg", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return true }
        // "0.32 0.24 0.10 1/123 4567": the fourth field is runnable/all.
        let fields = String(decoding: bytes.prefix(count), as: UTF8.self).split(separator: " ")
        guard fields.count >= 4, let runnable = fields[3].split(separator: "/").first.flatMap({ Int($0) }) else { return true }
        return runnable < cores
    }

    /// Waits for the part; nil when it met anything it could not read.
    func result() -> Parsed? {
        done.wait()
        done.signal()
        let result = parsed
        parsed = nil
        return result
    }

    /// Where to cut: the first entry that starts a line (`,\n    {`) after `guess`.
    private static func cut(path: String, at guess: Int) -> Int? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let pattern: [UInt8] = Array(",\n    {".utf8)
        var window = [UInt8](repeating: 0, count: 1 << 16)
        let count = window.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(guess)) }
        guard count >= pattern.count else { return nil }
        for index in 0...(count - pattern.count) where window[index] == pattern[0] {
            if (1..<pattern.count).allSatisfy({ window[index + $0] == pattern[$0] }) { return guess + index + pattern.count - 1 }
        }
        return nil
    }

    /// Parses the entries from `cut` to the array's end.
    private static func parse(path: String, from cut: Int) -> Parsed? {
        guard let json = try? JSONReader(path: path, insideArrayFrom: cut) else { return nil }
        let reader = WorkspaceReader(reader: json, fileName: path)
        let parsed = Parsed()
        var index = 0
        var field = -1
        do {
            let ended = try reader.readCostElements(index: &index, field: &field, stoppingAt: nil) { parsed.append($0) }
            guard ended else { return nil }  // what was read is let go of with `parsed`
        } catch {
            return nil
        }
        parsed.end = json.offset - 1
        parsed.lines = json.linesPassed
        return parsed
    }
}
