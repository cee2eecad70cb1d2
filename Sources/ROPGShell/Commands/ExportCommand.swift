import Foundation
import ROPGDomain
import ROPGText
import ROPGTables
import ROPGWorkbook

/// `export FILE.xlsx [PERIOD]`: the plan workbook a team works from. Every sheet is a report the
/// shell shows (run here as the command would be typed), so its figures are the text report's to
/// the cent; the workbook only adds number formats and native charts.
public enum ExportCommand: Command {
    public static let name = "export"
    public static let topic = HelpTopic.session
    public static let summary = "write the plan workbook (.xlsx): summary, goals, P&L, costs, products, hit plans, scenarios, with charts"
    public static let usage = ["export FILE.xlsx [PERIOD]"]
    public static let examples = ["export plan.xlsx", "export plan-2026.xlsx 2026", "export q4.xlsx 2026-Q4"]
    public static let syntax = Syntax(words: [.file, .period], required: 1)
    public static let details = """
        PERIOD defaults to this year; any period works, shown by month (a week by day, a day as its one row).
        The sheets, each the report of the same name in the shell:
          summary     the period's P&L in one column (pnl PERIOD), with the counts of products, hit plans and scenarios
          goals       goal show PERIOD by=month, with a column chart of the GMV goal (left out when no goal is set)
          pnl         pnl PERIOD by=month, with a column chart of profit
          costs       costs PERIOD by category, with a column chart
          products    margin: each product's unit economics
          hit NAME    each saved hit plan by day (hit show NAME by=day), with a line chart of units, ad spend and
                      cumulative contribution
          scenarios   scenario compare pnl PERIOD, when the workspace has scenarios
        Figures are real numbers with formats (money #,##0.00, rates 0.00%, counts #,##0); headers are frozen and
        bold, totals bold, notes under each table. The file is written whole and then put in place, so a failed
        export leaves no half-written workbook; a folder that does not exist is an error. Any single report can
        also be written as a workbook: pnl 2026 by=month > pnl.xlsx.
        """

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 2, usage: usage[0])
        guard let target = arguments.positional(0) else { throw CommandError(phrase("export needs a file name, e.g. export plan.xlsx; usage: {value}", ["value": "\(usage[0])"])) }
        guard (target as NSString).pathExtension.lowercased() == "xlsx" else {
            throw CommandError(phrase("export writes an Excel workbook: end the name in .xlsx, e.g. export plan.xlsx (other reports: COMMAND > FILE.csv)"))
        }
        if let path = session.path, Session.samePath(path, target) {
            throw CommandError(phrase("{target} is the open workspace file; write the workbook somewhere else", ["target": "\(target)"]))
        }
        let periodText = arguments.positional(1) ?? String(session.context.today.year)
        do { _ = try Period.parse(periodText) } catch { throw CommandError(error.message) }
        let sheets = try workbookSheets(periodText, session)
        let leftOut = try session.writeWorkbook(sheets, to: target)
        return [.message(phrase("wrote {value} ({value2}) to {target}", ["value": phrase(count: sheets.count, "{count} sheet", "{count} sheets"), "value2": commaList(sheets.map(\.name)), "target": "\(target)"]))]
            + leftOut.map { .message($0) }
    }

    /// The workbook's sheets for `period`, in order.
    static func workbookSheets(_ period: String, _ session: Session) throws(CommandError) -> [WorkbookSheet] {
        var sheets: [WorkbookSheet] = []
        // By month, as a plan is read; a week by day; a day is its one row.
        let grain = try? Period.parse(period).grain
        let by: [String] = grain == .day ? [] : grain == .week ? ["by=day"] : ["by=month"]
        let byDay = grain == .week
        let pnlTotal = try firstTable(of: "pnl", [period], session)
        sheets.append(WorkbookSheet(name: phrase(in: "sheet", "summary"), tables: [summary(pnlTotal, period: period, session)]))
        let workspace = session.workspace
        if !workspace.goals.isEmpty, var goals = try? firstTable(of: "goal", ["show", period] + by, session) {
            // goal show's table goes untitled in the shell (its command says what it is); a sheet names it, as the others do.
            if goals.title == nil { goals.title = phrase(grain == .day ? "goals, {period}" : byDay ? "goals by day, {period}" : "goals by month, {period}", ["period": period]) }
            sheets.append(WorkbookSheet(name: phrase(in: "sheet", "goals"), tables: [charted(goals, ["gmv"], title: phrase("goals {period}: GMV 销售额", ["period": period]))]))
        }
        let pnl = try firstTable(of: "pnl", [period] + by, session)
        sheets.append(WorkbookSheet(name: phrase(in: "sheet", "pnl"), tables: [charted(pnl, ["profit"], title: phrase(grain == .day ? "profit, {period}" : byDay ? "profit by day, {period}" : "profit by month, {period}", ["period": period]))]))
        let costs = try firstTable(of: "costs", [period], session)
        sheets.append(WorkbookSheet(name: phrase(in: "sheet", "costs"), tables: [charted(costs, ["amount"], title: phrase("costs by category, {period}", ["period": period]))]))
        let products = try firstTable(of: "margin", [], session)
        sheets.append(WorkbookSheet(name: phrase(in: "sheet", "products"), tables: [products]))
        for plan in session.plan.hitPlans {
            let days = try firstTable(of: "hit", ["show", plan.name, "by=day"], session)
            sheets.append(WorkbookSheet(name: phrase("hit {name}", ["name": plan.name]), tables: [charted(days, ["units", "ad_spend", "cumulative"],
                                                                                    title: phrase("hit plan {name}: units, ad spend, cumulative contribution", ["name": plan.name]),
                                                                                    style: .lines)]))
        }
        if !session.plan.scenarios.isEmpty {
            let compared = try tables(of: "scenario", ["compare", "pnl", period], session)
            sheets.append(WorkbookSheet(name: phrase(in: "sheet", "scenarios"), tables: compared))
        }
        return sheets
    }

    /// The summary: the period's P&L row as one column of figures, then the plan's counts.
    static func summary(_ pnl: Table, period: String, _ session: Session) -> Table {
        let row = pnl.rows.first.map(pnl.normalized) ?? []
        var rows: [(String, Cell)] = [(phrase(in: "summary", "workspace"), .text(session.workspace.name)), (phrase(in: "summary", "period"), .text(period))]
        for (column, cell) in zip(pnl.columns, row).dropFirst() { rows.append((column.title, cell)) }
        rows.append((phrase(in: "summary", "products"), .count(session.workspace.products.count)))
        rows.append((phrase("saved hit plans"), .count(session.plan.hitPlans.count)))
        rows.append((phrase(in: "summary", "scenarios"), .count(session.plan.scenarios.count)))
        return propertyTable(name: "summary", title: phrase("plan {period}", ["period": period]), rows, notes: pnl.notes)
    }

    /// `table` with a chart of `keys` (left as it is when a key is missing: nothing to draw).
    static func charted(_ table: Table, _ keys: [String], title: String, style: Chart.Style = .bars) -> Table {
        var table = table
        table.chart = Chart(of: table, keys: keys, title: title, style: style)
        return table
    }

    /// The tables `command words…` shows, named as the shell names them.
    static func tables(of commandName: String, _ words: [String], _ session: Session) throws(CommandError) -> [Table] {
        guard let command = CommandRegistry.command(named: commandName) else { throw CommandError(phrase("export: no command {commandName}", ["commandName": "\(commandName)"])) }
        let typed = words.map { text -> Word in
            if let equals = text.firstIndex(of: "="), !text.hasPrefix("=") {
                return Word(text: text, key: String(text[..<equals]), value: String(text[text.index(after: equals)...]), wasQuoted: false, column: 0)
            }
            return Word(text: text, key: nil, value: nil, wasQuoted: commandName == "hit" && text != "show", column: 0)
        }
        let arguments = Arguments(typed)
        let blocks: [Block]
        do throws(CommandError) { blocks = try command.run(arguments, in: session) } catch {
            throw CommandError(phrase("export: {value}: {error}", ["value": "\(([commandName] + words).joined(separator: " "))", "error": "\(error.message)"]))
        }
        return Session.named(blocks, defaultName: Session.defaultTableName(command, arguments)).compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    static func firstTable(of commandName: String, _ words: [String], _ session: Session) throws(CommandError) -> Table {
        guard let table = try tables(of: commandName, words, session).first else {
            throw CommandError(phrase("export: {value} shows no table", ["value": "\(([commandName] + words).joined(separator: " "))"]))
        }
        return table
    }
}
