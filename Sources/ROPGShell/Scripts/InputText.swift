import Foundation
import ROPGText

/// The bytes of a script (`-f FILE`, `source FILE`, standard input) or an imported CSV read as
/// UTF-8 text.
///
/// Input is UTF-8. Anything else is refused as a whole, before a command runs, with a message
/// that says what the bytes look like and what would work: a script half run, or run with
/// U+FFFD where a name had a character, would change the workspace in ways nobody asked for.
/// Notepad's "Unicode" (UTF-16) and Excel's "Unicode text" are the usual culprits, so UTF-16 is
/// named when a byte order mark or NUL bytes between ASCII letters give it away; for any other
/// bytes the message says where the first one that is not UTF-8 is.
enum InputText {
    /// The UTF-8 byte order mark Windows editors put first: accepted and skipped.
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `bytes` as text, without a leading UTF-8 byte order mark. `name` says where the bytes came
    /// from in the message ("plan.ropg", "standard input").
    static func decode(_ bytes: [UInt8], name: String) throws(Script.LoadError) -> String {
        var body = bytes[...]
        if body.starts(with: utf8BOM) { body = body.dropFirst(utf8BOM.count) }
        if let encoding = wideEncoding(bytes) {
            throw Script.LoadError(message: phrase("{name} is {encoding}: save it as UTF-8 (or convert it: iconv -f {iconv} -t UTF-8)",
                                                   ["name": name, "encoding": "\(encoding)", "iconv": encoding.iconvName]))
        }
        if let bad = firstInvalidUTF8(body) {
            let offset = bad + (bytes.count - body.count)  // counted from the file's first byte
            let line = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            throw Script.LoadError(message: phrase("{name} is not UTF-8 text: line {line}, byte {byte} (offset {offset}) is 0x{hex}, which does not start a UTF-8 character there; save it as UTF-8",
                                                   ["name": name, "line": String(line), "byte": String(offset - lineStart + 1), "offset": String(offset), "hex": hex]))
        }
        return String(decoding: body, as: UTF8.self)  // checked above: nothing is replaced
    }

    /// The ranges of the lines in `bytes`, without their LF; text that ends in LF has an empty
    /// last line, as `split(omittingEmptySubsequences: false)` gives. Found with `memchr`, so a
    /// 16 MB line is split as fast in a debug build as in a release one.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while true {
                guard let found = memchr(base + start, 0x0A, buffer.count - start) else {
                    ranges.append(start..<buffer.count)
                    return
                }
                let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                ranges.append(start..<end)
                start = end + 1
            }
        }
        if bytes.isEmpty { ranges.append(0..<0) }
        return ranges
    }

    /// A wide encoding the bytes are in, told by its byte order mark or, without one, by NUL
    /// bytes at every other place in mostly-ASCII text.
    enum WideEncoding: Equatable {
        case utf16LE, utf16BE, utf32LE, utf32BE

        var iconvName: String {
            switch self {
            case .utf16LE: "UTF-16LE"
            case .utf16BE: "UTF-16BE"
            case .utf32LE: "UTF-32LE"
            case .utf32BE: "UTF-32BE"
            }
        }
    }

    static func wideEncoding(_ bytes: [UInt8]) -> WideEncoding? {
        // UTF-32 LE's mark starts with UTF-16 LE's: look for it first.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32LE }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32BE }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        // Without a mark: ASCII in UTF-16 is a NUL after (LE) or before (BE) each letter. Look at
        // the start only; a few NULs in UTF-8 text (refused later, by the tokenizer) are not this.
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample.count / 2
        // Most of one side NUL and next to none of the other.
        if oddNUL * 10 >= pairs * 6 && evenNUL * 10 <= pairs { return .utf16LE }
        if evenNUL * 10 >= pairs * 6 && oddNUL * 10 <= pairs { return .utf16BE }
        return nil
    }

    /// The offset in `bytes` of the first byte that is not part of well-formed UTF-8 (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF), or nil when all of it is. A
    /// sequence cut short or broken is reported at its first byte: that is the character that
    /// was written in another encoding (Latin-1's é, 0xE9, before an ASCII letter).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                // Plain ASCII, the common case: skipped eight bytes at a time.
                index = Tokenizer.endOfASCII(bytes, from: index + 1)
                continue
            }
            // The length of the sequence, and the range its second byte must lie in.
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF  // no overlong forms
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F  // no surrogates
            case 0xF0: length = 4; secondRange = 0x90...0xBF  // no overlong forms
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F  // nothing above U+10FFFF
            default: return index - bytes.startIndex
            }
            for position in 1..<length {
                let at = index + position
                let range = position == 1 ? secondRange : 0x80...0xBF
                guard at < end, range.contains(bytes[at]) else { return index - bytes.startIndex }
            }
            index += length
        }
        return nil
    }
}

extension InputText.WideEncoding: CustomStringConvertible {
    var description: String {
        switch self {
        case .utf16LE: "UTF-16 (little-endian)"
        case .utf16BE: "UTF-16 (big-endian)"
        case .utf32LE: "UTF-32 (little-endian)"
        case .utf32BE: "UTF-32 (big-endian)"
        }
    }
}
