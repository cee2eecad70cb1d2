import ROPGDomain
import ROPGText

/// How money columns are shown to people (`format money=万`): in yuan as they are, or scaled to
/// 万 (10⁴) or 亿 (10⁸) with the unit in the header, as Chinese reports write large sums
/// (1,884,297.52 reads as 188.43万). Only what people read on screen is scaled; CSV, JSON and
/// files keep full precision.
public enum MoneyUnit: String, CaseIterable, Sendable {
    case plain
    case wan = "万"
    case yi = "亿"

    /// `万`, `w`, `wan`, `亿`, `yi`, `plain`, `元`, `yuan`; nil for anything else.
    public init?(word: String) {
        switch word.lowercased() {
        case "万", "w", "wan", "万元": self = .wan
        case "亿", "yi", "亿元": self = .yi
        case "plain", "元", "yuan": self = .plain
        default: return nil
        }
    }

    /// What one shown unit is worth in yuan.
    public var size: ExactDecimal {
        switch self {
        case .plain: .one
        case .wan: ExactDecimal(10_000)
        case .yi: ExactDecimal(100_000_000)
        }
    }
}

extension Table {
    /// The table with its money columns in `unit`: each money figure divided by the unit's size
    /// and shown to 0.01, the unit named in the column's header. Where the table's one totals row
    /// is the sum of the rows above it, the scaled rows are apportioned to the scaled total by the
    /// largest-remainder rule (`ExactAmount.apportion`), so the parts shown still add up to the
    /// total shown (or, where the rows are figures, `totalsAreRowSums`, the total is what they add
    /// up to as shown; where the total is made of figures not in the rows, `totalMadeOf`, it is
    /// what those add up to as shown). Subtotal rows (`subtotalRows`) are each shown as
    /// themselves, the rows under each shared out of it, and the total is what they add up to. A
    /// figure that is the sum of others in its row (`sums`) is then worked out from them as
    /// shown, so that a row's parts add up too: profit is net revenue less total cost as shown. A
    /// column is a money column when every value in it is money (blanks aside). A comparison
    /// (`remadeShown`) is made again from its versions as shown, so that Δ is their difference
    /// as shown.
    public func showingMoney(in unit: MoneyUnit) -> Table {
        guard unit != .plain, moneyShownIn != unit, !moneyIsPerUnit else { return self }
        if let remade = remadeShown {
            var table = remade.make(unit).namingMoney(in: unit)
            table.moneyShownIn = unit
            // What was said under the comparison (the volume rule) is said under it as shown.
            table.notes = notes
            return table
        }
        var table = scalingMoney(to: unit).namingMoney(in: unit)
        table.moneyShownIn = unit
        // A chart draws the figures as the table shows them.
        if let chart = table.chart {
            let named = phrase("{title} ({unit} yuan)", ["title": "", "unit": unit.rawValue])
            // "profit and loss 2026: profit" names the figure last; it is named in the unit.
            var title = chart.title
            if let last = chart.series.last, !last.name.contains(named), title.hasSuffix(last.name) {
                title = String(title.dropLast(last.name.count)) + phrase("{title} ({unit} yuan)", ["title": last.name, "unit": unit.rawValue])
            }
            table.chart = Chart(of: table, keys: chart.series.map(\.key), title: title, style: chart.style) ?? chart
        }
        return table
    }

