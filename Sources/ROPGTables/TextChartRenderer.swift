import ROPGDomain

/// Draws a chart's first series as horizontal bars for the terminal, in Unicode eighth blocks,
/// scaled to `width` display columns:
///
///     profit and loss 2026: profit
///     2026-01  ▐██████│                   -12,000.00
///     2026-02         │████████████▍       45,500.00
///     2026-03         │                         0.00
///             -12,000.00 0                45,500.00
///
/// Values left of zero grow left from the axis, the others right; the scale under the bars labels
/// its two ends (the smallest and largest values, as the table shows them) and zero. A bar's
/// length is the figure's share of the scale (drawing only: the figures themselves are the
/// table's, exact). Growing right, a bar ends in an eighth block (▏ … ▉); growing left, Unicode has
/// only the right half and the right eighth (▐ ▕), so a negative bar is drawn to the nearest half.
/// Colour (negative red, positive green) only when `color` is true.
public struct TextChartRenderer: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = max(30, width)
        self.color = color
    }

    /// What a chart with no figure to draw shows.
    public static let nothingToDraw = "(no figures to chart)"

    public func render(_ chart: Chart) -> String {
        var out = style(escapingControlCharacters(chart.title), "1") + "\n"
        guard let series = chart.series.first else { return out + Self.nothingToDraw + "\n" }
        let values: [Double?] = series.values.map { cell in cell.figure.map { Self.double($0.value) } }
        let texts = series.values.map { escapingControlCharacters($0.text) }
        let labels = chart.categories.map { escapingControlCharacters($0) }
        guard values.contains(where: { $0 != nil }) else { return out + Self.nothingToDraw + "\n" }
        let present = values.compactMap { $0 }
        let low = min(0, present.min() ?? 0)
        let high = max(0, present.max() ?? 0)
        let labelWidth = min(labels.map(displayWidth).max() ?? 0, width / 3)
        let valueWidth = texts.map(displayWidth).max() ?? 0
        // label, space, bars (with the axis), space, value.
        let area = max(10, width - labelWidth - valueWidth - 2)
        let span = high - low
        // At least one cell each side of the axis for a value of that sign, however small.
        let leftCells = low < 0 ? min(area - 2, max(1, Int((Double(area - 1) * (-low / span)).rounded()))) : 0
        let rightCells = area - 1 - leftCells
        for index in values.indices {
            let label = pad(truncate(index < labels.count ? labels[index] : "", toWidth: labelWidth), toWidth: labelWidth, alignRight: false)
            var left = String(repeating: " ", count: leftCells)
            var right = String(repeating: " ", count: rightCells)
            if let value = values[index], span > 0 {
                if value < 0 {
                    let bar = Self.leftBar(eighths: Int((-value / span * Double(area - 1) * 8).rounded()), cells: leftCells)
                    left = String(repeating: " ", count: leftCells - bar.count) + style(bar, "31")
                } else if value > 0 {
                    let bar = Self.rightBar(eighths: Int((value / span * Double(area - 1) * 8).rounded()), cells: rightCells)
                    right = style(bar, "32") + String(repeating: " ", count: rightCells - bar.count)
                }
            }
            out += label + " " + left + "│" + right + " " + pad(texts[index], toWidth: valueWidth, alignRight: true) + "\n"
        }
        out += scale(lowText: low < 0 ? texts[values.firstIndex { $0 == low } ?? 0] : nil,
                     highText: high > 0 ? texts[values.firstIndex { $0 == high } ?? 0] : nil,
                     indent: labelWidth + 1, leftCells: leftCells, rightCells: rightCells)
        return out
    }

    /// The scale line: the smallest value under the left end, 0 under the axis, the largest
    /// under the right end, each left out where it would overlap the one before.
    private func scale(lowText: String?, highText: String?, indent: Int, leftCells: Int, rightCells: Int) -> String {
        var line = String(repeating: " ", count: indent)
        var used = indent
        func place(_ text: String, at column: Int) {
            guard column >= used + (used > indent ? 1 : 0) else { return }
            line += String(repeating: " ", count: column - used) + text
            used = column + displayWidth(text)
        }
        if let lowText { place(lowText, at: indent) }
        place("0", at: indent + leftCells)
        if let highText { place(highText, at: max(indent + leftCells + 1, indent + leftCells + 1 + rightCells - displayWidth(highText))) }
        return line + "\n"
    }

    /// Left-aligned eighth blocks: 1/8 … 7/8 of a cell.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar growing right: whole cells, then the eighth block of what is left; at most `cells`.
    static func rightBar(eighths: Int, cells: Int) -> String {
        let capped = min(max(0, eighths), cells * 8)
        var bar = String(repeating: "█", count: capped / 8)
        if capped % 8 > 0 { bar.append(Self.eighths[capped % 8 - 1]) }
        return bar
    }

    /// A bar growing left: whole cells, then at its left end the right half (▐) for a half or
    /// more of a cell, or the right eighth (▕) for less; at most `cells`.
    static func leftBar(eighths: Int, cells: Int) -> String {
        let capped = min(max(0, eighths), cells * 8)
        let whole = String(repeating: "█", count: capped / 8)
        switch capped % 8 {
        case 0: return whole
        case 1...3: return "▕" + whole
        default: return "▐" + whole
        }
    }

    static func double(_ value: ExactDecimal) -> Double {
        Double(value.units) / Double(ExactDecimal.unitsPerOne)
    }

    private func style(_ text: String, _ code: String) -> String {
        color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
