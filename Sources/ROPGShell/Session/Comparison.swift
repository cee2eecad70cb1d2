import ROPGDomain
import ROPGTables

/// Sets a report made on the plan beside the same report made in a what-if: plan | what-if | Δ | Δ%.
/// It compares the figures as shown (rounded), so that Δ is what a reader gets by subtracting.
enum Comparison {
    /// Rows beyond which rows that did not change are left out.
    static let unchangedRowLimit = 20

    static func compare(plan: [Block], whatIf: [Block]) -> [Block] {
        let planTables = plan.compactMap { block -> Table? in if case .table(let table) = block { return table } else { return nil } }
        var position = 0
        return whatIf.map { block in
            guard case .table(let table) = block else { return block }
            defer { position += 1 }
            guard position < planTables.count else { return block }
            return .table(compare(planTables[position], table))
        }
    }

    static func compare(_ plan: Table, _ whatIf: Table) -> Table {
        let figureColumns = whatIf.columns.indices.filter { column in
            (whatIf.rows + whatIf.footerRows + plan.rows + plan.footerRows).contains { column < $0.count && $0[column].figure != nil }
        }
        let single = whatIf.rows.count + whatIf.footerRows.count == 1 && plan.rows.count + plan.footerRows.count == 1
        if single { return transposed(plan, whatIf, figureColumns) }
        return sideBySide(plan, whatIf, figureColumns)
    }

    /// A one-row report: a row per figure.
    private static func transposed(_ plan: Table, _ whatIf: Table, _ figureColumns: [Int]) -> Table {
        let planRow = plan.normalized((plan.rows + plan.footerRows)[0])
        let whatIfRow = whatIf.normalized((whatIf.rows + whatIf.footerRows)[0])
        var rows: [[Cell]] = []
        for column in figureColumns {
            let planColumn = plan.columns.firstIndex { $0.key == whatIf.columns[column].key }
            let before = planColumn.map { planRow[$0] } ?? .empty
            rows.append([.text(whatIf.columns[column].title)] + quartet(before, whatIfRow[column]))
        }
        let label = whatIfRow.first?.text ?? ""
        return Table(name: whatIf.name, title: whatIf.title.map { "\($0) — plan | what-if" } ?? "plan | what-if", columns: [.text(label.isEmpty ? "figure" : label, key: "figure")] + quartetColumns(nil),
                     rows: rows, notes: whatIf.notes)
    }

    /// Many rows: the key columns, then plan | what-if | Δ | Δ% for each compared column.
    private static func sideBySide(_ plan: Table, _ whatIf: Table, _ figureColumns: [Int]) -> Table {
        let keyKeys = whatIf.rowKey.isEmpty ? [whatIf.columns.first?.key ?? ""] : whatIf.rowKey
        let keyColumns = keyKeys.compactMap { key in whatIf.columns.firstIndex { $0.key == key } }
        let planKeyColumns = keyKeys.compactMap { key in plan.columns.firstIndex { $0.key == key } }
        var compared = whatIf.compare.compactMap { key in whatIf.columns.firstIndex { $0.key == key } }
        if compared.isEmpty { compared = figureColumns }
        let planCompared = compared.map { column in plan.columns.firstIndex { $0.key == whatIf.columns[column].key } }

        func keyed(_ rows: [[Cell]], _ columns: [Int]) -> [String] {
            var seen: [String: Int] = [:]
            return rows.map { row in
                let key = columns.map { $0 < row.count ? row[$0].text : "" }.joined(separator: "\u{1F}")
                seen[key, default: 0] += 1
                return "\(key)#\(seen[key] ?? 0)"
            }
        }
        func match(_ planRows: [[Cell]], _ whatIfRows: [[Cell]]) -> (rows: [[Cell]], same: [Bool]) {
            let planKeys = keyed(planRows, planKeyColumns), whatIfKeys = keyed(whatIfRows, keyColumns)
            var planByKey: [String: [Cell]] = [:]
            for (key, row) in zip(planKeys, planRows) { planByKey[key] = plan.normalized(row) }
            var out: [[Cell]] = []
            var sameRows: [Bool] = []
            var used = Set<String>()
            func emit(_ base: [Cell]?, _ now: [Cell]?, keyRow: [Cell], keyColumns: [Int]) {
                var cells = keyColumns.map { keyRow[$0] }
                var same = true
                for (position, column) in compared.enumerated() {
                    let before = base.flatMap { row in planCompared[position].map { row[$0] } } ?? .empty
                    let after = now.map { $0[column] } ?? .empty
                    if before.figure != after.figure || before.text != after.text { same = false }
                    cells += quartet(before, after)
                }
                sameRows.append(same)
                out.append(cells)
            }
            for (key, row) in zip(whatIfKeys, whatIfRows) {
                used.insert(key)
                let now = whatIf.normalized(row)
                emit(planByKey[key], now, keyRow: now, keyColumns: keyColumns)
            }
            for (key, row) in zip(planKeys, planRows) where !used.contains(key) {
                let base = plan.normalized(row)
                emit(base, nil, keyRow: base, keyColumns: planKeyColumns)
            }
            return (out, sameRows)
        }

        var (rows, same) = match(plan.rows, whatIf.rows)
        let (footer, _) = match(plan.footerRows, whatIf.footerRows)
        var notes = whatIf.notes
        let unchanged = same.filter { $0 }.count
        if rows.count > unchangedRowLimit && unchanged > 0 {
            rows = zip(rows, same).filter { !$0.1 }.map(\.0)
            notes.insert("\(counted(unchanged, "row")) the what-if does not change \(unchanged == 1 ? "is" : "are") left out", at: 0)
        }
        var columns = keyColumns.map { whatIf.columns[$0] }
        for column in compared { columns += quartetColumns(compared.count == 1 ? nil : whatIf.columns[column]) }
        return Table(name: whatIf.name, title: whatIf.title.map { "\($0) — plan | what-if" } ?? "plan | what-if", columns: columns, rows: rows, footerRows: footer, notes: notes)
    }

    private static func quartetColumns(_ of: Column?) -> [Column] {
        let prefix = of.map { "\($0.title) " } ?? ""
        let key = of.map { "\($0.key)_" } ?? ""
        return [.number(prefix + "plan", key: key + "plan"), .number(prefix + "what-if", key: key + "what_if"),
                .number("Δ", key: key + "change"), .number("Δ%", key: key + "change_percent")]
    }

    /// plan, what-if, Δ and Δ% for one figure: money and counts by difference and percentage,
    /// rates in percentage points; words side by side.
    private static func quartet(_ before: Cell, _ after: Cell) -> [Cell] {
        guard let figure = after.figure ?? before.figure else { return [before, after, .empty, .empty] }
        let old = before.figure?.value ?? .zero, new = after.figure?.value ?? .zero
        let delta = new - old
        switch figure {
        case .rate(_, let places):
            let points = (delta * .hundred).rounded(places: places)
            // A rate like the two it compares (so JSON types it as they are), shown in points.
            var change = Cell.rate(delta, places: places)
            change.text = (points.isNegative ? "" : "+") + points.plainText(minimumPlaces: places) + " pp"
            change.emphasis = points.isNegative ? .negative : .none
            return [before, after, change, .empty]
        case .money:
            return [before, after, .money(delta), relative(delta, old, before.figure != nil)]
        case .count:
            return [before, after, .count(delta), relative(delta, old, before.figure != nil)]
        }
    }

    private static func relative(_ delta: ExactDecimal, _ base: ExactDecimal, _ known: Bool) -> Cell {
        guard known, let share = delta.divided(by: base.magnitude) else { return .empty }
        return .rate(share)
    }
}