    /// The money figures divided by the unit's size and rounded as `showingMoney` says, the
    /// headers as they are.
    private func scalingMoney(to unit: MoneyUnit) -> Table {
        guard unit != .plain else { return self }
        var table = self
        table.rows = rows.map(normalized)
        table.footerRows = footerRows.map(normalized)
        let scaled = { (value: ExactDecimal) -> ExactDecimal in value.divided(by: unit.size)?.rounded() ?? value }
        for column in columns.indices where isMoneyColumn(column, in: table) {
            let shown = { (cell: Cell) -> ExactDecimal? in
                if case .money(let value)? = cell.figure { return value }
                return nil
            }
            let bodyValues = table.rows.map { shown($0[column]) }
            let total = table.footerRows.count == 1 ? shown(table.footerRows[0][column]) : nil
            let scaledRows: [ExactDecimal?]
            let addsUp = total.map { total in
                bodyValues.allSatisfy { $0 != nil } && bodyValues.compactMap { $0 }.reduce(.zero, +) == total
            } == true
            if let total, let grouped = groupedBySubtotals(bodyValues, total: total, scaled: scaled, unit: unit) {
                scaledRows = grouped.rows
                table.footerRows[0][column] = scaledCell(table.footerRows[0][column], grouped.total)
            } else if addsUp, totalsAreRowSums {
                // Figures in rows (categories): each shown as itself, the total what they add up to.
                scaledRows = bodyValues.map { $0.map(scaled) }
                table.footerRows[0][column] = scaledCell(table.footerRows[0][column], scaledRows.compactMap { $0 }.reduce(.zero, +))
            } else if addsUp, let total {
                // The total made of figures not in the rows (categories) is what they add up to
                // as shown; otherwise it is itself, rounded.
                let shownTotal = totalMadeOf[columns[column].key].flatMap { parts in
                    parts.reduce(.zero, +) == total ? parts.map(scaled).reduce(.zero, +) : nil
                } ?? scaled(total)
                let parts = bodyValues.compactMap { $0?.divided(by: unit.size) }.map(ExactAmount.init)
                scaledRows = ExactAmount.apportion(shownTotal, among: parts)
                table.footerRows[0][column] = scaledCell(table.footerRows[0][column], shownTotal)
            } else {
                scaledRows = bodyValues.map { $0.map(scaled) }
                for index in table.footerRows.indices {
                    if let value = shown(table.footerRows[index][column]) {
                        table.footerRows[index][column] = scaledCell(table.footerRows[index][column], scaled(value))
                    }
                }
            }
            for index in table.rows.indices {
                if let value = scaledRows[index] { table.rows[index][column] = scaledCell(table.rows[index][column], value) }
            }
        }
        // A figure that is the sum of others in its row is worked out again from them as shown.
        for sum in sums {
            guard let target = columns.firstIndex(where: { $0.key == sum.key }) else { continue }
            let parts = (sum.added.map { ($0, false) } + sum.subtracted.map { ($0, true) }).compactMap { key, negative in
                columns.firstIndex { $0.key == key }.map { ($0, negative) }
            }
            guard parts.count == sum.added.count + sum.subtracted.count else { continue }
            func recomputed(_ row: [Cell]) -> [Cell] {
                guard case .money? = row[target].figure else { return row }
                var value = ExactDecimal.zero
                for (index, negative) in parts {
                    guard case .money(let part)? = row[index].figure else { return row }
                    value = negative ? value - part : value + part
                }
                var row = row
                row[target] = scaledCell(row[target], value)
                return row
            }
            table.rows = table.rows.map(recomputed)
            table.footerRows = table.footerRows.map(recomputed)
        }
        table.keepEachFigureWithinACent(of: self, in: unit)
        return table
    }

    /// Where the figures worked out from others (`sums`) are a cent or more from their exact
    /// value as scaled (each of their parts within a cent, the errors added up), the figures of
    /// the sums' tree rounded again together (`ControlledRounding`): every figure within a cent
    /// of its exact value, rows and columns still adding up. `exact` is the table unscaled.
    private mutating func keepEachFigureWithinACent(of exact: Table, in unit: MoneyUnit) {
        guard !sums.isEmpty, rows.count == exact.rows.count, footerRows.count == 1, exact.footerRows.count == 1 else { return }
        // The sums as a tree: a = b + c as it is; a = b − c as b = a + c.
        var keys: [String] = []
        var parentOf: [String: String] = [:]
        func place(_ key: String) { if !keys.contains(key) { keys.append(key) } }
        for sum in sums {
            let (parent, children): (String, [String])
            if sum.subtracted.isEmpty { (parent, children) = (sum.key, sum.added) }
            else if sum.added.count == 1 { (parent, children) = (sum.added[0], [sum.key] + sum.subtracted) }
            else { return }
            place(parent)
            for child in children {
                guard parentOf[child] == nil else { return }
                parentOf[child] = parent
                place(child)
            }
        }
        guard let positions = Optional(keys.compactMap { key in columns.firstIndex { $0.key == key } }), positions.count == keys.count else { return }
        let parent = keys.map { key in parentOf[key].flatMap { keys.firstIndex(of: $0) } }
        func money(_ cell: Cell) -> ExactDecimal? {
            if case .money(let value)? = cell.figure { return value }
            return nil
        }
        func exactRow(_ row: [Cell]) -> [ExactDecimal]? {
            let row = exact.normalized(row)
            let values = positions.compactMap { money(row[$0]).flatMap { $0.divided(by: unit.size) } }
            return values.count == positions.count ? values : nil
        }
        let exactRows = exact.rows.compactMap(exactRow)
        guard exactRows.count == rows.count, let exactFooter = exactRow(exact.footerRows[0]) else { return }
        let cent = ExactDecimal(mantissa: 1, places: 2)
        let shownRows = rows.map { row in positions.map { money(row[$0]) } }
        let shownFooter = positions.map { money(footerRows[0][$0]) }
        let withinACent = zip(shownRows + [shownFooter], exactRows + [exactFooter]).allSatisfy { shown, exact in
            zip(shown, exact).allSatisfy { shown, exact in shown.map { ($0 - exact).magnitude < cent } ?? false }
        }
        let workedOut = keys.map { key in sums.contains { $0.key == key } }
        guard !withinACent, let rounded = ControlledRounding.rounded(rows: exactRows, footer: exactFooter, parent: parent, workedOut: workedOut) else { return }
        for (index, cents) in rounded.rows.enumerated() {
            for (place, column) in positions.enumerated() { rows[index][column] = scaledCell(rows[index][column], ExactDecimal(cents: cents[place])) }
        }
        for (place, column) in positions.enumerated() { footerRows[0][column] = scaledCell(footerRows[0][column], ExactDecimal(cents: rounded.footer[place])) }
    }

