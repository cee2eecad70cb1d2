import Foundation
import Testing
@testable import ROPGWorkbook
import ROPGTables
import ROPGDomain

/// Workbooks read back with Python's openpyxl (Tests/reference/workbook_check.py): a per-command
/// workbook (`pnl 2026 by=month > pnl.xlsx`) and the plan workbook (`export`), each figure against
/// ropg's JSON document of the same report to the cent, with number formats, the frozen bold
/// header, bold totals, notes, sheet names and charts; then LibreOffice opens the plan workbook
/// and converts it to PDF, as a check that it opens without repair. scripts/setup --test installs
/// python3-openpyxl and libreoffice-calc-nogui.
@Suite(.serialized) struct WorkbookTests {
    static let script = """
        hit plan TS-001 start=2026-10-01 peak-units=500/day cpc=0.9 by=week
        hit save 双11
        # the demo's two scenarios, 保守 and 激进, go into the workbook's scenarios sheet
        export plan.xlsx 2026
        pnl 2026 by=month > pnl.xlsx
        pnl 2026 by=month > pnl.json
        pnl 2026 > summary.json
        costs 2026 > costs.json
        goal show 2026 by=month > goals.json
        margin > products.json
        hit show 双11 by=day > hit.json
        scenario compare pnl 2026 > scenarios.json
        """

