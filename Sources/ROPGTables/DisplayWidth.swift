// Display width: how many terminal columns text takes, so that tables line up with Chinese in them.
//
// A character's width is the width of its widest Unicode scalar:
// - 0 for controls, combining and enclosing marks, format characters (zero-width space, ZWJ,
//   bidi marks), variation selectors and Hangul medial/final jamo;
// - 2 for East Asian Wide and Fullwidth scalars (CJK ideographs and their extensions, Hiragana,
//   Katakana, Hangul syllables, CJK symbols and punctuation, fullwidth forms) and for scalars with
//   emoji presentation;
// - 1 for everything else, East Asian Ambiguous included (as glibc `wcwidth` does in a non-CJK
//   locale, and as most terminals are set up).

/// The number of terminal columns `c` occupies: 0, 1 or 2.
public func displayWidth(_ c: Character) -> Int {
    var widest = 0
    for scalar in c.unicodeScalars {
        let width = scalarDisplayWidth(scalar)
        if width > widest {
            widest = width
            if width == 2 { break }
        }
    }
    return widest
}

/// The number of terminal columns `s` occupies: the sum of its characters' widths.
public func displayWidth(_ s: String) -> Int {
    if let width = simpleDisplayWidth(s) { return width }
    var total = 0
    for c in s { total += displayWidth(c) }
    return total
}

/// The width of `s` when it is made only of scalars that are each a character of their own and
/// safe to show as they are: printable ASCII (one column per byte, the fastest case), CJK
/// ideographs, Hangul syllables, CJK punctuation and fullwidth forms (two columns), Latin, Greek
/// and the symbols reports use (× ÷ − … ⚠ box drawing; one column). Nil for anything else
/// (combining marks, emoji, controls), which needs grapheme breaking or escaping.
public func simpleDisplayWidth(_ s: String) -> Int? {
    // Read as UTF-8 bytes, decoded here: a table of 100,000 product names is measured in the
    // time an iteration of their scalars took for a tenth of them.
    if let width = s.utf8.withContiguousStorageIfAvailable(simpleDisplayWidth(utf8:)) { return width }
    var contiguous = s
    return contiguous.withUTF8(simpleDisplayWidth(utf8:))
}

/// `simpleDisplayWidth` of valid UTF-8.
func simpleDisplayWidth(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var total = 0
    var position = 0
    let count = bytes.count
    while position < count {
        let lead = bytes[position]
        if lead < 0x80 {
            guard lead >= 0x20 && lead < 0x7F else { return nil }
            total += 1
            position += 1
        } else if lead < 0xE0 {
            guard position + 1 < count else { return nil }
            guard let width = simpleScalarWidth(UInt32(lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F)) else { return nil }
            total += width
            position += 2
        } else if lead < 0xF0 {
            guard position + 2 < count else { return nil }
            let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F)
            guard let width = simpleScalarWidth(scalar) else { return nil }
            total += width
            position += 3
        } else {
            return nil  // beyond U+FFFF: no scalar there is one of the simple ones
        }
    }
    return total
}

/// A simple scalar's width (see `simpleDisplayWidth`), nil for any other.
@inline(__always) func simpleScalarWidth(_ value: UInt32) -> Int? {
    switch value {
    case 0x20..<0x7F, 0xA0..<0x300, 0x391...0x3C9, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x209F,
         0x2190...0x21FF, 0x2200...0x22FF, 0x2500...0x257F, 0x26A0:
        return 1
    case 0x3000...0x303E, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60:
        return 2
    default:
        return nil
    }
}

/// `s` cut to at most `toWidth` display columns, ending in "…" when anything was cut.
///
/// A wide character is never split: if it does not fit before the ellipsis it is dropped, so the
/// result may be one column narrower than `toWidth`. A width of 0 or less gives "".
public func truncate(_ s: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    if displayWidth(s) <= width { return s }
    let budget = width - 1  // one column for "…"
    var kept = ""
    var used = 0
    for c in s {
        let w = displayWidth(c)
        if used + w > budget { break }
        kept.append(c)
        used += w
    }
    return kept + "…"
}

/// `s` in lines of at most `toWidth` display columns, broken at spaces where it can be and
/// within a word only where the word is wider than a line and holds no digit: a number is never
/// split (a part of one reads as another number), it runs over instead. A wide character is
/// never split.
public func wrapped(_ s: String, toWidth width: Int) -> [String] {
    guard width > 0, displayWidth(s) > width else { return [s] }
    var lines: [String] = []
    var line = ""
    var used = 0
    for word in s.split(separator: " ", omittingEmptySubsequences: false) {
        var word = String(word)
        var wordWidth = displayWidth(word)
        if used > 0, used + 1 + wordWidth <= width {
            line += " " + word
            used += 1 + wordWidth
            continue
        }
        if used > 0 { lines.append(line); line = ""; used = 0 }
        // A word wider than a line is cut into pieces that fill lines.
        while wordWidth > width, !word.contains(where: \.isNumber) {
            var piece = ""
            var pieceWidth = 0
            var rest = Substring(word)
            while let c = rest.first, pieceWidth + displayWidth(c) <= width {
                piece.append(c)
                pieceWidth += displayWidth(c)
                rest = rest.dropFirst()
            }
            if piece.isEmpty, let c = rest.first { piece.append(c); rest = rest.dropFirst() }
            lines.append(piece)
            word = String(rest)
            wordWidth = displayWidth(word)
        }
        line = word
        used = wordWidth
    }
    lines.append(line)
    return lines
}

