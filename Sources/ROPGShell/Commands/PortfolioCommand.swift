import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `portfolio [PERIOD]`: the product line as a whole (货品结构, DOMAIN §5) — which products carry the
/// contribution, which bring traffic and which bring profit, and whether the roles match.
public enum PortfolioCommand: Command {
    public static let name = "portfolio"
    public static let topic = HelpTopic.hits
    public static let summary = "the product line: ABC by contribution, traffic × margin matrix, roles against numbers"
    public static let usage = ["portfolio [PERIOD] [top=N|all]"]
    public static let examples = ["portfolio", "portfolio 2026-Q4", "portfolio 2026 all"]
    public static let details = """
        Per product over the period's planned sales (default: this year): role, planned share of GMV, share of visitors
        (units ÷ units per order ÷ CVR, the product's own CVR where measured), contribution (units × unit contribution),
        its share, and the contribution margin. ABC: A is the smallest set of products making 80% of the contribution, B the
        next up to 95%, C the rest. The matrix splits visitors share and margin at their medians: traffic (high traffic, low
        margin), star (high, high), profit (low traffic, high margin), question (low, low). A declared role the numbers
        contradict is flagged: a traffic product with a top-half margin, a profit product that loses money or brings
        traffic at a low margin, a hit that brings little traffic. Products are listed best contribution first, the first
        50 unless top=N or all is given.
        """
    public static let syntax = Syntax(words: [.period], keys: [Key("top", .count)])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        let words = arguments.positionals.map(\.text)
        let showAll = words.contains("all")
        let periodWords = words.filter { $0 != "all" }
        guard periodWords.count <= 1 else { throw CommandError(phrase("usage: {value}", ["value": "\(usage[0])"])) }
        let limit = showAll ? Int.max : (try arguments.wholeCount("top") ?? 50)
        guard !session.workspace.products.isEmpty else { throw CommandError(phrase("no products yet: add one with product add SKU price=… cost=…")) }
        var period: Period?
        if let text = periodWords.first {
            do { period = try Period.parse(text) } catch { throw CommandError(error.message) }
        }
        let report: PortfolioReport
        do { report = try PortfolioReport.of(period, in: session.context) } catch { throw CommandError(error.message) }
        return [.table(products(report, limit: limit)), .table(abc(report)), .table(matrix(report))]
    }

    /// The products, best contribution first, the first `limit` of them.
    static func products(_ report: PortfolioReport, limit: Int) -> Table {
        let rows: [[Cell]] = report.rows.prefix(limit).map { row in
            [.text(row.sku), .text(row.name), ProductCommand.roleCell(row.role), .rate(row.gmvShare), .rate(row.visitorsShare),
             .money(row.contribution), .optional(row.contributionShare) { .rate($0) }, .optional(row.margin) { .rate($0) },
             .text(row.abc.rawValue), .word(row.quadrant?.rawValue ?? "", context: "quadrant"),
             row.flag.map { Cell.text("⚠ " + flagNote($0)).emphasized(.warning) } ?? .empty]
        }
        let columns: [Column] = [.text("SKU", key: "sku"), .text("name", key: "name"), .text("role", key: "role"),
                                 .number("GMV share", key: "gmv_share"), .number("visitors", key: "visitors_share"),
                                 .number("contribution", key: "contribution"), .number("share", key: "contribution_share"),
                                 .number("margin", key: "margin"), .text("ABC", key: "abc"), .text("matrix", key: "quadrant"),
                                 .text("flag", key: "flag")]
        let period = report.period
        var notes = [phrase("contribution = planned units in {period} × unit contribution on {day}; visitors = units ÷ units per order ÷ CVR", ["period": period.text, "day": report.day.isoText])]
        if rows.count < report.rows.count { notes.append(phrase("showing the {shown} best of {count} products: top=N or all for more", ["shown": String(rows.count), "count": String(report.rows.count)])) }
        for note in report.notes {
            switch note {
            case .noPlannedSales: notes.append(phrase("no planned sales in {period}: set a GMV goal (goal set {period} gmv=…) to weigh the products", ["period": period.text]))
            case .shopCVRNotSet: notes.append(phrase("the shop's cvr is not set: products without their own CVR count no visitors"))
            case .rolesContradicted(let count): notes.append(phrase(count == 1 ? "{count} product whose role the numbers contradict" : "{count} products whose role the numbers contradict", ["count": String(count)]))
            }
        }
        return Table(name: "portfolio", title: phrase("portfolio {period}", ["period": period.text]), columns: columns, rows: rows, notes: notes)
    }

    /// The ABC classes added up.
    static func abc(_ report: PortfolioReport) -> Table {
        let rows: [[Cell]] = report.classes.map { total in
            [.text(total.abc.rawValue), .count(total.products), .money(total.contribution), .optional(total.share) { .rate($0) }]
        }
        let aCount = report.classes.first { $0.abc == .A }?.products ?? 0
        return Table(name: "portfolio_abc", title: phrase("ABC by contribution"),
                     columns: [.text("class", key: "class"), .number("products", key: "products"), .number("contribution", key: "contribution"),
                               .number("share", key: "share")],
                     rows: rows,
                     notes: [phrase(aCount == 1 ? "A: the {count} product making 80% of the contribution ({share} of the range)" : "A: the {count} products making 80% of the contribution ({share} of the range)",
                                    ["count": String(aCount), "share": report.classAShareOfProducts?.percentText(places: 0) ?? "0"])])
    }

    /// The traffic × margin matrix added up by quadrant.
    static func matrix(_ report: PortfolioReport) -> Table {
        let rows: [[Cell]] = report.matrix.map { total in
            let meaning = switch total.quadrant {
            case .traffic: phrase("high traffic, low margin (引流)")
            case .star: phrase("high traffic, high margin")
            case .profit: phrase("low traffic, high margin (利润)")
            case .question: phrase("low traffic, low margin")
            }
            return [.word(total.quadrant.rawValue, context: "quadrant"), .text(meaning), .count(total.products), .rate(total.gmvShare), .money(total.contribution)]
        }
        return Table(name: "portfolio_matrix", title: phrase("traffic × margin"),
                     columns: [.text("quadrant", key: "quadrant"), .text("meaning", key: "meaning"), .number("products", key: "products"),
                               .number("GMV share", key: "gmv_share"), .number("contribution", key: "contribution")],
                     rows: rows,
                     notes: [phrase("split at the medians: visitors share {visitors}, margin {margin}", ["visitors": report.visitorsShareMedian?.percentText() ?? "—", "margin": report.marginMedian?.percentText() ?? "—"])])
    }

    /// A role flag in words.
    static func flagNote(_ flag: PortfolioReport.RoleFlag) -> String {
        switch flag {
        case .trafficWithTopHalfMargin: phrase("traffic product with a top-half margin")
        case .profitLosesMoney: phrase("profit product loses money")
        case .profitBringsTrafficAtLowMargin: phrase("profit product brings traffic at a low margin")
        case .hitBringsLittleTraffic: phrase("hit brings little traffic")
        }
    }
}
