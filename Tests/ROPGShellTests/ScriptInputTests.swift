import Foundation
import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

/// Awkward input (issue 12): CRLF and byte order marks are read, other encodings and NUL are
/// refused with a message saying why, errors quote a bad word briefly, and huge lines are refused
/// in linear time.
@Suite struct ScriptInputTests {

    @Test func crlfScriptsRunFromEveryPlace() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let crlf = "product set TS-001 \\\r\n   price=70\r\nproduct show TS-001\r\n"
        try Data(crlf.utf8).write(to: folder.appendingPathComponent("crlf.ropg"))
        let fromFile = try SafeInputSupport.run(["workspaces/demo.json", "-f", "crlf.ropg"], in: folder)
        let fromStdin = try SafeInputSupport.run(["workspaces/demo.json"], in: folder, stdin: Array(crlf.utf8))
        let fromSource = try SafeInputSupport.run(["workspaces/demo.json", "-c", "source crlf.ropg"], in: folder)
        let fromDashC = try SafeInputSupport.run(["workspaces/demo.json", "-c", crlf], in: folder)
        for result in [fromFile, fromStdin, fromSource, fromDashC] {
            #expect(result.status == 0, "\(result.err)")
            #expect(result.out.contains("│ price        │ 70.00"), "\(result.out)")
        }
        #expect(Script(name: "x", text: "a\r\nb\r\n\r\nc").lines.map(\.text) == ["a", "b", "c"])
        #expect(Script(name: "x", text: "a\r\nb\r\n\r\nc").lines.map(\.number) == [1, 2, 4])
    }

    @Test func aUTF8ByteOrderMarkIsSkipped() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = InputText.utf8BOM + Array("product show TS-001\n".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("bom.ropg"))
        for result in [try SafeInputSupport.run(["workspaces/demo.json", "-f", "bom.ropg"], in: folder),
                       try SafeInputSupport.run(["workspaces/demo.json"], in: folder, stdin: bytes)] {
            #expect(result.status == 0, "\(result.err)")
            #expect(result.out.contains("│ name         │ 纯棉T恤"))
        }
    }

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        var bytes: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    @Test func utf16IsNamedAndRefusedWithoutRunningAnything() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("workspaces/demo.json")
        let before = try Data(contentsOf: demo)
        let script = "product set TS-001 price=70\r\nsave\r\n"
        for bigEndian in [false, true] {
            for mark in [true, false] {
                let bytes = Self.utf16(script, bigEndian: bigEndian, mark: mark)
                let endian = bigEndian ? "big-endian" : "little-endian"
                try Data(bytes).write(to: folder.appendingPathComponent("wide.ropg"))
                let file = try SafeInputSupport.run(["workspaces/demo.json", "-f", "wide.ropg"], in: folder)
                #expect(file.status == 1)
                #expect(file.err.contains("error: wide.ropg is UTF-16 (\(endian)): save it as UTF-8"), "\(file.err)")
                let stdin = try SafeInputSupport.run(["workspaces/demo.json"], in: folder, stdin: bytes)
                #expect(stdin.status == 1)
                #expect(stdin.err.contains("error: standard input is UTF-16 (\(endian)): save it as UTF-8"), "\(stdin.err)")
                let sourced = try SafeInputSupport.run(["workspaces/demo.json", "-c", "source wide.ropg"], in: folder)
                #expect(sourced.status == 1)
                #expect(sourced.err.contains("wide.ropg is UTF-16 (\(endian)): save it as UTF-8"), "\(sourced.err)")
            }
        }
        #expect(try Data(contentsOf: demo) == before)
        #expect(InputText.wideEncoding([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0]) == .utf32LE)
        #expect(InputText.wideEncoding(Array("info\n".utf8)) == nil)
        // A stray NUL or two in UTF-8 text is not UTF-16 (the tokenizer refuses it instead).
        #expect(InputText.wideEncoding(Array("product list\u{0}\nproduct show TS-001\n".utf8)) == nil)
    }

    @Test func anImportedCSVInUTF16IsNamedAndOneWithAByteOrderMarkIsRead() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        var export = try String(contentsOf: folder.appendingPathComponent("examples/data/生意参谋-2026-03.csv"), encoding: .utf8)
        if export.hasPrefix("\u{FEFF}") { export.removeFirst() }  // the file has a byte order mark of its own
        try Data(Self.utf16(export, bigEndian: false, mark: true)).write(to: folder.appendingPathComponent("unicode.csv"))
        let wide = try SafeInputSupport.run(["workspaces/demo.json", "-c", "actual import unicode.csv"], in: folder)
        #expect(wide.status == 1)
        #expect(wide.err.contains("error: unicode.csv is UTF-16 (little-endian): save it as UTF-8"), "\(wide.err)")
        try Data(InputText.utf8BOM + Array(export.utf8)).write(to: folder.appendingPathComponent("bom.csv"))
        let marked = try SafeInputSupport.run(["workspaces/demo.json", "-c", "actual import bom.csv; save"], in: folder)
        #expect(marked.status == 0, "\(marked.err)")
        #expect(marked.out.contains("imported"), "\(marked.out)")
    }

    @Test func invalidUTF8IsRefusedWithWhereItIs() throws {
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("workspaces/demo.json")
        let before = try Data(contentsOf: demo)
        // Latin-1 "café" on line 2: the bytes used to become U+FFFD and be saved from stdin.
        let bytes = Array("product set TS-001 price=70\nproduct set TS-001 name=caf".utf8) + [0xE9] + Array("\nsave\n".utf8)
        let stdin = try SafeInputSupport.run(["workspaces/demo.json"], in: folder, stdin: bytes)
        #expect(stdin.status == 1)
        #expect(stdin.err == "error: standard input is not UTF-8 text: line 2, byte 28 (offset 55) is 0xE9, which does not start a UTF-8 character there; save it as UTF-8\n")
        #expect(stdin.out.isEmpty)
        try Data(bytes).write(to: folder.appendingPathComponent("latin1.ropg"))
        let file = try SafeInputSupport.run(["workspaces/demo.json", "-f", "latin1.ropg"], in: folder)
        #expect(file.status == 1)
        #expect(file.err.contains("latin1.ropg is not UTF-8 text: line 2, byte 28"))
        let sourced = try SafeInputSupport.run(["workspaces/demo.json", "-c", "source latin1.ropg"], in: folder)
        #expect(sourced.err.contains("latin1.ropg is not UTF-8 text: line 2, byte 28"))
        #expect(try Data(contentsOf: demo) == before)
    }

    @Test func utf8IsCheckedByTheRules() {
        func bad(_ bytes: [UInt8]) -> Int? { InputText.firstInvalidUTF8(bytes[...]) }
        #expect(bad(Array("纯棉T恤 ¥79 😀 ok".utf8)) == nil)
        #expect(bad([0x41, 0xC0, 0x80]) == 1)          // overlong NUL
        #expect(bad([0x41, 0xE0, 0x80, 0x80]) == 1)    // overlong
        #expect(bad([0xED, 0xA0, 0x80]) == 0)          // a surrogate
        #expect(bad([0xF4, 0x90, 0x80, 0x80]) == 0)    // above U+10FFFF
        #expect(bad([0x41, 0x42, 0xE7, 0xBA]) == 2)    // cut short at the end
        #expect(bad([0x80]) == 0)                      // a lone continuation byte
        #expect(bad(Array(repeating: 0x61, count: 37) + [0xFF]) == 37)
    }

    @Test func nulIsRefusedInCommandLinesNamesAndSKUs() throws {
        #expect(throws: SyntaxError(message: "a NUL character (\\u{0}) at column 17: a command line cannot hold NUL; remove it", column: 17)) {
            try Tokenizer.commands(in: "product add TS-1\u{0} price=1 cost=1")
        }
        #expect(throws: SyntaxError(message: "a NUL character (\\u{0}) at column 23: a command line cannot hold NUL; remove it", column: 23)) {
            try Tokenizer.commands(in: "product add A name=\"纯棉\u{0}\" price=1 cost=1")
        }
        let product = Product(sku: "A\u{0}B", name: "x\u{0}", price: ExactDecimal(1), cost: ExactDecimal(1))
        #expect(Validation.issues(in: product).map(\.description) == [
            "sku: \"A\u{0}B\" holds a NUL character (\\u{0}); remove it",
            "name: \"x\u{0}\" holds a NUL character (\\u{0}); remove it",
        ])
        // Typed, it never gets that far; in a file, the workspace is refused.
        let session = SafeInputSupport.session()
        #expect(!session.execute(line: "product add A\u{0}B price=1 cost=1"))
        #expect(session.workspace.products.isEmpty)
        #expect(session.console.takeCapturedErrors() == "error: a NUL character (\\u{0}) at column 14: a command line cannot hold NUL; remove it\n")
        let folder = try TestSupport.scratchCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOf: folder.appendingPathComponent("workspaces/demo.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"TS-001\"", with: "\"TS\\u0000001\"")
        try text.write(to: folder.appendingPathComponent("workspaces/nul.json"), atomically: true, encoding: .utf8)
        let opened = try SafeInputSupport.run(["workspaces/nul.json", "-c", "info"], in: folder)
        #expect(opened.status == 1)
        #expect(opened.err.contains("holds a NUL character"), "\(opened.err)")
        #expect(!opened.err.unicodeScalars.contains("\u{0}"))
    }

    @Test(.timeLimit(.minutes(1))) func errorsQuoteAtMostAnExcerptOfABadToken() {
        let long = String(repeating: "x", count: 5_000)
        #expect(long.excerpt == String(repeating: "x", count: 80) + "…")
        #expect("纯棉T恤".excerpt == "纯棉T恤")
        #expect(String(repeating: "纯", count: 81).excerpt == String(repeating: "纯", count: 80) + "…")
        let session = SafeInputSupport.session(Workspace(name: "shop", products: [Product(sku: "TS-001", name: "t", price: ExactDecimal(1), cost: ExactDecimal(1))]))
        for line in ["\(long)", "product set \(long) price=1", "product set TS-001 price=\(long)", "product set TS-001 \(long)=1",
                     "product set TS-001 price=1 \(long)", "product add A name=\"\(long) \(long)\" price=1 cost=\(long)",
                     "format \(long)", "cost list \(long)", "undo \(long)", "product list period=\(String(repeating: "2026 ", count: 1_000))"] {
            #expect(!session.execute(line: line))
            let error = session.console.takeCapturedErrors()
            #expect(error.hasPrefix("error: "))
            #expect(error.count < 400, "\(error.count) characters for \(line.prefix(40))")
            #expect(!error.contains(String(repeating: "x", count: 81)))
        }
        // The safety net cuts what a message forgot to: long words and long lines.
        #expect(Session.shortened("no such \(long) here") == "no such \(String(repeating: "x", count: 80))… here")
        #expect(Session.shortened(String(repeating: "ab ", count: 2_000)).count <= Session.longestErrorLine + 1)
        #expect(Session.shortened("short \"message\"") == "short \"message\"")
        #expect(Session.shortened("纯棉 " + String(repeating: "纯", count: 100) + "\n" + String(repeating: "x", count: 121))
                == "纯棉 " + String(repeating: "纯", count: 80) + "…\n" + String(repeating: "x", count: 80) + "…")
        #expect(Session.shortened(String(repeating: "ab\n", count: 1_000)) == String(repeating: "ab\n", count: 1_000))
        // A forgotten 16 MB token, many times over, is cut too (the time limit guards against a
        // quadratic cut; how long it takes is for the benchmark, `ropg-bench --only input`).
        let huge = String(repeating: "y", count: 16 << 20)
        #expect(Session.shortened("cannot read \(huge): no such file\n\(huge) \(huge)") == "cannot read \(String(repeating: "y", count: 80))… no such file\n\(String(repeating: "y", count: 80))… \(String(repeating: "y", count: 80))…")
    }

    /// The cases that took seconds or minutes: a huge word (edit distance against every name),
    /// a huge word full of `=` (the key test, quadratic), and a huge quoted name. Each is refused
    /// with a short error; the time limit only catches a return of the quadratic cases (minutes
    /// each), and the time each refusal takes is measured by `ropg-bench --only input`.
    @Test(.timeLimit(.minutes(1))) func a16MBLineIsRefusedWithAShortError() throws {
        let megabytes16 = 16 * 1024 * 1024
        let lines = [
            String(repeating: "x", count: megabytes16),
            "product set TS-001 " + String(repeating: "a", count: megabytes16 / 2) + "B" + String(repeating: "=", count: megabytes16 / 2),
            "product set TS-001 price=" + String(repeating: "9", count: megabytes16),
            "product add " + String(repeating: "A", count: megabytes16) + " price=1 cost=x",
            "product add A name=\"" + String(repeating: "纯 ", count: megabytes16 / 4) + "\" price=1 cost=x",
            // 4 million words, and a space at the end (trimming it went scalar by scalar).
            "product add " + String(repeating: "a b ", count: megabytes16 / 4),
            String(repeating: " ", count: megabytes16) + "nonsense" + String(repeating: "\t", count: megabytes16),
        ]
        let session = SafeInputSupport.session(Workspace(name: "shop", products: [Product(sku: "TS-001", name: "t", price: ExactDecimal(1), cost: ExactDecimal(1))]))
        for line in lines {
            let script = Script(name: "big.ropg", text: line + "\r\n")
            #expect(session.run(script, bail: false, echo: false) == 1)
            let error = session.console.takeCapturedErrors()
            #expect(error.hasPrefix("error: big.ropg:1: "), "\(error.prefix(200))")
            #expect(error.count < 400, "\(error.prefix(200))")
        }
        #expect(session.workspace.products.count == 1)
        // Suggestions look at no huge word (nor a huge name) at all.
        #expect(Suggestions.nearest(to: String(repeating: "x", count: 1_000_000), among: CommandRegistry.allNames).isEmpty)
        #expect(Suggestions.nearest(to: "prodcut", among: [String(repeating: "p", count: 1_000_000), "product"]) == ["product"])
    }

    @Test func aCommandOfMoreThanTenThousandWordsIsRefused() throws {
        let words = Array(repeating: "a", count: Tokenizer.mostWords)
        #expect(try Tokenizer.commands(in: words.joined(separator: " ")).first?.words.count == Tokenizer.mostWords)
        #expect(throws: SyntaxError(message: "more than 10000 words in one command (at column 20001); a command takes a few words, and lists go in one word, e.g. by=1,2,3", column: 20001)) {
            try Tokenizer.commands(in: (words + ["b"]).joined(separator: " "))
        }
        // Each command of a line counts on its own.
        #expect(try Tokenizer.commands(in: words.joined(separator: " ") + ";" + words.joined(separator: " ")).count == 2)
    }

    @Test func trimmingSpacesCutsOnlySpacesAndTabs() {
        #expect("  a b \t".trimmingSpaces() == "a b")
        #expect(" \t ".trimmingSpaces() == "")
        #expect("".trimmingSpaces() == "")
        #expect("\t纯棉 T恤　 ".trimmingSpaces() == "纯棉 T恤　")  // U+3000 is not trimmed here
        #expect(" e\u{301} ".trimmingSpaces() == "e\u{301}")
        #expect("x".trimmingSpaces() == "x")
    }

    @Test func tokenizerColumnsAndKeysAreUnchangedByTheByteScan() throws {
        let line = try #require(try Tokenizer.commands(in: "产品　add TS-1 name=\"纯 棉\" price=¥79 a=b=c Ab=1 -x=1 é=1 # note").first)
        #expect(line.words.map(\.text) == ["产品", "add", "TS-1", "name=纯 棉", "price=¥79", "a=b=c", "Ab=1", "-x=1", "é=1"])
        #expect(line.words.map(\.column) == [1, 4, 8, 13, 24, 34, 40, 45, 50])
        #expect(line.words.map(\.key) == [nil, nil, nil, "name", "price", "a", nil, nil, nil])
        #expect(line.words[5].value == "b=c")
        #expect(line.source == "产品　add TS-1 name=\"纯 棉\" price=¥79 a=b=c Ab=1 -x=1 é=1")
    }
}
