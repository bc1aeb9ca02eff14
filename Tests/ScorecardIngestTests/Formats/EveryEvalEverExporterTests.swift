import Foundation
import ScorecardJSON
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// EEE export: the committed golden output, schema validity, and a round trip through the reader.
@Suite struct EveryEvalEverExporterTests {
    static let goldenDirectory = FormatFixtures.directory.appendingPathComponent("eee/exported-demo")
    static let options = EveryEvalEverExporter.Options(organization: "unknown", relationship: .other, retrievedAt: 1_780_272_000, toolVersion: "0.1.0")

    func demoFiles() throws -> [EveryEvalEverExporter.File] {
        let bundle = try EvidenceLoader.load(paths: [FormatFixtures.demoEvidence], stages: nil)
        return try EveryEvalEverExporter.export(bundle.records, options: Self.options)
    }

    /// Records imported from every format fixture, exported: intervals, snapshots, hashes, directions.
    func importedFiles() throws -> [EveryEvalEverExporter.File] {
        let records = try LMEvalReader.read(path: FormatFixtures.lmEvalThirdParty, options: .at()).records
            + LMEvalReader.read(path: FormatFixtures.lmEval012, options: .at()).records
            + EveryEvalEverReader.read(path: FormatFixtures.eeeLeaderboard, options: .at("post_mitigation")).records
            + JUnitReader.read(path: FormatFixtures.junitDefault, options: .at(model: "o1")).records
        return try EveryEvalEverExporter.export(records, options: Self.options)
    }

