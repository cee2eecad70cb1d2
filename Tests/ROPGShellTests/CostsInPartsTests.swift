import Foundation
import Testing
import ROPGDomain
@testable import ROPGStorage

/// Reading the costs array in two parts on two cores (WorkspaceReader+Parts.swift) gives what
/// reading the file in one pass gives: the same workspace and fingerprint from generated files,
/// and from the same files broken in many ways the same error, at the same line and column.
@Suite struct CostsInPartsTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// A workspace of `count` entries of every basis, with Chinese names and products.
    static func workspace(_ count: Int, seed: UInt64) -> Workspace {
        var random = Random(state: seed)
        var workspace = Workspace(name: "parts")
        for index in 0..<50 {
            workspace.products.append(Product(sku: "SKU-\(index)", name: "纯棉T恤 \(index)", price: ExactDecimal(100 + index), cost: ExactDecimal(40)))
        }
        var numbers: [CostCategory: Int32] = [:]
        let day = { (random: inout Random) in Day(year: 2026, month: 1 + random.next(12), day: 1 + random.next(28)) ?? Day(number: 0) }
        for _ in 0..<count {
            let category = CostCategory.allCases[random.next(4)]
            let number = (numbers[category] ?? 0) + 1
            numbers[category] = number
            let id = CostID(category: category, number: number)
            let amount = ExactDecimal(mantissa: Int128(1 + random.next(1_000_000)), places: 2)
            let rate = ExactDecimal(mantissa: Int128(1 + random.next(90)), places: 3)
            let name = ["快递费-华东", "直通车", "客服工资 \"夜班\"", "ERP\\CRM", "包装"][random.next(5)]
            var entry: CostEntry
            switch random.next(9) {
            case 0: entry = CostEntry(id: id, name: name, basis: .once(date: day(&random)), amount: amount)
            case 1: entry = CostEntry(id: id, name: name, basis: .amortized(months: 12), amount: amount, start: Day(year: 2026, month: 3, day: 1))
            case 2: entry = CostEntry(id: id, name: name, basis: .perUnit, amount: rate, product: "SKU-\(random.next(50))")
            case 3: entry = CostEntry(id: id, name: name, basis: .cps(share: ExactDecimal(mantissa: 15, places: 2)), amount: rate)
            case 4: entry = CostEntry(id: id, name: name, basis: .cpc(clicks: ExactDecimal(1000 + random.next(9000)), per: .month), amount: rate)
            case 5: entry = CostEntry(id: id, name: name, basis: .deposit(date: random.next(2) == 0 ? day(&random) : nil), amount: amount)
            case 6: entry = CostEntry(id: id, name: name, basis: .cpm(impressions: ExactDecimal(400_000), per: .week), amount: amount, end: day(&random))
            default: entry = CostEntry(id: id, name: name, basis: .recurring(per: TimeUnit.allCases[random.next(5)]), amount: amount,
                                       quantity: ExactDecimal(1 + random.next(3)))
            }
            workspace.costs.append(entry)
        }
        workspace.lastCostNumber = numbers
        workspace.goals = [Goal(period: .year(2026), metric: .gmv, value: ExactDecimal(12_000_000))]
        return workspace
    }

    /// Reads `bytes` as a file in parts and in one pass; both outcomes, and whether parts were used.
    static func readBothWays(_ bytes: [UInt8]) throws -> (parts: Result<(Workspace, FileFingerprint), WorkspaceLoadError>,
                                                          onePass: Result<(Workspace, FileFingerprint), WorkspaceLoadError>, usedParts: Bool) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString).json").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let record = PartsRecord()
        let parts = Result { () throws(WorkspaceLoadError) in
            let read = try WorkspaceReader.loadWithFingerprint(path: path, partsThreshold: 0, record: record)
            return (read.workspace, read.fingerprint)
        }
        let onePass = Result { () throws(WorkspaceLoadError) in
            let read = try WorkspaceReader.loadWithFingerprint(path: path, partsThreshold: Int.max)
            return (read.workspace, read.fingerprint)
        }
        return (parts, onePass, record.used)
    }

    @Test(arguments: [(200, 1), (3000, 2), (20_000, 3)] as [(Int, UInt64)])
    func partsGiveWhatOnePassGives(count: Int, seed: UInt64) throws {
        let workspace = Self.workspace(count, seed: seed)
        let (parts, onePass, usedParts) = try Self.readBothWays(WorkspaceWriter.encode(workspace))
        #expect(usedParts)
        let (fromParts, partsPrint) = try parts.get()
        let (fromOnePass, onePassPrint) = try onePass.get()
        #expect(fromParts == workspace)
        #expect(fromParts == fromOnePass)
        #expect(partsPrint == onePassPrint)
    }

    /// The part is started as the file opens, at a share of the file: where that falls among the
    /// products (many products, few entries) or past the costs, the file still reads as in one pass.
    @Test func aCutOutsideTheCostsGivesWhatOnePassGives() throws {
        var manyProducts = Self.workspace(300, seed: 5)
        for index in 50..<3000 {
            manyProducts.products.append(Product(sku: "SKU-\(index)", name: "冰丝T恤 \(index)", price: ExactDecimal(90), cost: ExactDecimal(30)))
        }
        var manyActuals = Self.workspace(100, seed: 6)
        for day in 0..<2000 { manyActuals.actuals.append(Actual(day: Day(number: Int32(20_000 + day)), values: [.gmv: ExactDecimal(1000)])) }
        for workspace in [manyProducts, manyActuals] {
            let (parts, onePass, _) = try Self.readBothWays(WorkspaceWriter.encode(workspace))
            let (fromParts, partsPrint) = try parts.get()
            let (fromOnePass, onePassPrint) = try onePass.get()
            #expect(fromParts == workspace)
            #expect(fromParts == fromOnePass)
            #expect(partsPrint == onePassPrint)
        }
    }

    /// Broken files: a byte changed, removed or added anywhere in the costs (in either part, at
    /// the cut itself), a trailing comma, a duplicate key, entries not one a line.
    @Test func brokenFilesGiveTheOnePassError() throws {
        let good = WorkspaceWriter.encode(Self.workspace(3000, seed: 7))
        let text = String(decoding: good, as: UTF8.self)
        let costsStart = good.count - (text.components(separatedBy: "\"costs\": [").last?.utf8.count ?? 0)
        let costsEnd = costsStart + (text.components(separatedBy: "\"costs\": [").last?.components(separatedBy: "\n  ]").first?.utf8.count ?? 0)
        var random = Random(state: 99)
        var broken: [[UInt8]] = []
        let junk: [[UInt8]] = [[0x2C], [0x7D], [0x22], [0x0A], [0x41], [0xFF], [0x5C], [0x5B], Array(", ".utf8), Array("\"id\": \"R1\", ".utf8)]
        for round in 0..<60 {
            var bytes = good
            let at = costsStart + random.next(costsEnd - costsStart)
            switch round % 3 {
            case 0: bytes[at] = junk[random.next(junk.count)].first ?? 0
            case 1: bytes.remove(at: at)
            default: bytes.insert(contentsOf: junk[random.next(junk.count)], at: at)
            }
            broken.append(bytes)
        }
        broken.append(Array(text.replacingOccurrences(of: "\"}\n  ],", with: "\"},\n  ],").utf8))      // a trailing comma
        broken.append(Array(text.replacingOccurrences(of: "\"name\": \"包装\"", with: "\"name\": \"包装\", \"name\": \"x\"").utf8))
        broken.append(Array(text.replacingOccurrences(of: "},\n    {", with: "}, {").utf8))          // one line: no cut
        broken.append(Array(text.replacingOccurrences(of: "},\n    {\"id\": \"G1", with: "},\n\n    {\"id\": \"G1").utf8))
        // After the costs (read in parts, so the lines of the far part were counted, not parsed).
        let afterCosts = Array(text.replacingOccurrences(of: "\"metric\": \"gmv\"", with: "\"metric\": \"gmvx\"").utf8)
        broken.append(afterCosts)
        let (_, onePassError, usedParts) = try Self.readBothWays(afterCosts)
        #expect(usedParts)
        if case .failure(let error) = onePassError { #expect(error.message.contains(":\(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"metric\"") }.map { $0 + 1 } ?? 0):")) }
        var differentOutcomes = 0
        for (number, bytes) in broken.enumerated() {
            let (parts, onePass, _) = try Self.readBothWays(bytes)
            switch (parts, onePass) {
            case (.success(let a), .success(let b)):
                #expect(a.0 == b.0 && a.1 == b.1, "case \(number)")
            case (.failure(let a), .failure(let b)):
                #expect(a.message == b.message, "case \(number)")
            default:
                differentOutcomes += 1
                Issue.record("case \(number): \(parts) against \(onePass)")
            }
        }
        #expect(differentOutcomes == 0)
    }

    /// Validation with the cost entries checked in pieces (side by side on the cores, as a large
    /// file is opened) finds the issues one pass finds, in the same order: entries broken in
    /// every piece, IDs that appear twice across pieces, IDs above the last.
    @Test func validationInPiecesGivesWhatOnePassGives() throws {
        var workspace = Self.workspace(5000, seed: 11)
        var random = Random(state: 12)
        for _ in 0..<60 {
            let at = random.next(workspace.costs.count)
            switch random.next(6) {
            case 0: workspace.costs[at].amount = ExactDecimal(-5)
            case 1: workspace.costs[at].name = ""
            case 2: workspace.costs[at].id = workspace.costs[random.next(workspace.costs.count)].id
            case 3: workspace.costs[at].quantity = .zero
            case 4: workspace.costs[at] = CostEntry(id: workspace.costs[at].id, name: "佣金", basis: .percent, amount: ExactDecimal(mantissa: 5, places: 2), product: "SKU-none")
            default: workspace.costs[at].id.number += 100_000
            }
        }
        let onePass = Validation.issues(in: workspace)
        #expect(onePass.count >= 60)
        #expect(WorkspaceReader.validationIssues(workspace, piece: 100) == onePass)
        // Pieces run in any order, in many pieces: the issues still come in the order of the entries.
        let reversed = Validation.issues(in: workspace, pieces: 7) { count, body in for piece in (0..<count).reversed() { body(piece) } }
        #expect(reversed == onePass)
    }

    /// A file several windows long: the far part ends beyond what the reader of the whole file
    /// has read when it gets to the cut, so it moves on without reading those bytes (their lines
    /// counted by the part, their hash worked out on another thread). The fingerprint, and an
    /// error after the costs with its line and column, are what one pass gives.
    @Test func aFarPartBeyondTheWindowGivesWhatOnePassGives() throws {
        let workspace = Self.workspace(60_000, seed: 21)
        let good = WorkspaceWriter.encode(workspace)
        #expect(good.count > 4 * JSONReader.defaultChunkSize)
        let (parts, onePass, usedParts) = try Self.readBothWays(good)
        #expect(usedParts)
        let (fromParts, partsPrint) = try parts.get()
        let (fromOnePass, onePassPrint) = try onePass.get()
        #expect(fromParts == workspace && fromParts == fromOnePass)
        #expect(partsPrint == onePassPrint)
        let text = String(decoding: good, as: UTF8.self)
        for broken in [text.replacingOccurrences(of: "\"metric\": \"gmv\"", with: "\"metric\": \"gmvx\""),
                       text.replacingOccurrences(of: "\"goals\": [\n    {", with: "\"goals\": [\n    {\"period\": \"2026\", "),
                       text.replacingOccurrences(of: "\"}\n  ],", with: "\"},\n  ],")] {
            let (parts, onePass, _) = try Self.readBothWays(Array(broken.utf8))
            guard case .failure(let partsError) = parts, case .failure(let onePassError) = onePass else {
                Issue.record("expected both to fail: \(parts) against \(onePass)")
                continue
            }
            #expect(partsError.message == onePassError.message)
        }
    }
}