    /// A python3 that has openpyxl: the PATH's, else Debian's own.
    static func python() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if (try? TestSupport.spawn([candidate, "-c", "import openpyxl"]))?.isEmpty == true { return candidate }
        }
        return nil
    }

    static func workbooks() throws -> URL {
        let folder = try TestSupport.scratchCopy()
        let script = folder.appendingPathComponent("book.ropg")
        try (Self.script + "\n").write(to: script, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(["workspaces/demo.json", "--bail", "-f", script.path], in: folder)
        #expect(result.status == 0, "\(result.output)")
        return folder
    }

    @Test func workbooksReadBackEqualTheReports() throws {
        guard let python = Self.python() else {
            Issue.record("no python3 with openpyxl: scripts/setup --test installs python3-openpyxl")
            return
        }
        let folder = try Self.workbooks()
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = TestSupport.repositoryRoot.appendingPathComponent("Tests/reference/workbook_check.py").path
        func run(_ arguments: [String]) throws -> String {
            try TestSupport.spawn([python, check] + arguments.map { $0.hasPrefix("--") || !$0.contains("=") ? $0 : $0.replacingOccurrences(of: "=", with: "=\(folder.path)/", options: [], range: $0.range(of: "=")) })
        }
        let plan = try run([folder.appendingPathComponent("plan.xlsx").path,
                            "pnl=pnl.json", "costs=costs.json", "goals=goals.json", "products=products.json",
                            "hit 双11=hit.json", "scenarios=scenarios.json",
                            "--sheets", "summary,goals,pnl,costs,products,hit 双11,scenarios",
                            "--charts", "goals=1", "--charts", "pnl=1", "--charts", "costs=1", "--charts", "hit 双11=1", "--charts", "products=0"])
        #expect(!plan.contains("FAIL") && plan.contains("hit 双11: 82 rows"), "\(plan)")
        let single = try run([folder.appendingPathComponent("pnl.xlsx").path, "pnl=pnl.json", "--sheets", "pnl", "--charts", "pnl=0"])
        #expect(!single.contains("FAIL") && single.contains("pnl: 13 rows × 11 columns checked"), "\(single)")
        // The summary holds the year's P&L figures as pnl 2026 shows them.
        let summary = try TestSupport.spawn([python, "-c", """
            import json, openpyxl, sys
            sheet = openpyxl.load_workbook(sys.argv[1])["summary"]
            got = {r[0].value: r[1].value for r in sheet.iter_rows() if r[0].value}
            doc = json.load(open(sys.argv[2]))["tables"]["pnl"]
            for c in doc["columns"][1:]:
                value = doc["rows"][0][c["key"]]
                if value is not None and abs(got[c["label"]] - float(value)) > 1e-9: print("FAIL", c["label"], got[c["label"]], value)
            print("summary", got["profit"], got["saved hit plans"], got["scenarios"])
            """, folder.appendingPathComponent("plan.xlsx").path, folder.appendingPathComponent("summary.json").path])
        #expect(!summary.contains("FAIL") && summary.contains(" 1 2"), "\(summary)")
    }

    /// In Chinese the workbook's own words are Chinese: the sheet names and the summary's labels.
    @Test func aChineseWorkbookHasChineseSheetNames() throws {
        guard let python = Self.python() else {
            Issue.record("no python3 with openpyxl: scripts/setup --test installs python3-openpyxl")
            return
        }
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("book.ropg")
        try "hit plan TS-001 start=2026-10-01 peak-units=500/day cpc=0.9 by=week\nhit save 双11\nexport 计划.xlsx 2026\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(["workspaces/demo.json", "--lang", "zh", "--bail", "-f", script.path], in: folder)
        #expect(result.status == 0 && result.output.contains("已写出 7 个工作表（汇总、目标、损益、成本、商品、爆款 双11、情景）到 计划.xlsx"), "\(result.output)")
        let read = try TestSupport.spawn([python, "-c", """
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            print("|".join(book.sheetnames))
            print("|".join(str(r[0].value) for r in book["汇总"].iter_rows() if r[0].value))
            """, folder.appendingPathComponent("计划.xlsx").path])
        #expect(read.contains("汇总|目标|损益|成本|商品|爆款 双11|情景"), "\(read)")
        #expect(read.contains("工作区") && read.contains("已保存的爆款计划") && read.contains("情景数"), "\(read)")
    }

    @Test func libreOfficeOpensThePlanWorkbook() throws {
        let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let soffice else {
            Issue.record("LibreOffice is not installed: scripts/setup --test installs libreoffice-calc-nogui")
            return
        }
        let folder = try Self.workbooks()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try TestSupport.spawn(["/usr/bin/env", "HOME=\(folder.path)", soffice, "--headless", "--norestore", "--convert-to", "pdf",
                                            "--outdir", folder.path, folder.appendingPathComponent("plan.xlsx").path])
        let pdf = folder.appendingPathComponent("plan.pdf")
        let bytes = (try? Data(contentsOf: pdf)) ?? Data()
        #expect(bytes.count > 1000 && bytes.starts(with: Data("%PDF".utf8)), "LibreOffice did not convert plan.xlsx:\n\(output)")
        #expect(!output.lowercased().contains("error"), "\(output)")
    }

    @Test func sheetNamesFollowExcelsRules() {
        let names = Workbook.sheetNames(["pnl", "PNL", "a/b:c*d?[e]\\f", String(repeating: "长", count: 40), "", "'quoted'", "History"])
        #expect(names[0] == "pnl")
        #expect(names[1] == "PNL 2")
        #expect(names[2] == "a_b_c_d__e__f")
        #expect(names[3].count == 31)
        #expect(names[4] == "Sheet")
        #expect(names[5] == "quoted")
        #expect(names[6] == "History_")
    }

    /// Excel counts a sheet name's 31 in UTF-16 units and libxlsxwriter in code points: a name of
    /// emoji or flags is cut between characters to 31 units, and the workbook is written.
    @Test func aSheetNameOfEmojiFitsBothCounts() throws {
        let wanted = ["hit " + String(repeating: "🇨🇳", count: 20), "hit " + String(repeating: "🔥", count: 20), "hit " + String(repeating: "🔥", count: 20)]
        let names = Workbook.sheetNames(wanted)
        for name in names {
            #expect(name.utf16.count <= 31 && name.unicodeScalars.count <= 31, "\(name)")
            #expect(name.unicodeScalars.allSatisfy { $0.properties.isEmoji || $0 == " " || $0.isASCII }, "a character was cut: \(name)")
        }
        #expect(names[0] == "hit " + String(repeating: "🇨🇳", count: 6))
        #expect(names[1] == "hit " + String(repeating: "🔥", count: 13))
        #expect(names[2] == "hit " + String(repeating: "🔥", count: 12) + " 2")
        let table = Table(columns: [Column(title: "a", key: "a")], rows: [[.text("x")]])
        #expect(try Workbook.bytes(wanted.map { WorkbookSheet(name: $0, tables: [table]) }).count > 0)
    }

    @Test func aWorkbookInAMissingFolderIsAClearErrorAndLeavesNothing() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestSupport.run(["workspaces/demo.json", "-c", "export missing/plan.xlsx; pnl 2026 > missing/pnl.xlsx; export plan.txt"], in: folder)
        #expect(result.output.contains("error: cannot write missing/plan.xlsx: No such file or directory (there is no folder missing)"), "\(result.output)")
        #expect(result.output.contains("error: cannot write missing/pnl.xlsx"), "\(result.output)")
        #expect(result.output.contains("end the name in .xlsx"), "\(result.output)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("xlsx") }
        #expect(left.isEmpty, "\(left)")
    }

    /// A sheet holds 16,384 columns: a wider table is refused with what would fit, not cut (its
    /// totals were the columns lost), and no file is made.
    @Test func aTableWiderThanASheetIsRefused() throws {
        let columns = (0...Workbook.maximumColumns).map { Column(title: "c\($0)", key: "c\($0)", alignment: .right) }
        let wide = Table(name: "pnl_grid", title: "wide", columns: columns, rows: [columns.map { _ in Cell.money(ExactDecimal(1)) }])
        #expect(throws: WorkbookError.self) { _ = try Workbook.bytes([WorkbookSheet(name: "pnl_grid", tables: [wide])]) }
        do {
            _ = try Workbook.bytes([WorkbookSheet(name: "pnl_grid", tables: [wide])])
        } catch {
            #expect(error.message.contains("16,385 columns, more than the 16,384 a sheet can hold"), "\(error.message)")
        }
        var fits = wide
        fits.columns.removeLast()
        fits.rows = [Array(fits.rows[0].dropLast())]
        #expect(try Workbook.bytes([WorkbookSheet(name: "pnl_grid", tables: [fits])]).count > 0)
    }

    /// A chart takes at most 32,000 points (libxlsxwriter counts them in 16 bits): a table with
    /// more rows is written whole, with a note instead of a chart; one at the limit has its chart.
    @Test func aChartOfTooManyRowsIsLeftOutWithANote() throws {
        func workbook(rows count: Int) throws -> [UInt8] {
            var table = Table(name: "pnl", title: "by product", columns: [.text("product", key: "product"), .number("profit", key: "profit")],
                              rows: (0..<count).map { [Cell.text("P\($0)"), Cell.money(ExactDecimal($0))] })
            table.chart = Chart(of: table, keys: ["profit"])
            return try Workbook.bytes([WorkbookSheet(name: "pnl", tables: [table])])
        }
        // The zip's file names are stored as they are.
        func hasChart(_ bytes: [UInt8]) -> Bool { String(decoding: bytes, as: UTF8.self).contains("xl/charts/chart1.xml") }
        #expect(hasChart(try workbook(rows: Workbook.maximumChartPoints)))
        let over = try workbook(rows: Workbook.maximumChartPoints + 1)
        #expect(!hasChart(over))
        guard let python = Self.python() else {
            Issue.record("no python3 with openpyxl: scripts/setup --test installs python3-openpyxl")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ropg-chart-points-\(getpid()).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(over).write(to: file)
        let last = try TestSupport.spawn([python, "-c", "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).active; print(ws.cell(ws.max_row, 1).value, ws.cell(3 + 32000, 2).value)", file.path])
        #expect(last.trimmingCharacters(in: .whitespacesAndNewlines) == "no chart: 32,001 rows are more than the 32,000 points a chart takes 32000", "\(last)")
    }
}
