/// Checks of dates and times written in ISO 8601, field by field.
///
/// Foundation's parsers roll an impossible date over (2024-02-30 becomes 1 March) and print years
/// past 9999 with five digits; these checks refuse both, with the reason. Checked by hand: a
/// Swift regex costs milliseconds to compile.
public enum CalendarDate {
    /// The years a date may have: four digits, and no year 0 (there is none in the calendar).
    public static let years = 1...9999

    /// Why `text` is not a calendar date written `YYYY-MM-DD` (digits and hyphens in place, a year
    /// 0001–9999, a month 01–12 and a day that month has: 29 February only in a leap year); nil
    /// when it is one.
    public static func dateProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10) else {
            return "expected YYYY-MM-DD"
        }
        return problem(year: year, month: month, day: day)
    }

    /// Whether `text` is a calendar date written `YYYY-MM-DD` (see ``dateProblem(_:)``).
    public static func isDate(_ text: String) -> Bool { dateProblem(text) == nil }

    /// Why `text` is not a time written `YYYY-MM-DDThh:mm:ss`, optionally with a fraction of a
    /// second, then `Z` or an offset `±hh:mm`, whose every field exists (a date as
    /// ``dateProblem(_:)`` requires, hours 00–23, minutes and seconds 00–59); nil when it is one.
    public static func timeProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let expected = "expected YYYY-MM-DDThh:mm:ssZ or an offset such as +01:00"
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = number(bytes, 11..<13), let minute = number(bytes, 14..<16), let second = number(bytes, 17..<19) else {
            return expected
        }
        if let problem = dateProblem(String(decoding: bytes[0..<10], as: UTF8.self)) { return problem }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return expected }
        }
        guard index < bytes.count else { return expected }
        if bytes[index] == UInt8(ascii: "Z") {
            guard index == bytes.count - 1 else { return expected }
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), bytes.count == index + 6,
                  bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHours = number(bytes, index + 1..<index + 3), let offsetMinutes = number(bytes, index + 4..<index + 6) else {
                return expected
            }
            if offsetHours > 23 || offsetMinutes > 59 { return "the offset \(String(decoding: bytes[index...], as: UTF8.self)) does not exist" }
        }
        if hour > 23 { return "hour \(hour) does not exist (00–23)" }
        if minute > 59 { return "minute \(minute) does not exist (00–59)" }
        if second > 59 { return "second \(second) does not exist (00–59)" }
        return nil
    }

    /// Why year, month and day do not name a day of the calendar; nil when they do.
    static func problem(year: Int, month: Int, day: Int) -> String? {
        guard years.contains(year) else { return "the year must be 0001–9999, not \(pad(year, 4))" }
        guard (1...12).contains(month) else { return "month \(pad(month, 2)) does not exist (01–12)" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return "\(pad(year, 4))-\(pad(month, 2)) has no day \(pad(day, 2)) (it has \(days))" }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.upperBound <= bytes.count else { return nil }
        var value = 0
        for i in range {
            guard isDigit(bytes[i]) else { return nil }
            value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