    @Test func demoExportMatchesTheCommittedGolden() throws {
        let files = try demoFiles()
        #expect(files.map(\.relativePath) == [
            "unknown/GPT-4o/ca4b468b-181a-4723-aaaa-4c896b478f77.json",
            "unknown/o1/e6a04774-1b8f-4366-b09a-185e86d80595.json",
            "unknown/o1/78a67160-cc99-437f-92d0-dbd701ef3103.json",
        ])
        #expect(files.map(\.resultCount) == [19, 15, 12])
        let update = ProcessInfo.processInfo.environment["SCORECARD_UPDATE_GOLDEN"] == "1"
        for file in files {
            let url = Self.goldenDirectory.appendingPathComponent(file.relativePath)
            if update {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: url)
            }
            let golden = try FormatFixtures.bytes(url.path)
            #expect(golden == file.contents, "\(file.relativePath) differs from its golden file; regenerate with SCORECARD_UPDATE_GOLDEN=1")
        }
    }

    @Test func everyExportValidatesAgainstTheCommittedSchema() throws {
        let check = try JSONSchemaCheck(schemaPath: FormatFixtures.eeeSchema)
        let golden = try FileManager.default.subpathsOfDirectory(atPath: Self.goldenDirectory.path).filter { $0.hasSuffix(".json") }
        #expect(golden.count == 3)
        var documents = try golden.map { try FormatFixtures.bytes(Self.goldenDirectory.appendingPathComponent($0).path) }
        documents += try importedFiles().map(\.contents)
        for bytes in documents {
            let value = try JSONParser.parse(bytes)
            #expect(check.errors(value).isEmpty, "\(check.errors(value).prefix(5))")
        }
        for fixture in [FormatFixtures.eeeToy, FormatFixtures.eeeLeaderboard, FormatFixtures.eeeUpstream] {
            #expect(check.errors(try JSONParser.parse(try FormatFixtures.bytes(fixture))).isEmpty, "the checker accepts upstream-valid records")
        }
    }

    static let violations: [(String, String, String)] = [
        (#""deployment_type": "unknown","#, "", "missing required 'deployment_type'"),
        (#""score": 0.19"#, #""score": "0.19""#, "expected number, found text"),
        (#""schema_version""#, #""extra": 1, "schema_version""#, "unexpected member 'extra'"),
        (#""min_score": 0"#, #""min_score": "zero""#, "matches 0 of the oneOf schemas"),
        (#""lower_is_better": false"#, #""lower_is_better": "no""#, "expected boolean"),
        (#""source_type": "other""#, #""source_type": "disk""#, "matches 0 of the oneOf schemas"),
        (#""evaluator_relationship": "other""#, #""evaluator_relationship": "none""#, "is not one of the allowed values"),
        (#""schema_version""#, #""detailed_evaluation_results": {"format": "jsonl", "file_path": "x_samples.jsonl"}, "schema_version""#, "does not match"),
        (#""num_samples": 12"#, #""num_samples": 12.5"#, "expected integer"),
    ]

    @Test(arguments: violations)
    func checkerCatchesViolations(original: String, replacement: String, expected: String) throws {
        let check = try JSONSchemaCheck(schemaPath: FormatFixtures.eeeSchema)
        let file = try #require(try demoFiles().first)
        let text = String(decoding: file.contents, as: UTF8.self).replacingOccurrences(of: " : ", with: ": ")
        #expect(text.contains(original), "the golden text has \(original)")
        let broken = try JSONParser.parse(Array(text.replacingOccurrences(of: original, with: replacement).utf8))
        let errors = check.errors(broken)
        #expect(errors.contains { $0.contains(expected) }, "\(errors)")
    }

    @Test func demoRoundTripsThroughTheReader() throws {
        let original = try EvidenceLoader.load(paths: [FormatFixtures.demoEvidence], stages: nil).records
        let directory = try TemporaryDirectory()
        var back: [EvidenceRecord] = []
        for file in try demoFiles() {
            let path = try directory.write(file.relativePath, file.contents)
            back += try EveryEvalEverReader.read(path: path, options: ImportOptions(allowedStages: ["pre_mitigation", "post_mitigation"])).records
        }
        #expect(Set(back.map(\.key)) == Set(original.map(\.key)), "model, stage (from scorecard_stage), eval, metric and variant survive")
        for record in original {
            let copy = try #require(back.first { $0.key == record.key })
            #expect(copy.value == record.value && copy.unit == record.unit && copy.n == record.n && copy.k == record.k, "\(record.key)")
            if let n = record.n, let k = record.k, record.interval == nil {
                #expect(copy.interval == Proportion.wilson(successes: k, trials: n), "the reader adds Wilson from k/n")
            } else {
                #expect(copy.interval == record.interval)
            }
            if let notes = record.notes { #expect(copy.notes?.contains("record notes: \(notes)") == true) }
            #expect(copy.source == record.source, "the figure's own source survives, not the EEE file's path: \(record.key)")
            #expect(copy.lowerIsBetter == record.lowerIsBetter, "an unknown direction comes back unknown, not false: \(record.key)")
        }
        #expect(original.contains { $0.lowerIsBetter == nil } && original.contains { $0.source != nil }, "the premise")
    }

    @Test func theFolderAnExportWritesImportsWhole() throws {
        let directory = try TemporaryDirectory()
        for file in try demoFiles() { _ = try directory.write(file.relativePath, file.contents) }
        let inputs = try EvidenceFormats.inputs([directory.url.path]).inputs
        #expect(inputs.count == 3, "<developer>/<model>/<uuid>.json is found under the folder: \(inputs.map(\.path))")
        #expect(inputs.allSatisfy { $0.reader == EveryEvalEverReader.self })
    }

    @Test func aModelWhoseNameStartsWithADotRoundTripsThroughAFolderImport() throws {
        let records = ["acme/.internal-7b", "acme/public-7b"].enumerated().map { index, model in
            EvidenceRecord(
                subject: Subject(model: model), stage: "pre_mitigation", evaluation: "e", metric: "m", value: 0.4,
                location: SourceLocation(file: "e.jsonl", line: index + 1))
        }
        let directory = try TemporaryDirectory()
        for file in try EveryEvalEverExporter.export(records, options: Self.options) { _ = try directory.write(file.relativePath, file.contents) }
        let inputs = try EvidenceFormats.inputs([directory.url.path]).inputs
        #expect(inputs.count == 2, "both exported files are found by a folder import: \(inputs.map(\.path))")
        let back = try inputs.flatMap { try EveryEvalEverReader.read(path: $0.path, options: ImportOptions()).records }
        #expect(Set(back.map(\.subject.model)) == ["acme/.internal-7b", "acme/public-7b"])
    }

    @Test func importedRecordsRoundTripWithIntervalsSnapshotsAndDirections() throws {
        let records = try LMEvalReader.read(path: FormatFixtures.lmEvalThirdParty, options: .at()).records
            + EveryEvalEverReader.read(path: FormatFixtures.eeeLeaderboard, options: .at("post_mitigation")).records
        let directory = try TemporaryDirectory()
        var back: [EvidenceRecord] = []
        for file in try EveryEvalEverExporter.export(records, options: Self.options) {
            back += try EveryEvalEverReader.read(path: try directory.write(file.relativePath, file.contents), options: ImportOptions()).records
        }
        for record in records {
            let copy = try #require(back.first { $0.key == record.key }, "\(record.key)")
            #expect(copy.value == record.value && copy.n == record.n && copy.k == record.k, "\(record.key)")
            #expect(copy.interval == record.interval, "\(record.key)")
            #expect(copy.unit == (record.unit == .rate ? .rate : .score))
        }
        #expect(back.first?.subject.snapshot == "82047f5e5d5245c1b3a4cd75ad98aa441d6487cd")
        let exported = try EveryEvalEverExporter.export(records, options: Self.options).map { String(decoding: $0.contents, as: UTF8.self) }.joined()
        #expect(exported.components(separatedBy: "\"lower_is_better\" : true").count - 1 == 3, "calibration error, perplexity and the levels metric")
        for record in records {
            #expect(back.first { $0.key == record.key }?.lowerIsBetter == record.lowerIsBetter, "\(record.key)")
        }
    }

    @Test func lowerIsBetterIsExportedFromTheTypedFieldNotFromTheNotes() throws {
        func exported(_ lowerIsBetter: Bool?, notes: String?) throws -> Bool? {
            let record = EvidenceRecord(
                subject: Subject(model: "m"), stage: "pre_mitigation", evaluation: "e", metric: "error", value: 0.2,
                unit: .score, lowerIsBetter: lowerIsBetter, notes: notes, location: SourceLocation(file: "e.jsonl", line: 1))
            let file = try #require(try EveryEvalEverExporter.export([record], options: Self.options).first)
            guard case .object(let root) = try JSONParser.parse(file.contents),
                  case .array(let results) = root["evaluation_results"], case .object(let result)? = results.first,
                  case .object(let config)? = result["metric_config"], case .bool(let flag)? = config["lower_is_better"]
            else { return nil }
            return flag
        }
        #expect(try exported(true, notes: nil) == true)
        #expect(try exported(false, notes: "lower is better") == false)
        #expect(try exported(nil, notes: "lower is better") == false, "unknown is exported as false, as EEE requires a value")
    }

    @Test func hostileModelNamesBecomeSafePathComponents() {
        #expect(EveryEvalEverExporter.pathParts("../../etc/passwd") == ("_", "___etc_passwd"))
        #expect(EveryEvalEverExporter.pathParts(".acme/.internal-7b") == ("_acme", "_internal-7b"), "never a hidden folder")
        #expect(EveryEvalEverExporter.pathParts("..") == ("unknown", "_"))
        #expect(EveryEvalEverExporter.pathParts("openai/gpt-4o-2024-08-06") == ("openai", "gpt-4o-2024-08-06"))
        #expect(EveryEvalEverExporter.pathParts("日本 model/x\u{0}y") == ("___model", "x_y"))
    }

    @Test func fileNamesAreStableVersionFourUUIDs() {
        let group = EveryEvalEverExporter.Group(subject: Subject(model: "o1", snapshot: "2024-12-17"), stage: "post_mitigation")
        let uuid = EveryEvalEverExporter.uuid(group)
        #expect(uuid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil, "\(uuid)")
        #expect(uuid == EveryEvalEverExporter.uuid(group))
        #expect(uuid != EveryEvalEverExporter.uuid(.init(subject: Subject(model: "o1"), stage: "post_mitigation")))
    }
}
