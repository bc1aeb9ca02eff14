import Foundation
import ScorecardCore
@testable import ScorecardRender
import Testing

@Suite struct FileSlugTests {
    @Test(arguments: [
        ("o1", nil, "o1"),
        ("GPT-4o", nil, "gpt-4o"),
        ("GPT-4o", "2024-08-06", "gpt-4o--2024-08-06"),
        ("../../etc/passwd", nil, "etc-passwd"),
        (".hidden", nil, "hidden"),
        ("a..b", nil, "a.b"),
        ("claude 3.7 Sonnet", nil, "claude-3.7-sonnet"),
        ("<script>alert(1)</script>", nil, "script-alert-1-script"),
        ("model/ with\nnewline\u{202E}", nil, "model-with-newline"),
        ("...", nil, "model-" + String(SHA256.hex(of: "...").prefix(8))),
        ("模型", nil, "model-" + String(SHA256.hex(of: "模型").prefix(8))),
        (String(repeating: "x", count: 100), nil, String(repeating: "x", count: 64)),
    ] as [(String, String?, String)])
    func safeStems(model: String, snapshot: String?, expected: String) {
        let stem = FileSlug.stems(for: [Subject(model: model, snapshot: snapshot)])[0]
        #expect(stem == expected)
        #expect(!stem.contains("/") && !stem.contains("..") && !stem.hasPrefix(".") && !stem.hasPrefix("-"))
    }

    @Test func collidingStemsEachGetTheirOwnHashWhateverTheOrder() {
        let subjects = ["GPT-4o", "gpt 4o", "gpt/4o", "o1"].map { Subject(model: $0) }
        let stems = FileSlug.stems(for: subjects)
        #expect(Set(stems).count == 4 && stems[3] == "o1")
        #expect(!stems.contains("gpt-4o"), "no colliding name takes the plain file name")
        #expect(stems[0].hasPrefix("gpt-4o-") && stems[0].count == "gpt-4o-".count + 8)
        let reversed = FileSlug.stems(for: subjects.reversed())
        #expect(Array(reversed.reversed()) == stems, "a name's file does not depend on the order")
        #expect(FileSlug.stems(for: [subjects[0], subjects[3]]) == ["gpt-4o", "o1"], "alone, a name keeps its plain stem")
    }

    @Test func aStemThatIsAnothersDerivedFileGetsAHash() {
        let subjects = ["A", "A-card", "A-hallucinations", "o1-mini"].map { Subject(model: $0) }
        let stems = FileSlug.stems(for: subjects, derived: ["hallucinations", "card"])
        #expect(stems[0] == "a" && stems[3] == "o1-mini", "names that take no other's file keep their plain stems")
        #expect(stems[1].hasPrefix("a-card-") && stems[2].hasPrefix("a-hallucinations-"), "\(stems)")
        let files = stems.flatMap { stem in [stem] + ["hallucinations", "card"].map { "\(stem)-\($0)" } }
        #expect(Set(files).count == files.count, "no two subjects' files share a name: \(files)")
        #expect(FileSlug.stems(for: subjects) == ["a", "a-card", "a-hallucinations", "o1-mini"], "without derived files nothing collides")
    }
}

@Suite struct GenerationTimeTests {
    @Test(arguments: [
        ("2024-12-05T00:00:00Z", "2024-12-05T00:00:00Z"),
        ("2024-12-05T01:30:00+01:00", "2024-12-05T00:30:00Z"),
        ("2024-12-05T00:00:00.250Z", "2024-12-05T00:00:00Z"),
        ("2024-12-05", "2024-12-05T00:00:00Z"),
    ])
    func option(text: String, expected: String) throws {
        #expect(try GenerationTime.resolve(option: text, environment: ["SOURCE_DATE_EPOCH": "0"]) == expected)
    }

    @Test func sourceDateEpochThenTheClock() throws {
        #expect(try GenerationTime.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "1733356800"]) == "2024-12-05T00:00:00Z")
        #expect(try GenerationTime.resolve(option: nil, environment: [:], now: Date(timeIntervalSince1970: 86400)) == "1970-01-02T00:00:00Z")
    }

