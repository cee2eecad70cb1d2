import Foundation
import ROPGDomain
import ROPGText

/// Why a workspace file could not be opened: where, and what to fix. For a bad value:
/// `demo.json:12:34: products[3].price: "7x9" is not a number`.
public struct WorkspaceLoadError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Reads the JSON that `WorkspaceWriter` writes, strictly: unknown keys, missing keys, values of
/// the wrong kind and files from a newer schema are refused with the line, column and path of the
/// culprit. Streams the file, so a million cost entries need no copy of the file in memory.
public final class WorkspaceReader {
    // A class, not a struct: the bulk loops hand it to closures a million times, and a struct
    // would be copied (a retain per field) each time.
    private let reader: JSONReader
    private let fileName: String
    private var expectedCosts = 0
    /// Off for journal fragments, which hold one change's parts, not a whole workspace.
    private var validates = true
    /// For a file: its size, and above how many bytes after the costs array's start the far part
    /// of that array is read on another core (nil: in one pass).
    private var parts: (fileSize: Int, threshold: Int, record: PartsRecord)?
    /// The far part started as the file was opened (`CostsPart.startEarly`), until the costs array
    /// takes it up or starts one of its own.
    private var earlyPart: CostsPart?
    /// Parts are read on another core when more than this follows the costs array's start.
    static let partsThreshold = 8 << 20

    /// Reads and validates the workspace at `path`. Opening never changes the file.
    public static func load(path: String) throws(WorkspaceLoadError) -> Workspace {
        try loadWithFingerprint(path: path).workspace
    }

    /// Reads and validates the workspace at `path`, with the fingerprint of the bytes it read:
    /// a later save compares the file with it to find changes made by someone else meanwhile.
    public static func loadWithFingerprint(path: String) throws(WorkspaceLoadError) -> (workspace: Workspace, fingerprint: FileFingerprint) {
        try loadWithFingerprint(path: path, partsThreshold: CostsPart.aCoreIsFree() ? partsThreshold : Int.max)
    }

