import ROPGDomain
import ROPGText
import ROPGTables

/// `chart=FIGURE` (or a bare `chart`): a bar chart of one of a report's figures, for the commands
/// whose syntax declares the key (pnl, costs, goal show, hit plan, check). The session takes the
/// key out before the command reads its own, and draws the chart from the report's first table,
/// so that every report charts its figures the same way (`Chart`, in ROPGTables).
extension Session {
    /// What `chart` asked for: a column key, or nil for the table's main figure.
    struct ChartRequest {
        var figure: String?
    }

    /// Removes `chart=FIGURE` or a bare `chart` from the words of a command that declares it.
    static func takeChartKey(_ words: [Word], for command: any Command.Type) throws(CommandError) -> (words: [Word], chart: ChartRequest?) {
        let verb = words.first { $0.key == nil }?.text
        let isChart = { (word: Word) in word.key == "chart" || (word.key == nil && !word.wasQuoted && word.text == "chart") }
        guard command.syntax.verb(verb)?.key("chart") != nil || command.syntax.verb(nil)?.key("chart") != nil else {
            // A bare `chart` where a report takes SKUs would be read as one (`margin chart`: "no
            // product chart"); quoted, it is one. Where words are names (`cost add O chart`), it is a name.
            let takesSKUs = (command.syntax.verb(verb) ?? command.syntax.verb(nil))?.words.contains(.sku) ?? false
            if takesSKUs, words.contains(where: { $0.key == nil && !$0.wasQuoted && $0.text == "chart" }) {
                throw CommandError(phrase("{command} draws no chart; chart works with pnl, costs, goal show, hit plan and check (a name chart is written \"chart\")",
                                          ["command": command.name]))
            }
            return (words, nil)
        }
        let given = words.filter(isChart)
        guard let last = given.last else { return (words, nil) }
        guard given.count == 1 else { throw CommandError(phrase("chart= is given twice")) }
        let figure = last.key == nil || (last.value ?? "").isEmpty ? nil : last.value
        return (words.filter { !isChart($0) }, ChartRequest(figure: figure))
    }

    /// The figure a report charts when `chart` names none: the first of these its table has.
    static let mainChartFigures = ["profit", "achieved", "amount", "total", "gmv", "cumulative"]

    /// `blocks` with a chart on their first table.
    /// A table without a title (goal show) is titled by `fallbackTitle`, the command and its words.
    static func charted(_ blocks: [Block], _ request: ChartRequest, fallbackTitle: String) throws(CommandError) -> [Block] {
        guard let index = blocks.firstIndex(where: { if case .table = $0 { true } else { false } }),
              case .table(var table) = blocks[index] else {
            throw CommandError(phrase("chart: this command printed no table to chart"))
        }
        let choices = Chart.figureKeys(of: table)
        guard !choices.isEmpty else { throw CommandError(phrase("chart: this table has no figures to chart")) }
        let key = request.figure ?? mainChartFigures.first(where: choices.contains) ?? choices[0]
        guard let chart = Chart(of: table, keys: [key], title: "\(table.title ?? fallbackTitle): \(table.columns.first { $0.key == key }?.title ?? key)") else {
            let near = Suggestions.nearest(to: key, among: choices)
            throw CommandError(near.isEmpty
                ? phrase("chart={key}: this table has no such figure; chart one of {choices}", ["key": key.excerpt, "choices": commaList(choices)])
                : phrase("chart={key}: this table has no such figure; chart one of {choices} (did you mean {names}?)", ["key": key.excerpt, "choices": commaList(choices), "names": orList(near)]))
        }
        table.chart = chart
        var result = blocks
        result[index] = .table(table)
        return result
    }
}
