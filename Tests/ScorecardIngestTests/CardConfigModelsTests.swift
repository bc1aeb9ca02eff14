import Testing
@testable import ScorecardIngest

/// A card's `models:` key: left out, every model in the evidence; given, exactly those.
@Suite struct CardConfigModelsTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        _ = try folder.write("framework.yaml", "")
        _ = try folder.write("evidence.jsonl", "")
    }

    func parse(_ models: String) -> Result<CardConfig, InputError> {
        let path = folder.path("card.yaml")
        let text = """
            schema_version: 1
            framework: framework.yaml
            \(models)
            evidence:
              - evidence.jsonl
            """
        return Result { () throws(InputError) in
            try CardConfigLoader.parse(text, path: path, sha256: "", formats: EvidenceFormats.names)
        }
    }

    @Test("an empty models: list is refused with its line, not read as every model")
    func emptyListIsRefused() {
        guard case .failure(let error) = parse("models: []") else {
            Issue.record("an empty models: list was accepted")
            return
        }
        #expect(error.description.contains("card.yaml:3"), "\(error)")
        #expect(error.description.contains("models: is an empty list"), "\(error)")
    }

    @Test("a list of names selects those models, in order")
    func namedModels() throws {
        let config = try parse("models: [o1, {name: GPT-4o, snapshots: [2024-08-06]}]").get()
        #expect(config.models.map(\.name) == ["o1", "GPT-4o"])
        #expect(config.models[1].snapshots == ["2024-08-06"])
    }

    @Test("a reports: generated_at on a day the calendar does not have is refused, not rolled over")
    func impossibleGenerationTimeIsRefused() throws {
        guard case .failure(let error) = parse("reports: {generated_at: \"2024-02-30T00:00:00Z\"}") else {
            Issue.record("generated_at 2024-02-30 was accepted")
            return
        }
        #expect(error.description.contains("card.yaml:3"), "\(error)")
        #expect(error.description.contains("found '2024-02-30T00:00:00Z': 2024-02 has no day 30 (it has 29)"), "\(error)")
        #expect(try parse("reports: {generated_at: \"2024-02-29T00:00:00Z\"}").get().generatedAt == "2024-02-29T00:00:00Z")
    }
}
