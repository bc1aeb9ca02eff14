import Foundation

/// The generation time a report shows: given, from `SOURCE_DATE_EPOCH`, or the clock.
///
/// Fixing it (with `--generated-at` or the reproducible-builds variable `SOURCE_DATE_EPOCH`) is
/// what makes two renders of the same inputs byte-identical.
public enum GenerationTime {
    /// A value that is neither ISO 8601 nor a whole number of seconds.
    public struct InvalidTime: Error, CustomStringConvertible, Sendable {
        public let source: String
        public let value: String

        public var description: String {
            "\(source) '\(value)' is not a valid time (expected ISO 8601 such as 2024-12-05T00:00:00Z, or a date such as 2024-12-05\(source == "SOURCE_DATE_EPOCH" ? "; SOURCE_DATE_EPOCH is whole seconds since 1970" : ""))"
        }
    }

    /// The time as `yyyy-MM-ddTHH:mm:ssZ` (UTC).
    ///
    /// - Parameters:
    ///   - option: the `--generated-at` value: ISO 8601 with a time zone, or a plain date (midnight UTC).
    ///   - environment: read for `SOURCE_DATE_EPOCH` when `option` is nil.
    ///   - now: the clock, used when neither is given.
    public static func resolve(
        option: String?, environment: [String: String], now: Date = Date()
    ) throws(InvalidTime) -> String {
        if let option {
            guard let date = parse(option) else { throw InvalidTime(source: "--generated-at", value: option) }
            return format(date)
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
                throw InvalidTime(source: "SOURCE_DATE_EPOCH", value: epoch)
            }
            return format(Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        return format(now)
    }

    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let full = ISO8601DateFormatter()
        if let date = full.date(from: trimmed) { return date }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: trimmed) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return trimmed.count == 10 ? day.date(from: trimmed) : nil
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
