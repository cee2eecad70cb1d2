import ROPGDomain
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
    public static let keys = ["top="]

    enum Quadrant: String { case traffic, star, profit, question }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["top"], command: name)
        let words = arguments.positionals.map(\.text)
        let showAll = words.contains("all")
        let periodWords = words.filter { $0 != "all" }
        guard periodWords.count <= 1 else { throw CommandError("usage: \(usage[0])") }
        let limit = showAll ? Int.max : (try arguments.wholeCount("top") ?? 50)
        let workspace = session.workspace
        guard !workspace.products.isEmpty else { throw CommandError("no products yet: add one with product add SKU price=… cost=…") }
        let period: Period
        if let text = periodWords.first {
            do { period = try Period.parse(text) } catch { throw CommandError(error.message) }
        } else {
            period = .year(session.today.year)
        }
        let model: SalesModel
        do { model = try session.context.salesModel(.plan) } catch { throw CommandError(error.message) }
        let sales = model.sales(in: period.firstDay...period.lastDay, perProduct: true)
        let rates = UnitCostRates(workspace, index: session.context.costIndex(), on: period.firstDay)
        let shopCVR = workspace.settings.value(.cvr, on: period.firstDay)
        let products = workspace.products, shares = model.shares
        let count = products.count

        // Per product: units, visitors, contribution and margin.
        var units = [ExactDecimal](repeating: .zero, count: count)
        for part in sales.products { units[part.index] = part.units }
        let frozenUnits = units
        let figures = mapInPieces(count) { index -> (visitors: ExactDecimal?, contribution: ExactDecimal, margin: ExactDecimal?) in
            let unit = rates.economics(of: products[index], at: index)
            let cvr = products[index].cvr ?? shopCVR
            let visitors = cvr.flatMap { frozenUnits[index].divided(by: rates.unitsPerOrder)?.divided(by: $0) }
            return (visitors, frozenUnits[index] * unit.contribution, unit.contributionMargin)
        }
        let totalVisitors = figures.reduce(ExactDecimal.zero) { $0 + ($1.visitors ?? .zero) }
        let totalContribution = figures.reduce(ExactDecimal.zero) { $0 + $1.contribution }
        let positive = figures.reduce(ExactDecimal.zero) { $0 + max(.zero, $1.contribution) }
        let visitorShares = figures.map { $0.visitors.flatMap { $0.divided(by: totalVisitors) } ?? .zero }

        // ABC: best contribution first; A until 80% of the positive contribution, B until 95%.
        let order = (0..<count).sorted { a, b in
            figures[a].contribution != figures[b].contribution ? figures[a].contribution > figures[b].contribution : a < b
        }
        var classes = [Character](repeating: "C", count: count)
        var running = ExactDecimal.zero
        let aLine = positive * ExactDecimal(mantissa: 8, places: 1), bLine = positive * ExactDecimal(mantissa: 95, places: 2)
        for index in order where figures[index].contribution > .zero {
            let before = running
            running += figures[index].contribution
            classes[index] = before < aLine ? "A" : before < bLine ? "B" : "C"
        }

        // The matrix: visitors share and margin, each split at its median over the products that sell.
        let selling = (0..<count).filter { !frozenUnits[$0].isZero }
        let trafficMedian = median(selling.map { visitorShares[$0] })
        let marginMedian = median(selling.compactMap { figures[$0].margin })
        func quadrant(_ index: Int) -> Quadrant? {
            guard !frozenUnits[index].isZero, let trafficMedian, let marginMedian, let margin = figures[index].margin else { return nil }
            let busy = visitorShares[index] > trafficMedian, rich = margin > marginMedian
            return busy ? (rich ? .star : .traffic) : (rich ? .profit : .question)
        }
        func flag(_ index: Int, _ quadrant: Quadrant?) -> String? {
            let role = products[index].role
            if role == .profit, figures[index].contribution.rounded().isNegative { return "profit product loses money" }
            guard let quadrant else { return nil }
            switch (role, quadrant) {
            case (.traffic?, .star), (.traffic?, .profit): return "traffic product with a top-half margin"
            case (.profit?, .traffic): return "profit product brings traffic at a low margin"
            case (.hit?, .profit), (.hit?, .question): return "hit brings little traffic"
            default: return nil
            }
        }

        var rows: [[Cell]] = []
        var flagged = 0
        var quadrantTotals: [Quadrant: (products: Int, gmvShare: ExactDecimal, contribution: ExactDecimal)] = [:]
        let quadrants = (0..<count).map(quadrant)
        for index in 0..<count {
            guard let place = quadrants[index] else { continue }
            var totals = quadrantTotals[place] ?? (0, .zero, .zero)
            totals.products += 1
            totals.gmvShare += shares[index]
            totals.contribution += figures[index].contribution
            quadrantTotals[place] = totals
        }
        for index in order {
            let place = quadrants[index]
            let note = flag(index, place)
            if note != nil { flagged += 1 }
            guard rows.count < limit else { continue }
            let product = products[index]
            rows.append([.text(product.sku), .text(product.name), ProductCommand.roleCell(product.role), .rate(shares[index]),
                         .rate(visitorShares[index]), .money(figures[index].contribution),
                         .optional(totalContribution.isZero ? nil : figures[index].contribution.divided(by: totalContribution)) { .rate($0) },
                         .optional(figures[index].margin) { .rate($0) }, .text(String(classes[index])), .text(place?.rawValue ?? ""),
                         note.map { Cell.text("⚠ " + $0).emphasized(.warning) } ?? .empty])
        }
        let columns: [Column] = [.text("SKU", key: "sku"), .text("name", key: "name"), .text("role", key: "role"),
                                 .number("GMV share", key: "gmv_share"), .number("visitors", key: "visitors_share"),
                                 .number("contribution", key: "contribution"), .number("share", key: "contribution_share"),
                                 .number("margin", key: "margin"), .text("ABC", key: "abc"), .text("matrix", key: "quadrant"),
                                 .text("flag", key: "flag")]
        var notes = ["contribution = planned units in \(period.text) × unit contribution on \(period.firstDay.isoText); visitors = units ÷ units per order ÷ CVR"]
        if rows.count < count { notes.append("showing the \(rows.count) best of \(count) products: top=N or all for more") }
        if sales.gmv.isZero { notes.append("no planned sales in \(period.text): set a GMV goal (goal set \(period.text) gmv=…) to weigh the products") }
        if shopCVR == nil { notes.append("the shop's cvr is not set: products without their own CVR count no visitors") }
        if flagged > 0 { notes.append("\(counted(flagged, "product")) whose role the numbers contradict") }

        let aCount = classes.filter { $0 == "A" }.count
        let abcRows: [[Cell]] = ["A", "B", "C"].map { (name: Character) -> [Cell] in
            let members = (0..<count).filter { classes[$0] == name }
            let contribution = members.reduce(ExactDecimal.zero) { $0 + figures[$1].contribution }
            return [.text(String(name)), .count(members.count), .money(contribution),
                    .optional(totalContribution.isZero ? nil : contribution.divided(by: totalContribution)) { .rate($0) }]
        }
        let abc = Table(name: "portfolio_abc", title: "ABC by contribution", columns: [.text("class", key: "class"), .number("products", key: "products"),
                                                                 .number("contribution", key: "contribution"), .number("share", key: "share")],
                        rows: abcRows,
                        notes: ["A: the \(counted(aCount, "product")) making 80% of the contribution (\(count == 0 ? "0" : (ExactDecimal(aCount).divided(by: count)).percentText(places: 0)) of the range)"])
        let matrixRows: [[Cell]] = [Quadrant.traffic, .star, .profit, .question].map { place in
            let totals = quadrantTotals[place] ?? (0, .zero, .zero)
            let meaning = switch place {
            case .traffic: "high traffic, low margin (引流)"
            case .star: "high traffic, high margin"
            case .profit: "low traffic, high margin (利润)"
            case .question: "low traffic, low margin"
            }
            return [.text(place.rawValue), .text(meaning), .count(totals.products), .rate(totals.gmvShare), .money(totals.contribution)]
        }
        let matrix = Table(name: "portfolio_matrix", title: "traffic × margin", columns: [.text("quadrant", key: "quadrant"), .text("meaning", key: "meaning"),
                                                                .number("products", key: "products"), .number("GMV share", key: "gmv_share"),
                                                                .number("contribution", key: "contribution")],
                           rows: matrixRows,
                           notes: ["split at the medians: visitors share \(trafficMedian?.percentText() ?? "—"), margin \(marginMedian?.percentText() ?? "—")"])
        return [.table(Table(name: "portfolio", title: "portfolio \(period.text)", columns: columns, rows: rows, notes: notes)), .table(abc), .table(matrix)]
    }

    /// The middle value (the mean of the two middle ones for an even count); nil for none.
    static func median(_ values: [ExactDecimal]) -> ExactDecimal? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]).divided(by: 2)
    }
}
