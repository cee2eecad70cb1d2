import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

/// Hostile text (issue 12): escape sequences from a workspace or a command line never reach the
/// terminal raw, and CSV cannot carry spreadsheet formulas.
@Suite struct TerminalSafetyTests {
    /// Sets a terminal's title to "pwned" (OSC 0), the example of a crafted name.
    static let retitle = "\u{1B}]0;pwned\u{07}"
    /// How every output shows it.
    static let retitleShown = "\\u{1B}]0;pwned\\u{7}"

    /// True when `text` holds a character that could act on a terminal (line feeds and CSV's
    /// CRLF line ends aside).
    static func holdsRawControl(_ text: String) -> Bool {
        text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.contains { $0 != "\n" && needsVisibleEscape($0) }
    }

    /// A copy of the demo whose workspace name and first product's name hold escape sequences.
    static func hostileDemo(in folder: URL) throws -> URL {
        let demo = folder.appendingPathComponent("workspaces/demo.json")
        var text = try String(contentsOf: demo, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\": \"demo\"", with: "\"name\": \"evil\\u001b]0;pwned\\u0007\"")
        text = text.replacingOccurrences(of: "纯棉T恤", with: "纯棉\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m")
        let hostile = folder.appendingPathComponent("workspaces/hostile.json")
        try text.write(to: hostile, atomically: true, encoding: .utf8)
        return hostile
    }

    // MARK: - Terminal safety

    @Test func oneEscapingFunctionKeepsOnlyWhatItIsAskedTo() {
        let text = "a\nb\tc\rd\u{1B}[2Je\u{7F}f\u{9B}g\u{2028}h\u{202E}"
        #expect(escapingControlCharacters(text) == "a\\nb\\tc\\rd\\u{1B}[2Je\\u{7F}f\\u{9B}g\\u{2028}h\\u{202E}")
        #expect(escapingControlCharacters(text, keeping: .lineFeed) == "a\nb\\tc\\rd\\u{1B}[2Je\\u{7F}f\\u{9B}g\\u{2028}h\\u{202E}")
        #expect(escapingControlCharacters(text, keeping: [.lineFeed, .tab, .carriageReturn]) == "a\nb\tc\rd\\u{1B}[2Je\\u{7F}f\\u{9B}g\\u{2028}h\\u{202E}")
        // Ordinary text, Chinese included, comes back as it is.
        #expect(escapingControlCharacters("纯棉T恤 ¥79", keeping: .lineFeed) == "纯棉T恤 ¥79")
    }

    @Test func theConsoleEscapesMessagesAndErrorsButNotRenderedOutput() {
        let console = Console(capturingApart: ())
        console.write("changed \(Self.retitle)\nnext line\n")
        console.writeError("error: \(Self.retitle)\n")
        console.write(rendered: "\u{1B}[1mbold\u{1B}[0m\r\n")
        #expect(console.takeCaptured() == "changed \(Self.retitleShown)\nnext line\n\u{1B}[1mbold\u{1B}[0m\r\n")
        #expect(console.takeCapturedErrors() == "error: \(Self.retitleShown)\n")
    }

    @Test func typedAndStoredEscapesAreShownEscapedInMessagesErrorsAndTables() {
        var workspace = Workspace(name: "shop\(Self.retitle)")
        workspace.products.append(Product(sku: "EV-1", name: "stored\(Self.retitle)", price: ExactDecimal(2), cost: ExactDecimal(1)))
        let session = SafeInputSupport.session(workspace)
        for format in ["text", "md", "csv", "json"] {
            session.execute(line: "format \(format)")
            session.execute(line: "product add EV-2 name=\"typed\(Self.retitle)\" price=3 cost=1", echo: true)
            session.execute(line: "product set EV-1 price=5")
            session.execute(line: "product show EV-1; product list; info")
            session.execute(line: "product set EV-\(Self.retitle) price=1")
            session.execute(line: "nonsense\(Self.retitle)")
            session.execute(line: "product add \"\(Self.retitle)\" price=x cost=1")
            session.execute(line: "undo")
            let out = session.console.takeCaptured(), err = session.console.takeCapturedErrors()
            #expect(!Self.holdsRawControl(out), "\(format): \(out.debugDescription)")
            #expect(!Self.holdsRawControl(err), "\(format): \(err.debugDescription)")
            #expect((out + err).contains("pwned"), "\(format)")
        }
    }

