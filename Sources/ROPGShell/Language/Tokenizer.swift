import Foundation
import ROPGText
import ROPGTables
/// One word of a command line, quotes removed.
public struct Word: Equatable, Sendable {
    /// The text with quotes removed.
    public var text: String
    /// Where `=` splits a `key=value` word (the key unquoted and a name); nil for a plain word.
    public var key: String?
    public var value: String?
    /// True when any part was quoted: a quoted word is never a key, a redirect or a comment.
    public var wasQuoted: Bool
    /// 1-based column (in characters) where the word starts.
    public var column: Int
}

/// A command line split into words, and where its output goes.
public struct ParsedLine: Equatable, Sendable {
    public var words: [Word]
    /// `> FILE` at the end of the line.
    public var redirect: String?
    /// The line as typed (for echo and history).
    public var source: String
}

/// A line that could not be split into words.
public struct SyntaxError: Error, Equatable, Sendable {
    public var message: String
    public var column: Int
}

/// Splits command lines: words by spaces; single or double quotes for text with spaces
/// (`name="纯棉 T恤"`); `;` between commands; `#` starts a comment; `> FILE` at the end writes
/// the output to a file.
public enum Tokenizer {
    /// Splits one line that may hold several commands separated by `;`.
    ///
    /// Works on the line's UTF-8 bytes, in one pass: every character that splits or quotes is
    /// ASCII (or U+3000, matched as its three bytes), and bytes never split a character. Going
    /// Character by Character cost a microsecond each, so a 16 MB line pasted by mistake took
    /// half a minute to refuse. Here the stretches between the bytes that matter are found by
    /// `strcspn` and `strspn` and copied whole, so the work is linear with a small constant
    /// whatever the line holds, even in a debug build.
    public static func commands(in line: String) throws(SyntaxError) -> [ParsedLine] {
        var scanner = Scanner(line)
        return try scanner.scan()
    }

    /// The state of one pass over a line.
    struct Scanner {
        /// The line's bytes and a NUL after them, where the C scans stop.
        let bytes: [UInt8]
        /// The line's length in bytes, without that NUL.
        let count: Int
        var columns: ColumnCounter
        var result: [ParsedLine] = []
        var words: [Word] = []
        var current: [UInt8] = []
        /// Where `=` splits the word being read (the key's length in bytes), once it is a key.
        var keyLength: Int?
        /// Whether `current` is still a key name (`isKeyName`), kept up as bytes arrive: asking
        /// `isKeyName(current)` at every `=` scanned the word again each time, so a long word
        /// full of `=` took quadratic time (minutes for a 200 KB line).
        var currentIsKeyName = true
        var quoted = false
        var inWord = false
        var wordStart = 0
        var segmentStart = 0

        init(_ line: String) {
            var bytes = Array(line.utf8)
            count = bytes.count
            bytes.append(0)
            self.bytes = bytes
            columns = ColumnCounter(bytes, count: count)
        }

