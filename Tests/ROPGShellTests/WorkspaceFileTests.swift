import Foundation
import Testing
import ROPGDomain
@testable import ROPGStorage
@testable import ROPGTables
@testable import ROPGShell

@Suite struct WorkspaceFileTests {
    func demo() throws -> Workspace {
        try WorkspaceReader.load(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
    }

    @Test func roundTripIsByteIdentical() throws {
        let path = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path
        let bytes = try AtomicFile.readAll(path: path)
        let workspace = try WorkspaceReader.decode(bytes, fileName: "demo.json")
        #expect(WorkspaceWriter.encode(workspace) == bytes)
        #expect(workspace.products.count >= 8 && workspace.costs.count >= 20)
        let bases = Set(workspace.costs.map(\.basis.name))
        #expect(bases == Set(CostBasis.allNames), "the demo uses every basis")
        #expect(Set(workspace.costs.map(\.category)) == Set(CostCategory.allCases))
        #expect(workspace.goals.contains { $0.period == .year(2026) && $0.metric == .gmv })
    }

    /// Saved hit plans are structured members now; a file from before, holding the plan as one
    /// line of `hit plan` text, opens to the same plan and is written structured on save.
    @Test func oldHitPlanTextOpensAndIsMigratedOnSave() throws {
        let old = """
            {
              "schemaVersion": 1,
              "name": "old",
              "products": [
                {"sku": "TS-001", "name": "T", "price": "79", "cost": "28"}
              ],
              "hitPlans": [
                {"name": "双11", "plan": "TS-001 start=2026-10-01 test=7 ramp=14 peak=30 hold=30 test-units=10/day peak-units=500/day hold-level=70% cpc=0.9 paid-share=80%,60%,50%,30% related=1.3 lead-time=15 safety=20%"}
              ]
            }
            """
        let workspace = try WorkspaceReader.decode(Array(old.utf8), fileName: "old.json")
        let spec = try #require(workspace.hitPlans.first?.spec)
        #expect(spec.sku == "TS-001" && spec.start.isoText == "2026-10-01" && spec.phaseDays == [7, 14, 30, 30])
        #expect(spec.peakUnits == ExactDecimal(500) && spec.cpc == ExactDecimal(mantissa: 9, places: 1))
        #expect(spec.paidShares.map(\.description) == ["0.8", "0.6", "0.5", "0.3"])
        #expect(spec.holdLevel.description == "0.7" && spec.safety.description == "0.2" && spec.leadTime == 15)
        let saved = WorkspaceWriter.encode(workspace)
        let text = String(decoding: saved, as: UTF8.self)
        #expect(text.contains(#""sku": "TS-001", "start": "2026-10-01", "test": 7"#))
        #expect(!text.contains(#""plan":"#))
        let reread = try WorkspaceReader.decode(saved, fileName: "new.json")
        #expect(reread.hitPlans == workspace.hitPlans)
        #expect(WorkspaceWriter.encode(reread) == saved)
    }

    @Test func everyFieldSurvivesTheRoundTrip() throws {
        var workspace = Workspace(name: "往返 \"quoted\" \\ test")
        workspace.products = [Product(sku: "A-1", name: "换行\n和\t制表", price: ExactDecimal(mantissa: 1999, places: 2),
                                      cost: ExactDecimal(mantissa: 65, places: 1), role: .custom, stock: 0)]
        let day = Day(year: 2026, month: 3, day: 14) ?? Day(number: 0)
        let bases: [CostBasis] = [.once(date: day), .recurring(per: .quarter), .amortized(months: 7), .perUnit, .perOrder, .percent,
                                  .cps(share: ExactDecimal(mantissa: 15, places: 2)), .cpc(clicks: ExactDecimal(20000), per: .week),
                                  .cpm(impressions: ExactDecimal(500000), per: .day), .cpt(per: .day), .deposit(date: day), .deposit(date: nil)]
        workspace.costs = bases.enumerated().map { index, basis in
            CostEntry(id: CostID(category: .O, number: Int32(index + 1)), name: "e\(index)", basis: basis,
                      amount: ExactDecimal(mantissa: 123_456, places: 7), quantity: index == 1 ? ExactDecimal(3) : .one,
                      start: index == 2 ? day : nil, end: index == 1 ? day : nil, product: index == 3 ? "A-1" : nil)
        }
        workspace.lastCostNumber = [.O: 20]
        workspace.goals = [Goal(period: .week(isoYear: 2026, week: 53), metric: .uv, value: ExactDecimal(277_778))]
        var settings = Settings()
        settings[.refundRate] = ExactDecimal(mantissa: 3, places: 2)
        workspace.settings = settings
        let bytes = WorkspaceWriter.encode(workspace)
        let back = try WorkspaceReader.decode(bytes, fileName: "t.json")
        #expect(back == workspace)
        #expect(WorkspaceWriter.encode(back) == bytes)
    }

    @Test func oneEntityPerLineWithTwoSpaceIndentation() throws {
        let text = String(decoding: WorkspaceWriter.encode(try demo()), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "{" && lines[1] == "  \"schemaVersion\": 1,")
        #expect(lines.contains("    {\"sku\": \"TS-001\", \"name\": \"纯棉T恤\", \"price\": \"79\", \"cost\": \"28\", \"role\": \"hit\", \"stock\": 1200},"))
        #expect(lines.contains { $0.hasPrefix("    {\"id\": \"R2\", \"category\": \"R\", \"name\": \"技术服务费\", \"basis\": \"percent\", \"amount\": \"0.05\"") })
    }

    @Test func streamedSaveWritesExactlyWhatEncodeGives() throws {
        var workspace = try demo()
        let template = workspace.costs[0]
        for number in 1...20_000 {
            var entry = template
            entry.id = CostID(category: .G, number: Int32(1000 + number))
            entry.name = "快递费-\(number)"
            workspace.costs.append(entry)
        }
        workspace.lastCostNumber[.G] = 21_000
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WorkspaceWriter.save(workspace, to: path)
        let written = try AtomicFile.readAll(path: path)
        #expect(written.count > 2 * WorkspaceWriter.flushSize)
        #expect(written == WorkspaceWriter.encode(workspace))
        #expect(try WorkspaceReader.load(path: path) == workspace)
    }

    @Test func actualsAreKeptInDateOrder() throws {
        let text = "{\"schemaVersion\": 1, \"name\": \"x\", \"actuals\": [{\"date\": \"2026-03-14\", \"gmv\": \"1\"}, {\"date\": \"2026-03-01\", \"gmv\": \"2\"}]}"
        let workspace = try WorkspaceReader.decode(Array(text.utf8), fileName: "x.json")
        #expect(workspace.actuals.map(\.day.isoText) == ["2026-03-01", "2026-03-14"])
    }

    @Test func hugeAndOddValuesAreRefusedNotMisread() {
        let cases = [
            "{\"schemaVersion\": 1, \"name\": \"x\", \"products\": [{\"sku\": \"A\", \"price\": 1e400, \"cost\": \"1\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"products\": [{\"sku\": \"A\", \"price\": \"99999999999999999999\", \"cost\": \"1\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"goals\": [{\"period\": \"2025-W53\", \"metric\": \"gmv\", \"value\": \"1\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"costs\": [{\"id\": \"R1\", \"category\": \"G\", \"name\": \"a\", \"basis\": \"unit\", \"amount\": \"1\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"costs\": [{\"id\": \"R1\", \"category\": \"R\", \"name\": \"a\", \"basis\": \"cpc\", \"amount\": \"1\"}]}",
            "{\"schemaVersion\": 1, \"name\": 5}",
            "{\"schemaVersion\": 1.5, \"name\": \"x\"}",
            "",
            "[]",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"splits\": [{\"period\": \"2026\", \"to\": \"year\", \"by\": \"days\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"splits\": [{\"period\": \"2026-W05\", \"to\": \"day\", \"by\": \"days\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"splits\": [{\"period\": \"2026\", \"to\": \"month\", \"by\": \"weights:1,2\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"splits\": [{\"period\": \"2026\", \"to\": \"month\", \"by\": \"profile:nope\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"overrides\": [{\"period\": \"2026-11-11\", \"key\": \"cvr\", \"value\": \"0\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"actuals\": [{\"date\": \"2026-03-14\", \"gmv\": \"1\"}, {\"date\": \"2026-03-14\", \"gmv\": \"2\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"actuals\": [{\"date\": \"2026-03-14\", \"gmv\": \"-5\", \"bounce\": \"7\"}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"profiles\": [{\"name\": \"p\", \"months\": [\"1\"], \"weekdays\": [], \"events\": {}}]}",
            "{\"schemaVersion\": 1, \"name\": \"x\", \"profiles\": [{\"name\": \"p\", \"months\": [\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"99999999\"], \"weekdays\": [\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"], \"events\": {}}]}",
        ]
        for text in cases {
            #expect(throws: WorkspaceLoadError.self, "\(text)") { try WorkspaceReader.decode(Array(text.utf8), fileName: "x.json") }
        }
    }
}
