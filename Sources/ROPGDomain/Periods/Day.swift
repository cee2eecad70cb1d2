/// A calendar day (proleptic Gregorian), stored as the number of days since 1970-01-01.
public struct Day: Hashable, Comparable, Strideable, Sendable {
    public var number: Int32

    public init(number: Int32) { self.number = number }

    /// The day with that year, month (1–12) and day of month, or nil when there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month),
              (1...9999).contains(year) else { return nil }
        self.number = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    /// Reads exactly `YYYY-MM-DD`, the form files hold; nil for anything else. Fast: workspace
    /// files hold millions of dates.
    public init?(isoText text: String) {
        var text = text
        guard let day = text.withUTF8({ Day(isoBytes: $0) }) else { return nil }
        self = day
    }

    /// `init(isoText:)` over UTF-8 bytes.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }
    public func advanced(by n: Int) -> Day { Day(number: number + Int32(n)) }
    public func distance(to other: Day) -> Int { Int(other.number - number) }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var dayOfMonth: Int { civil.day }

    /// ISO weekday: Monday 1 … Sunday 7.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (Int(number) % 7 + 7) % 7
        return (offset + 3) % 7 + 1
    }

    public var civil: (year: Int, month: Int, day: Int) { Day.civilFromDays(Int(number)) }

    /// "2026-03-14".
    public var isoText: String {
        let (y, m, d) = civil
        return "\(Day.padded(y, 4))-\(Day.padded(m, 2))-\(Day.padded(d, 2))"
    }

    /// Appends `YYYY-MM-DD` as ASCII bytes.
    public func appendISO(to bytes: inout [UInt8]) {
        let (y, m, d) = civil
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(y, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(m, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(d, 2)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // Howard Hinnant's civil-calendar algorithms (public domain), exact for every Gregorian day.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Day: CustomStringConvertible {
    public var description: String { isoText }
}
