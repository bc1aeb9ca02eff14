import Testing
import ScorecardCore
import ScorecardEvaluators
@testable import ScorecardIngest

@Suite struct DeterminationLoaderTests {
    let framework: Framework = {
        let url = FrameworkLoaderTests.directory.appendingPathComponent("valid.yaml")
        return try! FrameworkLoader.load(path: url.path, registry: BuiltinEvaluators.registry).framework
    }()

    func problems(_ text: String) -> [String] {
        do {
            _ = try DeterminationLoader.parse(text, file: "d.yaml", framework: framework)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsDeterminationsAndMitigations() throws {
        let text = """
            schema_version: 1
            determinations:
              - {model: o1, category: cyber, stage: post_mitigation, level: medium, rationale: caution, author: SAG, date: 2024-12-05}
            mitigations:
              - {model: o1, category: cyber, text: Refusal training.}
            """
        let bundle = try DeterminationLoader.parse(text, file: "d.yaml", framework: framework)
        #expect(bundle.determinations.count == 1)
        #expect(bundle.determinations[0].level.id == "medium")
        #expect(bundle.determinations[0].date == "2024-12-05")
        #expect(bundle.determinations[0].location.line == 3)
        #expect(bundle.mitigations[0].text == "Refusal training.")
    }

    @Test func everyBadFieldIsNamed() {
        let text = """
            schema_version: 1
            determinations:
              - {model: o1, category: cybr, stage: post, level: severe, rationale: "", author: SAG, date: 5 Dec 2024}
              - {model: o1, category: cyber, stage: pre_mitigation, level: low, author: SAG, date: 2024-12-05}
              - {model: o1, category: cyber, stage: post_mitigation, level: low, rationale: a, author: b, date: 2024-12-05}
              - {model: o1, category: cyber, stage: post_mitigation, level: high, rationale: a, author: b, date: 2024-12-05}
            """
        let found = problems(text)
        #expect(found.contains { $0.contains("d.yaml:3") && $0.contains("unknown category 'cybr'; did you mean 'cyber'?") })
        #expect(found.contains { $0.contains("unknown stage 'post'") })
        #expect(found.contains { $0.contains("unknown level 'severe' (known: low, medium, high)") })
        #expect(found.contains { $0.contains("rationale must not be empty") })
        #expect(found.contains { $0.contains("date must be a calendar date written YYYY-MM-DD, found '5 Dec 2024'") })
        #expect(found.contains { $0.hasPrefix("d.yaml:4") && $0.contains("is missing 'rationale'") })
        #expect(found.contains { $0.hasPrefix("d.yaml:6") && $0.contains("second determination for o1 cyber post_mitigation (first at line 5)") })
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-12-00", "2024-1-011", "+024-01-01", "0000-01-01"])
    func impossibleDatesAreRefused(_ date: String) {
        #expect(!CalendarDate.isDate(date))
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "1999-01-01", "2024-04-30", "0001-01-01", "9999-12-31"])
    func calendarDatesAreAccepted(_ date: String) {
        #expect(CalendarDate.isDate(date))
    }
}
