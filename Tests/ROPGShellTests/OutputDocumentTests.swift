import Foundation
import Testing
@testable import ROPGShell
import ROPGDomain
@testable import ROPGStorage
@testable import ROPGTables

/// docs/OUTPUT.md: with --format json a command prints one JSON value holding its tables by name;
/// with csv several tables are marked with `# table: NAME`; messages and notes stay off standard
/// output. Each report that prints several tables is run on the demo workspace through a session.
@Suite struct OutputDocumentTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var command: String
        var tables: [String]
        var testDescription: String { command }
    }

    /// Every command that prints more than one table on the demo (after `setup`).
    static let multiTable: [Case] = [
        Case(command: "breakeven 2026-03", tables: ["breakeven", "breakeven_mix"]),
        Case(command: "hit plan TS-001 start=2026-10-01 peak-units=300/day cpc=0.9 paid-share=80% by=week",
             tables: ["hit_plan", "hit_plan_summary"]),
        Case(command: "hit show 双11", tables: ["hit_plan", "hit_plan_summary"]),
        Case(command: "portfolio 2026", tables: ["portfolio", "portfolio_abc", "portfolio_matrix"]),
        Case(command: "settings", tables: ["settings", "settings_overrides"]),
        Case(command: "check 2026-03-14", tables: ["check", "check_gap", "check_drivers", "check_health"]),
    ]

    /// The demo with an actual for `check` to judge and a saved hit plan for `hit show`.
    static let setup = [
        "actual add 2026-03-14 gmv=27650 uv=9000 orders=230 bounce=69.5% depth=2.7 inquiry-cvr=52%",
        "hit plan TS-001 start=2026-11-01 peak-units=200/day cpc=0.9",
        "hit save 双11",
    ]

    struct Output {
        var out: String
        var err: String
        var succeeded: Bool
    }

    final class Shell {
        let session: Session
        let console = Console(capturingApart: ())

        init() throws {
            let path = TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path
            session = Session(workspace: try WorkspaceReader.load(path: path), path: nil, console: console, interactive: false)
            for line in OutputDocumentTests.setup {
                #expect(session.execute(line: line), "\(line): \(console.takeCapturedErrors())")
            }
            _ = console.takeCaptured()
        }

        func run(_ line: String, _ format: OutputFormat) -> Output {
            session.format = format
            let succeeded = session.execute(line: line)
            return Output(out: console.takeCaptured(), err: console.takeCapturedErrors(), succeeded: succeeded)
        }
    }

    /// Standard output parsed as exactly one JSON object (JSONSerialization refuses extra data).
    static func document(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let object = value as? [String: Any] else { throw Failure("not a JSON object: \(text.prefix(80))") }
        return object
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func isDecimalString(_ value: Any) -> Bool {
        guard let text = value as? String else { return false }
        return Cell.isPlainDecimal(text)
    }

    static func isInteger(_ value: Any) -> Bool {
        guard !(value is String), let number = value as? NSNumber else { return false }
        return number.doubleValue == number.doubleValue.rounded()
    }

    /// Checks each value of each typed column against its type; returns the types seen.
    static func checkTypes(_ tables: [String: Any]) throws -> Set<String> {
        var seen = Set<String>()
        for (name, value) in tables {
            guard let table = value as? [String: Any], let columns = table["columns"] as? [[String: Any]],
                  let rows = table["rows"] as? [[String: Any]], table["notes"] is [Any] else {
                throw Failure("\(name): not a table")
            }
            let all = rows + ((table["total"] as? [String: Any]).map { [$0] } ?? [])
            for column in columns {
                guard let key = column["key"] as? String, column["label"] is String else { throw Failure("\(name): bad column") }
                guard let type = column["type"] as? String else { continue }  // null: no values
                seen.insert(type)
                for row in all {
                    guard let cell = row[key], !(cell is NSNull) else { continue }
                    let fits: Bool = switch type {
                    case "money": isDecimalString(cell) && ((cell as? String)?.split(separator: ".").last?.count == 2)
                    case "rate", "decimal": isDecimalString(cell)
                    case "count": isInteger(cell)
                    case "date": (cell as? String).flatMap { Day(isoText: $0) } != nil
                    case "text": cell is String
                    case "mixed": true
                    default: false
                    }
                    #expect(fits, "\(name).\(key) (\(type)): \(cell)")
                }
            }
        }
        return seen
    }

    @Test(arguments: multiTable)
    func jsonIsOneDocumentWithTheTablesByName(_ testCase: Case) throws {
        let shell = try Shell()
        let result = shell.run(testCase.command, .json)
        #expect(result.succeeded, "\(result.err)")
        let document = try Self.document(result.out)
        #expect(document["command"] as? String == testCase.command)
        #expect(document["messages"] is [String])
        let tables = try #require(document["tables"] as? [String: Any])
        #expect(Set(tables.keys) == Set(testCase.tables))
        // The tables come in the order printed.
        let positions = testCase.tables.compactMap { result.out.range(of: "\n    \"\($0)\": {")?.lowerBound }
        #expect(positions.count == testCase.tables.count && positions == positions.sorted())
        _ = try Self.checkTypes(tables)
        #expect(!result.err.contains("error"))
    }

    @Test func moneyIsAStringAndCountsAreNumbers() throws {
        let shell = try Shell()
        var seen = Set<String>()
        for testCase in Self.multiTable {
            let tables = try #require(try Self.document(shell.run(testCase.command, .json).out)["tables"] as? [String: Any])
            seen.formUnion(try Self.checkTypes(tables))
        }
        #expect(seen.isSuperset(of: ["money", "rate", "count", "text", "mixed"]))
        // The break-even ROAS (a count with a fraction) is a decimal string like the margins,
        // the break-even units an integer.
        let breakeven = try Self.document(shell.run("breakeven 2026-03 table=breakeven", .json).out)
        let rows = try #require(((breakeven["tables"] as? [String: Any])?["breakeven"] as? [String: Any])?["rows"] as? [[String: Any]])
        func value(_ field: String) -> Any? { rows.first { $0["field"] as? String == field }?["value"] }
        #expect(value("break-even ROAS") as? String == "2.02")
        #expect(value("contribution margin of the mix") as? String == "0.4946")
        #expect(value("break-even units").map(Self.isInteger) == true)
        #expect(value("fixed costs 2026-03") as? String == "52780.00")
    }

    @Test(arguments: multiTable)
    func csvMarksEachTable(_ testCase: Case) throws {
        let shell = try Shell()
        let result = shell.run(testCase.command, .csv)
        #expect(result.succeeded, "\(result.err)")
        // Split at the `# table: ` lines, as docs/OUTPUT.md tells a reader to.
        var parts: [(name: String, lines: [Substring])] = []
        for line in result.out.split(separator: "\r\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# table: ") {
                parts.append((String(line.dropFirst("# table: ".count)), []))
            } else {
                let last = try #require(parts.indices.last, "data before the first # table: line")
                parts[last].lines.append(line)
            }
        }
        #expect(parts.map(\.name) == testCase.tables)
        for (position, part) in parts.enumerated() {
            // One blank line before each table but the first; the stream ends with a line end.
            #expect(result.out.hasPrefix("# table: \(part.name)\r\n") == (position == 0))
            if position > 0 { #expect(result.out.contains("\r\n\r\n# table: \(part.name)\r\n")) }
            #expect(part.lines.last == "" && part.lines.dropLast().last != "")
            let records = try CSVReader.records(in: part.lines.joined(separator: "\r\n"))
            let header = try #require(records.first)
            #expect(records.count >= 2, "\(part.name) has rows")
            #expect(records.allSatisfy { $0.fields.count == header.fields.count }, "\(part.name): ragged")
        }
        // The notes the JSON document holds go to standard error, never into the CSV.
        let tables = try Self.document(shell.run(testCase.command, .json).out)["tables"] as? [String: Any] ?? [:]
        let notes = tables.values.flatMap { ($0 as? [String: Any])?["notes"] as? [String] ?? [] }
        for note in notes {
            #expect(result.err.contains(note) && !result.out.contains(note), "\(note)")
        }
    }

    @Test func tableKeyPicksOneTableInEveryFormat() throws {
        let shell = try Shell()
        let csv = shell.run("breakeven 2026-03 table=breakeven_mix", .csv)
        #expect(csv.out.hasPrefix("SKU,name,share,margin,revenue,units\r\n"))
        #expect(!csv.out.contains("# table:"))
        let json = try Self.document(shell.run("portfolio 2026 table=portfolio_abc", .json).out)
        #expect((json["tables"] as? [String: Any]).map { Array($0.keys) } == ["portfolio_abc"])
        let text = shell.run("breakeven 2026-03 table=breakeven_mix", .text)
        #expect(text.out.hasPrefix("break-even 2026-03, the whole shop"))
        // A one-table command's table is named after the command.
        #expect(shell.run("pnl 2026-03 table=pnl", .csv).succeeded)
        #expect(shell.run("product list table=product_list", .csv).succeeded)
    }

    @Test func unknownTableIsAnErrorThatNamesTheTablesAndChangesNothing() throws {
        let shell = try Shell()
        let wrong = shell.run("breakeven 2026-03 table=mix", .json)
        #expect(!wrong.succeeded && wrong.out.isEmpty)
        #expect(wrong.err.contains("no table \"mix\" in this output; it has breakeven, breakeven_mix"))
        let price = shell.session.workspace.products.first { $0.sku == "TS-001" }?.price
        let change = shell.run("product set TS-001 price=1 table=x", .text)
        #expect(!change.succeeded && change.err.contains("table=x"))
        #expect(shell.session.workspace.products.first { $0.sku == "TS-001" }?.price == price)
        #expect(!shell.run("pnl 2026-03 table=pnl table=pnl", .text).succeeded)
    }

    @Test func messagesNeverReachStandardOutputInMachineFormats() throws {
        let shell = try Shell()
        for format in [OutputFormat.csv, .json] {
            let change = shell.run("product set TS-001 price=80", format)
            #expect(change.succeeded && change.out.isEmpty)
            #expect(change.err.contains("TS-001"))
        }
        // A report's messages travel inside its document.
        let plan = try Self.document(shell.run("hit plan TS-001 start=2026-10-01", .json).out)
        #expect((plan["messages"] as? [String])?.first?.hasPrefix("hit save NAME keeps this plan") == true)
        let csv = shell.run("hit plan TS-001 start=2026-10-01", .csv)
        #expect(csv.err.contains("hit save NAME keeps this plan") && !csv.out.contains("hit save"))
    }

    @Test func whatIfComparisonsKeepTheNames() throws {
        let shell = try Shell()
        let result = shell.run("whatif product set TS-001 price=69 then breakeven 2026-03", .json)
        let tables = try #require(try Self.document(result.out)["tables"] as? [String: Any])
        #expect(Set(tables.keys) == ["breakeven", "breakeven_mix"])
        _ = try Self.checkTypes(tables)
        let pnl = try Self.document(shell.run("whatif product set TS-001 price=69 then pnl 2026-03 table=pnl", .json).out)
        #expect((pnl["tables"] as? [String: Any]).map { Array($0.keys) } == ["pnl"])
        #expect((pnl["messages"] as? [String])?.last == "(what-if dropped: the plan is unchanged)")
    }

    @Test func severalTablesGoToOneJSONFileAndAMarkedCSVFile() throws {
        let shell = try Shell()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("portfolio.json").path
        let written = shell.run("portfolio 2026 > \(json)", .text)
        #expect(written.succeeded && written.out.contains("in 3 tables"))
        let document = try Self.document(String(contentsOfFile: json, encoding: .utf8))
        #expect(document["command"] as? String == "portfolio 2026")
        #expect((document["tables"] as? [String: Any]).map { Set($0.keys) } == ["portfolio", "portfolio_abc", "portfolio_matrix"])
        let csv = folder.appendingPathComponent("b.csv").path
        #expect(shell.run("breakeven 2026-03 > \(csv)", .text).succeeded)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("# table: breakeven\r\nfield,value\r\n"))
    }
}
