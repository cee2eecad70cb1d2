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

    /// Wrapping keeps every character in order, fits each line to the width but for a word of
    /// digits (a number is never split), and never splits a wide character.
    @Test func wrappedLinesFitAndKeepEveryCharacter() {
        let samples = ["4,500.00 / month × 2 → 9,000.00 in 2026-03", "payment fee 支付手续费", "技术服务年费技术服务年费技术服务年费",
                       "cvr, aov, cpc, paid-share, units-per-order", "a  b", "", "😀😀😀😀 👨\u{200D}👩 x", "842,975.21,"]
        for sample in samples {
            for width in 1...24 {
                let lines = wrapped(sample, toWidth: width)
                #expect(lines.joined().filter { $0 != " " } == sample.filter { $0 != " " }, "\(sample) at \(width): \(lines)")
                for line in lines where displayWidth(line) > width {
                    // Only a word holding a digit runs over (then the line's only word), or one
                    // character wider than the whole width.
                    #expect((line.contains { $0.isNumber } && !line.contains(" ")) || line.count == 1, "\(sample) at \(width): \(line)")
                }
            }
        }
        #expect(wrapped("12,000.00 over 12 months", toWidth: 10) == ["12,000.00", "over 12", "months"])
        #expect(wrapped("技术服务年费", toWidth: 5) == ["技术", "服务", "年费"])
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

    /// The width as it was worked out before it read UTF-8 bytes: scalar by scalar.
    static func simpleDisplayWidthByScalars(_ s: String) -> Int? {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var total = 0
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F, 0xA0..<0x300, 0x391...0x3C9, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x209F,
                 0x2190...0x21FF, 0x2200...0x22FF, 0x2500...0x257F, 0x26A0:
                total += 1
            case 0x3000...0x303E, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60:
                total += 2
            default:
                return nil
            }
        }
        return total
    }

    /// The byte-reading width equals the scalar-by-scalar one: for every scalar on its own
    /// (one to four UTF-8 bytes) and for random strings of simple and other scalars, small
    /// (held inline) and long.
    @Test func simpleWidthReadFromBytesEqualsScalarByScalar() {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0)...0x10FFFF {
            guard value <= 0xFFFF || value % 97 == 0, let scalar = Unicode.Scalar(value) else { continue }
            scalars.append(scalar)
        }
        for scalar in scalars {
            let text = String(Character(scalar))
            #expect(simpleDisplayWidth(text) == Self.simpleDisplayWidthByScalars(text), "U+\(String(scalar.value, radix: 16))")
        }
        // Sixteen simple scalars first, then others.
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "~", "é", "Ä", "\u{2FF}", "Ω", "…", "─", "⚠", "纯", "棉", "。", "한", "Ａ",
                                      "\u{7F}", "\u{1F}", "\u{300}", "\u{FF61}", "😀", "𠀀", "\u{200B}"]
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 59)
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                // Mostly simple scalars, so that long strings often stay simple to their end.
                let pick = Int(state >> 33) % (state >> 62 == 0 ? pool.count : 16)
                text.unicodeScalars.append(pool[pick])
            }
            #expect(simpleDisplayWidth(text) == Self.simpleDisplayWidthByScalars(text), "\(text.debugDescription)")
        }
    }
}
