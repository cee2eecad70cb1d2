import Foundation
import ROPGDomain
import ROPGText
#if canImport(Glibc)
import Glibc
#endif

/// The changes made since the last save, written beside the workspace as they are made (like
/// vim's swap file or SQLite's journal), so that a crash, a `kill -9`, a closed terminal or a
/// power cut loses no change: the next open finds them and offers to replay them.
///
/// `.NAME.json.PID.journal` beside `NAME.json`, one per shell (two shells on one file each keep
/// their own): a header, then one record per edit, each appended and
/// fsynced before the shell goes on. Records are structural (the edit's `WorkspaceChange`s, their
/// data written as small workspace fragments), so replaying them is exact. A record cut short by
/// a crash is ignored; the ones before it stand. Saving or discarding removes the file.
public final class Journal: @unchecked Sendable {
    // Unchecked: a session's journal is written from the shell's one thread.
    public let path: String
    private var descriptor: Int32 = -1
    /// The saved file the edits apply to (size and a hash), and the workspace's mode.
    private var base: Fingerprint?
    private let workspacePath: String
    private let mode: mode_t

    /// What identifies the file the journal's edits start from.
    public struct Fingerprint: Equatable, Sendable {
        public var size: Int
        public var hash: UInt64

        /// Of a file's bytes; an absent file is size −1.
        public static func of(path: String) -> Fingerprint {
            guard let bytes = try? AtomicFile.readAll(path: path) else { return Fingerprint(size: -1, hash: 0) }
            return of(bytes)
        }

        /// The same hash `FileFingerprint` takes while a file is read, so the two compare.
        public static func of(_ bytes: [UInt8]) -> Fingerprint {
            var hash = ContentHash()
            hash.update(bytes)
            return Fingerprint(size: bytes.count, hash: hash.value)
        }

        /// Of a file as it was read or saved (no second read of a large file).
        public init(_ file: FileFingerprint) {
            size = Int(file.size)
            hash = file.hash
        }

        public init(size: Int, hash: UInt64) {
            self.size = size
            self.hash = hash
        }
    }

    /// Where an edit was made: on the plan, or inside an open what-if (of a scenario, when named),
    /// or what ended the what-if. Replay puts a what-if's changes back into a what-if, not into the
    /// plan, so a crash in the middle of a scenario leaves the plan as it was.
    public enum Scope: Equatable, Sendable {
        case plan
        case whatIf(scenario: String?)
        /// The open what-if thrown away; the record holds its changes taken back, newest first.
        case dropWhatIf
        /// The open what-if made part of the plan; the record holds no changes.
        case keepWhatIf
    }

    /// One record: an edit and where it was made.
    public struct Entry: Sendable {
        public var edit: Edit
        public var scope: Scope
    }

    /// What a journal left by an earlier session holds.
    public struct Found: Sendable {
        public var path: String
        public var base: Fingerprint
        public var pid: Int32
        public var started: Int
        public var entries: [Entry]
        /// Records cut short at the end (a crash while writing), left out.
        public var cutShort: Bool
        /// The edits alone, in order.
        public var edits: [Edit] { entries.map(\.edit) }
    }

    public struct Failure: Error, Sendable { public var message: String }

