import Testing
@testable import ROPGShell
@testable import ROPGStorage
@testable import ROPGTables

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("Ä", 1), ("é", 1), ("…", 1), ("─", 1), ("€", 1),
        ("纯", 2), ("〇", 2), ("。", 2), ("、", 2), ("「", 2),  // CJK ideographs, symbols, punctuation
        ("あ", 2), ("カ", 2), ("한", 2), ("ㄅ", 2),  // kana, Hangul, Bopomofo
        ("Ａ", 2), ("１", 2), ("，", 2), ("￥", 2), ("￠", 2),  // fullwidth forms
        ("𠀀", 2), ("𪜀", 2), ("\u{F900}", 2),  // CJK extension B/C, compatibility
        ("ｱ", 1),  // halfwidth katakana
    ] as [(Character, Int)])
    func characterWidths(c: Character, width: Int) {
        #expect(displayWidth(c) == width)
    }

    @Test func emojiAreTwoColumns() {
        #expect(displayWidth("😀" as Character) == 2)
        #expect(displayWidth("⌚" as Character) == 2)  // U+231A, emoji presentation
        #expect(displayWidth("👍🏽" as Character) == 2)  // with skin tone modifier
        #expect(displayWidth("👨‍👩‍👧" as Character) == 2)  // ZWJ sequence: one character
        #expect(displayWidth("🇨🇳" as Character) == 2)  // flag
        #expect(displayWidth("☺" as Character) == 1)  // text presentation by default
        #expect(displayWidth("价格😀") == 6)
    }

    @Test func zeroWidthScalars() {
        #expect(displayWidth("\u{301}" as Character) == 0)  // combining acute on its own
        #expect(displayWidth("\u{200B}" as Character) == 0)  // zero-width space
        #expect(displayWidth("\u{200D}" as Character) == 0)  // zero-width joiner
        #expect(displayWidth("\u{FE0F}" as Character) == 0)  // variation selector 16
        #expect(displayWidth("\u{FEFF}" as Character) == 0)  // BOM / zero-width no-break space
        #expect(displayWidth("\u{1B}" as Character) == 0)  // controls take no column
    }

    @Test func combiningMarksDoNotAddWidth() {
        let decomposed = "cafe\u{301}"
        #expect(decomposed.count == 4)
        #expect(displayWidth(decomposed) == 4)
        #expect(displayWidth("e\u{301}\u{302}" as Character) == 1)
        #expect(displayWidth("\u{1100}\u{1161}\u{11A8}") == 2)  // decomposed Hangul syllable 각
        #expect(displayWidth("か\u{3099}") == 2)  // kana with combining voiced mark
    }

    @Test func stringWidths() {
        #expect(displayWidth("") == 0)
        #expect(displayWidth("TS-001") == 6)
        #expect(displayWidth("纯棉T恤") == 7)
        #expect(displayWidth("¥1,234.50") == 9)
        #expect(displayWidth("１２３") == 6)
    }

    /// Property: the scalar-summing fast path gives what the character-by-character way gives,
    /// for strings mixing its scalars with ones it leaves to the slow path (combining accents,
    /// variation selectors, ZWJ emoji sequences, controls).
    @Test func fastPathsAgreeWithCharacterWidths() {
        let pieces: [String] = ["a", "Z", " ", "é", "Ä", "Δ", "Σ", "—", "…", "‰", "¹", "→", "−", "≥", "─", "│", "⚠", "×",
                                "纯", "棉", "。", "한", "Ａ", "￥", "\u{301}", "\u{FE0F}", "\u{200D}", "👍", "👨\u{200D}👩",
                                "\t", "e\u{301}", "⚠\u{FE0F}", "\u{1160}"]
        var random = SplitMix(seed: 11)
        for _ in 0..<2_000 {
            let text = (0..<(1 + random.next(8))).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(displayWidth(text) == text.reduce(0) { $0 + displayWidth($1) }, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func truncateNeverExceedsWidth() {
        let samples = ["纯棉T恤ABC中文数据", "TS-001", "😀a😀b😀", "cafe\u{301} au lait", "ＡＢＣ", ""]
        for s in samples {
            for width in 0...20 {
                let cut = truncate(s, toWidth: width)
                #expect(displayWidth(cut) <= width, "\(s) at \(width) gave \(cut)")
                if displayWidth(s) <= width {
                    #expect(cut == s)
                } else if width > 0 {
                    #expect(cut.hasSuffix("…"))
                    #expect(s.hasPrefix(String(cut.dropLast())))
                }
            }
        }
    }

    @Test func truncateDoesNotSplitWideCharacters() {
        #expect(truncate("纯棉T恤", toWidth: 7) == "纯棉T恤")
        #expect(truncate("纯棉T恤", toWidth: 6) == "纯棉T…")
        #expect(truncate("纯棉T恤", toWidth: 5) == "纯棉…")
        #expect(truncate("纯棉T恤", toWidth: 4) == "纯…")  // 棉 would need 2 more: 3 columns
        #expect(truncate("纯棉T恤", toWidth: 2) == "…")
        #expect(truncate("纯棉T恤", toWidth: 1) == "…")
        #expect(truncate("纯棉T恤", toWidth: 0) == "")
        #expect(truncate("e\u{301}e\u{301}e\u{301}", toWidth: 2) == "e\u{301}…")
    }

    @Test func padByDisplayWidth() {
        #expect(pad("纯棉", toWidth: 6, alignRight: false) == "纯棉  ")
        #expect(pad("纯棉", toWidth: 6, alignRight: true) == "  纯棉")
        #expect(pad("79.00", toWidth: 8, alignRight: true) == "   79.00")
        #expect(pad("纯棉T恤", toWidth: 5, alignRight: false) == "纯棉T恤")
    }

    @Test func controlCharactersAreShownEscaped() {
        #expect(escapingControlCharacters("plain 纯棉") == "plain 纯棉")
        #expect(escapingControlCharacters("a\nb\tc\r\nd") == "a\\nb\\tc\\r\\nd")
        #expect(escapingControlCharacters("\u{1B}[2J\u{7}") == "\\u{1B}[2J\\u{7}")
        #expect(escapingControlCharacters("\u{7F}\u{9B}\u{0}") == "\\u{7F}\\u{9B}\\u{0}")
        #expect(escapingControlCharacters("x\u{202E}y\u{2028}") == "x\\u{202E}y\\u{2028}")
    }
}
