import Foundation
import Ink
import ROPGDomain
import ROPGText
import ROPGStorage
import ROPGTables

/// A notebook, or one report, as one self-contained HTML page: no network and no other file
/// (inline CSS and SVG), prose rendered from Markdown by Ink, tables as HTML tables with
/// right-aligned numbers, charts as inline SVG drawn from the report's chart model, and a print
/// stylesheet for A4.
enum NotebookPage {
    /// The page of a notebook run.
    static func html(_ outcome: NotebookRun.Outcome) -> String {
        let notebook = outcome.notebook
        let bytes = notebook.bytes
        var body = ""
        var position = notebook.headerEnd
        let parser = MarkdownParser()
        func prose(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            let text = String(decoding: bytes[range], as: UTF8.self)
            guard !text.trimmingSpaces().isEmpty else { return }
            body += "<div class=\"prose\">\n" + parser.html(from: text) + "\n</div>\n"
        }
        for result in outcome.results {
            let cell = result.cell
            prose(position..<cell.fenceRange.lowerBound)
            body += "<section class=\"cell\" id=\"cell-\(cell.ordinal)\">\n"
            body += "<pre class=\"commands\"><span class=\"label\">\(HTMLText.escaped(cell.label ?? "[\(cell.ordinal)]"))</span>"
                + HTMLText.escaped(cell.source.hasSuffix("\n") ? String(cell.source.dropLast()) : cell.source) + "</pre>\n"
            body += "<div class=\"output\">\n"
            if result.output == nil || result.shown.isEmpty {
                // Not run this time (after --bail), or a cell that showed only words: as recorded.
                let text = result.output ?? cell.output ?? ""
                if !text.isEmpty { body += "<pre class=\"said\">\(HTMLText.escaped(text))</pre>\n" }
            } else {
                body += shown(result.shown)
            }
            body += "</div>\n</section>\n"
            position = cell.outputRange.upperBound
        }
        prose(position..<bytes.count)
        let title = Self.title(of: notebook) ?? "ropg"
        let meta = notebook.header.today.map { phrase("workspace {workspace} · today {day}", ["workspace": notebook.header.workspace, "day": $0.isoText]) }
            ?? phrase("workspace {workspace}", ["workspace": notebook.header.workspace])
        return page(title: title, meta: meta, body: body)
    }

    /// One command's output as a page (`pnl 2026 by=month > pnl.html`).
    static func html(command: String, blocks: [Block], workspace: String, today: Day) -> String {
        let body = "<pre class=\"commands\">\(HTMLText.escaped(command))</pre>\n<div class=\"output\">\n" + shown([.blocks(blocks)]) + "</div>\n"
        return page(title: command, meta: phrase("workspace {workspace} · today {day}", ["workspace": workspace, "day": today.isoText]), body: body)
    }

