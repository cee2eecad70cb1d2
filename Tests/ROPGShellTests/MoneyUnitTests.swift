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
            // By entry: each category's subtotal is pnl's figure for it, its entries add up to
            // it, and the total is pnl's total cost.
            let entries = try scaled("costs \(period) by=entry")
            var group = ExactDecimal.zero
            var subtotals = 0
            for (index, row) in entries.rows.enumerated() {
                let amount = try figure(entries, row, "amount")
                guard entries.subtotalRows.contains(index) else { group += amount; continue }
                let category = try #require(CostCategory(text: row[1].text))
                #expect(amount == (try figure(whole, wholeRow, category.rawValue)), "costs \(period) by=entry: subtotal \(category)")
                #expect(group == amount, "costs \(period) by=entry: the entries of \(category) add up to its subtotal")
                group = .zero
                subtotals += 1
            }
            #expect(subtotals == 4)
            #expect(try figure(entries, try #require(entries.footerRows.first), "amount") == figure(whole, wholeRow, "total_cost"), "costs \(period) by=entry: total")
            // By product: the rows add up to the total, which is pnl's total cost.
            let products = try scaled("costs \(period) by=product")
            let productTotal = try figure(products, try #require(products.footerRows.first), "amount")
            #expect(try products.rows.map { try figure(products, $0, "amount") }.reduce(.zero, +) == productTotal, "costs \(period) by=product: rows")
            #expect(try productTotal == figure(whole, wholeRow, "total_cost"), "costs \(period) by=product: total")
            crossChecked += 1
        }
        #expect(crossChecked == 4)
    }

    /// A what-if or scenario comparison in 万 compares the versions as they are shown: its plan
    /// column is the plan's report as shown, its what-if column the what-if's, and Δ their
    /// difference as shown, in the many-row layout and the one-row one.
    @Test(arguments: [MoneyUnit.wan, .yi])
    func aComparisonComparesTheFiguresAsShown(_ unit: MoneyUnit) throws {
        let workspace = try WorkspaceReader.load(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
        var changed = workspace
        let index = try #require(changed.productIndex(sku: "TS-001"))
        changed.products[index].price = ExactDecimal(89)
        func table(_ line: String, _ workspace: Workspace) throws -> Table {
            let session = Session(workspace: workspace, path: nil, console: Console(capturing: ()), interactive: false, today: Day(year: 2026, month: 3, day: 16)!)
            let parsed = try #require(try Tokenizer.commands(in: line).first)
            let command = try #require(CommandRegistry.command(named: parsed.words[0].text))
            let blocks = try command.run(Arguments(Array(parsed.words.dropFirst())), in: session)
            guard case .table(let table)? = blocks.first(where: { if case .table = $0 { true } else { false } }) else { throw ReportError("\(line): no table") }
            return table
        }
        func column(_ table: Table, _ key: String) throws -> Int { try #require(table.columns.firstIndex { $0.key == key }, "\(key)") }
        for line in ["pnl 2026 by=quarter", "pnl 2026 by=month", "pnl 2026-03 by=day"] {
            let plan = try table(line, workspace), whatIf = try table(line, changed)
            let compared = Comparison.compare(plan, whatIf).showingMoney(in: unit)
            let planShown = plan.showingMoney(in: unit), whatIfShown = whatIf.showingMoney(in: unit)
            for key in ["net_revenue", "profit"] {
                let shownColumn = try column(planShown, key)
                // Rows no version changes may be left out: matched by their period.
                let sources = Dictionary(zip(planShown.rows + planShown.footerRows, whatIfShown.rows + whatIfShown.footerRows).map { ($0.0[0].text, $0) }, uniquingKeysWith: { first, _ in first })
                // (In 亿 a day's profit shows no change, so every day is left out.)
                #expect(compared.rows.count > 3 || (unit == .yi && line.hasSuffix("by=day")), "\(line)")
                for (position, row) in (compared.rows + compared.footerRows).enumerated() {
                    let source = try #require(sources[row[0].text], "\(line): \(row[0].text)")
                    let before = try #require(Self.shown(row[try column(compared, key + "_plan")]))
                    let after = try #require(Self.shown(row[try column(compared, key + "_what_if")]))
                    #expect(before == Self.shown(source.0[shownColumn]), "\(line) row \(position): \(key) plan as the plan shows it")
                    #expect(after == Self.shown(source.1[shownColumn]), "\(line) row \(position): \(key) what-if as the what-if shows it")
                    #expect(Self.shown(row[try column(compared, key + "_change")]) == after - before, "\(line) row \(position): \(key) Δ")
                }
            }
        }
        // One row: a row a figure, each money figure scaled, Δ the difference as shown.
        let plan = try table("pnl 2026", workspace), whatIf = try table("pnl 2026", changed)
        let compared = Comparison.compare(plan, whatIf).showingMoney(in: unit)
        let planShown = plan.showingMoney(in: unit)
        var moneyRows = 0
        for (row, key) in zip(compared.rows, ["gmv", "refunds", "net_revenue", "r", "o", "p", "g", "total_cost", "profit"]) {
            guard let before = Self.shown(row[1]), let after = Self.shown(row[2]) else { continue }
            let planColumn = try #require(planShown.columns.firstIndex { $0.key.lowercased() == key })
            #expect(before == Self.shown(planShown.rows[0][planColumn]), "pnl 2026: \(key) plan as shown")
            #expect(Self.shown(row[3]) == after - before, "pnl 2026: \(key) Δ")
            moneyRows += 1
        }
        #expect(moneyRows == 9)
    }

    /// In 亿 a month's figures are a few hundredths: each of a row's parts shared out within a
    /// cent could leave the figures worked out from them several cents off, and a month's profit
    /// read −0.01 for +0.0071. Every figure shown is within a cent of its exact value, and rows and
    /// columns still add up.
    @Test(arguments: [MoneyUnit.wan, .yi])
    func everyFigureIsWithinACentOfItsExactValue(_ unit: MoneyUnit) throws {
        let workspace = try WorkspaceReader.load(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
        let session = Session(workspace: workspace, path: nil, console: Console(capturing: ()), interactive: false, today: Day(year: 2026, month: 3, day: 16)!)
        let cent = ExactDecimal(mantissa: 1, places: 2)
        var checked = 0
        for line in ["pnl 2026 by=month", "pnl 2026 by=quarter", "pnl 2026 by=week", "pnl 2026-Q4 by=month", "pnl 2026-03 by=day", "costs 2026 by=month", "pnl 2026-Q4 by=product"] {
            let parsed = try #require(try Tokenizer.commands(in: line).first)
            let command = try #require(CommandRegistry.command(named: parsed.words[0].text))
            let blocks = try command.run(Arguments(Array(parsed.words.dropFirst())), in: session)
            guard case .table(let exact)? = blocks.first(where: { if case .table = $0 { true } else { false } }) else { throw ReportError("\(line): no table") }
            let shown = exact.showingMoney(in: unit)
            for (exactRow, shownRow) in zip(exact.rows + exact.footerRows, shown.rows + shown.footerRows) {
                for (column, (before, after)) in zip(exact.normalized(exactRow), shown.normalized(shownRow)).enumerated() {
                    guard let value = Self.shown(before), let scaled = Self.shown(after) else { continue }
                    let exactScaled = try #require(value.divided(by: unit.size))
                    #expect((scaled - exactScaled).magnitude < cent, "\(line) \(exactRow[0].text) \(exact.columns[column].key): \(scaled) for \(exactScaled)")
                    checked += 1
                }
            }
            // The parts still add up, each row and each column.
            for row in shown.rows + shown.footerRows where line.hasPrefix("pnl") {
                func figure(_ key: String) throws -> ExactDecimal {
                    let column = try #require(shown.columns.firstIndex { $0.key == key })
                    return try #require(Self.shown(row[column]))
                }
                #expect(try CostCategory.allCases.map { try figure($0.rawValue) }.reduce(.zero, +) == figure("total_cost"), "\(line): total cost")
                #expect(try figure("gmv") - figure("refunds") == figure("net_revenue"), "\(line): net revenue")
                #expect(try figure("net_revenue") - figure("total_cost") == figure("profit"), "\(line): profit")
            }
            for column in shown.columns.indices where shown.rows.allSatisfy({ Self.shown($0[column]) != nil }) {
                #expect(shown.rows.compactMap { Self.shown($0[column]) }.reduce(.zero, +) == Self.shown(shown.footerRows[0][column]), "\(line): column \(shown.columns[column].key)")
            }
        }
        #expect(checked > 1_000)
    }
}
