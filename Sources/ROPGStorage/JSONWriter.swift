// A byte writer for JSON text. The caller writes structure (braces, commas, newlines) as raw
// ASCII; strings are escaped: '"', '\\' and control characters (\n, \t, \r as short escapes,
// the others as \u00XX). Non-ASCII text is written as UTF-8, not escaped.

public struct JSONWriter: Sendable {
    public var bytes: [UInt8]

    public init(reservingCapacity capacity: Int = 0) {
        bytes = []
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    /// Raw text (the caller guarantees it is valid JSON at this point, e.g. `{`, `,\n  `).
    @inlinable
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Raw text (the caller guarantees it is valid JSON at this point).
    @_disfavoredOverload
    public mutating func raw(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// Raw bytes (the caller guarantees they are valid JSON at this point).
    public mutating func raw(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    /// One raw byte.
    @inlinable
    public mutating func byte(_ b: UInt8) {
        bytes.append(b)
    }

    /// A quoted, escaped JSON string.
    public mutating func string(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) == nil {
            var copy = s  // not contiguous (e.g. bridged): make it so, once
            copy.makeContiguousUTF8()
            copy.withUTF8 { appendQuoted($0) }
        }
    }

    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        var needsEscape = false
        for b in utf8 where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            needsEscape = true
            break
        }
        bytes.append(UInt8(ascii: "\""))
        if needsEscape {
            JSONWriter.appendEscaped(utf8, to: &bytes)
        } else {
            bytes.append(contentsOf: utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A quoted key followed by ':'.
    public mutating func key(_ s: String) {
        string(s)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A decimal integer.
    public mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        // Up to 20 digits and a sign, written backwards into a stack buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { tmp in
            var i = 24
            var v = value.magnitude
            repeat {
                i -= 1
                tmp[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            } while v != 0
            if value < 0 {
                i -= 1
                tmp[i] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: tmp[i..<24]))
        }
    }

    /// A boolean literal.
    public mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// The null literal.
    public mutating func null() {
        raw("null")
    }

    /// The JSON text of `s` as a quoted, escaped string.
    public static func quoted(_ s: String) -> String {
        var w = JSONWriter()
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
            out.append(UInt8(ascii: "\\"))
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(UInt8(ascii: "u"))
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "0"))
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            }
            i += 1
            runStart = i
        }
        if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
    }
}
