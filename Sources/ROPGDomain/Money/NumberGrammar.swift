/// A number a user typed that could not be read, and why.
public struct NumberError: Error, Equatable, Sendable {
    public var text: String
    public var reason: String
    public var message: String {
        switch reason {
        case "": "\(text.quotedExcerpt) is not a number; \(NumberError.examples)"
        case "no digits": "\(text.quotedExcerpt) is not a number: no digits; \(NumberError.examples)"
        default: "\(text.quotedExcerpt) is not a number: \(reason)"
        }
    }
    /// What would work, for text that reads as no number at all (DOMAIN §1.2).
    public static let examples = "write numbers like 1,234.56, ¥79, 1200万, 10w or 5%"

}

/// A number as typed, once read: its value and whether it was written as a percentage.
public struct TypedNumber: Equatable, Sendable {
    public var value: ExactDecimal
    public var isPercent: Bool
}

/// Numbers the way sellers type them (DOMAIN §1): `1,234.56`, `¥79`, `79元`, `1200万`, `10w`,
/// `3亿`, `12k`, `5%`, `0.05`. Full-width digits and signs from a Chinese input method are read
/// as their ASCII twins.
public enum NumberGrammar {
    /// Anything larger in magnitude than this is refused; it keeps every product of two inputs
    /// inside `ExactDecimal`'s range.
    public static let largestInput = ExactDecimal(mantissa: 1, places: -15)

    /// The most bytes a number may be written with: room for 30 digits, grouping commas, 12
    /// decimals, spaces around it and a sign and suffix in full-width forms.
    public static let longestText = 256

    /// Reads an amount, a count or a rate written either way (`5%` or `0.05`).
    public static func parse(_ raw: String) throws(NumberError) -> TypedNumber {
        // No number the grammar reads is this long (30 digits, their commas, a sign, a suffix):
        // refused before any pass over the text, so a 16 MB word costs nothing.
        guard raw.utf8.count <= longestText else { throw NumberError(text: raw, reason: "too long for a number") }
        let text = normalizedWidth(raw).trimmingSpaces()
        guard !text.isEmpty else { throw NumberError(text: raw, reason: "nothing was written") }
        var scalars = Substring.UnicodeScalarView(text.unicodeScalars)

        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars.removeFirst()
        }
        if let first = scalars.first, first == "¥" {
            scalars.removeFirst()
        }

        // Suffixes, read from the end: 元, then a multiplier or a percent sign.
        var multiplierPower = 0
        var isPercent = false
        if let last = scalars.last, last == "元" || last == "块" { scalars.removeLast() }
        if let last = scalars.last {
            switch last {
            case "万", "w", "W": multiplierPower = 4
            case "亿": multiplierPower = 8
            case "k", "K", "千": multiplierPower = 3
            case "%": isPercent = true
            default: break
            }
            if multiplierPower > 0 || isPercent { scalars.removeLast() }
        }