    @Test func aHostileWorkspaceNeverReachesTheTerminalRaw() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = try Self.hostileDemo(in: folder)
        for format in ["text", "md", "csv", "json"] {
            let result = try SafeInputSupport.run([hostile.path, "--format", format, "--echo", "-c",
                                       "info; product list; product show TS-001; product set TS-001 price=70; product set TS-001x price=1; margin; save"], in: folder)
            #expect(result.status == 1, "\(format)")  // TS-001x does not exist
            #expect(!Self.holdsRawControl(result.out), "\(format): \(result.out.debugDescription)")
            #expect(!Self.holdsRawControl(result.err), "\(format): \(result.err.debugDescription)")
            #expect((result.out + result.err).contains("\\u{1B}"), "\(format)")
        }
        // Files written with > hold the same escaped text.
        let written = try SafeInputSupport.run([hostile.path, "-c", "product show TS-001 > show.txt; product show TS-001 > show.md; product list > list.csv; product show TS-001 > show.json"], in: folder)
        #expect(written.status == 0, "\(written.err)")
        for name in ["show.txt", "show.md", "list.csv", "show.json"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(!Self.holdsRawControl(text), "\(name): \(text.debugDescription)")
            #expect(text.contains("pwned"), "\(name)")
        }
        let saved = try SafeInputSupport.run([hostile.path, "-c", "product set TS-001 price=71; save"], in: folder)
        #expect(saved.out.contains("changed product TS-001: 纯棉\\u{1B}[2J\\u{1B}]0;pwned\\u{7}\\u{9B}31m, price 71.00"))
        #expect(saved.out.contains("saved evil\\u{1B}]0;pwned\\u{7} to "))
    }

    @Test(.enabled(if: InteractiveShellTests.tmuxAvailable, "needs tmux"))
    func theBannerAndPromptOfAHostileWorkspaceAreEscaped() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = try Self.hostileDemo(in: folder)
        let tmux = InteractiveShellTests.Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        try tmux.startShell(in: folder, environment: "", arguments: "'\(hostile.path)'", width: 200)
        let banner = try tmux.waitFor("evil\\u{1B}]0;pwned\\u{7}>")
        #expect(banner.contains("— evil\\u{1B}]0;pwned\\u{7} ("))
        try tmux.enter("product set TS-001 price=70")
        _ = try tmux.waitFor("changed product TS-001: 纯棉\\u{1B}[2J\\u{1B}]0;pwned\\u{7}\\u{9B}31m")
        // Had the OSC reached the terminal, tmux would have taken "pwned" as the pane's title.
        let title = try tmux.run(["display-message", "-p", "-t", "t", "#{pane_title}"])
        #expect(!title.contains("pwned"), "title: \(title)")
        try tmux.enter("quit discard=yes")
    }

    // MARK: - CSV formula guard

    @Test func csvGuardsTextThatASpreadsheetWouldRunButNotNumbers() {
        let table = Table(columns: [.text("name", key: "name"), .number("profit", key: "profit"), .number("rate", key: "rate"),
                                    .number("units", key: "units"), .number("roas", key: "roas"), .text("-Δ", key: "delta")],
                          rows: [
                              [.text("=HYPERLINK(\"http://x\")"), .money(ExactDecimal(mantissa: -1250, places: 2)), .rate(ExactDecimal(mantissa: -5, places: 2)),
                               .count(-3), .number(text: "-1.5", plain: "-1.5"), .text("+1")],
                              [.text("@SUM(A1)"), .money(ExactDecimal(7)), .rate(ExactDecimal(mantissa: 1, places: 1)), .count(4), .number(text: "2", plain: "2"), .text("-2")],
                              [.text("\tx"), .text("\rx"), .text("a-b"), .text("纯棉"), .empty, .text("")],
                          ])
        let csv = CSVTableRenderer().render(table)
        #expect(csv == """
            name,profit,rate,units,roas,"'-Δ"\r
            "'=HYPERLINK(""http://x"")",-12.50,-0.05,-3,-1.5,"'+1"\r
            "'@SUM(A1)",7.00,0.1,4,2,"'-2"\r
            "'\tx","'\rx",a-b,纯棉,,\r

            """)
        // A text cell whose words look like a number is still text: guarded.
        let lookalike = Table(columns: [.text("note", key: "note")], rows: [[.text("-12.50")]])
        #expect(CSVTableRenderer().render(lookalike) == "note\r\n\"'-12.50\"\r\n")
    }

    @Test func csvOnStandardOutputAndInFilesIsGuarded() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = "product add \"=cmd|'/C.calc'!A0\" name=\"@SUM(1+1)\" price=1 cost=2; product list > out.csv; margin > margin.csv; product list"
        let result = try SafeInputSupport.run(["workspaces/demo.json", "--format", "csv", "-c", script], in: folder)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("\"'=cmd|'/C.calc'!A0\",\"'@SUM(1+1)\""))
        let file = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(file.contains("\"'=cmd|'/C.calc'!A0\",\"'@SUM(1+1)\""))
        // The loss-making product's negative margin stays a number.
        let margin = try String(contentsOf: folder.appendingPathComponent("margin.csv"), encoding: .utf8)
        #expect(margin.contains(",-6.58,"), "\(margin)")
        #expect(!margin.contains("'-1"))
    }
}