        mutating func scan() throws(SyntaxError) -> [ParsedLine] {
            var quote: UInt8?
            var quoteStart = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte == 0 {
                    // A NUL cuts C strings short (file names, the terminal) and is never part of
                    // a name or SKU a person means: refused wherever it is, even inside quotes.
                    let column = columns.column(at: index)
                    throw SyntaxError(message: phrase("a NUL character (\\u{0}) at column {column}: a command line cannot hold NUL; remove it", ["column": String(column)]), column: column)
                }
                if let open = quote {
                    if byte == open {
                        quote = nil
                        index += 1
                    } else {
                        // Everything up to the closing quote (or a NUL) is text.
                        index = take(from: index, upTo: open == Tokenizer.doubleQuote ? Tokenizer.doubleQuoteStops : Tokenizer.singleQuoteStops)
                    }
                } else if byte == Tokenizer.doubleQuote || byte == Tokenizer.singleQuote {
                    startWord(at: index)
                    quote = byte
                    quoted = true
                    quoteStart = index
                    index += 1
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    try finishWord()
                    index = skip(from: index + 1, while: Tokenizer.blanks)  // a run of them at once
                } else if byte == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 {
                    // U+3000, the ideographic space a Chinese input method types. (The NUL after
                    // the line keeps both reads inside the array: a 0x80 is never that NUL.)
                    try finishWord()
                    index += 3
                } else if byte == UInt8(ascii: ";") {
                    try finishCommand(upTo: index)
                    index += 1
                    segmentStart = index
                } else if byte == UInt8(ascii: "#") && !inWord {
                    try finishCommand(upTo: index)
                    return result
                } else {
                    startWord(at: index)
                    if keyLength == nil && currentIsKeyName && !quoted {
                        if byte == UInt8(ascii: "=") && !current.isEmpty {
                            keyLength = current.count
                            current.append(byte)
                            index += 1
                        } else if let twin = fullWidthOperator(at: index), !current.isEmpty {
                            // `price－=10%`, `price＝79`: a Chinese input method types these signs
                            // full-width; they read as their ASCII twins, as numbers' do (§1.2).
                            if twin == UInt8(ascii: "=") {
                                keyLength = current.count
                            }
                            current.append(twin)
                            index += 3
                        } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*")) && !current.isEmpty && bytes[index + 1] == UInt8(ascii: "=") {
                            // `price+=5`, `amount*=1.1`: the operator stays on the key (`price+`), as
                            // `-` of `price-=10%` does, for the command to read as a relative change.
                            current.append(byte)
                            index += 1
                        } else {
                            currentIsKeyName = isKeyByte(byte, first: current.isEmpty)
                            current.append(byte)
                            index += 1
                            // The rest of a key name, in one go.
                            if currentIsKeyName { index = take(from: index, while: Tokenizer.keyBytes) }
                        }
                    } else {
                        // Not a key any more: everything up to the next space, quote or `;` is
                        // this word (`#` and `=` inside a word are text).
                        current.append(byte)
                        index = take(from: index + 1, upTo: Tokenizer.wordStops)
                    }
                }
            }
            if quote != nil {
                let column = columns.column(at: quoteStart)
                throw SyntaxError(message: phrase("a quote opened at column {column} is never closed", ["column": String(column)]), column: column)
            }
            try finishCommand(upTo: count)
            return result
        }

        /// The ASCII twin of a full-width `＝` at `index`, or of `＋`, `－`, `＊` followed by `=` or
        /// `＝` (a relative change's operator); nil otherwise. (The NUL after the line keeps every
        /// read inside the array.)
        func fullWidthOperator(at index: Int) -> UInt8? {
            guard bytes[index] == 0xEF, bytes[index + 1] == 0xBC else { return nil }
            func isEquals(_ at: Int) -> Bool {
                at < count && (bytes[at] == UInt8(ascii: "=") || (at + 2 < count && bytes[at] == 0xEF && bytes[at + 1] == 0xBC && bytes[at + 2] == 0x9D))
            }
            switch bytes[index + 2] {
            case 0x9D: return UInt8(ascii: "=")
            case 0x8B: return isEquals(index + 3) ? UInt8(ascii: "+") : nil
            case 0x8D: return isEquals(index + 3) ? UInt8(ascii: "-") : nil
            case 0x8A: return isEquals(index + 3) ? UInt8(ascii: "*") : nil
            default: return nil
            }
        }

        /// Appends to `current` the bytes from `start` up to the first of `stops` (or a NUL);
        /// returns where it stopped.
        mutating func take(from start: Int, upTo stops: [CChar]) -> Int {
            let length = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { strcspn($0 + start, stops) }
                } ?? 0
            }
            current.append(contentsOf: bytes[start..<(start + length)])
            return start + length
        }

        /// Appends to `current` the bytes from `start` while they are among `accepted`; returns
        /// where it stopped.
        mutating func take(from start: Int, while accepted: [CChar]) -> Int {
            let length = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { strspn($0 + start, accepted) }
                } ?? 0
            }
            current.append(contentsOf: bytes[start..<(start + length)])
            return start + length
        }

        /// The index of the first byte from `start` that is not among `skipped`.
        func skip(from start: Int, while skipped: [CChar]) -> Int {
            start + bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { strspn($0 + start, skipped) }
                } ?? 0
            }
        }

        mutating func startWord(at index: Int) {
            guard !inWord else { return }
            inWord = true
            wordStart = index
        }

        mutating func finishWord() throws(SyntaxError) {
            guard inWord else { return }
            guard words.count < Tokenizer.mostWords else {
                // No command takes this many words: a file pasted by mistake. Refused here, before
                // millions of words are held (16 MB of "a b " is 8 million of them).
                let column = columns.column(at: wordStart)
                throw SyntaxError(message: phrase("more than {count} words in one command (at column {column}); a command takes a few words, and lists go in one word, e.g. by=1,2,3", ["count": String(Tokenizer.mostWords), "column": String(column)]), column: column)
            }
            let text = String(decoding: current, as: UTF8.self)
            var word = Word(text: text, key: nil, value: nil, wasQuoted: quoted, column: columns.column(at: wordStart))
            if let keyLength {
                word.key = String(decoding: current[..<keyLength], as: UTF8.self)
                word.value = String(decoding: current[(keyLength + 1)...], as: UTF8.self)
            }
            words.append(word)
            current.removeAll(keepingCapacity: true)
            keyLength = nil
            currentIsKeyName = true
            quoted = false
            inWord = false
        }

        mutating func finishCommand(upTo end: Int) throws(SyntaxError) {
            try finishWord()
            if !words.isEmpty {
                let source = String(decoding: bytes[segmentStart..<end], as: UTF8.self).trimmingSpaces()
                result.append(try splitRedirect(words, source: source))
            }
            words = []
        }
    }

    static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")

    /// The most words one command may have.
    static let mostWords = 10_000

    /// C strings of the bytes each scan stops at (a NUL, the line's end included, always stops it).
    static let doubleQuoteStops = cString("\"")
    static let singleQuoteStops = cString("'")
    /// What ends a plain stretch of a word: a space, a tab, a quote, `;`, and 0xE3, which may
    /// start U+3000 (the scan then looks at it byte by byte).
    static let wordStops: [CChar] = " \t\"';".utf8.map { CChar(bitPattern: $0) } + [CChar(bitPattern: 0xE3), 0]
    /// Spaces and tabs, which part words.
    static let blanks = cString(" \t")
    /// The bytes that go on a key name after its first letter.
    static let keyBytes = cString("abcdefghijklmnopqrstuvwxyz0123456789-")

    static func cString(_ text: String) -> [CChar] { text.utf8.map { CChar(bitPattern: $0) } + [0] }

    /// Turns byte offsets into the 1-based columns in characters that errors and `Word.column`
    /// give, asked in increasing order: counts only the bytes since the last answer, and counts
    /// Characters only where a stretch is not plain ASCII, so a line is read once however many
    /// words it has.
    struct ColumnCounter {
        let bytes: [UInt8]
        let count: Int
        var offset = 0
        var column = 1
        init(_ bytes: [UInt8], count: Int) {
            self.bytes = bytes
            self.count = count
        }

        mutating func column(at target: Int) -> Int {
            if target < offset { offset = 0; column = 1 }  // asked out of order: count again
            let stretch = bytes[offset..<target]
            column += Tokenizer.isASCII(stretch) ? stretch.count : String(decoding: stretch, as: UTF8.self).count
            offset = target
            return column
        }
    }

    /// The index of the first byte at or after `start` that is not ASCII, or the end; looks at
    /// eight bytes at a time.
    static func endOfASCII(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var offset = start - bytes.startIndex
            while offset + 8 <= raw.count,
                  raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                offset += 8
            }
            while offset < raw.count && raw[offset] < 0x80 { offset += 1 }
            return offset + bytes.startIndex
        }
    }

    /// Whether every byte is below 0x80, eight at a time (a debug build checks a byte at a time
    /// slowly enough to matter on a 16 MB line).
    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { raw in
            var index = 0
            var high: UInt64 = 0
            while index + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < raw.count {
                high |= UInt64(raw[index])
                index += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// `> FILE` or `>FILE` as the last words.
    static func splitRedirect(_ words: [Word], source: String) throws(SyntaxError) -> ParsedLine {
        var words = words
        var redirect: String?
        if let last = words.last, !last.wasQuoted, last.text.hasPrefix(">"), last.text.utf8.count > 1 {
            redirect = String(last.text.dropFirst())
            words.removeLast()
        } else if words.count >= 2, !words[words.count - 2].wasQuoted, words[words.count - 2].text == ">" {
            redirect = words[words.count - 1].text
            words.removeLast(2)
        } else if let last = words.last, !last.wasQuoted, last.text == ">" {
            throw SyntaxError(message: phrase("`>` needs a file name after it"), column: last.column)
        }
        if let stray = words.first(where: { !$0.wasQuoted && $0.text.hasPrefix(">") }) {
            throw SyntaxError(message: phrase("`>` must come last, followed by a file name"), column: stray.column)
        }
        return ParsedLine(words: words, redirect: redirect, source: source)
    }

    /// Keys are lower-case names with digits and dashes: `price`, `paid-share`, `units-per-order`.
    static func isKeyName(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        var first = true
        for byte in text.utf8 {
            guard isKeyByte(byte, first: first) else { return false }
            first = false
        }
        return true
    }

    /// Whether `byte` may stand in a key name: a lower-case letter first, then letters, digits
    /// and dashes (any byte of a non-ASCII character is none of these).
    static func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return true }
        return !first && ((byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-"))
    }
}
