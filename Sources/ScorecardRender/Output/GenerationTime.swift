import Foundation
import ScorecardCore

/// The generation time a report shows: given, from `SOURCE_DATE_EPOCH`, or the clock.
///
/// Fixing it (with `--generated-at` or the reproducible-builds variable `SOURCE_DATE_EPOCH`) is
/// what makes two renders of the same inputs byte-identical.
public enum GenerationTime {
    /// A value that is neither ISO 8601 nor a whole number of seconds, or names a day the calendar
    /// does not have, or a year outside 0001–9999.
    public struct InvalidTime: Error, CustomStringConvertible, Sendable {
        public let source: String
        public let value: String
        /// What is wrong with it, when more is known than that it does not parse.
        public var reason: String?

        public init(source: String, value: String, reason: String? = nil) {
            self.source = source
            self.value = value
            self.reason = reason
        }

        public var description: String {
            "\(source) '\(value)' is not a valid time\(reason.map { ": \($0)" } ?? "") (expected ISO 8601 such as 2024-12-05T00:00:00Z, or a date such as 2024-12-05\(source == "SOURCE_DATE_EPOCH" ? "; SOURCE_DATE_EPOCH is whole seconds since 1970" : ""))"
        }
    }

    /// The latest time a report can show: the last second of year 9999 (`SOURCE_DATE_EPOCH` 253402300799).
    static let latest = Date(timeIntervalSince1970: 253_402_300_799)
    /// The earliest: the first second of year 1.
    static let earliest = Date(timeIntervalSince1970: -62_135_596_800)

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
            switch parse(option) {
            case .success(let date): return format(date)
            case .failure(let problem): throw InvalidTime(source: "--generated-at", value: option, reason: problem.reason)
            }
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
                throw InvalidTime(source: "SOURCE_DATE_EPOCH", value: epoch)
            }
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            guard date <= latest else { throw InvalidTime(source: "SOURCE_DATE_EPOCH", value: epoch, reason: "it is after the year 9999") }
            return format(date)
        }
        return format(now)
    }

    /// Why a time was not read.
    struct Problem: Error {
        /// nil when the text is not a time at all.
        let reason: String?
    }

    /// The time `text` names (ISO 8601 with a time zone, or a plain date), refusing a field the
    /// calendar does not have (2024-02-30, hour 25) and a year outside 0001–9999 in UTC.
    static func parse(_ text: String) -> Result<Date, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parsed: Date?
        if trimmed.count == 10 {
            if let problem = CalendarDate.dateProblem(trimmed) { return .failure(Problem(reason: problem)) }
            let day = ISO8601DateFormatter()
            day.formatOptions = [.withFullDate]
            parsed = day.date(from: trimmed)
        } else {
            guard trimmed.utf8.count >= 20 else { return .failure(Problem(reason: nil)) }
            if let problem = CalendarDate.timeProblem(trimmed) { return .failure(Problem(reason: problem)) }
            let full = ISO8601DateFormatter()
            if let date = full.date(from: trimmed) {
                parsed = date
            } else {
                full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
                parsed = full.date(from: trimmed)
            }
        }
        guard let parsed else { return .failure(Problem(reason: nil)) }
        guard parsed >= earliest, parsed <= latest else { return .failure(Problem(reason: "in UTC it falls outside the years 0001–9999")) }
        return .success(parsed)
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
