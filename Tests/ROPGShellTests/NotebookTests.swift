import Foundation
import Testing
@testable import ROPGShell

/// Plan notebooks (`ropg run`), driven through the built binary as a person runs them: the file's
/// prose and commands stay byte for byte, outputs are refreshed, a second run writes nothing,
/// `--check` passes after a run and fails after a change to the workspace with the diff shown,
/// `--set` and `--scenario` change the figures, and bad input gets a clear error.
@Suite struct NotebookTests {
    /// A notebook with every kind of thing the format must keep: prose, an HTML comment, another
    /// language's fence (holding a ```ropg line that is not a cell), a multi-command cell.
    static let notebook = """
        ---
        workspace: ../workspaces/demo.json
        today: 2026-11-01
        ---

        # 十一月  test

        Some *prose* with trailing spaces   \("")
        <!-- a comment that stays -->

        ```python
        ```ropg
        print("not a cell")
        ```

        ```ropg
        goal show 2026-Q4
        ```

        Between the cells.

        ~~~ropg #7
        margin TS-001
        product set TS-001 price=75
        margin TS-001
        ~~~
        The end, without a line end.
        """

    /// The notebook's bytes without its output fences (and the blank line before each).
    static func withoutOutputs(_ text: String) throws -> String {
        let parsed = try Notebook.parse(Array(text.utf8), name: "nb.md")
        var bytes = parsed.bytes
        for cell in parsed.cells.reversed() { bytes.removeSubrange(cell.outputRange) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func scratch(_ text: String = notebook) throws -> (folder: URL, notebook: URL) {
        let folder = try TestSupport.scratchCopy()
        let plans = folder.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        let file = plans.appendingPathComponent("nb.md")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    @Test func runWritesOutputsAndKeepsEverythingElse() throws {
        let (folder, file) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspaceBefore = try Data(contentsOf: folder.appendingPathComponent("workspaces/demo.json"))
        let run = try TestSupport.run(["run", "plans/nb.md"], in: folder)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("2 outputs refreshed"), "\(run.output)")
        let after = try String(contentsOf: file, encoding: .utf8)
        // Prose and commands byte for byte: taking the output fences out gives the file back.
        let stripped = try Self.withoutOutputs(after)
        #expect(stripped == Self.notebook)
        let parsed = try Notebook.parse(Array(after.utf8), name: "nb.md")
        #expect(parsed.cells.count == 2, "the python fence's ```ropg line is not a cell")
        // Outputs: the figures the shell shows for the same commands (DOMAIN's 1200万 spread by the profile).
        let first = try #require(parsed.cells[0].output)
        #expect(first.contains("│ 2026-11       │ 1,884,297.52 │"))
        #expect(first.contains("total 2026-Q4 │ 4,066,115.70"))
        let shell = try TestSupport.run(["workspaces/demo.json", "-c", "goal show 2026-Q4"], in: folder, environment: ["ROPG_TODAY": "2026-11-01"])
        #expect(first == shell.output)
        let second = try #require(parsed.cells[1].output)
        #expect(second.contains("changed product TS-001"))
        #expect(second.contains("79.00") && second.contains("75.00"), "the cell's two margins, before and after the price change:\n\(second)")
        #expect(parsed.cells[1].label == "#7")
        // Nothing saved: no cell says save.
        #expect(try Data(contentsOf: folder.appendingPathComponent("workspaces/demo.json")) == workspaceBefore)
    }

    @Test func secondRunWritesNothingAndCheckPasses() throws {
        let (folder, file) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try TestSupport.run(["run", "plans/nb.md"], in: folder)
        let once = try Data(contentsOf: file)
        let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        let again = try TestSupport.run(["run", "plans/nb.md"], in: folder)
        #expect(again.status == 0)
        #expect(again.output.contains("nothing new"), "\(again.output)")
        #expect(try Data(contentsOf: file) == once)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date == modified, "not even rewritten")
        let check = try TestSupport.run(["run", "--check", "plans/nb.md"], in: folder)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("every output as recorded"))
    }

    @Test func checkFailsAfterAWorkspaceChangeWithTheDiff() throws {
        let (folder, file) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try TestSupport.run(["run", "plans/nb.md"], in: folder)
        let recorded = try Data(contentsOf: file)
        let change = try TestSupport.run(["workspaces/demo.json", "-c", "goal set 2026 gmv=1500万; goal split 2026 to=month by=profile:电商; save"], in: folder)
        #expect(change.status == 0, "\(change.output)")
        let check = try TestSupport.run(["run", "--check", "plans/nb.md"], in: folder)
        #expect(check.status == 1)
        #expect(check.output.contains("cell 1 (line 16) goal show 2026-Q4: output changed"), "\(check.output)")
        #expect(check.output.contains("  - │ 2026-11       │ 1,884,297.52 │"), "\(check.output)")
        #expect(check.output.contains("  + │ 2026-11       │ 2,355,371.90 │"), "\(check.output)")
        #expect(check.output.contains("1 of 2 cells changed"))
        #expect(try Data(contentsOf: file) == recorded, "--check writes nothing")
    }

    @Test func setAndScenarioChangeTheFiguresWithoutTouchingTheNotebook() throws {
        let text = """
            ---
            workspace: ../workspaces/demo.json
            today: 2026-11-01
            ---

            ```ropg
            goal drivers 2026-11 table=goal_drivers
            ```

            ```ropg
            pnl 2026-11
            ```
            """
        let (folder, file) = try Self.scratch(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The demo's own scenario 激进: traffic products 10% cheaper and a 主播 at 8,000 a month.
        _ = try TestSupport.run(["run", "plans/nb.md"], in: folder)
        let recorded = try Data(contentsOf: file)
        let plan = try Notebook.parse(Array(recorded), name: "nb.md")
        #expect(plan.cells[0].output?.contains("494,775") == true, "the plan's visitors at cvr 3%")

        let faster = try TestSupport.run(["run", "plans/nb.md", "--set", "cvr=4%"], in: folder)
        #expect(faster.status == 0, "\(faster.output)")
        #expect(!faster.output.contains("│  494,775 │"), "at cvr 4% fewer visitors are needed")
        #expect(faster.output.contains("│ total 2026-11  │ 1,884,297.52 │  385,402 │ 15,703 │"), "the same orders from fewer visitors (11-11 keeps its own cvr):\n\(faster.output)")
        let checked = try TestSupport.run(["run", "plans/nb.md", "--check", "--set", "cvr=4%"], in: folder)
        #expect(checked.status == 1)
        #expect(checked.output.contains("- │ total 2026-11  │ 1,884,297.52 │  494,775"), "\(checked.output)")

        let scenario = try TestSupport.run(["run", "plans/nb.md", "--scenario", "激进", "--check"], in: folder)
        #expect(scenario.status == 1)
        #expect(scenario.output.contains("pnl 2026-11: output changed"), "\(scenario.output)")
        // Hold GMV: the same visitors and orders; only the units move, as the cheaper products' mix sells more (§8.4).
        #expect(scenario.output.contains("+ │ total 2026-11  │ 1,884,297.52 │  494,775 │ 15,703 │"), "hold GMV: the traffic stays:\n\(scenario.output)")
        // P people: 27,650.21 + the scenario's 主播 8,000; G goods follow the cheaper products' extra units.
        #expect(scenario.output.contains("- │ 2026-11 │ 1,884,297.52 │    0.00 │ 1,884,297.52 │ 110,520.66 │  246,057.58 │ 27,650.21 │"), "\(scenario.output)")
        #expect(scenario.output.contains("+ │ 2026-11 │ 1,884,297.52 │    0.00 │ 1,884,297.52 │ 110,520.66 │  246,057.58 │ 35,650.21 │"), "\(scenario.output)")
        #expect(try Data(contentsOf: file) == recorded, "other assumptions never rewrite the notebook")

        let unknown = try TestSupport.run(["run", "plans/nb.md", "--scenario", "稳健"], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("--scenario 稳健: no scenario \"稳健\""), "\(unknown.output)")
        let badSet = try TestSupport.run(["run", "plans/nb.md", "--set", "cvr=fast"], in: folder)
        #expect(badSet.status == 1)
        #expect(badSet.output.contains("--set cvr=fast:"), "\(badSet.output)")
    }

    @Test func errorsAreOutputsAndBailStops() throws {
        let text = """
            ---
            workspace: ../workspaces/demo.json
            today: 2026-11-01
            ---

            ```ropg
            margn
            ```

            ```ropg
            margin TS-001
            ```
            """
        let (folder, file) = try Self.scratch(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bailed = try TestSupport.run(["run", "--bail", "plans/nb.md"], in: folder)
        #expect(bailed.status == 1)
        #expect(bailed.output.contains("stopped at cell 1 (line 6) (--bail)"), "\(bailed.output)")
        var parsed = try Notebook.parse(Array(try Data(contentsOf: file)), name: "nb.md")
        #expect(parsed.cells[0].output == "error: unknown command \"margn\"; did you mean margin?\n")
        #expect(parsed.cells[1].output == nil, "after --bail the later cells are not run")
        let run = try TestSupport.run(["run", "plans/nb.md"], in: folder)
        #expect(run.status == 1, "a cell failed")
        #expect(run.output.contains("plans/nb.md:6: cell 1 (line 6) failed"), "\(run.output)")
        parsed = try Notebook.parse(Array(try Data(contentsOf: file)), name: "nb.md")
        #expect(parsed.cells[1].output?.contains("TS-001") == true, "the run went on")
    }

    @Test func badInputIsAClearError() throws {
        let (folder, _) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plans = folder.appendingPathComponent("plans")
        func run(_ text: String, _ arguments: [String] = []) throws -> TestSupport.Result {
            try text.write(to: plans.appendingPathComponent("bad.md"), atomically: true, encoding: .utf8)
            return try TestSupport.run(["run", "plans/bad.md"] + arguments, in: folder)
        }
        let missing = try run("---\nworkspace: ../workspaces/gone.json\n---\n\n```ropg\nmargin\n```\n")
        #expect(missing.status == 1)
        #expect(missing.output.contains("its workspace ../workspaces/gone.json does not exist (looked for plans/../workspaces/gone.json)"), "\(missing.output)")
        let open = try run("---\nworkspace: ../workspaces/demo.json\n---\n\ntext\n\n```ropg\nmargin\n\nmore\n")
        #expect(open.status == 1)
        #expect(open.output.contains("plans/bad.md:7: the ``` fence opened on line 7 is never closed"), "\(open.output)")
        let openOutput = try run("---\nworkspace: ../workspaces/demo.json\n---\n```ropg\nmargin\n```\n\n````output\nold\n```\n")
        #expect(openOutput.output.contains("plans/bad.md:8: the ```` fence opened on line 8 is never closed"), "\(openOutput.output)")
        let never = try run("---\nworkspace: ../workspaces/demo.json\n---\n\n```ropg\nmargin\n```\n", ["--check"])
        #expect(never.status == 1)
        #expect(never.output.contains("plans/bad.md was never run: no cell has an output yet"), "\(never.output)")
        let noHeader = try run("# plan\n\n```ropg\nmargin\n```\n")
        #expect(noHeader.output.contains("a notebook starts with a header naming its workspace"), "\(noHeader.output)")
        let badKey = try run("---\nworkspace: ../workspaces/demo.json\ntoda: 2026-11-01\n---\n")
        #expect(badKey.output.contains("plans/bad.md:3: the header has no key \"toda\""), "\(badKey.output)")
        let usage = try TestSupport.run(["run", "plans/bad.md", "--frobnicate"], in: folder)
        #expect(usage.status == 2)
        #expect(usage.output.contains("unknown option --frobnicate"))
    }

    /// `quit` with unsaved changes would ask a person; a run has nobody to ask and never hangs.
    @Test(.timeLimit(.minutes(1))) func aCellThatWouldPromptNeverHangs() throws {
        let text = """
            ---
            workspace: ../workspaces/demo.json
            today: 2026-11-01
            ---

            ```ropg
            product set TS-001 price=70
            quit
            ```

            ```ropg
            margin TS-001
            ```
            """
        let (folder, file) = try Self.scratch(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: folder.appendingPathComponent("workspaces/demo.json"))
        let run = try TestSupport.run(["run", "plans/nb.md"], in: folder)
        #expect(run.status == 0, "\(run.output)")
        let parsed = try Notebook.parse(Array(try Data(contentsOf: file)), name: "nb.md")
        #expect(parsed.cells[1].output == "(not run: cell 1 (line 6) quit the session)\n")
        #expect(try Data(contentsOf: folder.appendingPathComponent("workspaces/demo.json")) == before, "nothing saved")
        let journals = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("workspaces").path).filter { $0.hasSuffix(".journal") }
        #expect(journals.isEmpty, "no journal left behind: \(journals)")
    }

    /// The shipped example is up to date: the suite runs it with --check.
    @Test func exampleNotebookChecksClean() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = try TestSupport.run(["run", "--check", "examples/notebooks/2026-11.md"], in: folder)
        #expect(check.status == 0, "examples/notebooks/2026-11.md is stale (ropg run it and review the diff):\n\(check.output)")
    }

    @Test func htmlPageIsSelfContained() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run(["run", "--check", "examples/notebooks/2026-11.md", "--html", "plan.html"], in: folder)
        #expect(run.status == 0, "\(run.output)")
        let page = try String(contentsOf: folder.appendingPathComponent("plan.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("<h1>2026年11月计划：双11</h1>"), "prose rendered from Markdown")
        #expect(page.contains("<strong>188万</strong>"))
        #expect(page.contains("<td class=\"num\" data-value=\"1884297.52\">1,884,297.52</td>"), "numbers right-aligned with their plain value")
        #expect(page.contains("<th class=\"num\">GMV 销售额</th>"))
        #expect(page.contains("@media print") && page.contains("size: A4"))
        for reference in ["http://", "https://", "<link", "<script", "src="] {
            #expect(!page.contains(reference), "no network or other file: \(reference)")
        }
    }

    @Test func oneReportToAPage() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run(["workspaces/demo.json", "-c", "pnl 2026 by=month > pnl.html"], in: folder)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("wrote 13 rows to pnl.html (a page)"), "\(run.output)")
        let page = try String(contentsOf: folder.appendingPathComponent("pnl.html"), encoding: .utf8)
        #expect(page.contains("<table data-table=\"pnl\">"))
        #expect(page.contains("<tfoot>"))
        #expect(page.contains("<html lang=\"en\">"), "the page's language is the session's")
        let chinese = try TestSupport.run(["workspaces/demo.json", "--lang", "zh", "-c", "pnl 2026 by=month > pnl-zh.html"], in: folder)
        #expect(chinese.status == 0, "\(chinese.output)")
        let chinesePage = try String(contentsOf: folder.appendingPathComponent("pnl-zh.html"), encoding: .utf8)
        #expect(chinesePage.contains("<html lang=\"zh-CN\">") && chinesePage.contains("损益 2026"))
        let refused = try TestSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=70 > x.html"], in: folder)
        #expect(refused.output.contains("this command prints no table: nothing was written to x.html"), "\(refused.output)")
    }

    @Test func lineDiffShowsChangedLinesWithContext() {
        let diff = LineDiff.text("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nC\nd\ne\nf\nG\n")
        #expect(diff == "    b\n  - c\n  + C\n    d\n  …\n    f\n  - g\n  + G\n")
    }
}
