import Foundation
import Testing
@testable import ROPGStorage
@testable import ROPGTables

/// The interactive shell itself, driven through tmux as a person would: Chinese typing, Tab
/// completion of sub-commands and SKUs, Ctrl-C, and quitting with the save question.
@Suite struct InteractiveShellTests {
    /// A tmux server of our own, so the test never touches a user's sessions.
    struct Tmux {
        let socket = "ropg-test-\(UUID().uuidString.prefix(8))"

        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            try TestSupport.spawn(["/usr/bin/tmux", "-L", socket] + arguments)
        }

        func screen(_ target: String = "t") throws -> String { try run(["capture-pane", "-p", "-J", "-t", target]) }

        /// Waits until the screen of `target` shows `text` (up to 10 s); returns the screen.
        @discardableResult
        func waitFor(_ text: String, in target: String = "t") throws -> String {
            var screen = ""
            for _ in 0..<100 {
                screen = try self.screen(target)
                if screen.contains(text) { return screen }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Issue.record("the screen of \(target) never showed \(text.debugDescription); it shows:\n\(screen)")
            return screen
        }

        func type(_ keys: String...) throws {
            try type(in: "t", keys)
        }

        func type(in target: String, _ keys: [String]) throws {
            try run(["send-keys", "-t", target] + keys)
            Thread.sleep(forTimeInterval: 0.15)
        }

        /// Types a line and Enter in `target`.
        func enter(_ line: String, in target: String = "t") throws {
            try type(in: target, [line])
            try type(in: target, ["Enter"])
        }

        /// Starts ropg in a new session `name`, `width` columns wide: in `folder`, with HOME there and
        /// NO_COLOR, `environment` before it (`env -u LANG LANG=…`), on `arguments` (shell words),
        /// and `after` run once it ends.
        func startShell(in folder: URL, environment: String = "LANG=C.UTF-8", arguments: String = "workspaces/demo.json",
                        width: Int = 150, height: Int = 50, name: String = "t", after: String = "") throws {
            // exec: the pane's process is ropg itself, so a test can kill -9 it as a crash would.
            let command = "cd '\(folder.path)' && \(after.isEmpty ? "exec " : "")env \(environment) HOME='\(folder.path)' NO_COLOR=1 '\(TestSupport.binary.path)' \(arguments)" + after
            try run(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "bash", "-c", command])
        }

