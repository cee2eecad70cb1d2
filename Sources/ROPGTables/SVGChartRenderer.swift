import ROPGDomain

/// Draws a chart (the one chart model, `Chart`) as inline SVG for a page: columns for `.bars`,
/// a line per series for `.lines` (and for bars over more categories than columns fit), with a
/// zero axis, a labelled scale, category labels and a legend when there are several series.
/// Every bar and point carries the figure as the table shows it in a `<title>` (a tooltip) and
/// its plain value in `data-value`, so the picture and the table cannot disagree. Lengths are the
/// figures' shares of the scale (drawing only: the figures themselves stay exact).
public struct SVGChartRenderer: Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double = 720, height: Double = 260) {
        self.width = width
        self.height = height
    }

    /// Colours of the series, in order (negatives of a single bar series are red).
    static let palette = ["#2f6fd6", "#e08a1e", "#2a9d6f", "#8e5bd0", "#c0392b", "#5d6d7e"]
    static let negative = "#c0392b"

    public func render(_ chart: Chart) -> String {
        let series = chart.series.filter { $0.values.contains { $0.figure != nil } }
        let title = HTMLText.escaped(chart.title)
        guard !series.isEmpty, !chart.categories.isEmpty else {
            return "<figure class=\"chart\"><figcaption>\(title): \(HTMLText.escaped(TextChartRenderer.nothingToDraw))</figcaption></figure>\n"
        }
        let values = series.map { $0.values.map { $0.figure.map { TextChartRenderer.double($0.value) } } }
        let present = values.flatMap { $0.compactMap { $0 } }
        var low = min(0, present.min() ?? 0), high = max(0, present.max() ?? 0)
        if low == high { high = low + 1 }
        let top = 16.0, bottom = 44.0, left = 86.0, right = 12.0
        let legend = series.count > 1 ? 22.0 : 0
        let plotHeight = height - top - bottom - legend, plotWidth = width - left - right
        func y(_ value: Double) -> Double { top + legend + (high - value) / (high - low) * plotHeight }
        let count = chart.categories.count
        let step = plotWidth / Double(count)
        let asLines = chart.style == .lines || count * series.count > 60

        var out = "<figure class=\"chart\">\n<svg role=\"img\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\""
        out += " data-style=\"\(asLines ? "lines" : "bars")\" aria-label=\"\(title)\">\n"
        out += "<title>\(title)</title>\n"
        out += "<style>text{font:11px -apple-system,\"Segoe UI\",\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",sans-serif;fill:#475467}</style>\n"
        // The scale: the two ends (as the table shows them) and zero.
        let ends = Self.ends(series, values)
        for (value, text) in [(high, ends.high), (low, ends.low)] + (low < 0 && high > 0 ? [(0.0, "0")] : []) {
            out += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(value)))\" y2=\"\(f(y(value)))\" stroke=\"#eaecf0\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\">\(HTMLText.escaped(text))</text>\n"
        }
        out += "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#667085\"/>\n"
        // Category labels: all when they fit, else about twelve.
        let every = max(1, Int((Double(count) / 12).rounded(.up)))
        for (index, label) in chart.categories.enumerated() where index % every == 0 {
            let x = left + step * (Double(index) + 0.5)
            out += "<text x=\"\(f(x))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(HTMLText.escaped(label))</text>\n"
        }
        if asLines {
            for (number, one) in series.enumerated() {
                let colour = Self.palette[number % Self.palette.count]
                var path = ""
                for (index, value) in values[number].enumerated() {
                    guard let value else { continue }
                    path += (path.isEmpty ? "M" : "L") + "\(f(left + step * (Double(index) + 0.5))),\(f(y(value)))"
                }
                out += "<path class=\"series\" d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
                for (index, cell) in one.values.enumerated() {
                    guard let value = values[number][index] else { continue }
                    out += "<circle cx=\"\(f(left + step * (Double(index) + 0.5)))\" cy=\"\(f(y(value)))\" r=\"2.5\" fill=\"\(colour)\" data-value=\"\(HTMLText.escaped(cell.documentPlain))\">"
                    out += "<title>\(HTMLText.escaped(chart.categories[index])) \(HTMLText.escaped(one.name)): \(HTMLText.escaped(cell.text))</title></circle>\n"
                }
            }
        } else {
            let group = step * 0.8, barWidth = group / Double(series.count)
            for (number, one) in series.enumerated() {
                for (index, cell) in one.values.enumerated() {
                    guard let value = values[number][index] else { continue }
                    let x = left + step * Double(index) + step * 0.1 + barWidth * Double(number)
                    let from = y(max(0, value)), to = y(min(0, value))
                    let colour = series.count == 1 && value < 0 ? Self.negative : Self.palette[number % Self.palette.count]
                    out += "<rect class=\"bar\" x=\"\(f(x))\" y=\"\(f(from))\" width=\"\(f(max(1, barWidth - 1)))\" height=\"\(f(max(0.5, to - from)))\" fill=\"\(colour)\" data-value=\"\(HTMLText.escaped(cell.documentPlain))\">"
                    out += "<title>\(HTMLText.escaped(chart.categories[index])) \(HTMLText.escaped(one.name)): \(HTMLText.escaped(cell.text))</title></rect>\n"
                }
            }
        }
        if series.count > 1 {
            var x = left
            for (number, one) in series.enumerated() {
                out += "<rect x=\"\(f(x))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(Self.palette[number % Self.palette.count])\"/>"
                out += "<text x=\"\(f(x + 14))\" y=\"13\">\(HTMLText.escaped(one.name))</text>\n"
                x += 28 + Double(displayWidth(one.name)) * 7
            }
        }
        out += "</svg>\n<figcaption>\(title)</figcaption>\n</figure>\n"
        return out
    }

    /// The texts of the smallest and largest values drawn (0 when the scale starts or ends there).
    static func ends(_ series: [Chart.Series], _ values: [[Double?]]) -> (low: String, high: String) {
        var low: (Double, String) = (0, "0"), high: (Double, String) = (0, "0")
        for (one, numbers) in zip(series, values) {
            for (cell, value) in zip(one.values, numbers) {
                guard let value else { continue }
                if value < low.0 { low = (value, cell.text) }
                if value > high.0 { high = (value, cell.text) }
            }
        }
        return (low.1, high.1)
    }

    /// A coordinate with at most one decimal, so that the page is small and stable.
    private func f(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, part = abs(Int(tenths) % 10)
        if part == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(part)"
    }
}
