import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage

/// Completion offers only what can come at the cursor, from each command's declaration.
@Suite struct CompletionTests {
    static func demo() throws -> Session {
        let path = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path
        var workspace = try WorkspaceReader.load(path: path)
        workspace.scenarios = []  // the demo's 保守 and 激进: the tests add the scenarios they need
        workspace.hitPlans.append(SavedHitPlan(name: "双11", spec: HitPlanSpec(sku: "TS-001", start: Day(isoText: "2026-10-01") ?? Day(number: 0),
                                                                          cpc: ExactDecimal(1), paidShares: [ExactDecimal(mantissa: 5, places: 1)])))
        return Session(workspace: workspace, path: nil, console: Console(capturing: ()), interactive: false,
                       today: Day(isoText: "2026-03-16") ?? Day(number: 0))
    }

    func complete(_ line: String, _ session: Session) -> [String] { Completion.candidates(for: line, in: session).candidates }

    @Test func commandsThenVerbsThenWhatTheVerbTakes() throws {
        let session = try Self.demo()
        #expect(complete("go", session) == ["goal", "goals"])
        #expect(complete("goal ", session) == ["set", "rm", "list", "split", "show", "tree", "drivers"])
        #expect(complete("goal s", session) == ["set", "split", "show"])
        // goal split takes a period first: no metric keys, no SKUs.
        let split = complete("goal split ", session)
        #expect(split.contains("2026") && split.contains("2026-11") && !split.contains { $0.hasSuffix("=") } && !split.contains("TS-001"))
        #expect(complete("goal split 2026 ", session) == ["clear", "to=", "by="])
        #expect(complete("goal split 2026 to=m", session) == ["to=month"])
        #expect(complete("goal split 2026 to=month by=p", session) == ["by=prior", "by=profile:电商"])
        #expect(complete("goal split 2026 to=month by=profile:电", session) == ["by=profile:电商"])
        // A key already given is not offered again.
        #expect(complete("goal split 2026 to=month ", session) == ["clear", "by="])
    }

    @Test func closedSetsByKey() throws {
        let session = try Self.demo()
        #expect(complete("pnl 2026 by=", session) == ["by=month", "by=quarter", "by=week", "by=day", "by=product", "by=month,product", "by=product,month"])
        #expect(complete("pnl 2026 source=a", session) == ["source=actual"])
        #expect(complete("costs 2026 view=", session) == ["view=accrual", "view=cash"])
        #expect(complete("costs 2026 category=", session) == ["category=R", "category=O", "category=P", "category=G"])
        #expect(complete("product set TS-001 role=", session) == ["role=traffic", "role=profit", "role=image", "role=custom", "role=hit", "role=none"])
        #expect(complete("goal list metric=a", session) == ["metric=adspend"])
        #expect(complete("pnl 2026 vs=", session) == ["vs=actual"])
        #expect(complete("pnl 2026 nope=", session).isEmpty)
    }

    @Test func namesWhereTheyAreExpected() throws {
        let session = try Self.demo()
        #expect(complete("product set TS", session) == ["TS-001", "TS-002"])
        // product set SKU comes first: no keys before it.
        #expect(!complete("product set ", session).contains("price="))
        #expect(complete("product set TS-001 pr", session) == ["price="])
        #expect(complete("cost show R", session).starts(with: ["R1", "R2", "R3"]))
        #expect(complete("cost add ", session) == ["R", "O", "P", "G"])
        #expect(complete("profile show ", session) == ["电商"])
        #expect(complete("hit show ", session) == ["双11"])
        #expect(complete("help pn", session) == ["pnl"])
        #expect(complete("check 2026-03-1", session).first == "2026-03-10")
        #expect(complete("goal show 2026-11-0", session).count == 9)
        #expect(complete("whatif product set TS-001 price=69 then pn", session) == ["pnl"])
        #expect(complete("whatif product set TS-001 price=69 then pnl 2026 by=q", session) == ["by=quarter"])
        #expect(Completion.scenarioNames(session).isEmpty)
    }

