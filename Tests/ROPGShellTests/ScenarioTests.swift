import Foundation
import Testing
import ROPGDomain
import ROPGReports
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

/// Scenarios in process: the figures a user would check, stored and read back, relative changes
/// following the plan, bulk changes as one undo step, and each volume rule worked by hand.
@Suite struct ScenarioTests {
    let today = Day(year: 2026, month: 3, day: 16) ?? Day(number: 0)

    func demo(interactive: Bool = false) throws -> Session {
        let path = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path
        var workspace = try WorkspaceReader.load(path: path)
        workspace.scenarios = []  // the demo's 保守 and 激进: each test makes the scenarios it checks
        return Session(workspace: workspace, path: nil, console: Console(capturing: ()), interactive: interactive, today: today)
    }

    func run(_ session: Session, _ line: String) {
        #expect(session.execute(line: line), "\(line): \(session.console.takeCaptured())")
        _ = session.console.takeCaptured()
    }

    func price(_ workspace: Workspace, _ sku: String) -> ExactDecimal? {
        workspace.productIndex(sku: sku).map { workspace.products[$0].price }
    }

    func profit(_ session: Session, _ period: String) throws -> ExactDecimal {
        try session.context.ledger(.plan, .accrual).figures(try Period.parse(period)).profit
    }

    /// The three-scenario story: 保守 and 激进 over the demo.
    func story() throws -> Session {
        let session = try demo()
        for line in ["scenario new 保守", "set cvr=2.5% cpc+=20%", "keep",
                     "scenario new 激进", "product set role:traffic price-=10%", "cost add P \"主播\" 8000/month",
                     "hit plan TS-001 start=2026-10-01 peak-units=500/day cpc=0.9 paid-share=80%,60%,50%,30%", "hit save 双11", "keep"] {
            run(session, line)
        }
        return session
    }

    @Test func relativeChangesAreExact() {
        let cut = FigureChange.percent(ExactDecimal(mantissa: -1, places: 1))
        #expect(cut.applied(to: ExactDecimal(79)) == ExactDecimal(mantissa: 7110, places: 2))
        #expect(FigureChange.add(ExactDecimal(5)).applied(to: ExactDecimal(79)) == ExactDecimal(84))
        #expect(FigureChange.times(ExactDecimal(mantissa: 11, places: 1)).applied(to: ExactDecimal(8000)) == ExactDecimal(8800))
        #expect((try? FigureChange.parse(operator: "-", "10%")) == cut)
        #expect((try? FigureChange.parse(operator: "+", "5")) == .add(ExactDecimal(5)))
        #expect((try? FigureChange.parse(operator: "*", "10%")) == nil)
        #expect(FigureChange(storedText: cut.storedText ?? "") == cut)
        #expect(FigureChange(storedText: "*1.1") == .times(ExactDecimal(mantissa: 11, places: 1)))
    }

    @Test func aScenarioLeavesThePlanAlone() throws {
        let session = try story()
        #expect(!session.isWhatIfOpen)
        #expect(price(session.workspace, "TS-002") == ExactDecimal(69))
        #expect(session.workspace.hitPlans.isEmpty)
        #expect(session.workspace.scenarios.map(\.name) == ["保守", "激进"])
        let aggressive = try #require(session.workspace.scenario(named: "激进"))
        #expect(aggressive.changes.contains(.product(sku: "TS-002", .price, .percent(ExactDecimal(mantissa: -1, places: 1)))))
        let outcome = aggressive.applied(to: session.workspace)
        #expect(outcome.problems.isEmpty)
        #expect(price(outcome.workspace, "TS-002") == ExactDecimal(mantissa: 6210, places: 2))
        #expect(price(outcome.workspace, "SK-001") == ExactDecimal(mantissa: 1791, places: 2))
        #expect(outcome.workspace.hitPlans.map(\.name) == ["双11"])
        #expect(outcome.workspace.costs.contains { $0.name == "主播" && $0.amount == ExactDecimal(8000) })
    }

    @Test func theComparisonShowsEachScenariosFiguresAndTheirDelta() throws {
        let session = try story()
        let cautious = try session.scenarioSession("保守").session
        let expected = try profit(cautious, "2026-11")
        let plan = try profit(session, "2026-11")
        let blocks = try ScenarioComparison.run(Arguments(try Tokenizer.commands(in: "compare pnl 2026-11")[0].words), in: session)
        guard case .table(let table)? = blocks.first(where: { if case .table = $0 { return true } else { return false } }) else {
            Issue.record("no table")
            return
        }
        #expect(table.columns.map(\.key) == ["figure", "plan", "保守", "保守_change", "保守_change_percent", "激进", "激进_change", "激进_change_percent"])
        let row = try #require(table.rows.first { $0.first?.text == "profit" })
        #expect(row[1].figure?.value == plan.rounded(places: 2))
        #expect(row[2].figure?.value == expected.rounded(places: 2))
        #expect(row[3].figure?.value == expected.rounded(places: 2) - plan.rounded(places: 2))
        #expect(table.notes.contains { $0.hasPrefix("volume: hold GMV") })
        // `pnl scenario=保守` shows the same figure as the comparison's column.
        _ = session.console.takeCaptured()
        #expect(session.execute(line: "pnl 2026-11 scenario=保守"))
        #expect(session.console.takeCaptured().contains(expected.rounded(places: 2).formatted()))
    }