/// `s` padded with spaces to `toWidth` display columns, on the left when `alignRight`, else on the
/// right. Text already that wide or wider comes back unchanged.
public func pad(_ s: String, toWidth width: Int, alignRight: Bool) -> String {
    let gap = width - displayWidth(s)
    guard gap > 0 else { return s }
    let spaces = String(repeating: " ", count: gap)
    return alignRight ? spaces + s : s + spaces
}

/// `s` with every character that could act on a terminal shown as a visible escape instead:
/// `\n`, `\r`, `\t`, and `\u{1B}`-style hex for the other C0 controls, DEL, C1 controls,
/// the line and paragraph separators (U+2028, U+2029) and the bidi embedding, override and
/// isolate controls (U+202A–U+202E, U+2066–U+2069).
///
/// This is the one place that decides what may reach a terminal: the table renderers, CSV, and
/// the console (messages, errors, notes, prompts, the banner) all call it, so that a crafted
/// product name such as "\u{1B}]0;pwned\u{07}" shows as `\u{1B}]0;pwned\u{7}` everywhere and
/// never retitles or clears the terminal. `keeping` names the few controls a caller writes as
/// they are: the console keeps line feeds (a message may span lines), CSV keeps tab, CR and LF
/// (they are data inside quoted fields).
///
/// Backslashes are left alone: this is for showing data safely, not for reading it back.
public func escapingControlCharacters(_ s: String, keeping kept: KeptControls = []) -> String {
    func escapes(_ scalar: Unicode.Scalar) -> Bool { needsVisibleEscape(scalar) && !kept.keeps(scalar) }
    guard s.unicodeScalars.contains(where: escapes) else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 8)
    for scalar in s.unicodeScalars {
        guard escapes(scalar) else {
            out.unicodeScalars.append(scalar)
            continue
        }
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
    return out
}

/// The control characters `escapingControlCharacters(_:keeping:)` may leave as they are.
public struct KeptControls: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// LF: a console message that spans lines.
    public static let lineFeed = KeptControls(rawValue: 1)
    /// CR: data in a quoted CSV field (and CSV's own CRLF line ends).
    public static let carriageReturn = KeptControls(rawValue: 2)
    /// Tab: data in a CSV field.
    public static let tab = KeptControls(rawValue: 4)

    func keeps(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n": contains(.lineFeed)
        case "\r": contains(.carriageReturn)
        case "\t": contains(.tab)
        default: false
        }
    }
}

// MARK: - Internals

public func needsVisibleEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1
    case 0x2028, 0x2029: return true  // line and paragraph separators
    case 0x202A...0x202E, 0x2066...0x2069: return true  // bidi embeddings, overrides, isolates
    default: return false
    }
}

/// The display width of one scalar on its own.
public func scalarDisplayWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    // Fast paths for the common cases: ASCII, and the big CJK and Hangul blocks.
    if v < 0x7F { return v < 0x20 ? 0 : 1 }
    if v < 0xA0 { return 0 }  // DEL and C1 controls
    if (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) { return 2 }
    if v == 0xAD { return 1 }  // soft hyphen: a format character that terminals show
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
        return 0  // combining marks, variation selectors, ZWSP, ZWJ, bidi marks, BOM
    default:
        break
    }
    // Hangul medial vowels and final consonants join the initial consonant's two columns.
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
    if isEastAsianWide(v) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
}

/// Whether `v` lies in an East Asian Wide (W) or Fullwidth (F) range of Unicode's
/// EastAsianWidth.txt. The emoji ranges are left to `isEmojiPresentation`.
public func isEastAsianWide(_ v: UInt32) -> Bool {
    if v < wideRanges[0].lowerBound { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
        let mid = (low + high) / 2
        let range = wideRanges[mid]
        if v < range.lowerBound {
            high = mid - 1
        } else if v > range.upperBound {
            low = mid + 1
        } else {
            return true
        }
    }
    return false
}

/// Sorted, non-overlapping.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x2E99, 0x2E9B...0x2EF3,  // CJK radicals supplement
    0x2F00...0x2FD5,  // Kangxi radicals
    0x2FF0...0x2FFF,  // ideographic description characters
    0x3000...0x303E,  // CJK symbols and punctuation (U+303F is narrow)
    0x3041...0x3096, 0x3099...0x30FF,  // Hiragana, Katakana
    0x3105...0x312F,  // Bopomofo
    0x3131...0x318E,  // Hangul compatibility jamo
    0x3190...0x31E3,  // Kanbun, Bopomofo extended, CJK strokes
    0x31EF...0x321E, 0x3220...0x3247,  // Katakana ext., enclosed CJK letters
    0x3250...0x4DBF,  // enclosed CJK, CJK compatibility, CJK extension A
    0x4E00...0xA48C,  // CJK unified ideographs, Yi syllables
    0xA490...0xA4C6,  // Yi radicals
    0xA960...0xA97C,  // Hangul Jamo extended-A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B,  // CJK compatibility and small forms
    0xFF01...0xFF60,  // fullwidth ASCII variants
    0xFFE0...0xFFE6,  // fullwidth signs (￥, ￠, …)
    0x16FE0...0x16FE4, 0x16FF0...0x16FF1,  // ideographic symbols
    0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,  // Tangut, Khitan
    0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE,  // Kana extended-B
    0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155,  // Kana supplement
    0x1B164...0x1B167, 0x1B170...0x1B2FB,  // small kana, Nushu
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF,  // mahjong tile, playing card
    0x1F18E...0x1F18E, 0x1F191...0x1F19A,  // squared letters
    0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,  // enclosed ideographic supplement
    0x1F250...0x1F251, 0x1F260...0x1F265,
    0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
    0x30000...0x3FFFD,  // CJK extensions G, H
]
