import Foundation
import Testing
@testable import ROPGStorage
@testable import ROPGTables

/// The `ropg` command line as a user or a script calls it: modes, exit codes, and files.
@Suite struct CommandLineTests {
    @Test func runsCommandsGivenWithDashC() throws {
        let folder = try TestSupport.scratchCopy()
        let result = try TestSupport.run(["workspaces/demo.json", "-c", "product show TS-001; goal list"], in: folder)
        #expect(result.status == 0)
        #expect(result.output.contains("│ name         │ 纯棉T恤"))
        #expect(result.output.contains("12,000,000.00"))
    }

    /// A today that cannot be read is said on stderr, not dropped for the clock in silence
    /// (review of issue 13, #14); a good one says nothing.
    @Test func anUnreadableTodayIsWarnedOf() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try TestSupport.run(["workspaces/demo.json", "-c", "info"], in: folder, environment: ["ROPG_TODAY": "bad"])
        #expect(bad.status == 0)
        #expect(bad.output.contains("ropg: warning: ROPG_TODAY=bad is not a day such as 2026-03-16; using the clock's date"), "\(bad.output.prefix(400))")
        let good = try TestSupport.run(["workspaces/demo.json", "-c", "info"], in: folder)
        #expect(!good.output.contains("warning"))
    }

    @Test func readsAScriptFromStandardInputWithoutPromptOrEscapes() throws {
        let folder = try TestSupport.scratchCopy()
        let result = try TestSupport.run(["workspaces/demo.json"], in: folder, stdin: "product list role=hit\n# comment\n\ninfo\n")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("┌"))
        #expect(!result.output.contains("\u{1B}"))
        #expect(!result.output.contains("demo>"))
    }

    @Test func exitStatusIsOneWhenAnyCommandFailsAndBailStops() throws {
        let folder = try TestSupport.scratchCopy()
        let failing = try TestSupport.run(["workspaces/demo.json", "-c", "nonsense; info"], in: folder)
        #expect(failing.status == 1)
        #expect(failing.output.contains("error: unknown command \"nonsense\""))
        #expect(failing.output.contains("│ name "))
        let bailed = try TestSupport.run(["workspaces/demo.json", "--bail", "-c", "nonsense; info"], in: folder)
        #expect(bailed.status == 1)
        #expect(!bailed.output.contains("│ name "))
    }

    @Test func usageErrorsExitTwo() throws {
        let folder = try TestSupport.scratchCopy()
        for arguments in [["--nope"], ["-c"], ["--format", "xml"], ["a.json", "b.json"]] {
            let result = try TestSupport.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.output.contains("ropg: "), "\(arguments)")
        }
    }

    @Test func versionAndHelp() throws {
        let folder = try TestSupport.scratchCopy()
        let version = try TestSupport.run(["--version"], in: folder)
        #expect(version.status == 0 && version.output.hasPrefix("ropg "))
        let help = try TestSupport.run(["--help"], in: folder)
        #expect(help.status == 0 && help.output.contains("-f SCRIPT.ropg"))
    }

    @Test func formatOptionAppliesToEveryTable() throws {
        let folder = try TestSupport.scratchCopy()
        let result = try TestSupport.run(["workspaces/demo.json", "--format", "json", "-c", "product list"], in: folder)
        #expect(result.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let table = (document?["tables"] as? [String: Any])?["product_list"] as? [String: Any]
        let rows = table?["rows"] as? [[String: Any]]
        #expect(rows?.count == 9)
        #expect(rows?.first?["price"] as? String == "79.00")
    }

    @Test func aMissingWorkspaceFileIsCreatedOnFirstSave() throws {
        let folder = try TestSupport.scratchCopy()
        let path = folder.appendingPathComponent("新店.json").path
        #expect(!FileManager.default.fileExists(atPath: path))
        let info = try TestSupport.run(["新店.json", "-c", "info"], in: folder)
        #expect(info.status == 0 && info.output.contains("新店"))
        #expect(!FileManager.default.fileExists(atPath: path))
        let saved = try TestSupport.run(["新店.json", "-c", "product add A price=1 cost=0; save"], in: folder)
        #expect(saved.status == 0)
        let reopened = try TestSupport.run(["新店.json", "-c", "product list"], in: folder)
        #expect(reopened.output.contains("│ A "))
    }

    @Test func openingNeverChangesTheFileAndSavingUnchangedGivesTheSameBytes() throws {
        let folder = try TestSupport.scratchCopy()
        let demo = folder.appendingPathComponent("workspaces/demo.json")
        let before = try Data(contentsOf: demo)
        let modified = try FileManager.default.attributesOfItem(atPath: demo.path)[.modificationDate] as? Date
        _ = try TestSupport.run(["workspaces/demo.json", "-c", "info; product list; cost list"], in: folder)
        #expect(try Data(contentsOf: demo) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: demo.path)[.modificationDate] as? Date == modified)
        let saved = try TestSupport.run(["workspaces/demo.json", "-c", "save"], in: folder)
        #expect(saved.status == 0)
        #expect(try Data(contentsOf: demo) == before)
        // A change and its undo save to the same bytes too.
        _ = try TestSupport.run(["workspaces/demo.json", "-c", "product set TS-001 price=1; cost rm G1; undo 2; save"], in: folder)
        #expect(try Data(contentsOf: demo) == before)
    }

    @Test func aMalformedWorkspaceGivesOneClearErrorAndExitOne() throws {
        let folder = try TestSupport.scratchCopy()
        let cases: [(String, String)] = [
            ("{\n  \"schemaVersion\": 1,\n  \"name\": \"x\",\n  \"products\": [\n    {\"sku\": \"A\", \"price\": \"7x9\", \"cost\": \"1\"}\n  ]\n}\n",
             "bad.json:5:27: products[0].price: \"7x9\" is not a number"),
            ("{\"schemaVersion\": 1, \"name\": \"x\", \"products\": [{\"sku\": \"A\", \"price\": \"1\", \"cost\": \"1\"},]}", "trailing comma"),
            ("{\"schemaVersion\": 9, \"name\": \"x\"}", "written by a newer ropg (schema 9)"),
            ("{\"name\": \"x\"}", "not a ropg workspace"),
            ("{\"schemaVersion\": 1, \"name\": \"x\", \"costs\": [{\"id\": \"R1\", \"category\": \"R\", \"name\": \"a\", \"basis\": \"weekly\", \"amount\": \"1\"}]}",
             "costs[0].basis: \"weekly\" is not one of once, recurring"),
            ("{\"schemaVersion\": 1, \"name\": \"x\", \"colour\": 1}", "unknown key \"colour\""),
            ("{\"schemaVersion\": 1, \"name\": \"x\", \"name\": \"y\"}", "duplicate key"),
            ("{\"schemaVersion\": 1, \"name\": \"x\", \"products\": [{\"sku\": \"A\", \"price\": \"1\", \"cost\": \"1\"}, {\"sku\": \"A\", \"price\": \"-2\", \"cost\": \"1\"}]}",
             "products[1].price: -2 is negative"),
        ]
        for (text, expected) in cases {
            try Data(text.utf8).write(to: folder.appendingPathComponent("bad.json"))
            let result = try TestSupport.run(["bad.json", "-c", "info"], in: folder)
            #expect(result.status == 1, "\(expected)")
            #expect(result.output.contains(expected), "\(result.output)")
            #expect(!result.output.contains("Fatal error") && !result.output.contains("Stack"))
        }
        // Both problems of the duplicate-SKU file are named.
        let both = try TestSupport.run(["bad.json", "-c", "info"], in: folder)
        #expect(both.output.contains("products[1].sku: A appears twice"))
    }

    @Test func usedUpCostNumbersAreAnErrorNotACrash() throws {
        let folder = try TestSupport.scratchCopy()
        try Data("{\"schemaVersion\": 1, \"name\": \"x\", \"lastCostIds\": {\"R\": 2147483647}}".utf8)
            .write(to: folder.appendingPathComponent("full.json"))
        let result = try TestSupport.run(["full.json", "-c", "cost add R \"x\" 100/year"], in: folder)
        #expect(result.status == 1)
        #expect(result.output.contains("category R has used up its entry numbers"))
    }

    @Test func redirectsWriteEachFormatAndCSVStartsWithABOM() throws {
        let folder = try TestSupport.scratchCopy()
        let result = try TestSupport.run(["workspaces/demo.json", "-c",
                                          "product list > p.csv; product list > p.md; product list > p.json; product list > p.txt"], in: folder)
        #expect(result.status == 0)
        let csv = try Data(contentsOf: folder.appendingPathComponent("p.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).hasPrefix("SKU,name,role,price,cost,gross margin,stock\r\nTS-001,纯棉T恤,"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("p.json"))) as? [String: Any]
        let table = (json?["tables"] as? [String: Any])?["product_list"] as? [String: Any]
        #expect((table?["rows"] as? [[String: Any]])?.count == 9)
        #expect(json?["command"] as? String == "product list")
        let markdown = try String(contentsOf: folder.appendingPathComponent("p.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("| SKU "))
        let text = try String(contentsOf: folder.appendingPathComponent("p.txt"), encoding: .utf8)
        #expect(text.hasPrefix("┌"))
    }

    @Test func scriptsReplayTheSameEveryTime() throws {
        let folder = try TestSupport.scratchCopy()
        let first = try TestSupport.run(["--echo", "-f", "examples/build-demo.ropg"], in: folder)
        let second = try TestSupport.run(["--echo", "-f", "examples/build-demo.ropg"], in: folder)
        #expect(first.output == second.output)
        #expect(first.status == 0)
        // The demo workspace in the repository is exactly what the script builds.
        let built = try Data(contentsOf: folder.appendingPathComponent("workspaces/demo.json"))
        let shipped = try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json"))
        #expect(built == shipped)
    }
}