    @Test func savedReopenedAndComparedGiveTheSameFigures() throws {
        let session = try story()
        let bytes = WorkspaceWriter.encode(session.workspace)
        let reopened = try WorkspaceReader.decode(bytes, fileName: "story.json")
        #expect(reopened.scenarios == session.workspace.scenarios)
        #expect(WorkspaceWriter.encode(reopened) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"{"scenario": "激进", "product": "TS-002", "field": "price", "by": "-10%"}"#))
        #expect(text.contains(#"{"scenario": "保守", "set": "cpc", "by": "+20%"}"#))
        let again = Session(workspace: reopened, path: nil, console: Console(capturing: ()), interactive: false, today: today)
        for name in ["保守", "激进"] {
            for period in ["2026-11", "2026", "2026-Q4"] {
                #expect(try profit(try again.scenarioSession(name).session, period) == (try profit(try session.scenarioSession(name).session, period)))
            }
        }
    }

    @Test func aScenarioFollowsThePlanAndNamesWhatNoLongerApplies() throws {
        let session = try demo()
        run(session, "product add TS-003 price=59 cost=22 role=traffic")
        run(session, "scenario new 促销")
        run(session, "product set role:traffic price-=10%")
        run(session, "keep")
        run(session, "product set TS-002 price=79")
        run(session, "product rm TS-003")
        let outcome = try #require(session.workspace.scenario(named: "促销")).applied(to: session.workspace)
        #expect(price(outcome.workspace, "TS-002") == ExactDecimal(mantissa: 7110, places: 2))
        #expect(price(outcome.workspace, "SK-001") == ExactDecimal(mantissa: 1791, places: 2))
        #expect(outcome.problems.map(\.message) == ["product TS-003 price -=10%: no product TS-003 in the plan"])
    }

    /// A scenario that changes no cost entry reuses the plan's folded entries (refolding only the
    /// product-tied ones): its figures equal those of the same workspace folded from scratch.
    @Test func aReusedCostIndexGivesTheSameFigures() throws {
        let session = try demo()
        for line in ["scenario new 调价", "product set TS-001 price-=15% share=30%", "set units-per-order=2 cvr=2.5%", "keep"] { run(session, line) }
        let (derived, outcome) = try session.scenarioSession("调价")
        #expect(derived.givenIndex != nil)
        let fresh = Session(workspace: outcome.workspace, path: nil, console: Console(capturing: ()), interactive: false, today: today)
        for period in ["2026-03", "2026-11", "2026"] {
            let reused = try derived.context.ledger(.plan, .accrual).figures(try Period.parse(period))
            let folded = try fresh.context.ledger(.plan, .accrual).figures(try Period.parse(period))
            #expect(reused.profit == folded.profit && reused.totalCost == folded.totalCost, "\(period)")
        }
    }

    /// A change to the scenarios is journaled like any change: read back, it is the same change.
    @Test func scenariosSurviveTheJournal() throws {
        let session = try story()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-scenario-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspacePath = folder.appendingPathComponent("w.json").path
        let journal = Journal(workspacePath: workspacePath, base: Journal.Fingerprint(size: 0, hash: 0))
        let edit = Edit(description: "scenario 激进", changes: [.setScenarios(session.workspace.scenarios)])
        try journal.append(edit)
        let found = try #require(try Journal.read(journal.path))
        #expect(found.edits.first?.changes == edit.changes)
        journal.remove()
    }

    /// A scenario and a what-if with the same changes show the same figures.
    @Test func aScenarioAgreesWithTheSameWhatIf() throws {
        let session = try story()
        run(session, "whatif")
        for line in ["product set role:traffic price-=10%", "cost add P \"主播\" 8000/month",
                     "hit plan TS-001 start=2026-10-01 peak-units=500/day cpc=0.9 paid-share=80%,60%,50%,30%", "hit save 双11"] {
            run(session, line)
        }
        let scenario = Session(workspace: try session.scenarioSession("激进").outcome.workspace, path: nil, console: Console(capturing: ()),
                               interactive: false, today: today)
        for period in ["2026-03", "2026-11", "2026-Q4", "2026"] {
            #expect(try profit(session, period) == (try profit(scenario, period)), "\(period)")
        }
        run(session, "drop")
    }