    /// `partsThreshold`: see `parts` (tests read small files in parts, and large ones in one pass).
    static func loadWithFingerprint(path: String, partsThreshold: Int,
                                    record: PartsRecord = PartsRecord()) throws(WorkspaceLoadError) -> (workspace: Workspace, fingerprint: FileFingerprint) {
        let reader: JSONReader
        do {
            reader = try JSONReader(path: path)
        } catch {
            throw WorkspaceLoadError((error as? JSONFileError)?.message ?? phrase("cannot open {path}: {value}", ["path": path, "value": "\(error)"]))
        }
        let workspaceReader = WorkspaceReader(reader: reader, fileName: path)
        // A cost entry takes about 100 bytes of file or more: reserving for that many up front
        // spares the array's doubling copies (a hundred megabytes moved, for a million rows).
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
            workspaceReader.expectedCosts = min(size / 100, 20_000_000)
            workspaceReader.parts = (size, partsThreshold, record)
            workspaceReader.earlyPart = CostsPart.startEarly(path: path, fileSize: size, threshold: partsThreshold)
        }
        defer { _ = workspaceReader.earlyPart?.result() }  // a file without costs: the part is waited for, not left running
        let workspace = try workspaceReader.read()
        if let fingerprint = reader.fingerprint { return (workspace, fingerprint) }
        // Not expected (read() reads to the end of the file); a second read gives the fingerprint.
        switch FileFingerprint.read(path) {
        case .success(let fingerprint): return (workspace, fingerprint)
        case .failure(let error): throw WorkspaceLoadError(error.message)
        }
    }

    /// Reads a workspace from bytes (tests, and files already in memory).
    public static func decode(_ bytes: [UInt8], fileName: String) throws(WorkspaceLoadError) -> Workspace {
        try WorkspaceReader(reader: JSONReader(bytes: bytes), fileName: fileName).read()
    }

    /// Reads a fragment: a workspace holding only the parts of one change (the journal's records),
    /// which need not be a valid workspace on its own (a cost entry of a product it does not hold).
    static func decodeFragment(_ bytes: [UInt8], fileName: String) throws(WorkspaceLoadError) -> Workspace {
        let reader = WorkspaceReader(reader: JSONReader(bytes: bytes), fileName: fileName)
        reader.validates = false
        return try reader.read()
    }

    init(reader: JSONReader, fileName: String) {
        self.reader = reader
        self.fileName = fileName
    }

    // MARK: - Errors

    private func failure(_ path: String, _ message: String) -> WorkspaceLoadError {
        let position = reader.position
        let location = "\(fileName):\(position.line):\(position.column)"
        return WorkspaceLoadError(path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)")
    }

    /// Runs a JSON step, turning a syntax error into a located message.
    private func json<T>(_ step: () throws -> T) throws(WorkspaceLoadError) -> T {
        do {
            return try step()
        } catch let error as JSONSyntaxError {
            throw WorkspaceLoadError("\(fileName):\(error.line):\(error.column): \(error.message)")
        } catch let error as JSONFileError {
            throw WorkspaceLoadError(phrase("cannot read {path}: {value}", ["path": fileName, "value": error.message]))
        } catch {
            throw WorkspaceLoadError(phrase("cannot read {path}: {value}", ["path": fileName, "value": "\(error)"]))
        }
    }

    private func expect(_ kind: JSONValueKind, _ path: @autoclosure () -> String, _ what: String) throws(WorkspaceLoadError) {
        let actual = try json { try reader.peekKind() }
        guard actual == kind else { throw failure(path(), phrase("expected {what}, found {found}", ["what": phrase(what), "found": Self.describe(actual)])) }
    }

    private static func describe(_ kind: JSONValueKind) -> String {
        switch kind {
        case .object: return phrase("an object")
        case .array: return phrase("an array")
        case .string: return phrase("a string")
        case .number: return phrase("a number")
        case .bool: return phrase("true or false")
        case .null: return phrase("null")
        }
    }

    // MARK: - Values

    private func string(_ path: @autoclosure () -> String) throws(WorkspaceLoadError) -> String {
        try expect(.string, path(), "a string")
        return try json { try reader.readString() }
    }

    private func decimal(_ path: @autoclosure () -> String) throws(WorkspaceLoadError) -> ExactDecimal {
        let kind = try json { try reader.peekKind() }
        let text: String
        switch kind {
        case .string: text = try json { try reader.readString() }
        case .number: text = try json { try reader.readNumberLiteral() }
        default: throw failure(path(), phrase("expected a decimal string such as \"79.5\", found {found}", ["found": Self.describe(kind)]))
        }
        guard let value = ExactDecimal(plainText: text) else { throw failure(path(), phrase("\"{text}\" is not a number", ["text": text])) }
        return value
    }

    private func integer(_ path: @autoclosure () -> String) throws(WorkspaceLoadError) -> Int {
        try expect(.number, path(), "a whole number")
        return try json { try reader.readInt() }
    }

    private func day(_ path: @autoclosure () -> String) throws(WorkspaceLoadError) -> Day {
        let text = try string(path())
        guard let day = Day(isoText: text) else {
            throw failure(path(), phrase("\"{text}\" is not a day written YYYY-MM-DD", ["text": text]))
        }
        return day
    }

    private func timeUnit(_ path: @autoclosure () -> String) throws(WorkspaceLoadError) -> TimeUnit {
        let text = try string(path())
        guard let unit = TimeUnit(rawValue: text) else {
            throw failure(path(), phrase("\"{text}\" is not one of {names}", ["text": text, "names": TimeUnit.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        return unit
    }

    private func unknownKey(_ key: String, _ path: String, allowed: [String]) -> WorkspaceLoadError {
        let near = Suggestions.nearest(to: key, among: allowed)
        return failure(path, near.isEmpty ? phrase("unknown key \"{key}\"", ["key": key]) : phrase("unknown key \"{key}\"; did you mean \"{near}\"?", ["key": key, "near": near[0]]))
    }

    /// Reads an array, calling `element` with each element's index. Paths for messages are
    /// only built when something is wrong: a million entries must not format a million paths.
    private func array(_ path: String, _ element: (Int) throws(WorkspaceLoadError) -> Void) throws(WorkspaceLoadError) {
        try expect(.array, path, "an array")
        try json { try reader.beginArray() }
        var index = 0
        while try json({ try reader.nextElement() }) {
            try element(index)
            index += 1
        }
    }

    /// Reads an object, calling `member` with each key.
    private func object(_ path: @autoclosure () -> String, _ member: (String) throws(WorkspaceLoadError) -> Void) throws(WorkspaceLoadError) {
        try expect(.object, path(), "an object")
        try json { try reader.beginObject() }
        while let key = try json({ try reader.nextKey() }) {
            try member(key)
        }
    }

    // MARK: - The workspace

    private func read() throws(WorkspaceLoadError) -> Workspace {
        var workspace = Workspace(name: "")
        var sawName = false
        var sawLastIDs = false
        try expect(.object, "", "a workspace object")
        try json { try reader.beginObject() }
        guard let firstKey = try json({ try reader.nextKey() }), firstKey == "schemaVersion" else {
            throw failure("", phrase("not a ropg workspace: it must begin with \"schemaVersion\""))
        }
        let version = try integer("schemaVersion")
        guard version <= Workspace.schemaVersion else {
            throw failure("schemaVersion", phrase("the file was written by a newer ropg (schema {version}); this one reads schema {known} and older. Upgrade ropg to open it", ["version": String(version), "known": String(Workspace.schemaVersion)]))
        }
        guard version >= 1 else { throw failure("schemaVersion", phrase("{version} is not a schema version", ["version": String(version)])) }
        let keys = ["name", "settings", "overrides", "products", "costs", "profiles", "goals", "splits", "actuals", "hitPlans", "scenarios", "lastCostIds"]
        var overrides: [AssumptionOverride] = []
        while let key = try json({ try reader.nextKey() }) {
            switch key {
            case "name":
                workspace.name = try string("name")
                sawName = true
            case "settings": workspace.settings = try readSettings()
            case "products": workspace.products = try readProducts()
            case "costs": workspace.costs = try readCosts()
            case "goals": workspace.goals = try readGoals()
            case "overrides": overrides = try readOverrides()
            case "profiles": workspace.profiles = try readProfiles()
            case "splits": workspace.splits = try readSplits()
            case "actuals": workspace.actuals = try readActuals()
            case "hitPlans": workspace.hitPlans = try readHitPlans()
            case "scenarios": workspace.scenarios = try readScenarios()
            case "lastCostIds":
                workspace.lastCostNumber = try readLastIDs()
                sawLastIDs = true
            default: throw unknownKey(key, "", allowed: keys)
            }
        }
        try json { try reader.finish() }
        workspace.settings.overrides = overrides
        workspace.actuals.sort { $0.day < $1.day }  // commands rely on date order; a hand-edited file may not keep it
        guard sawName else { throw WorkspaceLoadError(phrase("{path}: the workspace has no \"name\"", ["path": fileName])) }
        if !sawLastIDs {
            // A hand-written file may leave the counters out: continue after the highest ID.
            for entry in workspace.costs {
                workspace.lastCostNumber[entry.category] = max(workspace.lastCostNumber[entry.category] ?? 0, entry.id.number)
            }
        }
        let issues = validates ? Self.validationIssues(workspace) : []
        if !issues.isEmpty {
            let shown = issues.prefix(20).map { "  \($0.description)" }.joined(separator: "\n")
            let more = issues.count > 20 ? "\n  " + phrase("… and {count} more", ["count": String(issues.count - 20)]) : ""
            throw WorkspaceLoadError(phrase("{path} is not a valid workspace:", ["path": fileName]) + "\n\(shown)\(more)")
        }
        return workspace
    }

    /// Cost entries are checked in pieces on the machine's cores above this many (a million take
    /// a tenth of a second on one); fewer, on this thread alone.
    static let validationPiece = 100_000

    /// `Validation.issues(in:)`, the same issues in the same order, with the cost entries' own
    /// rules checked side by side on the machine's cores when there are many and a core is free
    /// (on a machine whose cores are all busy, the pieces would only wait for each other).
    public static func validationIssues(_ workspace: Workspace) -> [ValidationIssue] {
        validationIssues(workspace, piece: CostsPart.aCoreIsFree() ? validationPiece : Int.max)
    }

    /// `piece`: entries a core at least (tests check small workspaces in pieces).
    static func validationIssues(_ workspace: Workspace, piece: Int) -> [ValidationIssue] {
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let pieces = min(cores, workspace.costs.count / max(1, piece))
        guard pieces > 1 else { return Validation.issues(in: workspace) }
        return Validation.issues(in: workspace, pieces: pieces) { count, body in
            // Unchecked: each piece writes only its own slot of the result (see `Validation.issues`).
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: count) { body($0) }
        }
    }

    private func readSettings() throws(WorkspaceLoadError) -> Settings {
        var settings = Settings()
        try object("settings") { (key) throws(WorkspaceLoadError) in
            if key == Settings.languageKey {
                let code = try string("settings.\(key)")
                guard let language = Language(rawValue: code) else {
                    throw failure("settings.\(key)", phrase("{word} is not a language; use {names}", ["word": code.quotedExcerpt, "names": orList(Language.allCases.map(\.rawValue))]))
                }
                settings.language = language
                return
            }
            guard let assumption = Assumption(rawValue: key) else {
                throw unknownKey(key, "settings", allowed: Assumption.allCases.map(\.rawValue) + [Settings.languageKey])
            }
            settings[assumption] = try decimal("settings.\(key)")
        }
        return settings
    }

    private func readLastIDs() throws(WorkspaceLoadError) -> [CostCategory: Int32] {
        var numbers: [CostCategory: Int32] = [:]
        try object("lastCostIds") { (key) throws(WorkspaceLoadError) in
            guard let category = CostCategory(rawValue: key) else {
                throw unknownKey(key, "lastCostIds", allowed: CostCategory.allCases.map(\.rawValue))
            }
            let number = try integer("lastCostIds.\(key)")
            guard let fitted = Int32(exactly: number), fitted >= 0 else { throw failure("lastCostIds.\(key)", phrase("{number} is out of range", ["number": String(number)])) }
            numbers[category] = fitted
        }
        return numbers
    }

    /// Turns an error met inside a bulk array into one that names the element and the field.
    private func located(_ error: any Error, _ path: () -> String) -> WorkspaceLoadError {
        switch error {
        case let error as WorkspaceLoadError:
            return error
        case let error as JSONSyntaxError:
            return WorkspaceLoadError("\(fileName):\(error.line):\(error.column): \(path()): \(error.message)")
        default:
            return WorkspaceLoadError(phrase("cannot read {path}: {value}", ["path": fileName, "value": (error as? JSONFileError)?.message ?? "\(error)"]))
        }
    }

    /// A decimal written as a string ("79.5") or, in a hand-edited file, as a number.
    private func bulkDecimal(_ path: () -> String) throws -> ExactDecimal {
        // The value's bytes in the reader's window: no closure (its context), no String per value.
        let (bytes, isNumber) = try reader.readStringOrNumberSpan()
        if isNumber {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let value = ExactDecimal(plainText: text) else { throw failure(path(), phrase("{text} is not a decimal we can hold", ["text": text])) }
            return value
        }
        guard let value = ExactDecimal(plainBytes: bytes) else {
            throw failure(path(), phrase("\"{text}\" is not a number", ["text": String(decoding: bytes, as: UTF8.self)]))
        }
        return value
    }

    private func bulkDay(_ path: () -> String) throws -> Day {
        let bytes = try reader.readStringSpan()
        guard let day = Day(isoBytes: bytes) else {
            throw failure(path(), phrase("\"{text}\" is not a day written YYYY-MM-DD", ["text": String(decoding: bytes, as: UTF8.self)]))
        }
        return day
    }

    /// A string that must be one of `names`; returns its index.
    private func bulkChoice(_ names: ByteNames, _ path: () -> String) throws -> Int {
        let index = try reader.readChoice(in: names)
        guard index < 0 else { return index }
        let bytes = Array(reader.lastSpan.utf8)
        let list = names.texts.joined(separator: ", ")
        throw failure(path(), phrase("\"{text}\" is not one of {names}", ["text": String(decoding: bytes, as: UTF8.self), "names": list]))
    }

    /// Marks key `index` as seen in this object; a second time is an error.
    private func checkDuplicate(_ index: Int, _ seen: inout UInt32, _ keys: ByteNames, _ path: () -> String) throws {
        let bit = UInt32(1) << UInt32(index)
        if seen & bit != 0 { throw failure(path(), phrase("duplicate key \"{key}\"", ["key": keys.texts[index]])) }
        seen |= bit
    }

    // The two bulk arrays are read in plain loops, keys and most values matched as bytes: they
    // hold up to a million objects, and paths for messages are only formatted when something is
    // wrong.

    private static let productKeys = ByteNames(["sku", "name", "price", "cost", "role", "stock", "share", "ctr", "cvr"])
    private static let roleNames = ByteNames(ProductRole.allCases.map(\.rawValue))

    private func readProducts() throws(WorkspaceLoadError) -> [Product] {
        var products: [Product] = []
        let keys = Self.productKeys
        var index = 0
        var field = -1  // the key being read, as an index into `keys`
        let here = { field < 0 ? "products[\(index)]" : "products[\(index)].\(Self.productKeys.texts[field])" }
        do {
            try expect(.array, "products", "an array")
            try reader.beginArray()
            while try reader.nextElement() {
                field = -1
                guard try reader.peekKind() == .object else { throw failure(here(), phrase("expected an object")) }
                try reader.beginObject()
                var sku: String?, name: String?, price: ExactDecimal?, cost: ExactDecimal?
                var role: ProductRole?, stock: Int?, share: ExactDecimal?, ctr: ExactDecimal?, cvr: ExactDecimal?
                var seen: UInt32 = 0
                var previous = -1
                while let key = try reader.nextKeyIndex(in: keys, after: previous) {
                    previous = key
                    guard key >= 0 else {
                        throw unknownKey(reader.lastUnknownKey, "products[\(index)]", allowed: keys.texts)
                    }
                    field = key
                    try checkDuplicate(key, &seen, keys, here)
                    switch key {
                    case 0: sku = try reader.readString()
                    case 1: name = try reader.readString()
                    case 2: price = try bulkDecimal(here)
                    case 3: cost = try bulkDecimal(here)
                    case 4: role = ProductRole.allCases[try bulkChoice(Self.roleNames, here)]
                    case 5: stock = try reader.readInt()
                    case 6: share = try bulkDecimal(here)
                    case 7: ctr = try bulkDecimal(here)
                    default: cvr = try bulkDecimal(here)
                    }
                }
                field = -1
                guard let sku else { throw failure(here(), phrase("a product needs \"sku\"")) }
                guard let price else { throw failure(here(), phrase("product {sku} needs \"{key}\"", ["sku": sku, "key": "price"])) }
                guard let cost else { throw failure(here(), phrase("product {sku} needs \"{key}\"", ["sku": sku, "key": "cost"])) }
                products.append(Product(sku: sku, name: name ?? sku, price: price, cost: cost, role: role, stock: stock, share: share,
                                        ctr: ctr, cvr: cvr))
                index += 1
            }
        } catch {
            throw located(error, here)
        }
        return products
    }

    private enum CostKey: Int, CaseIterable {
        case id, category, name, basis, amount, per, months, date, share, clicks, impressions, qty, start, end, product
        static let table = ByteNames(allCases.map { String(describing: $0) })
    }
    private static let categoryNames = ByteNames(CostCategory.allCases.map(\.rawValue))
    private static let basisNames = ByteNames(CostBasis.allNames)
    private static let timeUnitNames = ByteNames(TimeUnit.allCases.map(\.rawValue))

    private func readCosts() throws(WorkspaceLoadError) -> [CostEntry] {
        var costs: [CostEntry] = []
        costs.reserveCapacity(expectedCosts)
        let keys = CostKey.table
        var index = 0
        var field = -1  // the key being read, as an index into `keys`
        let here = { field < 0 ? "costs[\(index)]" : "costs[\(index)].\(keys.texts[field])" }
        // The far part of a large array, read on another core (WorkspaceReader+Parts.swift).
        var part: CostsPart?
        defer { _ = part?.result() }  // a part left unused is waited for, not left running
        do {
            try expect(.array, "costs", "an array")
            try reader.beginArray()
            if let parts {
                // The part started as the file was opened, when its cut lies in this array; else one from here.
                if let early = earlyPart, early.start > reader.offset {
                    part = early
                } else {
                    _ = earlyPart?.result()
                    part = CostsPart.start(path: fileName, arrayStart: reader.offset, fileSize: parts.fileSize, threshold: parts.threshold)
                }
                earlyPart = nil
            }
            let ended = try readCostElements(index: &index, field: &field, stoppingAt: part?.start) { costs.append($0) }
            if !ended, let started = part {
                part = nil
                var handedOver = false
                if reader.offset == started.start, let parsed = started.result() {
                    handedOver = true
                    try reader.skip(to: parsed.end, lines: parsed.lines)
                    parts?.record.used = true
                    index += parsed.count
                    parsed.moveAll(to: &costs)
                }
                // Else the cut was not where an entry starts, or the part met something it could
                // not read: this reader reads on from the entry it stopped at, and meets it as it would have.
                _ = try readCostElements(index: &index, field: &field, stoppingAt: nil, resuming: !handedOver) { costs.append($0) }
            }
        } catch {
            throw located(error, here)
        }
        return costs
    }

    /// Reads the elements of the `costs` array up to its ']' (true), or until the next element
    /// starts at or after the offset `stop` (false: `nextElement()` said it is there, but it is
    /// not read; `resuming` reads it first on the next call). `index` counts the
    /// entries and `field` is the key being read (an index into the keys, −1 for none), for the
    /// caller's messages. One loop, not a function per entry: that would copy this reader (a
    /// retain of each of its fields) a million times.
    func readCostElements(index: inout Int, field: inout Int, stoppingAt stop: Int?, resuming: Bool = false,
                          _ take: (consuming CostEntry) -> Void) throws -> Bool {
        // The tables in locals: a global's read in the loop would be a lazy-init check and a retain each time.
        let keys = CostKey.table, categoryNames = Self.categoryNames, basisNames = Self.basisNames, timeUnitNames = Self.timeUnitNames
        let categories = CostCategory.allCases, units = TimeUnit.allCases
        // The path for a message names the key from the static table: a closure holding the local
        // tables would retain them for every value read.
        func here() -> String { field < 0 ? "costs[\(index)]" : "costs[\(index)].\(CostKey.table.texts[field])" }
        var more = try resuming || reader.nextElement()
        while more {
            if let stop, reader.offset >= stop { return false }
            field = -1
            guard try reader.peekKind() == .object else { throw failure(here(), phrase("expected an object")) }
            try reader.beginObject()
            var id: CostID?, category: CostCategory?, name: String?, basisIndex: Int?, amount: ExactDecimal?
            var per: TimeUnit?, months: Int?, date: Day?, share: ExactDecimal?, volume: ExactDecimal?
            var quantity = ExactDecimal.one, start: Day?, end: Day?, product: String?
            var seen: UInt32 = 0
            var keyIndex = -1
            while let next = try reader.nextKeyIndex(in: keys, after: keyIndex) {
                keyIndex = next
                guard let key = CostKey(rawValue: keyIndex) else {
                    throw unknownKey(reader.lastUnknownKey, "costs[\(index)]", allowed: keys.texts)
                }
                field = keyIndex
                try checkDuplicate(keyIndex, &seen, keys, here)
                switch key {
                case .id:
                    let bytes = try reader.readStringSpan()
                    guard let value = CostID(bytes: bytes) else {
                        throw failure(here(), phrase("\"{text}\" is not a cost ID such as R1", ["text": String(decoding: bytes, as: UTF8.self)]))
                    }
                    id = value
                case .category: category = categories[try bulkChoice(categoryNames, here)]
                case .name: name = try reader.readString()
                case .basis: basisIndex = try bulkChoice(basisNames, here)
                case .amount: amount = try bulkDecimal(here)
                case .per: per = units[try bulkChoice(timeUnitNames, here)]
                case .months: months = try reader.readInt()
                case .date: date = try bulkDay(here)
                case .share: share = try bulkDecimal(here)
                case .clicks, .impressions: volume = try bulkDecimal(here)
                case .qty: quantity = try bulkDecimal(here)
                case .start: start = try bulkDay(here)
                case .end: end = try bulkDay(here)
                case .product: product = try reader.readString()
                }
            }
            field = -1
            guard let id else { throw failure(here(), phrase("a cost entry needs \"id\"")) }
            guard let category, category == id.category else {
                throw failure("costs[\(index)].category", phrase("entry {id} needs \"category\": \"{category}\"", ["id": id.description, "category": id.category.rawValue]))
            }
            guard let basisIndex else { throw failure(here(), phrase("entry {id} needs \"{key}\"", ["id": id.description, "key": "basis"])) }
            guard let amount else { throw failure(here(), phrase("entry {id} needs \"{key}\"", ["id": id.description, "key": "amount"])) }
            // The basis by its position in `CostBasis.allNames`; its name only for a message.
            var basisName: String { CostBasis.allNames[basisIndex] }
            func need<T>(_ value: T?, _ key: String) throws(WorkspaceLoadError) -> T {
                guard let value else { throw failure(here(), phrase("a {basis} entry ({id}) needs \"{key}\"", ["basis": basisName, "id": id.description, "key": key])) }
                return value
            }
            let basis: CostBasis
            switch basisIndex {
            case 0: basis = .once(date: try need(date, "date"))
            case 1: basis = .recurring(per: try need(per, "per"))
            case 2: basis = .amortized(months: try need(months, "months"))
            case 3: basis = .perUnit
            case 4: basis = .perOrder
            case 5: basis = .percent
            case 6: basis = .cps(share: share ?? .one)
            case 7: basis = .cpc(clicks: try need(volume, "clicks"), per: try need(per, "per"))
            case 8: basis = .plannedClicks
            case 9: basis = .cpm(impressions: try need(volume, "impressions"), per: try need(per, "per"))
            case 10: basis = .cpt(per: try need(per, "per"))
            default: basis = .deposit(date: date)
            }
            take(CostEntry(id: id, name: name ?? "", basis: basis, amount: amount, quantity: quantity,
                            start: start, end: end, product: product))
            index += 1
            more = try reader.nextElement()
        }
        return true
    }

    private func readGoals() throws(WorkspaceLoadError) -> [Goal] {
        var goals: [Goal] = []
        let keys = ["period", "metric", "value"]
        try array("goals") { (index) throws(WorkspaceLoadError) in
            let path = { "goals[\(index)]" }
            var period: Period?, metric: GoalMetric?, value: ExactDecimal?
            try object(path()) { (key) throws(WorkspaceLoadError) in
                switch key {
                case "period": period = try self.period("\(path()).period")
                case "metric":
                    let text = try string("\(path()).metric")
                    guard let known = GoalMetric(rawValue: text) else {
                        throw failure("\(path()).metric", phrase("\"{text}\" is not one of {names}", ["text": text, "names": GoalMetric.allCases.map(\.rawValue).joined(separator: ", ")]))
                    }
                    metric = known
                case "value": value = try decimal("\(path()).value")
                default: throw unknownKey(key, path(), allowed: keys)
                }
            }
            guard let period, let metric, let value else { throw failure(path(), phrase("a goal needs \"period\", \"metric\" and \"value\"")) }
            goals.append(Goal(period: period, metric: metric, value: value))
        }
        return goals
    }

    private func period(_ path: @autoclosure () -> String) throws(WorkspaceLoadError) -> Period {
        let text = try string(path())
        do throws(PeriodError) { return try Period.parse(text) } catch { throw failure(path(), error.message) }
    }

    private func readOverrides() throws(WorkspaceLoadError) -> [AssumptionOverride] {
        var overrides: [AssumptionOverride] = []
        let keys = ["period", "key", "value"]
        try array("overrides") { (index) throws(WorkspaceLoadError) in
            let path = { "overrides[\(index)]" }
            var period: Period?, assumption: Assumption?, value: ExactDecimal?
            try object(path()) { (key) throws(WorkspaceLoadError) in
                switch key {
                case "period": period = try self.period("\(path()).period")
                case "key":
                    let text = try string("\(path()).key")
                    guard let known = Assumption(rawValue: text) else {
                        throw failure("\(path()).key", phrase("\"{text}\" is not one of {names}", ["text": text, "names": Assumption.allCases.map(\.rawValue).joined(separator: ", ")]))
                    }
                    assumption = known
                case "value": value = try decimal("\(path()).value")
                default: throw unknownKey(key, path(), allowed: keys)
                }
            }
            guard let period, let assumption, let value else { throw failure(path(), phrase("an override needs \"period\", \"key\" and \"value\"")) }
            overrides.append(AssumptionOverride(period: period, assumption: assumption, value: value))
        }
        return overrides
    }

    private func readProfiles() throws(WorkspaceLoadError) -> [Profile] {
        var profiles: [Profile] = []
        let keys = ["name", "months", "weekdays", "events"]
        try array("profiles") { (index) throws(WorkspaceLoadError) in
            let path = { "profiles[\(index)]" }
            var profile = Profile(name: "")
            try object(path()) { (key) throws(WorkspaceLoadError) in
                switch key {
                case "name": profile.name = try string("\(path()).name")
                case "months", "weekdays":
                    var values: [ExactDecimal] = []
                    try array("\(path()).\(key)") { (item) throws(WorkspaceLoadError) in
                        values.append(try decimal("\(path()).\(key)[\(item)]"))
                    }
                    let expected = key == "months" ? 12 : 7
                    guard values.count == expected else { throw failure("\(path()).\(key)", phrase("needs {expected} weights, has {count}", ["expected": String(expected), "count": String(values.count)])) }
                    if key == "months" { profile.monthWeights = values } else { profile.weekdayWeights = values }
                case "events":
                    // Dated events are keyed YYYY-MM-DD, yearly ones MM-DD (docs/DOMAIN.md §4.3).
                    try object("\(path()).events") { (date) throws(WorkspaceLoadError) in
                        if let day = Day(isoText: date) {
                            profile.events[day] = try decimal("\(path()).events.\(date)")
                        } else if let monthDay = MonthDay(text: date), date.utf8.count == 5 {
                            profile.yearlyEvents[monthDay] = try decimal("\(path()).events.\(date)")
                        } else {
                            throw failure("\(path()).events", phrase("\"{text}\" is not a day written YYYY-MM-DD or, for every year, MM-DD", ["text": date]))
                        }
                    }
                default: throw unknownKey(key, path(), allowed: keys)
                }
            }
            guard !profile.name.isEmpty else { throw failure(path(), phrase("a profile needs a \"name\"")) }
            profiles.append(profile)
        }
        return profiles
    }

    /// Saved hit plans: a name and every setting as its own member. Files written before that
    /// kept the settings as one text ("TS-001 start=2026-10-01 test=7 …"); those still open, and
    /// the next save writes the members.
    private func readHitPlans() throws(WorkspaceLoadError) -> [SavedHitPlan] {
        var plans: [SavedHitPlan] = []
        let keys = ["name", "sku", "start", "test", "ramp", "peak", "hold", "testUnits", "peakUnits", "holdLevel", "cpc", "paidShares",
                    "related", "leadTime", "safety", "plan"]
        try array("hitPlans") { (index) throws(WorkspaceLoadError) in
            let path = { "hitPlans[\(index)]" }
            var name: String?, legacy: String?, sku: String?, start: Day?, cpc: ExactDecimal?, shares: [ExactDecimal] = []
            var fields: [String: ExactDecimal] = [:]
            var counts: [String: Int] = [:]
            try object(path()) { (key) throws(WorkspaceLoadError) in
                switch key {
                case "name": name = try string("\(path()).name")
                case "plan": legacy = try string("\(path()).plan")
                case "sku": sku = try string("\(path()).sku")
                case "start": start = try day("\(path()).start")
                case "cpc": cpc = try decimal("\(path()).cpc")
                case "test", "ramp", "peak", "hold", "leadTime":
                    let count = try integer("\(path()).\(key)")
                    guard count >= 0, count <= 3_660 else { throw failure("\(path()).\(key)", phrase("{count} is not a number of days from 0 to 3660", ["count": String(count)])) }
                    counts[key] = count
                case "paidShares":
                    try array("\(path()).paidShares") { (item) throws(WorkspaceLoadError) in
                        let share = try decimal("\(path()).paidShares[\(item)]")
                        guard !share.isNegative, share <= .one else { throw failure("\(path()).paidShares[\(item)]", phrase("a share is from 0 to 1")) }
                        shares.append(share)
                    }
                case "testUnits", "peakUnits", "holdLevel", "related", "safety":
                    let value = try decimal("\(path()).\(key)")
                    guard !value.isNegative else { throw failure("\(path()).\(key)", phrase("cannot be negative")) }
                    fields[key] = value
                default: throw unknownKey(key, path(), allowed: keys)
                }
            }
            guard let name else { throw failure(path(), phrase("a hit plan needs a \"name\"")) }
            if let legacy {
                do throws(LegacyHitPlan.Failure) { plans.append(SavedHitPlan(name: name, spec: try LegacyHitPlan.spec(legacy))) } catch {
                    throw failure("\(path()).plan", error.message)
                }
                return
            }
            guard let sku, let start, let cpc, !shares.isEmpty else {
                throw failure(path(), phrase("a hit plan needs \"sku\", \"start\", \"cpc\" and \"paidShares\""))
            }
            guard shares.count == 1 || shares.count == 4 else { throw failure("\(path()).paidShares", phrase("needs 1 share or 4 (test, ramp, peak, hold)")) }
            var spec = HitPlanSpec(sku: sku, start: start, cpc: cpc, paidShares: shares.count == 1 ? Array(repeating: shares[0], count: 4) : shares)
            for (position, phase) in HitPhase.allCases.enumerated() { if let days = counts[phase.rawValue] { spec.phaseDays[position] = days } }
            guard spec.totalDays > 0 else { throw failure(path(), phrase("the plan has no days")) }
            if let value = fields["testUnits"] { spec.testUnits = value }
            if let value = fields["peakUnits"] { spec.peakUnits = value }
            if let value = fields["holdLevel"] { spec.holdLevel = value }
            if let value = fields["related"] {
                guard value >= .one else { throw failure("\(path()).related", phrase("is at least 1")) }
                spec.related = value
            }
            if let value = fields["safety"] { spec.safety = value }
            if let lead = counts["leadTime"] { spec.leadTime = lead }
            plans.append(SavedHitPlan(name: name, spec: spec))
        }
        return plans
    }

    private func readSplits() throws(WorkspaceLoadError) -> [GoalSplit] {
        var splits: [GoalSplit] = []
        let keys = ["period", "to", "by"]
        try array("splits") { (index) throws(WorkspaceLoadError) in
            let path = { "splits[\(index)]" }
            var period: Period?, grain: PeriodGrain?, method: SplitMethod?
            try object(path()) { (key) throws(WorkspaceLoadError) in
                switch key {
                case "period": period = try self.period("\(path()).period")
                case "to":
                    let text = try string("\(path()).to")
                    guard let known = [PeriodGrain.quarter, .month, .day].first(where: { $0.name == text }) else {
                        throw failure("\(path()).to", phrase("\"{text}\" is not quarter, month or day", ["text": text]))
                    }
                    grain = known
                case "by":
                    let text = try string("\(path()).by")
                    guard let known = SplitMethod(text: text) else { throw failure("\(path()).by", phrase("\"{text}\" is not a way to split", ["text": text])) }
                    method = known
                default: throw unknownKey(key, path(), allowed: keys)
                }
            }
            guard let period, let grain, let method else { throw failure(path(), phrase("a split needs \"period\", \"to\" and \"by\"")) }
            splits.append(GoalSplit(period: period, grain: grain, method: method))
        }
        return splits
    }

    private func readActuals() throws(WorkspaceLoadError) -> [Actual] {
        var actuals: [Actual] = []
        let keys = ["date"] + GoalMetric.allCases.map(\.rawValue) + ["bounce", "depth", "inquiry-cvr"]
        try array("actuals") { (index) throws(WorkspaceLoadError) in
            let path = { "actuals[\(index)]" }
            var actual = Actual(day: Day(number: 0))
            var sawDate = false
            try object(path()) { (key) throws(WorkspaceLoadError) in
                switch key {
                case "date":
                    actual.day = try day("\(path()).date")
                    sawDate = true
                case "bounce": actual.bounceRate = try decimal("\(path()).bounce")
                case "depth": actual.visitDepth = try decimal("\(path()).depth")
                case "inquiry-cvr": actual.inquiryConversion = try decimal("\(path()).inquiry-cvr")
                default:
                    guard let metric = GoalMetric(rawValue: key) else { throw unknownKey(key, path(), allowed: keys) }
                    actual.values[metric] = try decimal("\(path()).\(key)")
                }
            }
            guard sawDate else { throw failure(path(), phrase("an actual needs a \"date\"")) }
            actuals.append(actual)
        }
        return actuals
    }
}

// MARK: - Scenarios

extension WorkspaceReader {
    /// Scenarios, one line per change (`WorkspaceWriter.writeScenarioLine`): a first line per
    /// scenario with its volume rule, then its changes in order, each naming its scenario.
    /// Products, cost entries and hit plans a change carries whole are read as those arrays are.
    fileprivate func readScenarios() throws(WorkspaceLoadError) -> [Scenario] {
        var scenarios: [Scenario] = []
        // A reader of its own on the same bytes (the reader is a class: `self` would be changed too):
        // a change's one entry, not the workspace's million, and parts that are not a workspace.
        let nested = WorkspaceReader(reader: reader, fileName: fileName)
        nested.validates = false
        let keys = ["scenario", "volume", "set", "product", "field", "cost", "goal", "metric", "to", "by",
                    "addProduct", "removeProduct", "replaceCost", "addCost", "removeCost", "hitPlan", "removeHitPlan"]
        try array("scenarios") { (index) throws(WorkspaceLoadError) in
            let path = { "scenarios[\(index)]" }
            var values: [String: String] = [:]
            var products: [Product] = [], costs: [CostEntry] = [], plans: [SavedHitPlan] = []
            try object(path()) { (key) throws(WorkspaceLoadError) in
                switch key {
                case "addProduct": products = try nested.readProducts()
                case "replaceCost", "addCost": costs = try nested.readCosts()
                case "hitPlan": plans = try nested.readHitPlans()
                default:
                    guard keys.contains(key) else { throw unknownKey(key, path(), allowed: keys) }
                    values[key] = try string("\(path()).\(key)")
                }
                if ["addProduct", "replaceCost", "addCost", "hitPlan"].contains(key) { values[key] = "" }
            }
            guard let name = values["scenario"] else { throw failure(path(), phrase("a scenario line needs \"scenario\"")) }
            if let problem = Scenario.problem(withName: name) { throw failure("\(path()).scenario", problem.message) }
            func figureChange() throws(WorkspaceLoadError) -> FigureChange {
                if let text = values["by"] {
                    guard let change = FigureChange(storedText: text) else { throw failure("\(path()).by", phrase("\"{text}\" is not a change such as \"-10%\", \"+5\" or \"*1.1\"", ["text": text])) }
                    return change
                }
                guard let text = values["to"] else { throw failure(path(), phrase("a change needs \"to\" or \"by\"")) }
                if text == "none" { return .to(nil) }
                guard let value = ExactDecimal(plainText: text) else { throw failure("\(path()).to", phrase("\"{text}\" is not a number", ["text": text])) }
                return .to(value)
            }
            func one<T>(_ items: [T], _ key: String) throws(WorkspaceLoadError) -> T {
                guard items.count == 1, let item = items.first else { throw failure("\(path()).\(key)", phrase("holds exactly one element")) }
                return item
            }
            func costID(_ key: String) throws(WorkspaceLoadError) -> CostID {
                let text = values[key] ?? ""
                guard let id = CostID(text: text) else { throw failure("\(path()).\(key)", phrase("\"{text}\" is not a cost ID such as R1", ["text": text])) }
                return id
            }
            let change: ScenarioChange?
            if let text = values["set"] {
                guard let assumption = Assumption(rawValue: text) else { throw failure("\(path()).set", phrase("\"{text}\" is not an assumption", ["text": text])) }
                change = .assumption(assumption, try figureChange())
            } else if let sku = values["product"] {
                let field = values["field"] ?? ""
                if field == "name" {
                    change = .productName(sku: sku, values["to"] ?? "")
                } else if field == "role" {
                    let text = values["to"] ?? ""
                    guard text == "none" || ProductRole(rawValue: text) != nil else { throw failure("\(path()).to", phrase("\"{text}\" is not a role", ["text": text])) }
                    change = .productRole(sku: sku, ProductRole(rawValue: text))
                } else {
                    guard let figure = ProductFigure(rawValue: field) else { throw failure("\(path()).field", phrase("\"{text}\" is not a product figure", ["text": field])) }
                    change = .product(sku: sku, figure, try figureChange())
                }
            } else if values["cost"] != nil {
                let field = values["field"] ?? ""
                guard let figure = CostFigure(rawValue: field) else { throw failure("\(path()).field", phrase("\"{text}\" is not amount or qty", ["text": field])) }
                change = .cost(id: try costID("cost"), figure, try figureChange())
            } else if let text = values["goal"] {
                let period: Period
                do throws(PeriodError) { period = try Period.parse(text) } catch { throw failure("\(path()).goal", error.message) }
                guard let metric = GoalMetric(rawValue: values["metric"] ?? "") else { throw failure("\(path()).metric", phrase("needs a goal metric")) }
                let value = try figureChange()
                guard case .to(let target) = value else { throw failure("\(path()).by", phrase("a goal is changed with \"to\"")) }
                change = .goal(period, metric, target)
            } else if values["addProduct"] != nil {
                change = .addProduct(try one(products, "addProduct"))
            } else if let sku = values["removeProduct"] {
                change = .removeProduct(sku: sku)
            } else if values["replaceCost"] != nil {
                change = .replaceCost(try one(costs, "replaceCost"))
            } else if values["addCost"] != nil {
                change = .addCost(try one(costs, "addCost"))
            } else if values["removeCost"] != nil {
                change = .removeCost(id: try costID("removeCost"))
            } else if values["hitPlan"] != nil {
                change = .hitPlan(try one(plans, "hitPlan"))
            } else if let plan = values["removeHitPlan"] {
                change = .removeHitPlan(name: plan)
            } else {
                change = nil
            }
            if let change {
                guard let last = scenarios.indices.last, scenarios[last].name == name else {
                    throw failure(path(), phrase("a change of scenario {name} must follow its first line ({\"scenario\": \"{name}\", \"volume\": …})", ["name": name]))
                }
                scenarios[last].changes.append(change)
            } else {
                guard !scenarios.contains(where: { $0.name == name }) else { throw failure("\(path()).scenario", phrase("scenario {name} appears twice", ["name": name])) }
                let text = values["volume"] ?? "hold-gmv"
                guard let rule = VolumeRule.parse(text) else { throw failure("\(path()).volume", phrase("\"{text}\" is not {rules}", ["text": text, "rules": VolumeRule.choices])) }
                scenarios.append(Scenario(name: name, volume: rule))
            }
        }
        return scenarios
    }
}