    /// The first `# title` of the notebook's prose.
    static func title(of notebook: Notebook) -> String? {
        let text = String(decoding: notebook.bytes[notebook.headerEnd...], as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("# ") {
            return String(line.dropFirst(2)).trimmingSpaces()
        }
        return nil
    }

    /// What a cell showed: tables with their charts, words, errors.
    static func shown(_ events: [ShownOutput]) -> String {
        var out = ""
        for event in events {
            switch event {
            case .blocks(let blocks):
                for block in blocks {
                    switch block {
                    case .message(let text): out += "<pre class=\"said\">\(HTMLText.escaped(text.hasSuffix("\n") ? String(text.dropLast()) : text))</pre>\n"
                    case .table(let table):
                        // A charted table (`chart`): its chart drawn from the same model as the
                        // terminal's, then the table the chart is made of.
                        if let chart = table.chart { out += SVGChartRenderer().render(chart) }
                        out += HTMLTableRenderer().render(table)
                    }
                }
            case .said(let text): out += "<pre class=\"said\">\(HTMLText.escaped(text.hasSuffix("\n") ? String(text.dropLast()) : text))</pre>\n"
            case .error(let message): out += "<pre class=\"error\">\(HTMLText.escaped(phrase("error: {message}", ["message": message])))</pre>\n"
            }
        }
        return out
    }

    static func page(title: String, meta: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(Interface.language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="ropg \(ShellMain.version)">
        <title>\(HTMLText.escaped(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <main>
        <p class="meta">\(HTMLText.escaped(meta))</p>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// Screen and print (A4) styles. Fonts: the system's, with Chinese faces named so that
    /// CJK text renders wherever one of them is installed.
    static let stylesheet = """
        :root { --ink: #1d2330; --muted: #667085; --rule: #d0d5dd; --band: #f5f7fa; --neg: #c0392b; --accent: #2f6fd6; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff;
          font: 15px/1.55 -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
            "Microsoft YaHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", sans-serif; }
        main { max-width: 1040px; margin: 0 auto; padding: 24px 32px 64px; }
        .meta { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
        h1 { font-size: 28px; margin: 8px 0 16px; } h2 { font-size: 21px; margin-top: 32px; } h3 { font-size: 17px; }
        .prose table { border-collapse: collapse; margin: 8px 0; } .prose th, .prose td { border: 1px solid var(--rule); padding: 3px 8px; }
        pre, code { font-family: "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", "WenQuanYi Zen Hei Mono", monospace; font-size: 13px; }
        .cell { margin: 16px 0 24px; }
        pre.commands { background: var(--band); border-left: 3px solid var(--accent); padding: 8px 12px; margin: 0 0 8px; white-space: pre-wrap; }
        pre.commands .label { color: var(--muted); margin-right: 12px; }
        pre.said { margin: 4px 0; white-space: pre-wrap; color: var(--ink); }
        pre.error { margin: 4px 0; white-space: pre-wrap; color: var(--neg); }
        .table { overflow-x: auto; margin: 8px 0 12px; }
        .table table { border-collapse: collapse; font-variant-numeric: tabular-nums; min-width: 40%; }
        .table caption { text-align: left; font-weight: 600; padding: 4px 0; }
        .table th { text-align: left; border-bottom: 2px solid var(--ink); padding: 4px 10px; white-space: nowrap; }
        .table td { border-bottom: 1px solid var(--rule); padding: 3px 10px; white-space: nowrap; }
        .table tbody tr:nth-child(even) td { background: var(--band); }
        .table tfoot td { border-top: 2px solid var(--ink); font-weight: 600; }
        .table .num { text-align: right; }
        .table .neg { color: var(--neg); } .table .warn { color: #b26b00; } .table .strong { font-weight: 600; }
        .table .none { color: var(--muted); }
        .note { color: var(--muted); font-size: 13px; margin: 2px 0; }
        figure.chart { margin: 8px 0 16px; } figure.chart svg { max-width: 100%; height: auto; }
        figure.chart figcaption { color: var(--muted); font-size: 13px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          .table { overflow: visible; }
          .table table, figure.chart, pre.commands { break-inside: avoid; }
          .table td, .table th { white-space: normal; padding: 2px 6px; }
          h1, h2, h3 { break-after: avoid; }
          .table tbody tr:nth-child(even) td, pre.commands { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}

extension Session {
    /// `REPORT > FILE.html`: the report as one self-contained page, its tables and charts.
    func writePage(_ blocks: [Block], toFile target: String, command: String) throws(CommandError) {
        _ = try redirectFormat(for: target)
        let tables = Session.tables(blocks)
        guard !tables.isEmpty else { throw CommandError(phrase("this command prints no table: nothing was written to {target}", ["target": "\(target)"])) }
        let page = NotebookPage.html(command: command, blocks: blocks, workspace: path.map { ($0 as NSString).lastPathComponent } ?? workspace.name, today: today)
        do {
            _ = try AtomicFile.write(Array(page.utf8), to: target)
        } catch {
            throw CommandError((error as? FileError)?.message ?? phrase("cannot write {path}: {error}", ["path": target, "error": "\(error)"]))
        }
        let rows = tables.reduce(0) { $0 + $1.rows.count + $1.footerRows.count }
        let rowCount = phrase(count: rows, "{count} row", "{count} rows")
        say(tables.count > 1
            ? phrase("wrote {rows} in {tables} tables to {target} (a page)", ["rows": rowCount, "tables": String(tables.count), "target": target])
            : phrase("wrote {rows} to {target} (a page)", ["rows": rowCount, "target": target]))
    }
}