    /// The unit named in the header of each money column that does not name it yet.
    private func namingMoney(in unit: MoneyUnit) -> Table {
        var table = self
        let named = phrase("{title} ({unit} yuan)", ["title": "", "unit": unit.rawValue])
        for column in columns.indices where isMoneyColumn(column, in: table) && !columns[column].title.contains(named) {
            table.columns[column].title = phrase("{title} ({unit} yuan)", ["title": columns[column].title, "unit": unit.rawValue])
        }
        return table
    }

    /// A column's rows scaled where its body is groups each closed by a subtotal row
    /// (`subtotalRows`) and the total is the subtotals' sum: each subtotal shown as itself, its
    /// rows shared out of it, the total what the subtotals add up to as shown. Nil when the
    /// table has no subtotals or its figures do not add up so.
    private func groupedBySubtotals(_ values: [ExactDecimal?], total: ExactDecimal, scaled: (ExactDecimal) -> ExactDecimal, unit: MoneyUnit) -> (rows: [ExactDecimal?], total: ExactDecimal)? {
        guard !subtotalRows.isEmpty, subtotalRows.last == values.count - 1 else { return nil }
        var rows = [ExactDecimal?](repeating: nil, count: values.count)
        var start = 0
        var subtotals = ExactDecimal.zero
        var shownTotal = ExactDecimal.zero
        for end in subtotalRows {
            guard end >= start, end < values.count, let subtotal = values[end] else { return nil }
            let members = values[start..<end]
            guard members.allSatisfy({ $0 != nil }), members.compactMap({ $0 }).reduce(.zero, +) == subtotal else { return nil }
            let shown = scaled(subtotal)
            let parts = members.compactMap { $0?.divided(by: unit.size) }.map(ExactAmount.init)
            for (offset, value) in ExactAmount.apportion(shown, among: parts).enumerated() { rows[start + offset] = value }
            rows[end] = shown
            subtotals = subtotals + subtotal
            shownTotal = shownTotal + shown
            start = end + 1
        }
        guard subtotals == total else { return nil }
        return (rows, shownTotal)
    }

    private func isMoneyColumn(_ column: Int, in table: Table) -> Bool {
        var sawMoney = false
        for row in table.rows + table.footerRows {
            let cell = row[column]
            if case .money? = cell.figure { sawMoney = true; continue }
            if cell.kind == .empty { continue }
            return false
        }
        return sawMoney
    }

    /// `cell` showing `value` instead, keeping its emphasis unless the sign decides it.
    private func scaledCell(_ cell: Cell, _ value: ExactDecimal) -> Cell {
        var scaled = Cell.money(value)
        if cell.emphasis != .negative && cell.emphasis != .none { scaled.emphasis = cell.emphasis }
        return scaled
    }
}

