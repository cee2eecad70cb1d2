import Testing
@testable import ROPGShell
@testable import ROPGTables
import ROPGText
import ROPGDomain
import ROPGReports
import ROPGStorage

/// `format money=万|亿`: money columns scaled with the unit in the header, the rows apportioned so
/// that they add up to the total as shown (DOMAIN §1: parts shown together add up to their total).
@Suite struct MoneyUnitTests {
    static func money(_ text: String) -> ExactDecimal { ExactDecimal(plainText: text) ?? .zero }

    static func shown(_ cell: Cell) -> ExactDecimal? {
        if case .money(let value)? = cell.figure { return value }
        return nil
    }

    @Test func scaledRowsAddUpToTheScaledTotal() {
        // Three thirds of 10,000.00 at 0.01万: each is 0.3333…万; shown rounded they would be
        // 0.33 three times = 0.99, not the 1.00 total.
        let parts = ["3333.33", "3333.33", "3333.34"].map(Self.money)
        let table = Table(columns: [.text("period", key: "period"), .number("GMV", key: "gmv"), .number("margin", key: "margin")],
                          rows: parts.map { [.text("x"), .money($0), .rate(.one)] },
                          footerRows: [[.text("total"), .money(parts.reduce(.zero, +)), .rate(.one)]])
        let scaled = table.showingMoney(in: .wan)
        let rows = scaled.rows.compactMap { Self.shown($0[1]) }
        #expect(rows.reduce(.zero, +) == Self.money("1.00"))
        #expect(Self.shown(scaled.footerRows[0][1]) == Self.money("1.00"))
        #expect(rows == [Self.money("0.33"), Self.money("0.33"), Self.money("0.34")], "the cent goes to the largest remainder")
        #expect(scaled.columns[1].title == "GMV (万 yuan)")
        #expect(scaled.columns[2].title == "margin", "a rate column is not money")
        #expect(scaled.rows[0][2] == table.rows[0][2])
        let chinese = Interface.$language.withValue(.zh) {
            Table(columns: [.number("GMV", key: "gmv")], rows: [[.money(.one)]]).showingMoney(in: .yi).columns[0].title
        }
        #expect(chinese == "销售额（亿元）")
    }

    @Test func theIssuesExampleReadsAs188Point43Wan() {
        let table = Table(columns: [.number("GMV", key: "gmv")], rows: [[.money(Self.money("1884297.52"))]])
        #expect(table.showingMoney(in: .wan).rows[0][0].text == "188.43")
        #expect(table.showingMoney(in: .yi).rows[0][0].text == "0.02")
        #expect(table.showingMoney(in: .plain) == table)
    }

    @Test func aTotalThatIsNotTheSumIsScaledOnItsOwn() {
        let table = Table(columns: [.number("amount", key: "amount")],
                          rows: [[.money(Self.money("15000"))], [.money(Self.money("15000"))]],
                          footerRows: [[.money(Self.money("40000"))]])
        let scaled = table.showingMoney(in: .wan)
        #expect(scaled.rows.map { $0[0].text } == ["1.50", "1.50"])
        #expect(scaled.footerRows[0][0].text == "4.00")
    }

    /// Every pnl and costs table of the demo year, in 万 and 亿: each money column's rows add up
    /// to its total row exactly as shown.
    @Test(arguments: [MoneyUnit.wan, .yi])
    func demoReportsAddUpInEveryUnit(_ unit: MoneyUnit) throws {
        let workspace = try WorkspaceReader.load(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
        let session = Session(workspace: workspace, path: nil, console: Console(capturing: ()), interactive: false, today: Day(year: 2026, month: 3, day: 16)!)
        for line in ["pnl 2026 by=month", "pnl 2026 by=quarter", "costs 2026 by=month", "pnl 2026-03 by=day", "pnl 2026-Q4 by=product"] {
            let parsed = try #require(try Tokenizer.commands(in: line).first)
            let command = try #require(CommandRegistry.command(named: parsed.words[0].text))
            let blocks = try command.run(Arguments(Array(parsed.words.dropFirst())), in: session)
            var checked = 0
            for case .table(let table) in blocks {
                let scaled = table.showingMoney(in: unit)
                guard scaled.footerRows.count == 1 else { continue }
                for column in scaled.columns.indices where scaled.columns[column].title.contains(unit.rawValue) {
                    let parts = scaled.rows.compactMap { Self.shown($0[column]) }
                    guard parts.count == scaled.rows.count, let total = Self.shown(scaled.footerRows[0][column]) else { continue }
                    #expect(parts.reduce(.zero, +) == total, "\(line): \(scaled.columns[column].title) adds up to \(parts.reduce(.zero, +)), shown total \(total)")
                    checked += 1
                }
            }
            #expect(checked > 0 || line.contains("by=product"), "\(line): no money column was checked")
        }
    }

    /// Across a row too (DOMAIN §1): in 万 and 亿 every pnl row's total cost is its four
    /// categories as shown and its profit its net revenue less its total cost as shown, and
    /// `costs PERIOD` shows each category and the total cost as `pnl PERIOD` does.
    @Test(arguments: [MoneyUnit.wan, .yi])
    func aRowsPartsAddUpAndCostsShowsWhatPnlShows(_ unit: MoneyUnit) throws {
        let workspace = try WorkspaceReader.load(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
        let session = Session(workspace: workspace, path: nil, console: Console(capturing: ()), interactive: false, today: Day(year: 2026, month: 3, day: 16)!)
        func scaled(_ line: String) throws -> Table {
            let parsed = try #require(try Tokenizer.commands(in: line).first)
            let command = try #require(CommandRegistry.command(named: parsed.words[0].text))
            let blocks = try command.run(Arguments(Array(parsed.words.dropFirst())), in: session)
            guard case .table(let table)? = blocks.first(where: { if case .table = $0 { true } else { false } }) else { throw ReportError("\(line): no table") }
            return table.showingMoney(in: unit)
        }
        func figure(_ table: Table, _ row: [Cell], _ key: String) throws -> ExactDecimal {
            let column = try #require(table.columns.firstIndex { $0.key == key })
            return try #require(Self.shown(row[column]), "\(key)")
        }
        var crossChecked = 0
        for period in ["2026", "2026-03", "2026-Q4", "2026-W11"] {
            for line in ["pnl \(period) by=month", "pnl \(period) by=day", "pnl \(period)"] {
                guard let pnl = try? scaled(line) else { continue }
                for row in pnl.rows + pnl.footerRows {
                    let categories = try CostCategory.allCases.map { try figure(pnl, row, $0.rawValue) }
                    #expect(categories.reduce(.zero, +) == (try figure(pnl, row, "total_cost")), "\(line): total cost")
                    #expect(try figure(pnl, row, "gmv") - figure(pnl, row, "refunds") == figure(pnl, row, "net_revenue"), "\(line): net revenue")
                    #expect(try figure(pnl, row, "net_revenue") - figure(pnl, row, "total_cost") == figure(pnl, row, "profit"), "\(line): profit")
                }
            }
            let whole = try scaled("pnl \(period)"), costs = try scaled("costs \(period)")
            let wholeRow = try #require(whole.rows.first)
            for (row, category) in zip(costs.rows, CostCategory.allCases) {
                #expect(try figure(costs, row, "amount") == figure(whole, wholeRow, category.rawValue), "costs \(period): \(category)")
            }
            #expect(try figure(costs, try #require(costs.footerRows.first), "amount") == figure(whole, wholeRow, "total_cost"), "costs \(period): total")
            crossChecked += 1
        }
        #expect(crossChecked == 4)
    }
}