    @Test func anUnknownScenarioGetsADidYouMean() throws {
        let session = try story()
        #expect(throws: CommandError.self) { try session.scenario(named: "激近") }
        do { _ = try session.scenario(named: "激近") } catch { #expect(error.message.contains("did you mean 激进?")) }
    }

    @Test func aBulkChangeIsOneUndoStepAndAsksAboveTwenty() throws {
        let session = try demo()
        run(session, "product set role:traffic price-=10%")
        #expect(session.undoSteps.count == 1)
        _ = session.undo()
        #expect(price(session.workspace, "TS-002") == ExactDecimal(69))
        // 25 entries in the interactive shell: asked first; "n" changes nothing.
        let interactive = try demo(interactive: true)
        var asked: [String] = []
        interactive.ask = { question in asked.append(question); return "n" }
        for number in 1...25 { run(interactive, "cost add O \"批量\(number)\" 100/month") }
        let before = interactive.workspace
        // Answering n is an answer, not an error (review of issue 14).
        let errorsBefore = interactive.console.capturedErrors ?? ""
        #expect(interactive.execute(line: "cost set name:批量 amount+=10%"))
        #expect(interactive.console.captured?.hasSuffix("nothing was changed\n") == true)
        #expect((interactive.console.capturedErrors ?? "") == errorsBefore)
        #expect(asked.count == 1 && asked[0].contains("25 cost entries"))
        #expect(interactive.workspace == before)
        interactive.ask = { _ in "y" }
        run(interactive, "cost set name:批量 amount+=10%")
        #expect(interactive.workspace.costs.filter { $0.name.hasPrefix("批量") }.allSatisfy { $0.amount == ExactDecimal(110) })
        // Twenty rows or fewer: no question.
        var askedAgain = false
        interactive.ask = { _ in askedAgain = true; return "n" }
        run(interactive, "product set all cost+=1")
        #expect(!askedAgain)
    }

    /// Two products share 100,000 of March GMV: A at 100 with a 50% share, B at 50. A is cut 10%.
    func volumeExample(_ rule: VolumeRule) throws -> (gmv: ExactDecimal, unitsA: ExactDecimal, profit: ExactDecimal) {
        let session = Session(workspace: Workspace(name: "v"), path: nil, console: Console(capturing: ()), interactive: false, today: today)
        for line in ["product add A price=100 cost=40 share=50%", "product add B price=50 cost=20", "set cvr=3% aov=100 cpc=1 paid-share=50%",
                     "goal set 2026-03 gmv=100000", "scenario new 降价 volume=\(rule.typed)", "product set A price-=10%", "keep"] {
            run(session, line)
        }
        let derived = try session.scenarioSession("降价").session
        let ledger = try derived.context.ledger(.plan, .accrual)
        let march = try Period.parse("2026-03")
        let sales = try derived.context.salesModel(.plan).sales(in: march.days)
        return (try ledger.figures(march).gmv, try #require(sales.product(0)).units, try ledger.figures(march).profit)
    }

    @Test func eachVolumeRuleByHand() throws {
        // Hold GMV: A still sells 50,000, so 50,000 / 90 = 555.5… units; profit 50,000 − 555.5…×40 + 30,000.
        let gmv = try volumeExample(.holdGMV)
        #expect(gmv.gmv == ExactDecimal(100_000))
        #expect(gmv.unitsA.rounded(places: 2) == ExactDecimal(mantissa: 55556, places: 2))
        #expect(gmv.profit.rounded(places: 2) == ExactDecimal(mantissa: 5_777_778, places: 2))
        // Hold units: 500 units at 90 = 45,000; the shop 95,000; profit 500 × 50 + 30,000.
        let units = try volumeExample(.holdUnits)
        #expect(units.gmv == ExactDecimal(95_000))
        // (The shares are held to 12 places, so units come out within 10⁻⁹ of the whole number.)
        #expect(units.unitsA.rounded(places: 6) == ExactDecimal(500))
        #expect(units.profit == ExactDecimal(55_000))
        // Elasticity −2: units ×1.2 = 600 at 90 = 54,000; the shop 104,000; profit 600 × 50 + 30,000.
        let elastic = try volumeExample(.elasticity(ExactDecimal(-2)))
        #expect(elastic.gmv == ExactDecimal(104_000))
        #expect(elastic.unitsA.rounded(places: 6) == ExactDecimal(600))
        #expect(elastic.profit == ExactDecimal(60_000))
    }
    /// A scenario is laid over the plan as it is now, not over one it was laid over before:
    /// a what-if dropped, a step undone and a what-if opened again give a plan with other
    /// products in other places, and the scenario changes the product it names (nothing kept
    /// for the earlier plan is taken for this one, though the what-if starts at the same step).
    @Test func aScenarioIsLaidOverThePlanAsItIsAfterADroppedWhatIfAndAnUndo() throws {
        let session = try demo()
        for line in ["scenario new X", "product set PL-001 price-=10%", "keep", "product rm TS-002",
                     "whatif", "pnl 2026 scenario=X", "drop", "undo", "whatif"] {
            run(session, line)
        }
        let plan = session.plan
        #expect(plan.productIndex(sku: "TS-002") != nil, "the undo brought TS-002 back")
        for rule in [VolumeRule.holdGMV, .holdUnits] {
            let laid = try session.scenarioSession("X", volume: rule).outcome.workspace
            #expect(price(laid, "PL-001") == price(plan, "PL-001").map { ($0 * ExactDecimal(mantissa: 9, places: 1)).rounded() })
            #expect(price(laid, "TS-002") == price(plan, "TS-002"))
        }
    }
}
