import Foundation
import Testing
@testable import ROPGShell
@testable import ROPGText
import ROPGDomain

/// The one catalogue: every message has both languages with the same parameters, no message is
/// kept twice, and every message the sources phrase (and every column header they declare) is in
/// it, so Chinese never falls back to English unnoticed.
@Suite struct CatalogueTests {
    /// The message without a "CONTEXT|" prefix (`phrase(in:_:)`).
    static func message(of key: String) -> String {
        guard let bar = key.firstIndex(of: "|"), !key[..<bar].contains(" "), !key[..<bar].isEmpty, key[..<bar].allSatisfy(\.isLetter) else { return key }
        return String(key[key.index(after: bar)...])
    }

    @Test func everyEntryHasBothLanguagesWithTheSameParameters() {
        #expect(Catalogue.chinese.count > 300)
        for (english, chinese) in Catalogue.chinese {
            #expect(!chinese.isEmpty, "no Chinese for \(english)")
            let englishParameters = Catalogue.parameters(of: Self.message(of: english)).sorted()
            let chineseParameters = Catalogue.parameters(of: chinese).sorted()
            #expect(Set(englishParameters) == Set(chineseParameters), "\(english) → \(chinese): parameters differ")
        }
    }

    @Test func noMessageIsKeptTwice() {
        var seen: [String: String] = [:]
        for part in Catalogue.parts {
            for key in part.entries.keys {
                #expect(seen[key] == nil, "\(key) is in both \(seen[key] ?? "") and \(part.area)")
                seen[key] = part.area
            }
        }
    }