    @Test(arguments: [("yesterday", nil), ("2024-13-45", nil), (nil, "soon"), (nil, "-5"), (nil, "1.5")] as [(String?, String?)])
    func invalidTimesAreRefused(option: String?, epoch: String?) {
        #expect(throws: GenerationTime.InvalidTime.self) {
            try GenerationTime.resolve(option: option, environment: epoch.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:])
        }
    }

    @Test(arguments: [
        ("2024-02-30T00:00:00Z", nil, "--generated-at '2024-02-30T00:00:00Z' is not a valid time: 2024-02 has no day 30 (it has 29)"),
        ("2024-02-30", nil, "--generated-at '2024-02-30' is not a valid time: 2024-02 has no day 30 (it has 29)"),
        ("2024-12-05T24:00:00Z", nil, "--generated-at '2024-12-05T24:00:00Z' is not a valid time: hour 24 does not exist (00–23)"),
        ("0000-06-01T00:00:00Z", nil, "--generated-at '0000-06-01T00:00:00Z' is not a valid time: the year must be 0001–9999, not 0000"),
        ("9999-12-31T23:00:00-05:00", nil, "--generated-at '9999-12-31T23:00:00-05:00' is not a valid time: in UTC it falls outside the years 0001–9999"),
        (nil, "253402300800", "SOURCE_DATE_EPOCH '253402300800' is not a valid time: it is after the year 9999"),
    ] as [(String?, String?, String)])
    func daysTheCalendarDoesNotHaveAndYearsPast9999AreRefusedNotRolledOver(option: String?, epoch: String?, message: String) {
        #expect {
            try GenerationTime.resolve(option: option, environment: epoch.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:])
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func theLastSecondOfYear9999IsStillATime() throws {
        #expect(try GenerationTime.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "253402300799"]) == "9999-12-31T23:59:59Z")
        #expect(try GenerationTime.resolve(option: "9999-12-31", environment: [:]) == "9999-12-31T00:00:00Z")
    }
}

@Suite struct FormattingTests {
    @Test(arguments: [
        (0.409, ValueUnit.rate, "40.9%"), (0.13, .rate, "13%"), (0, .rate, "0%"), (1, .rate, "100%"), (0.12345, .rate, "12.3%"),
        (2.8, .ratio, "2.8×"), (0.785, .ratio, "0.79×"), (12, .count, "12"), (-0.25, .score, "-0.25"),
    ])
    func values(value: Double, unit: ValueUnit, expected: String) {
        #expect(Formatting.value(value, unit: unit) == expected)
    }

    @Test(arguments: [
        ("https://openai.com/index/gpt-4o-system-card/", "openai.com/index/gpt-4o-system-card"),
        ("HTTP://example.com/a?b=c&d", "example.com/a?b=c&d"),
        ("javascript:alert(1)", nil), ("https://x.com/a b", nil), (#"https://x.com/"onload="x"#, nil),
        ("https://x.com/(paren)", nil), ("logs/run.eval", nil), ("https://", nil),
        // A user name before the host reads as one site and opens another.
        ("https://openai.com@evil.example/x", nil), ("https://user:pw@evil.example", nil), ("https://admin@localhost/x", nil),
        ("https://medium.com/@user/post", "medium.com/@user/post"),
    ] as [(String, String?)])
    func links(source: String, text: String?) {
        #expect(Formatting.link(source)?.text == text)
    }

    @Test func coordinatesAreLocaleFreeWithOneDecimal() {
        #expect([0, 1.25, -0.45, 150, 720.04, -3].map(Coordinate.text) == ["0", "1.3", "-0.5", "150", "720", "-3"])
    }

    @Test func scales() {
        let rate = ChartScale(unit: .rate, values: [2], left: 0, right: 100)
        #expect(rate.ticks == [0, 0.25, 0.5, 0.75, 1] && rate.x(0.5) == 50 && rate.x(2) == 100)
        let ratio = ChartScale(unit: .ratio, values: [0.78, 1.0, 2.8], left: 0, right: 100)
        #expect(ratio.low == 0 && ratio.high == 3 && ratio.ticks == [0, 1, 2, 3])
        let negative = ChartScale(unit: .score, values: [-0.72, 0.8], left: 0, right: 100)
        #expect(negative.low < -0.72 && negative.high >= 0.8)
        let flat = ChartScale(unit: .count, values: [0], left: 0, right: 100)
        #expect(flat.high > flat.low)
    }
}

@Suite struct ValueApartFromBarTests {
    @Test("a value just below a bar never reads as the bar")
    func decimalsAreAddedUntilTheValueDiffersFromTheBar() {
        #expect(Formatting.value(0.49996, unit: .rate, apartFrom: [0.5]) == "49.996%")
        #expect(Formatting.value(0.44, unit: .rate, apartFrom: [0.5]) == "44%", "no decimals added where none are needed")
        #expect(Formatting.value(0.5, unit: .rate, apartFrom: [0.5]) == "50%", "the bar itself reads as the bar")
        #expect(Formatting.value(2.799, unit: .ratio, apartFrom: [2.8]) == "2.799×")
    }
}
