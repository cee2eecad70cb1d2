import Foundation
import Testing
@testable import ROPGStorage
@testable import ROPGTables

/// ropg's cost figures against an independent exact reference (Tests/reference/accrual_reference.py:
/// Python fractions, stdlib only) of the rounding scheme: calendar entries accrue exactly, and a
/// shown figure is cumulative cents within each calendar year (total rounded half up, categories
/// and then entries sharing it by largest remainder), a period showing S(its last day) − S(the day
/// before it). Plus the scheme's worked regression cases, asked of the built binary.
@Suite struct ExactReferenceTests {
    static let script = TestSupport.repositoryRoot.appendingPathComponent("Tests/reference/accrual_reference.py")

    /// Random workspaces compared per run; ROPG_REFERENCE_SEEDS=500 for a longer hunt.
    static var seeds: Int { Int(ProcessInfo.processInfo.environment["ROPG_REFERENCE_SEEDS"] ?? "") ?? 40 }

    /// `python3` on the PATH the tests were started with.
    static func python() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs the reference script with `arguments`; stdout and stderr together.
    static func reference(_ arguments: [String]) throws -> TestSupport.Result? {
        guard let python = python() else {
            Issue.record("python3 is not on PATH (\(ProcessInfo.processInfo.environment["PATH"] ?? "no PATH")): the exact reference test needs Python 3.11+ (stdlib only) to run Tests/reference/accrual_reference.py")
            return nil
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path] + arguments
        process.currentDirectoryURL = TestSupport.repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TestSupport.Result(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }

    static func attach(_ output: String, named name: String) {
        #if compiler(>=6.2)
        Attachment.record(output, named: name)
        #endif
    }

    @Test func theReferenceWorksTheSchemesCasesOut() throws {
        guard let result = try Self.reference(["--self-test"]) else { return }
        if result.status != 0 { Self.attach(result.output, named: "accrual_reference-self-test.txt") }
        #expect(result.status == 0, "accrual_reference.py --self-test:\n\(result.output)")
    }

    @Test func costsAgreeWithTheExactReferenceOverRandomWorkspacesAndPeriods() throws {
        let binary = TestSupport.binary.path
        #expect(FileManager.default.isExecutableFile(atPath: binary), "no ropg binary at \(binary)")
        guard let result = try Self.reference(["--binary", binary, "--seeds", String(Self.seeds), "--limit", "40"]) else { return }
        if result.status != 0 { Self.attach(result.output, named: "accrual_reference.txt") }
        #expect(result.status == 0, "python3 Tests/reference/accrual_reference.py --binary \(binary) --seeds \(Self.seeds):\n\(result.output)")
    }

    // MARK: - The scheme's worked regression cases, through the command line

    /// A workspace of only `costs` (cost entries as the workspace file writes them), in a fresh folder.
    static func workspace(_ costs: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-exact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = "{\n  \"schemaVersion\": 1,\n  \"name\": \"case\",\n  \"costs\": [\n    "
            + costs.joined(separator: ",\n    ") + "\n  ]\n}\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("case.json"))
        return folder
    }

    /// The cells of the first text table `command` prints, header row first.
    static func table(_ command: String, in folder: URL) throws -> [[String]] {
        let result = try TestSupport.run(["case.json", "-c", command], in: folder)
        #expect(result.status == 0, "\(command):\n\(result.output)")
        return result.output.split(separator: "\n").filter { $0.hasPrefix("│") }.map { line in
            line.split(separator: "│", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The cell of `column` in the row naming `row` (a cell equal to it, or starting "R " for "R").
    static func cell(_ table: [[String]], row: String, column: String) -> String? {
        guard let header = table.first,
              let index = header.firstIndex(where: { $0 == column || $0.hasPrefix(column + " ") }) else { return nil }
        let found = table.dropFirst().first { cells in cells.contains { $0 == row || $0.hasPrefix(row + " ") } }
        return found.flatMap { index < $0.count ? $0[index] : nil }
    }

    @Test func aYearlyAmountsQuarterIsItsExactValueRoundedHalfUp() throws {
        // 76,714.66 / 4 = 19,178.665.
        let folder = try Self.workspace([#"{"id": "R1", "category": "R", "name": "a", "basis": "recurring", "amount": "76714.66", "per": "year"}"#])
        defer { try? FileManager.default.removeItem(at: folder) }
        let costs = try Self.table("costs 2026-Q1", in: folder)
        #expect(Self.cell(costs, row: "R", column: "amount") == "19,178.67")
        #expect(Self.cell(costs, row: "total cost", column: "amount") == "19,178.67")
        let entries = try Self.table("costs 2026-Q1 by=entry", in: folder)
        #expect(Self.cell(entries, row: "R1", column: "amount") == "19,178.67")
        #expect(Self.cell(entries, row: "total cost", column: "amount") == "19,178.67")
    }

    @Test func tenCentsAYearIsThreeCentsInTheFirstQuarter() throws {
        // 0.10 / 4 = 0.025.
        let folder = try Self.workspace([#"{"id": "R1", "category": "R", "name": "b", "basis": "recurring", "amount": "0.1", "per": "year"}"#])
        defer { try? FileManager.default.removeItem(at: folder) }
        let costs = try Self.table("costs 2026-Q1", in: folder)
        #expect(Self.cell(costs, row: "R", column: "amount") == "0.03")
        #expect(Self.cell(costs, row: "total cost", column: "amount") == "0.03")
    }

    @Test func aMonthAskedAloneAgreesWithItsDays() throws {
        // 100.01/month × 0.5 = 50.005 a month: C(Mar 31) = 150.015 shows 150.02, C(Apr 30) = 200.02,
        // so April shows 50.00, asked alone and as the total of its days.
        let folder = try Self.workspace([#"{"id": "O1", "category": "O", "name": "c", "basis": "recurring", "amount": "100.01", "per": "month", "qty": "0.5"}"#])
        defer { try? FileManager.default.removeItem(at: folder) }
        let month = try Self.table("costs 2026-04", in: folder)
        #expect(Self.cell(month, row: "O", column: "amount") == "50.00")
        #expect(Self.cell(month, row: "total cost", column: "amount") == "50.00")
        let days = try Self.table("costs 2026-04 by=day", in: folder)
        #expect(Self.cell(days, row: "total 2026-04", column: "total cost") == "50.00")
        #expect(Self.cell(days, row: "total 2026-04", column: "O") == "50.00")
        let quarter = try Self.table("costs 2026-Q1", in: folder)
        #expect(Self.cell(quarter, row: "total cost", column: "amount") == "150.02")
    }

    @Test func entriesCategoriesAndPnlShowTheSameTotal() throws {
        // 1/year and 0.10/year: exact 0.275 in 2026-Q1 shows 0.28 everywhere; entries 0.25 and 0.03.
        let folder = try Self.workspace([
            #"{"id": "R1", "category": "R", "name": "a", "basis": "recurring", "amount": "1", "per": "year"}"#,
            #"{"id": "R2", "category": "R", "name": "b", "basis": "recurring", "amount": "0.1", "per": "year"}"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let entries = try Self.table("costs 2026-Q1 by=entry", in: folder)
        #expect(Self.cell(entries, row: "R1", column: "amount") == "0.25")
        #expect(Self.cell(entries, row: "R2", column: "amount") == "0.03")
        #expect(Self.cell(entries, row: "subtotal platform", column: "amount") == "0.28")
        #expect(Self.cell(entries, row: "total cost", column: "amount") == "0.28")
        let categories = try Self.table("costs 2026-Q1", in: folder)
        #expect(Self.cell(categories, row: "R", column: "amount") == "0.28")
        #expect(Self.cell(categories, row: "total cost", column: "amount") == "0.28")
        let pnl = try Self.table("pnl 2026-Q1", in: folder)
        #expect(Self.cell(pnl, row: "2026-Q1", column: "R") == "0.28")
        #expect(Self.cell(pnl, row: "2026-Q1", column: "total cost") == "0.28")
    }

    @Test func theTotalDoesNotDependOnHowCostsAreCategorised() throws {
        // R 100/month and O 100/month on 2026-03-01: 200/31 = 6.4516… shows 6.45; R 3.23, O 3.22
        // (the tie on the remainder goes to the earlier category).
        let folder = try Self.workspace([
            #"{"id": "R1", "category": "R", "name": "r", "basis": "recurring", "amount": "100", "per": "month"}"#,
            #"{"id": "O1", "category": "O", "name": "o", "basis": "recurring", "amount": "100", "per": "month"}"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let costs = try Self.table("costs 2026-03-01", in: folder)
        #expect(Self.cell(costs, row: "total cost", column: "amount") == "6.45")
        #expect(Self.cell(costs, row: "R", column: "amount") == "3.23")
        #expect(Self.cell(costs, row: "O", column: "amount") == "3.22")
        let entries = try Self.table("costs 2026-03-01 by=entry", in: folder)
        #expect(Self.cell(entries, row: "R1", column: "amount") == "3.23")
        #expect(Self.cell(entries, row: "O1", column: "amount") == "3.22")
        #expect(Self.cell(entries, row: "total cost", column: "amount") == "6.45")
    }
}
