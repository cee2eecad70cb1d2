import ROPGDomain
import ROPGText

/// Cells for the domain's values, so that every table shows money, rates and counts alike.
extension Cell {
    /// Money: "1,234.50" shown, "1234.50" in CSV and JSON (as a string, never a float).
    public static func money(_ value: ExactDecimal) -> Cell {
        let (shown, text) = value.roundedAndFormatted()
        var cell = Cell(text: text, kind: .money, alignment: .right, emphasis: shown.isNegative ? .negative : .none)
        cell.figure = .money(shown)  // CSV and JSON write it as "1234.50"
        cell.textIsPrintableASCII = true
        return cell
    }

    /// A rate: "51.99%" shown, "0.5199" in CSV and JSON.
    public static func rate(_ value: ExactDecimal, places: Int = 2) -> Cell {
        let (shown, text) = value.roundedAndPercentText(places: places)
        var cell = Cell(text: text, kind: .rate, alignment: .right, emphasis: value.isNegative ? .negative : .none)
        cell.figure = .rate(shown, places: places)  // CSV and JSON write "0.5199"
        cell.textIsPrintableASCII = true
        return cell
    }

    /// A whole or fractional count: "277,778"; JSON writes a whole one as an integer, a
    /// fractional one (a ROAS of 2.02) as a decimal string.
    public static func count(_ value: ExactDecimal) -> Cell {
        var cell = Cell(text: value.countText, kind: .count, alignment: .right, emphasis: value.isNegative ? .negative : .none)
        cell.figure = .count(value)  // CSV and JSON write it as "277778"
        cell.textIsPrintableASCII = true
        return cell
    }

    public static func count(_ value: Int) -> Cell { count(ExactDecimal(value)) }

    /// A day: "2026-03-14", shown and written alike; the JSON document types its column `date`.
    public static func date(_ day: Day) -> Cell {
        var cell = Cell(text: day.isoText, kind: .date)
        cell.textIsPrintableASCII = true
        return cell
    }

    /// An optional value: the cell, or an empty one. Inlinable, so that 100,000 rows of cells
    /// call it specialized rather than through the generic runtime.
    @inlinable public static func optional<T>(_ value: T?, _ make: (T) -> Cell) -> Cell {
        guard let value else { return .empty }
        return make(value)
    }
}

extension Column {
    /// A column of words. The title is phrased in the current language (the catalogue is keyed by
    /// the English header); the key machines read stays as it is.
    public static func text(_ title: String, key: String) -> Column { Column(title: phrase(title), key: key, alignment: .left) }
    /// A column of figures, its title phrased as `text`'s is.
    public static func number(_ title: String, key: String) -> Column { Column(title: phrase(title), key: key, alignment: .right) }
}

/// A two-column table of names and values, for `info`, `settings` and `show` commands, so that
/// they too work in every output format. The field names are phrased in the current language.
public func propertyTable(name: String? = nil, title: String?, _ rows: [(String, Cell)], notes: [String] = []) -> Table {
    Table(name: name, title: title, columns: [.text("field", key: "field"), .text("value", key: "value")],
          rows: rows.map { row in
              var value = row.1
              value.alignment = .left  // one value per line: left-aligned reads best
              return [Cell.text(phrase(row.0)), value]
          }, notes: notes)
}

extension CostCategory {
    /// "R platform" in English, "R 平台成本" in Chinese: how tables head and label a category.
    public var label: String {
        switch self {
        case .R: phrase("R platform")
        case .O: phrase("O operating")
        case .P: phrase("P people")
        case .G: phrase("G goods")
        }
    }
}

extension ProductRole {
    /// "hit 爆款" in English, "爆款" in Chinese.
    public var label: String {
        switch self {
        case .traffic: phrase("traffic 引流款")
        case .profit: phrase("profit 利润款")
        case .image: phrase("image 形象款")
        case .custom: phrase("custom 定制款")
        case .hit: phrase("hit 爆款")
        }
    }
}

extension Cell {
    /// A word from a closed set (a status, a scope, a verdict): people read it in their language,
    /// CSV and JSON keep the English word, so programs see the same value in every language.
    public static func word(_ english: String, context: String? = nil, emphasis: Emphasis = .none) -> Cell {
        Cell(text: context.map { phrase(in: $0, english) } ?? phrase(english), plain: english, kind: .text, alignment: .left, emphasis: emphasis)
    }
}