    /// Review of issue 13, #14: after a SKU only keys; filter words where a bulk edit takes them;
    /// cost entries by name too; no key that a given key refuses.
    @Test func bulkTargetsAndKeysThatGoTogether() throws {
        let session = try Self.demo()
        let afterSKU = complete("product set TS-001 ", session)
        #expect(afterSKU.contains("price=") && afterSKU.contains("stock="))
        #expect(!afterSKU.contains("TS-001") && !afterSKU.contains("TS-002") && !afterSKU.contains("SK-001"), "\(afterSKU)")
        #expect(complete("product set TS-001 TS-00", session).isEmpty)
        #expect(complete("product set TS-001 ro", session) == ["role="])
        #expect(complete("product set role:traffic ro", session) == ["role:traffic", "role:profit", "role:image", "role:custom", "role:hit", "role="])
        #expect(complete("product set role:", session) == ["role:traffic", "role:profit", "role:image", "role:custom", "role:hit"])
        #expect(complete("product set na", session) == ["name:"])
        #expect(complete("product set a", session) == ["all"])
        let afterFilter = complete("product set role:traffic ", session)
        #expect(afterFilter.contains("name:") && afterFilter.contains("price=") && !afterFilter.contains("TS-001"))
        let costFilters = complete("cost set O ", session)
        #expect(costFilters.contains("name:") && costFilters.contains("basis:cpc") && costFilters.contains("category:P")
                && costFilters.contains("amount=") && !costFilters.contains("O1"), "\(costFilters)")
        #expect(complete("cost set basis:cpc", session) == ["basis:cpc", "basis:cpc-plan"])
        #expect(complete("cost set 客", session) == ["客服工资"])
        #expect(complete("cost set 美工", session) == ["美工工资", "美工提成"])
        #expect(complete("cost set P", session).starts(with: ["P1", "P2", "P3", "P4", "P5"]))
        let vsActual = complete("pnl 2026 vs=actual ", session)
        #expect(vsActual.contains("view=") && vsActual.contains("by=") && !vsActual.contains("alloc=") && !vsActual.contains("source="), "\(vsActual)")
        let costsVsActual = complete("costs 2026 vs=actual ", session)
        #expect(costsVsActual.contains("by=") && !costsVsActual.contains("category=") && !costsVsActual.contains("source="))
        #expect(!complete("pnl 2026 source=actual ", session).contains("vs="))
    }

    @Test func fileNamesAfterRedirectSourceAndOpen() throws {
        let session = try Self.demo()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("利润表.csv"))
        let base = folder.path
        #expect(complete("pnl 2026 > \(base)/利", session) == ["\(base)/利润表.csv"])
        #expect(complete("pnl 2026 >\(base)/利", session) == [">\(base)/利润表.csv"])
        #expect(complete("source \(base)/", session) == ["\(base)/利润表.csv"])
        #expect(complete("open \(base)/利", session) == ["\(base)/利润表.csv"])
    }

    /// Every key a command checks is one completion offers, because both read the declaration.
    @Test func everyDeclaredKeyIsAccepted() throws {
        for command in CommandRegistry.all {
            for verb in command.syntax.verbs {
                for key in verb.keys {
                    let arguments = Arguments([Word(text: "\(key.name)=x", key: key.name, value: "x", wasQuoted: false, column: 1)])
                    #expect(throws: Never.self) { try arguments.checkKeys(of: command, verb: verb.name) }
                }
                let unknown = Arguments([Word(text: "zzz=1", key: "zzz", value: "1", wasQuoted: false, column: 1)])
                #expect(throws: CommandError.self) { try unknown.checkKeys(of: command, verb: verb.name) }
            }
        }
    }

    @Test func scenarioNamesWhereAScenarioIsExpected() throws {
        let session = try Self.demo()
        // No scenarios yet: scenario= is not offered on a report.
        #expect(!complete("pnl 2026 ", session).contains("scenario="))
        session.perform(Edit(description: "scenarios", changes: [.setScenarios([Scenario(name: "保守", changes: [], volume: .holdGMV),
                                                                                Scenario(name: "激进", changes: [], volume: .holdUnits)])]))
        #expect(complete("scenario show ", session) == ["保守", "激进"])
        #expect(complete("scenario rename 激", session) == ["激进"])
        #expect(complete("pnl 2026 ", session).contains("scenario="))
        #expect(complete("pnl 2026 scenario=", session) == ["scenario=保守", "scenario=激进"])
        // `scenario compare NAME REPORT …`: the report's own keys after its name.
        #expect(complete("scenario compare 保守 pnl 2026 by=q", session) == ["by=quarter"])
    }
}