    /// `.NAME.json.PID.journal` beside the workspace: this process's journal of it.
    public static func path(for workspacePath: String, pid: Int32 = getpid()) -> String {
        let url = URL(fileURLWithPath: workspacePath)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".\(pid).journal").path
    }

    /// Starts a journal for the workspace at `workspacePath`, whose file (if any) is the base.
    /// Writes nothing until the first edit: opening a workspace never creates files.
    /// `base` is the file as the session read or saved it; without it (a new file, a file the
    /// session never read) it is taken at the first edit.
    public init(workspacePath: String, base: Fingerprint? = nil) {
        path = Self.path(for: workspacePath)
        self.workspacePath = workspacePath
        self.base = base
        var info = stat()
        mode = stat(workspacePath, &info) == 0 ? info.st_mode & 0o777 : 0o600
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends an edit made in `scope` and flushes it to the disk. An edit without changes is
    /// written only when it ends a what-if (a keep).
    public func append(_ edit: Edit, scope: Scope = .plan) throws(Failure) {
        guard !edit.changes.isEmpty || scope == .keepWhatIf else { return }
        if descriptor < 0 { try create() }
        var record = Self.header(Self.kind(of: scope), edit.changes.count, Array(edit.description.utf8))
        for change in edit.changes { record += Self.encode(change) }
        try write(record)
        guard fsync(descriptor) == 0 else { throw Failure(message: phrase("cannot flush the journal {path}: {value}", ["path": path, "value": systemErrorText(errno)])) }
    }

    /// Removes the journal this session wrote (after a save). A journal another session left is
    /// never touched here: only `discard(_:)` removes that, when the user says so.
    public func remove() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(path)
    }

    /// Removes a journal an earlier session left, once its edits are replayed or discarded.
    public static func discard(_ found: Found) {
        unlink(found.path)
    }

    private func create() throws(Failure) {
        // Owner-only at first byte: the journal holds the plan's figures, as private as the file.
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, mode & 0o600)
        guard opened >= 0 else { throw Failure(message: phrase("cannot write the journal {path}: {value}", ["path": path, "value": systemErrorText(errno)])) }
        descriptor = opened
        let base = self.base ?? Fingerprint.of(path: workspacePath)
        self.base = base
        let header = "ropg-journal 1\nbase \(base.size) \(String(base.hash, radix: 16))\npid \(getpid())\nstarted \(Int(Date().timeIntervalSince1970))\n"
        try write(Array(header.utf8))
    }

    private func write(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(message: phrase("cannot write the journal {path}: {value}", ["path": path, "value": systemErrorText(errno)]))
            }
            offset += written
        }
    }

    // MARK: - Records

    /// "edit" for the plan (as journals before scopes wrote it); "edit whatif", "edit scenario
    /// NAME-IN-HEX", "edit drop" and "edit keep" for the rest.
    private static func kind(of scope: Scope) -> String {
        switch scope {
        case .plan: "edit"
        case .whatIf(scenario: nil): "edit whatif"
        case .whatIf(scenario: let name?): "edit scenario " + name.utf8.map { String(format: "%02x", $0) }.joined()
        case .dropWhatIf: "edit drop"
        case .keepWhatIf: "edit keep"
        }
    }

    private static func scope(of kind: [String]) -> Scope? {
        if kind.count == 3, kind[0] == "edit", kind[1] == "scenario" {
            let hex = Array(kind[2].utf8)
            guard hex.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            for index in stride(from: 0, to: hex.count, by: 2) {
                guard let byte = UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(byte)
            }
            return String(validating: bytes, as: UTF8.self).map { .whatIf(scenario: $0) }
        }
        switch kind {
        case ["edit"]: return .plan
        case ["edit", "whatif"]: return .whatIf(scenario: nil)
        case ["edit", "drop"]: return .dropWhatIf
        case ["edit", "keep"]: return .keepWhatIf
        default: return nil
        }
    }

    /// "KIND COUNT LENGTH\n" and LENGTH bytes, then "\n".
    private static func header(_ kind: String, _ count: Int, _ payload: [UInt8]) -> [UInt8] {
        Array("\(kind) \(count) \(payload.count)\n".utf8) + payload + [10]
    }

    private static func encode(_ change: WorkspaceChange) -> [UInt8] {
        var fragment = Workspace(name: "")
        let op: String
        var at = 0
        switch change {
        case .insertProduct(let product, let index): op = "insertProduct"; at = index; fragment.products = [product]
        case .removeProduct(let index): op = "removeProduct"; at = index
        case .replaceProduct(let product, let index): op = "replaceProduct"; at = index; fragment.products = [product]
        case .insertCost(let entry, let index): op = "insertCost"; at = index; fragment.costs = [entry]
        case .removeCost(let index): op = "removeCost"; at = index
        case .replaceCost(let entry, let index): op = "replaceCost"; at = index; fragment.costs = [entry]
        case .insertGoal(let goal, let index): op = "insertGoal"; at = index; fragment.goals = [goal]
        case .removeGoal(let index): op = "removeGoal"; at = index
        case .replaceGoal(let goal, let index): op = "replaceGoal"; at = index; fragment.goals = [goal]
        case .setSettings(let settings): op = "setSettings"; fragment.settings = settings
        case .setSplits(let splits): op = "setSplits"; fragment.splits = splits
        case .setProfiles(let profiles): op = "setProfiles"; fragment.profiles = profiles
        case .setActuals(let actuals): op = "setActuals"; fragment.actuals = actuals
        case .setHitPlans(let plans): op = "setHitPlans"; fragment.hitPlans = plans
        case .setScenarios(let scenarios): op = "setScenarios"; fragment.scenarios = scenarios
        case .setName(let name): op = "setName"; fragment.name = name
        case .setLastCostNumber(let number, let category):
            op = "setLastCostNumber"; at = Int(number); fragment.name = category.rawValue
        }
        return header("\(op) \(at)", 0, WorkspaceWriter.encode(fragment))
    }

    private static func decode(op: String, at: Int, _ fragment: Workspace) -> WorkspaceChange? {
        switch op {
        case "insertProduct": return fragment.products.first.map { .insertProduct($0, at: at) }
        case "removeProduct": return .removeProduct(at: at)
        case "replaceProduct": return fragment.products.first.map { .replaceProduct($0, at: at) }
        case "insertCost": return fragment.costs.first.map { .insertCost($0, at: at) }
        case "removeCost": return .removeCost(at: at)
        case "replaceCost": return fragment.costs.first.map { .replaceCost($0, at: at) }
        case "insertGoal": return fragment.goals.first.map { .insertGoal($0, at: at) }
        case "removeGoal": return .removeGoal(at: at)
        case "replaceGoal": return fragment.goals.first.map { .replaceGoal($0, at: at) }
        case "setSettings": return .setSettings(fragment.settings)
        case "setSplits": return .setSplits(fragment.splits)
        case "setProfiles": return .setProfiles(fragment.profiles)
        case "setActuals": return .setActuals(fragment.actuals)
        case "setHitPlans": return .setHitPlans(fragment.hitPlans)
        case "setScenarios": return .setScenarios(fragment.scenarios)
        case "setName": return .setName(fragment.name)
        case "setLastCostNumber":
            guard let category = CostCategory(rawValue: fragment.name), let number = Int32(exactly: at) else { return nil }
            return .setLastCostNumber(number, for: category)
        default: return nil
        }
    }

    /// Every journal beside a workspace (one per shell that had unsaved changes), oldest first.
    public static func findAll(for workspacePath: String) -> (found: [Found], unreadable: [Failure]) {
        let url = URL(fileURLWithPath: workspacePath)
        let folder = url.deletingLastPathComponent()
        let prefix = "." + url.lastPathComponent + "."
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { name in
            name.hasPrefix(prefix) && name.hasSuffix(".journal") && Int32(name.dropFirst(prefix.count).dropLast(".journal".count)) != nil
        }
        var found: [Found] = [], unreadable: [Failure] = []
        for name in names.sorted() {
            do throws(Failure) { try read(folder.appendingPathComponent(name).path).map { found.append($0) } } catch { unreadable.append(error) }
        }
        return (found.sorted { ($0.started, $0.pid) < ($1.started, $1.pid) }, unreadable)
    }

    /// Reads one journal file.
    static func read(_ path: String) throws(Failure) -> Found? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.readAll(path: path) } catch { throw Failure(message: phrase("cannot read the journal {path}: {value}", ["path": path, "value": "\(error)"])) }
        var scanner = Scanner(bytes: bytes)
        guard scanner.line() == "ropg-journal 1",
              let baseLine = scanner.line()?.split(separator: " "), baseLine.count == 3, baseLine[0] == "base",
              let size = Int(baseLine[1]), let hash = UInt64(baseLine[2], radix: 16),
              let pidLine = scanner.line()?.split(separator: " "), pidLine.count == 2, let pid = Int32(pidLine[1]),
              let startedLine = scanner.line()?.split(separator: " "), startedLine.count == 2, let started = Int(startedLine[1])
        else { throw Failure(message: phrase("{path} is not a ropg journal (or its header was cut short); move it away to go on", ["path": path])) }
        var found = Found(path: path, base: Fingerprint(size: size, hash: hash), pid: pid, started: started, entries: [], cutShort: false)
        // Edits until the end, or until a record that was cut short (the crash happened there).
        while !scanner.atEnd {
            guard let (kind, count, payload) = scanner.record(), let scope = scope(of: kind) else { found.cutShort = true; break }
            var changes: [WorkspaceChange] = []
            for _ in 0..<count {
                guard let (words, _, fragmentBytes) = scanner.record(), words.count == 2, let at = Int(words[1]),
                      let fragment = try? WorkspaceReader.decodeFragment(fragmentBytes, fileName: path),
                      let change = decode(op: words[0], at: at, fragment) else { break }
                changes.append(change)
            }
            guard changes.count == count else { found.cutShort = true; break }
            found.entries.append(Entry(edit: Edit(description: String(decoding: payload, as: UTF8.self), changes: changes), scope: scope))
        }
        return found
    }

    /// Reads the header lines and "KIND… COUNT LENGTH" records.
    private struct Scanner {
        let bytes: [UInt8]
        var offset = 0
        var atEnd: Bool { offset >= bytes.count }

        mutating func line() -> String? {
            guard let end = bytes[offset...].firstIndex(of: 10) else { return nil }
            defer { offset = end + 1 }
            return String(decoding: bytes[offset..<end], as: UTF8.self)
        }

        /// The words before COUNT and LENGTH, COUNT, and the payload; nil when cut short.
        mutating func record() -> (words: [String], count: Int, payload: [UInt8])? {
            let start = offset
            guard let text = line() else { offset = start; return nil }
            let words = text.split(separator: " ").map(String.init)
            guard words.count >= 3, let length = Int(words[words.count - 1]), let count = Int(words[words.count - 2]),
                  length >= 0, offset + length < bytes.count, bytes[offset + length] == 10 else { offset = start; return nil }
            let payload = Array(bytes[offset..<(offset + length)])
            offset += length + 1
            return (Array(words.dropLast(2)), count, payload)
        }
    }
}
