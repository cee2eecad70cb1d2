import Foundation
import Testing

/// The example notebook's page in a real browser: headless Chromium (Debian's `chromium`,
/// installed by `scripts/setup --test`) loads it from the file, and the DOM it built must hold the
/// tables and the SVG charts, and it prints to A4 pages. A screenshot is kept for a person to look at:
/// .build/test-artifacts/notebook-2026-11.png.
@Suite struct NotebookBrowserTests {
    static let chromium = "/usr/bin/chromium"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: chromium) }

    @Test(.enabled(if: available, "needs chromium (scripts/setup --test installs it)"), .timeLimit(.minutes(3)))
    func examplePageLoadsWithTablesAndCharts() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try TestSupport.run(["run", "--check", "examples/notebooks/2026-11.md", "--html", "plan.html"], in: folder)
        #expect(run.status == 0, "\(run.output)")
        let page = folder.appendingPathComponent("plan.html")
        let dom = folder.appendingPathComponent("dom.html")
        let artifacts = TestSupport.repositoryRoot.appendingPathComponent(".build/test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts.appendingPathComponent("notebook-2026-11.png")
        try? FileManager.default.removeItem(at: screenshot)
        // Its own profile folder, so that parallel runs and a person's browser never meet; no
        // network is needed (the page is self-contained), so none is given.
        let flags = "--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir='\(folder.path)/profile' --proxy-server='127.0.0.1:9' --proxy-bypass-list='<-loopback>'"
        _ = try TestSupport.spawn(["/bin/bash", "-c", "timeout 90 \(Self.chromium) \(flags) --dump-dom 'file://\(page.path)' > '\(dom.path)' 2>/dev/null"])
        let built = try String(contentsOf: dom, encoding: .utf8)
        #expect(built.contains("<h1>2026年11月计划：双11</h1>"), "the prose, rendered:\n\(built.prefix(2000))")
        let tables = built.components(separatedBy: "<table data-table=").count - 1
        #expect(tables >= 8, "the cells' tables are HTML tables (found \(tables))")
        #expect(built.contains("<td class=\"num\" data-value=\"1884297.52\">1,884,297.52</td>"), "numbers right-aligned with their values")
        let charts = built.components(separatedBy: "<svg role=\"img\"").count - 1
        #expect(charts == 2, "goal show 2026 chart and pnl 2026 by=month chart=profit draw SVG charts (found \(charts))")
        #expect(built.contains("<rect class=\"bar\""), "bars drawn")
        #expect(built.contains("data-value=\"12000000.00\"") || built.contains("data-value=\"1884297.52\""))
        _ = try TestSupport.spawn(["/bin/bash", "-c", "timeout 90 \(Self.chromium) \(flags) --window-size=1100,2400 --screenshot='\(screenshot.path)' 'file://\(page.path)' >/dev/null 2>&1"])
        let image = try Data(contentsOf: screenshot)
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(image.count > 50_000, "a page with something on it (\(image.count) bytes)")
        // Printed, the page is A4 (595 × 842 points) by its print stylesheet.
        let pdf = folder.appendingPathComponent("plan.pdf")
        _ = try TestSupport.spawn(["/bin/bash", "-c", "timeout 90 \(Self.chromium) \(flags) --no-pdf-header-footer --print-to-pdf='\(pdf.path)' 'file://\(page.path)' >/dev/null 2>&1"])
        let printed = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let boxes = printed.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix { $0 != "]" } }
        #expect(boxes.count >= 2, "several pages")
        #expect(boxes.allSatisfy { $0.hasPrefix("0 0 594.9") && $0.contains(" 841.9") }, "A4 pages: \(boxes)")
    }
}
