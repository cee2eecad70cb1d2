import Testing
import ROPGDomain
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

@Suite struct TokenizerTests {
    func words(_ line: String) throws -> [String] {
        try Tokenizer.commands(in: line).first?.words.map(\.text) ?? []
    }

    @Test func splitsWordsAndQuotes() throws {
        #expect(try words("product add TS-001 name=\"纯棉T恤\" price=79") == ["product", "add", "TS-001", "name=纯棉T恤", "price=79"])
        #expect(try words("cost add R '技术 服务费' 5% of=revenue") == ["cost", "add", "R", "技术 服务费", "5%", "of=revenue"])
        #expect(try words("  goal   set\t2026  gmv=1200万 ") == ["goal", "set", "2026", "gmv=1200万"])
    }

    @Test func keysAndValues() throws {
        let line = try #require(try Tokenizer.commands(in: "product add TS-001 name=\"纯棉 T恤\" price=¥79 \"a=b\" x=").first)
        #expect(line.words[3].key == "name")
        #expect(line.words[3].value == "纯棉 T恤")
        #expect(line.words[4].key == "price" && line.words[4].value == "¥79")
        #expect(line.words[5].key == nil && line.words[5].text == "a=b")
        #expect(line.words[6].key == "x" && line.words[6].value == "")
        // Upper case or Chinese before = is not a key: it is a plain word.
        let plain = try #require(try Tokenizer.commands(in: "cost add G 运费=多 A=1").first)
        #expect(plain.words[3].key == nil && plain.words[4].key == nil)
    }

    /// A Chinese input method types the operator and `=` full-width: `price－=10%` is `price-=10%`
    /// (review of issue 13, #14), as full-width digits in numbers are already read.
    @Test func fullWidthOperatorsReadAsTheirTwins() throws {
        let line = try #require(try Tokenizer.commands(in: "product set TS-001 price－=10% stock＋＝5 cost＊=1.1 name＝衬衫 qty－1").first)
        #expect(line.words[3].key == "price-" && line.words[3].value == "10%")
        #expect(line.words[4].key == "stock+" && line.words[4].value == "5")
        #expect(line.words[5].key == "cost*" && line.words[5].value == "1.1")
        #expect(line.words[6].key == "name" && line.words[6].value == "衬衫")
        // A full-width minus not before `=` stays text.
        #expect(line.words[7].key == nil && line.words[7].text == "qty－1")
    }

    @Test func semicolonsSeparateCommandsOutsideQuotes() throws {
        let lines = try Tokenizer.commands(in: "product list; cost add G \"a;b\" 4/order ;; info")
        #expect(lines.map(\.source) == ["product list", "cost add G \"a;b\" 4/order", "info"])
        #expect(lines[1].words[3].text == "a;b")
    }

    @Test func commentsAndRedirects() throws {
        #expect(try Tokenizer.commands(in: "# just a comment").isEmpty)
        #expect(try words("product list # the rest is ignored") == ["product", "list"])
        #expect(try words("cost add G \"#1\" 4/order") == ["cost", "add", "G", "#1", "4/order"])
        let redirected = try #require(try Tokenizer.commands(in: "product list > out.csv").first)
        #expect(redirected.redirect == "out.csv" && redirected.words.count == 2)
        #expect(try Tokenizer.commands(in: "product list >out.md").first?.redirect == "out.md")
        #expect(try Tokenizer.commands(in: "product list \">\" x").first?.redirect == nil)
    }

    @Test func errorsSayWhere() {
        #expect(throws: SyntaxError(message: "a quote opened at column 23 is never closed", column: 23)) {
            try Tokenizer.commands(in: "product add TS-1 name=\"纯棉")
        }
        #expect(throws: SyntaxError(message: "`>` needs a file name after it", column: 14)) {
            try Tokenizer.commands(in: "product list >")
        }
        #expect(throws: SyntaxError(message: "`>` must come last, followed by a file name", column: 14)) {
            try Tokenizer.commands(in: "product list > a.csv b")
        }
    }

    @Test func suggestions() {
        #expect(Suggestions.nearest(to: "prodcut", among: ["product", "profile", "pnl"]) == ["product"])
        #expect(Suggestions.nearest(to: "prce", among: ["price", "cost", "name"]) == ["price"])
        #expect(Suggestions.nearest(to: "zzzzzz", among: ["price", "cost"]).isEmpty)
    }
}
