import Foundation
import Scorecard
import ScorecardIngest
import ScorecardTesting

/// Inputs the tests share: the demo card's files and the importers' fixtures.
enum Fixtures {
    /// The demo: GPT-4o and o1 under the Preparedness Framework (Beta).
    static let demo = InputFiles(
        framework: PackagePaths.file("frameworks/openai-preparedness-beta.yaml").path,
        evidence: [PackagePaths.file("examples/demo/evidence.jsonl").path],
        determinations: PackagePaths.file("examples/demo/determinations.yaml").path)

    /// An Inspect AI fixture log.
    static func inspect(_ name: String) -> String {
        PackagePaths.file("Tests/ScorecardIngestTests/Fixtures/inspect/\(name)").path
    }

    /// Every event a job reported, in order.
    final class Events {
        private(set) var all: [ProgressEvent] = []

        func record(_ event: ProgressEvent) { all.append(event) }

        /// The files read, as the job named them.
        var paths: [String] {
            all.compactMap { if case .read(let file) = $0 { file.path } else { nil } }
        }

        /// The events without their details: `reading 2`, `read 1/2`, `done`.
        var outline: [String] {
            all.map {
                switch $0 {
                case .reading(let files): "reading \(files)"
                case .read(let file): "read \(file.index)/\(file.total)\(file.failed ? " failed" : "")"
                case .done: "done"
                }
            }
        }
    }
}

extension CardFixture {
    /// A regenerator for the card's configuration and store.
    func regenerator() throws -> Regenerator { try Regenerator(config: config.path) }
}