    /// The string literals a pattern's first group finds in every source file, unescaped.
    static func literals(matching pattern: String) throws -> [(file: String, text: String)] {
        let root = TestSupport.repositoryRoot.appendingPathComponent("Sources")
        let regex = try NSRegularExpression(pattern: pattern)
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in regex.matches(in: text, range: range) {
                guard let group = Range(match.range(at: 1), in: text) else { continue }
                let literal = String(text[group]).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                found.append((file, literal))
            }
        }
        return found
    }

    @Test func everyPhrasedMessageIsInTheCatalogue() throws {
        let phrased = try Self.literals(matching: #"phrase\((?:in: "([a-z]+)", )?"((?:[^"\\]|\\.)*)""#.replacingOccurrences(of: "(?:in: \"([a-z]+)\", )?", with: "(?:in: \"[a-z]+\", )?"))
        #expect(phrased.count > 150)
        for (file, message) in phrased {
            #expect(!message.contains("\\("), "\(file): a message is keyed by its text with {parameters}, not interpolated: \(message)")
            #expect(Catalogue.chinese[message] != nil, "\(file): no Chinese for \"\(message)\"")
        }
        // A phrase prepared once for many rows (`PreparedPhrase("…", in:)`) is keyed alike.
        for (file, message) in try Self.literals(matching: #"PreparedPhrase\("((?:[^"\\]|\\.)*)""#) {
            #expect(Catalogue.chinese[message] != nil, "\(file): no Chinese for \"\(message)\"")
        }
        // A report's error holds its message's key (the reports do not phrase): each is in the catalogue.
        let reportKeys = try Self.literals(matching: #"ReportError\("((?:[^"\\]|\\.)*)""#)
        #expect(reportKeys.count > 10)
        for (file, key) in reportKeys {
            #expect(!key.contains("\\("), "\(file): a report error is keyed by its text with {parameters}, not interpolated: \(key)")
            #expect(Catalogue.chinese[key] != nil, "\(file): no Chinese for the report error \"\(key)\"")
        }
        // The domain's keyed messages: `KeyedMessage("…")`, and a failure's or a problem's plain literal.
        let domainKeys = try Self.literals(matching: #"(?:KeyedMessage\(|(?:Failure|Unreachable)\(message: |adSpendProblem = (?:[^"\n]*\? )?)"((?:[^"\\]|\\.)*)""#)
            .filter { $0.file.hasPrefix("ROPGDomain/") }
        #expect(domainKeys.count > 20)
        for (file, key) in domainKeys {
            #expect(!key.contains("\\("), "\(file): a domain message is keyed by its text with {parameters}, not interpolated: \(key)")
            #expect(Catalogue.chinese[key] != nil, "\(file): no Chinese for the domain message \"\(key)\"")
        }
        // `phrase(count: n, "{count} product", "{count} products")`: both forms are keys.
        let counted = try Self.literals(matching: #"phrase\(count: [^,]+, "((?:[^"\\]|\\.)*)", "(?:[^"\\]|\\.)*"\)"#)
            + Self.literals(matching: #"phrase\(count: [^,]+, "(?:[^"\\]|\\.)*", "((?:[^"\\]|\\.)*)"\)"#)
        #expect(counted.count > 20)
        for (file, message) in counted {
            #expect(Catalogue.chinese[message] != nil, "\(file): no Chinese for the count \"\(message)\"")
        }
    }

    /// Errors and messages are phrased, never written as English literals: `CommandError("…")`
    /// and `.message("…")` with a literal would print English in a Chinese session, and so would
    /// a workspace file's error (`failure(path, "…")`, `WorkspaceLoadError("…")`) or a JSON syntax
    /// error (`error("…", at:)`, `fail("…")`). No file is an exception.
    @Test func noErrorOrMessageIsAnEnglishLiteral() throws {
        let literals = try Self.literals(matching: Self.englishLiteral)
        for (file, literal) in literals where !Self.holdsNoWords(literal) {
            Issue.record("\(file): an English literal where a phrase is needed: \(literal)")
        }
        // The scan would find one of each kind.
        let probes = [#"throw CommandError("by=x")"#, #"throw failure(path(), "expected an object")"#,
                      #"throw failure("\(path()).metric", "bad")"#, #"throw error("trailing comma", at: pos)"#, #"throw CommandError(open ? "nothing to undo" : phrase("x"))"#, #"WorkspaceLoadError("\(name) is bad")"#, #"throw SyntaxError(message: "a quote", column: 1)"#]
        let regex = try NSRegularExpression(pattern: Self.englishLiteral)
        for probe in probes {
            let found = regex.firstMatch(in: probe, range: NSRange(probe.startIndex..., in: probe)).flatMap { Range($0.range(at: 1), in: probe) }
            #expect(found.map { !Self.holdsNoWords(String(probe[$0])) } == true, "the scan misses \(probe)")
        }
    }

    /// A string literal handed to an error or a message: `CommandError("…")` (also after a `?`),
    /// `.message("…")`, the files' and the command line's errors (`WorkspaceLoadError("…")`,
    /// `FileError(message: "…")`, `SyntaxError(message: "…")`, …), JSON's `error("…", at:)` and
    /// `fail("…")`, and the workspace reader's `failure(path, "…")`.
    static let englishLiteral = #"(?:CommandError\([^"()]*\? |(?:(?:Command|WorkspaceLoad|JSONFile|File|Syntax|Load|Usage|Open)Error|\.message|[^a-zA-Z.]fail|[^a-zA-Z.]error)\((?:message: )?|failure\([^,()]*(?:\((?:[^()]|\([^()]*\))*\)[^,()]*)*, )("(?:[^"\\]|\\.)*")"#

    /// A literal of interpolated values and punctuation only ("\(fileName):\(line): \(message)")
    /// has no words to translate.
    static func holdsNoWords(_ literal: String) -> Bool {
        let values = try? NSRegularExpression(pattern: #"\\\((?:[^()]|\([^()]*\))*\)"#)
        let text = values?.stringByReplacingMatches(in: literal, range: NSRange(literal.startIndex..., in: literal), withTemplate: "") ?? literal
        return !text.contains { $0.isLetter }
    }

    @Test func everyColumnHeaderIsInTheCatalogue() throws {
        let headers = try Self.literals(matching: #"\.(?:text|number)\("((?:[^"\\]|\\.)+)", key:"#)
        #expect(headers.count > 100)
        for (file, header) in headers where !header.contains("\\(") {
            #expect(Catalogue.chinese[header] != nil, "\(file): no Chinese for the column \"\(header)\"")
        }
    }

    @Test func everyCommandExplainsItselfInChinese() {
        for command in CommandRegistry.all {
            let english = Interface.$language.withValue(.en) { (command.summary, command.details) }
            let chinese = Interface.$language.withValue(.zh) { (phrase(command.summary), phrase(command.details)) }
            #expect(Catalogue.chinese[english.0] != nil, "help \(command.name): no Chinese summary")
            if !english.1.isEmpty { #expect(chinese.1 != english.1, "help \(command.name): no Chinese explanation") }
        }
        for topic in HelpTopic.allCases { #expect(Catalogue.chinese[topic.rawValue] != nil, "no Chinese for the topic \(topic.rawValue)") }
    }

    /// The command lines' usage is kept whole in the catalogue; a change to either text must
    /// change its Chinese too.
    @Test func theUsageTextsHaveChinese() {
        #expect(Catalogue.chinese[ShellMain.helpText] != nil, "ropg --help has no Chinese for its current text")
        #expect(Catalogue.chinese[NotebookWords.englishUsage] != nil, "ropg run --help has no Chinese for its current text")
    }

    @Test func parametersFillByName() {
        #expect(Catalogue.fill("{a} and {b}, {a}", ["a": "1", "b": "2"]) == "1 and 2, 1")
        #expect(Catalogue.fill("{missing} {x", ["a": "1"]) == "{missing} {x")
        #expect(Interface.$language.withValue(.zh) { phrase("unknown option {option}", ["option": "--x"]) } == "未知选项 --x")
        #expect(phrase("unknown option {option}", ["option": "--x"]) == "unknown option --x")
        #expect(Interface.$language.withValue(.zh) { choiceList(["a", "b", "c"]) } == "a、b 或 c")
        #expect(choiceList(["a", "b", "c"]) == "a, b or c")
    }

    @Test func theLocaleChoosesTheLanguage() {
        #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8", "LC_ALL": "C"]) == .en)
        #expect(Language.fromLocale(["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.fromLocale(["LC_ALL": "", "LANG": "zh_CN.GB18030"]) == .zh)
        #expect(Language.fromLocale([:]) == .en)
        #expect(Language(code: "zh-CN") == .zh && Language(code: "EN") == .en && Language(code: "fr") == nil)
    }
}