        let body = Array(String(scalars).utf8)
        guard !body.isEmpty else { throw NumberError(text: raw, reason: "no digits") }
        var mantissa: Int128 = 0
        var places = 0
        var sawDot = false
        var digitsBeforeDot = 0
        var groupLength = -1  // digits since the last comma; -1 before any comma
        var sawComma = false
        for byte in body {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard mantissa < Int128(10).power(30) else { throw NumberError(text: raw, reason: "too many digits") }
                mantissa = mantissa * 10 + Int128(byte - UInt8(ascii: "0"))
                if sawDot { places += 1 } else { digitsBeforeDot += 1 }
                if groupLength >= 0 && !sawDot { groupLength += 1 }
            case UInt8(ascii: ","):
                guard !sawDot else { throw NumberError(text: raw, reason: "a comma after the decimal point") }
                if sawComma {
                    guard groupLength == 3 else { throw NumberError(text: raw, reason: "commas must separate groups of three digits") }
                } else {
                    guard (1...3).contains(digitsBeforeDot) else { throw NumberError(text: raw, reason: "commas must separate groups of three digits") }
                }
                sawComma = true
                groupLength = 0
            case UInt8(ascii: "."):
                guard !sawDot else { throw NumberError(text: raw, reason: "two decimal points") }
                sawDot = true
            default:
                throw NumberError(text: raw, reason: "")
            }
        }
        if sawComma && groupLength != 3 {
            throw NumberError(text: raw, reason: "commas must separate groups of three digits")
        }
        if digitsBeforeDot == 0 && places == 0 { throw NumberError(text: raw, reason: "no digits") }
        if sawDot && places == 0 { throw NumberError(text: raw, reason: "no digits after the decimal point") }

        let exponentPlaces = places - multiplierPower + (isPercent ? 2 : 0)
        guard exponentPlaces <= ExactDecimal.fractionDigits else {
            throw NumberError(text: raw, reason: "more than \(ExactDecimal.fractionDigits) decimal places")
        }
        var value = ExactDecimal(mantissa: mantissa, places: exponentPlaces)
        guard value <= largestInput else { throw NumberError(text: raw, reason: "too large") }
        if negative { value = -value }
        return TypedNumber(value: value, isPercent: isPercent)
    }

    /// Reads an amount or count; a percentage is refused.
    public static func amount(_ raw: String) throws(NumberError) -> ExactDecimal {
        let number = try parse(raw)
        guard !number.isPercent else { throw NumberError(text: raw, reason: "a percentage where an amount is expected") }
        return number.value
    }

    /// Reads a rate: `5%` and `0.05` are the same rate.
    public static func rate(_ raw: String) throws(NumberError) -> ExactDecimal {
        try parse(raw).value
    }

    /// Reads a whole count such as a quantity of stock; `1.2万` is fine, `1.5` is not.
    public static func wholeCount(_ raw: String) throws(NumberError) -> Int {
        let value = try amount(raw)
        guard let whole = value.exactInt else { throw NumberError(text: raw, reason: "a whole number is expected") }
        return whole
    }

    /// Full-width digits, signs and punctuation typed with a Chinese input method → ASCII.
    static func normalizedWidth(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }  // the common case: nothing to change
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0B, 0xFF0C, 0xFF0D, 0xFF0E, 0xFF05:
                // ０-９ ＋ ， － ． ％ sit at a fixed distance from their ASCII twins.
                result.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0xFFE5:  // ￥ full-width yen
                result.append("¥")
            case 0x3000:  // ideographic space
                result.append(" ")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension Int128 {
    func power(_ n: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<n { result *= self }
        return result
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    public func trimmingSpaces() -> String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        if let first = utf8.first, let last = utf8.last, !isSpace(first), !isSpace(last) { return self }
        // Found on the bytes and cut once: removing scalars one by one from a
        // Substring.UnicodeScalarView went through a generic per-scalar path that took a minute
        // on a 16 MB line ending in a space. Spaces and tabs are ASCII, so the cuts fall
        // between scalars.
        // Offsets found on the contiguous bytes (a native string always has them): a plain loop
        // over a buffer, cheap even in a debug build.
        let found = utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int)? in
            // Eight at a time while they are all spaces or all tabs (a pasted file can start or
            // end with megabytes of them), then byte by byte.
            let raw = UnsafeRawBufferPointer(bytes)
            func allBlank(at offset: Int) -> Bool {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                return word == 0x2020_2020_2020_2020 || word == 0x0909_0909_0909_0909
            }
            var first = 0
            while first + 8 <= raw.count && allBlank(at: first) { first += 8 }
            while first < raw.count && isSpace(raw[first]) { first += 1 }
            guard first < raw.count else { return nil }
            var end = raw.count
            while end - 8 >= first && allBlank(at: end - 8) { end -= 8 }
            while isSpace(raw[end - 1]) { end -= 1 }
            return (first, end)
        }
        let offsets: (Int, Int)?
        if let found {
            offsets = found
        } else {
            // A bridged string without contiguous UTF-8: the same, through the view.
            let bytes = Array(utf8)
            guard let first = bytes.firstIndex(where: { !isSpace($0) }),
                  let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
            offsets = (first, last + 1)
        }
        guard let (first, end) = offsets else { return "" }
        return String(unicodeScalars[utf8.index(startIndex, offsetBy: first)..<utf8.index(startIndex, offsetBy: end)])
    }
}