        /// Waits (up to 5 s) until the session `target` has ended.
        func waitUntilGone(_ target: String = "t") throws {
            for _ in 0..<50 where try run(["has-session", "-t", target]).isEmpty {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    static var tmuxAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    @Test(.enabled(if: tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func typeCompleteInterruptAndQuit() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("workspaces/demo.json")
        let before = try Data(contentsOf: demo)
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        // LANG unset on purpose: the shell must still take Chinese input (it falls back to C.UTF-8).
        try tmux.startShell(in: folder, environment: "-u LANG -u LC_ALL")
        _ = try tmux.waitFor("demo>")

        try tmux.enter("product add BG-9 name=\"帆布包\" price=88 cost=30")
        _ = try tmux.waitFor("added product BG-9 帆布包")
        _ = try tmux.waitFor("demo*>")

        // Tab completes the sub-command, then the SKU.
        try tmux.type("product sh")
        try tmux.type("Tab")
        try tmux.type("BG")
        try tmux.type("Tab")
        _ = try tmux.waitFor("demo*> product show BG-9")
        try tmux.type("Enter")
        let shown = try tmux.waitFor("│ name         │ 帆布包")
        #expect(shown.contains("│ price        │ 88.00"))

        // Ctrl-C clears the line and the shell goes on.
        try tmux.type("nonsense")
        _ = try tmux.waitFor("demo*> nonsense")
        try tmux.type("C-c")
        _ = try tmux.waitFor("demo*> nonsense\n[3] demo*>")
        try tmux.enter("info")
        _ = try tmux.waitFor("unsaved changes")

        // quit asks about the unsaved product; "n" leaves without saving.
        try tmux.enter("quit")
        _ = try tmux.waitFor("Save them before quitting? [y/n/c]")
        try tmux.enter("n")
        try tmux.waitUntilGone()
        #expect(try Data(contentsOf: demo) == before, "quit without saving leaves the file as it was")
        let history = try String(contentsOf: folder.appendingPathComponent(".ropg_history"), encoding: .utf8)
        #expect(history.contains("帆布包"))
        #expect(history.contains("product\\040show\\040BG-9"))
    }

    /// A session in Chinese (LANG=zh_CN.UTF-8): the banner, messages, tables and the quit question
    /// are Chinese, commands and Tab completion stay as typed, and the wider Chinese headers still
    /// line up on the terminal.
    @Test(.enabled(if: tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func aSessionInChinese() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        try tmux.startShell(in: folder, environment: "-u LC_ALL LANG=zh_CN.UTF-8 ROPG_TODAY=2026-03-16", width: 200)
        _ = try tmux.waitFor("输入 help，或 quit 退出。")
        _ = try tmux.waitFor("demo>")

        try tmux.enter("product add BG-9 name=\"帆布包\" price=88 cost=30")
        _ = try tmux.waitFor("已添加商品 BG-9 帆布包")

        // Tab completes the English command words in a Chinese session too.
        try tmux.type("pn")
        try tmux.type("Tab")
        try tmux.type("2026-03")
        _ = try tmux.waitFor("demo*> pnl 2026-03")
        try tmux.type("Enter")
        let screen = try tmux.waitFor("销售相关成本跟随计划")
        #expect(screen.contains("损益 2026-03"))
        #expect(screen.contains("│ 期间    │     销售额 │"))
        // Every line of the table is as wide on the screen as its top border.
        let table = screen.split(separator: "\n").map(String.init).filter { $0.hasPrefix("┌") || $0.hasPrefix("│") || $0.hasPrefix("├") || $0.hasPrefix("└") }
        #expect(table.count >= 5)
        let widths = Set(table.map { displayWidth($0.trimmingCharacters(in: .whitespaces)) })
        #expect(widths.count == 1, "the table's lines differ in width: \(table)")

        try tmux.enter("pnl 2026-13")
        _ = try tmux.waitFor("错误：\"2026-13\" 不是期间：月份为 01 到 12")

        // The quit question is asked in Chinese; "n" leaves without saving.
        try tmux.enter("quit")
        _ = try tmux.waitFor("demo 有未保存的修改。退出之前保存吗？[y/n/c]")
        try tmux.enter("n")
        try tmux.waitUntilGone()
    }

    /// Quitting with a scenario's edits not kept (review of issue 14): the question says keep
    /// stores them into the scenario, and "y" keeps them there and saves, so nothing is lost.
    @Test(.enabled(if: tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func quittingKeepsAnOpenScenariosEdits() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("workspaces/demo.json")
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        try tmux.startShell(in: folder, environment: "", width: 200)
        _ = try tmux.waitFor("demo>")
        try tmux.enter("scenario new 测试")
        _ = try tmux.waitFor("scenario 测试 opened")
        try tmux.enter("set cvr=5%")
        _ = try tmux.waitFor("set cvr 5%")
        try tmux.enter("quit")
        let asked = try tmux.waitFor("Keep them into 测试 and save before quitting? [y/n/c]")
        #expect(asked.contains("scenario 测试 has 1 change not kept yet"), "the question names the scenario:\n\(asked)")
        #expect(!asked.contains("Save the plan"), "the question is not the plain what-if's:\n\(asked)")
        try tmux.enter("y")
        try tmux.waitUntilGone()
        let saved = try String(contentsOf: demo, encoding: .utf8)
        #expect(saved.contains("\"测试\""), "the scenario was kept and saved")
        #expect(saved.contains("{\"scenario\": \"测试\", \"set\": \"cvr\", \"to\": \"0.05\"}"), "with its change of CVR:\n\(saved)")
    }

    /// Quitting never loses work (issue 12): Ctrl-C inside a Ctrl-R search does not quit; after
    /// cancelling the save question, the next Ctrl-D asks again; Ctrl-C at the question cancels.
    @Test(.enabled(if: tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func quittingAlwaysAsks() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        try tmux.startShell(in: folder, after: "; echo LEFT-THE-SHELL; sleep 30")
        _ = try tmux.waitFor("demo>")
        try tmux.enter("product set TS-001 price=70")
        _ = try tmux.waitFor("demo*>")

        // Ctrl-R starts a search; Ctrl-C there leaves the search, not the shell.
        try tmux.type("C-r")
        try tmux.type("prod")
        try tmux.type("C-c")
        Thread.sleep(forTimeInterval: 0.3)
        let afterSearch = try tmux.screen()
        #expect(!afterSearch.contains("Save them before quitting"), "Ctrl-C in a search is not a quit:\n\(afterSearch)")
        try tmux.enter("info")
        _ = try tmux.waitFor("state")
        #expect(!(try tmux.screen()).contains("LEFT-THE-SHELL"))

        // Ctrl-D asks; c cancels; the next Ctrl-D asks again.
        try tmux.type("C-d")
        _ = try tmux.waitFor("Save them before quitting? [y/n/c]")
        try tmux.enter("c")
        _ = try tmux.waitFor("cancelled; nothing changed")
        try tmux.type("C-d")
        let again = try tmux.waitFor("cancelled; nothing changed")
        let questions = again.components(separatedBy: "Save them before quitting?").count - 1
        #expect(questions >= 2 || again.hasSuffix("[y/n/c] \n"), "the second Ctrl-D asks again:\n\(again)")
        // Ctrl-C at the question cancels too.
        try tmux.type("C-c")
        _ = try tmux.waitFor("demo*>")
        #expect(!(try tmux.screen()).contains("LEFT-THE-SHELL"))
        #expect(!(try tmux.screen()).contains("left without saving"))
        try tmux.enter("quit discard=yes")
        _ = try tmux.waitFor("LEFT-THE-SHELL")
    }

    /// Two shells on one workspace, as two people would have them: the second is told about the
    /// first; after the first saves, the second's save is refused and its `info` does not say
    /// saved; `save reload` keeps both changes. Then the second shell is killed (kill -9), and a
    /// third takes over the lock it left, saying so.
    @Test(.enabled(if: tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func twoShellsOnOneWorkspace() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workspaces/demo.json").path
        let lock = folder.appendingPathComponent("workspaces/.demo.json.lock").path
        let tmux = Tmux()
        defer { _ = try? tmux.run(["kill-server"]) }
        func start(_ name: String) throws { try tmux.startShell(in: folder, width: 200, name: name) }
        try start("a")
        try tmux.waitFor("demo>", in: "a")
        let holderA = String(decoding: try AtomicFile.readAll(path: lock), as: UTF8.self)
        try start("b")
        let screenB = try tmux.waitFor("demo>", in: "b")
        #expect(screenB.contains("another ropg (pid "))
        #expect(screenB.contains("has workspaces/demo.json open"))
        #expect(holderA.hasPrefix("pid="))

        try tmux.enter("product set TS-001 price=69", in: "a")
        try tmux.enter("save", in: "a")
        try tmux.waitFor("saved demo to workspaces/demo.json", in: "a")

        try tmux.enter("product set TS-002 name=冰丝二代", in: "b")
        try tmux.enter("save", in: "b")
        try tmux.waitFor("changed on disk since it was opened", in: "b")
        try tmux.waitFor("save reload        read it again", in: "b")
        try tmux.enter("info", in: "b")
        try tmux.waitFor("│ state           │ unsaved changes; the file changed on disk", in: "b")
        try tmux.enter("save reload", in: "b")
        try tmux.waitFor("re-applied your 1 change", in: "b")
        let reloaded = try tmux.waitFor("saved demo to workspaces/demo.json", in: "b")
        #expect(!reloaded.contains("not applied"))
        try tmux.enter("info", in: "a")
        try tmux.waitFor("the file changed on disk since ropg last saved it", in: "a")
        let both = try WorkspaceReader.load(path: path)
        #expect(both.products[0].price.description == "69" && both.products[1].name == "冰丝二代")

        // A has nothing unsaved: quit leaves at once, and its lock goes. B saved, so it takes the lock.
        try tmux.enter("quit", in: "a")
        #expect(eventually { (try? tmux.run(["has-session", "-t", "a"]))?.isEmpty == false })
        try tmux.enter("info", in: "b")
        try tmux.enter("save", in: "b")
        #expect(eventually { ((try? AtomicFile.readAll(path: lock)).map { String(decoding: $0, as: UTF8.self) } ?? holderA) != holderA })
        let holderB = String(decoding: try AtomicFile.readAll(path: lock), as: UTF8.self)
        let pidB = holderB.split(separator: "\n").first.map { String($0.dropFirst("pid=".count)) } ?? ""
        #expect(Int32(pidB) != nil, "\(holderB)")

        // B is killed: its lock file stays, and the next shell takes it over, saying so once.
        if let pid = Int32(pidB) { kill(pid, SIGKILL) }
        #expect(eventually { (try? tmux.run(["has-session", "-t", "b"]))?.isEmpty == false })
        #expect(FileManager.default.fileExists(atPath: lock))
        try start("c")
        let screenC = try tmux.waitFor("demo>", in: "c")
        #expect(screenC.contains("took over the lock on workspaces/demo.json from ropg pid \(pidB), since "))
        #expect(screenC.contains("which is no longer running"))
        try tmux.enter("quit", in: "c")
        #expect(eventually { !FileManager.default.fileExists(atPath: lock) })
    }

    /// Starts the shell on a scratch copy of the demo in tmux; returns the folder and the tmux.
    func startDemo(width: Int = 150) throws -> (URL, Tmux) {
        let folder = try TestSupport.scratchCopy()
        let tmux = Tmux()
        try tmux.startShell(in: folder, environment: "LANG=C.UTF-8 ROPG_TODAY=2026-03-16", width: width)
        _ = try tmux.waitFor("demo>")
        return (folder, tmux)
    }

    /// The line the prompt is on, as the screen shows it.
    func promptLine(_ tmux: Tmux) throws -> String {
        let line = try tmux.screen().split(separator: "\n").last { $0.hasPrefix("demo") || $0.hasPrefix("[") }.map(String.init) ?? ""
        return String(line.reversed().drop { $0 == " " }.reversed())
    }

    /// Completion at each kind of position: a verb, a required word (a period, not keys), a closed
    /// set after key=, a profile inside by=, a SKU, and a file name after >.
    @Test(.enabled(if: tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func completionOffersWhatFitsAtTheCursor() throws {
        let (folder, tmux) = try startDemo()
        defer { try? FileManager.default.removeItem(at: folder) }
        defer { _ = try? tmux.run(["kill-server"]) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("利润表.csv"))

        try tmux.type("goal sp")
        try tmux.type("Tab")
        _ = try tmux.waitFor("demo> goal split ")
        // A period comes first: Tab lists periods, never metric keys or SKUs.
        try tmux.type("2026-Q")
        try tmux.type("Tab")
        let listed = try tmux.waitFor("2026-Q4")
        #expect(listed.contains("2026-Q1") && !listed.contains("gmv=") && !listed.contains("TS-001"), "\(listed)")
        try tmux.type("BSpace", "BSpace")
        try tmux.type(" to=m")
        try tmux.type("Tab")
        _ = try tmux.waitFor("demo> goal split 2026 to=month ")
        try tmux.type("by=prof")
        try tmux.type("Tab")
        _ = try tmux.waitFor("demo> goal split 2026 to=month by=profile:电商 ")
        try tmux.type("C-u")
        try tmux.type("pnl 2026-03 by=q")
        try tmux.type("Tab")
        _ = try tmux.waitFor("demo> pnl 2026-03 by=quarter ")
        try tmux.type("source=a")
        try tmux.type("Tab")
        _ = try tmux.waitFor("demo> pnl 2026-03 by=quarter source=actual ")
        try tmux.type("C-u")
        try tmux.type("product set TS-00")
        try tmux.type("Tab")
        let skus = try tmux.waitFor("TS-002")
        #expect(skus.contains("TS-001"))
        try tmux.type("1 ro")
        try tmux.type("Tab")
        _ = try tmux.waitFor("demo> product set TS-001 role=")
        try tmux.type("C-u")
        try tmux.type("pnl 2026-03 > 利")
        try tmux.type("Tab")
        _ = try tmux.waitFor("demo> pnl 2026-03 > 利润表.csv ")
        try tmux.type("Enter")
        _ = try tmux.waitFor("wrote")
        try tmux.enter("quit discard=yes")
    }

    /// In an 80-column pane a wide table (margin, about 180 columns) is shown as records and says
    /// so, and a table that fits (costs by category) keeps its box: no table line is wider than the pane.
    @Test(.enabled(if: tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func tablesFitAnEightyColumnPane() throws {
        let (folder, tmux) = try startDemo(width: 80)
        defer { try? FileManager.default.removeItem(at: folder) }
        defer { _ = try? tmux.run(["kill-server"]) }
        try tmux.enter("margin")
        let margin = try tmux.waitFor("shown as records")
        try tmux.type("C-l")
        try tmux.enter("costs 2026-03")
        let costs = try tmux.waitFor("└")
        for screen in [margin, costs] {
            let tableLines = screen.split(separator: "\n").map(String.init).filter { $0.contains("│") || $0.hasPrefix("─[") || $0.hasPrefix("┌") }
            #expect(!tableLines.isEmpty)
            for line in tableLines { #expect(displayWidth(line) <= 80, "wider than the pane: \(line)") }
        }
        #expect(margin.contains("─[ SK-001 ]") && margin.contains("contribution"), "\(margin)")
        #expect(costs.contains("┌") && !costs.contains("shown as records"), "\(costs)")
        try tmux.enter("quit")
    }

    /// The cursor is drawn where it is after editing beside double-width characters: deleting
    /// and typing in the middle of a line with Chinese in it (libedit drew it one column right).
    @Test(.enabled(if: tmuxAvailable, "needs tmux (scripts/setup --test installs it)"))
    func cursorAfterEditingChineseMidLine() throws {
        let (folder, tmux) = try startDemo()
        defer { try? FileManager.default.removeItem(at: folder) }
        defer { _ = try? tmux.run(["kill-server"]) }
        func cursor() throws -> Int { Int(try tmux.run(["display", "-p", "-t", "t", "#{cursor_x}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        // "[1] demo> " is 10 columns; a Chinese character is 2.
        try tmux.type("ab纯棉T恤价格cd")
        #expect(try cursor() == 10 + 15)
        try tmux.type("Left", "Left", "Left", "Left")
        #expect(try cursor() == 10 + 9)                        // before 价
        try tmux.type("BSpace")                               // 恤 goes
        #expect(try promptLine(tmux) == "[1] demo> ab纯棉T价格cd")
        #expect(try cursor() == 10 + 7)
        try tmux.type("Left")
        try tmux.type("DC")                                   // T goes
        #expect(try promptLine(tmux) == "[1] demo> ab纯棉价格cd")
        #expect(try cursor() == 10 + 6)
        try tmux.type("X")
        #expect(try cursor() == 10 + 7)
        try tmux.type("新")
        #expect(try promptLine(tmux) == "[1] demo> ab纯棉X新价格cd")
        #expect(try cursor() == 10 + 9)
        try tmux.type("C-a", "Right", "Right", "Right")      // after 纯
        try tmux.type("BSpace")
        #expect(try promptLine(tmux) == "[1] demo> ab棉X新价格cd")
        #expect(try cursor() == 10 + 2)
        // The line that runs is the one shown.
        try tmux.type("C-a")
        try tmux.type("C-k")
        try tmux.type("product add BG-9 name=\"帆x布包\" price=88 cost=30")
        try tmux.type(in: "t", Array(repeating: "Left", count: 20))   // after x
        try tmux.type("BSpace")
        #expect(try promptLine(tmux) == "[1] demo> product add BG-9 name=\"帆布包\" price=88 cost=30")
        try tmux.type("Enter")
        _ = try tmux.waitFor("added product BG-9 帆布包")
        try tmux.enter("quit discard=yes")
    }
}
