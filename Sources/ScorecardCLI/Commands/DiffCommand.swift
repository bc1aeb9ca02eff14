import ArgumentParser
import Foundation
import ScorecardCore
import ScorecardStore

/// `scorecard diff`: two scorecards side by side.
struct DiffCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two scorecards: levels, gates, evidence and determinations.",
        discussion: """
            Each side is a stored scorecard id (from `history`), MODEL or MODEL@SNAPSHOT (its \
            latest stored scorecard), or a JSON scorecard file from `assess --format json` \
            (FILE#MODEL picks a model). Comparing one snapshot under two framework versions: \
            assess it under each framework with --format json and diff the two files.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The earlier scorecard.")
    var a: String

    @Argument(help: "The later scorecard.")
    var b: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func execute() throws -> ExitStatus {
        var store: ScorecardStore?
        func openStore() throws -> ScorecardStore {
            if let store { return store }
            let opened = try storeOptions.open()
            store = opened
            return opened
        }
        let left = try ScorecardReference.resolve(a, store: openStore)
        let right = try ScorecardReference.resolve(b, store: openStore)
        let diff = ScorecardDiff(left, right)
        switch format {
        case .json:
            FileHandle.standardOutput.write(try JSONOutput.encode(diff))
        case .text:
            Console.write(diff.text())
        }
        return .success
    }
}

/// One side of a diff: a model's scorecard and the document it came from.
struct ScorecardReference {
    let label: String
    let document: ScorecardDocument
    let card: ScorecardDocument.ModelScorecard

    static func resolve(_ text: String, store: () throws -> ScorecardStore) throws -> ScorecardReference {
        let (path, model) = split(text)
        if FileManager.default.fileExists(atPath: path) {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let document: ScorecardDocument
            do { document = try ScorecardDocument.decode(data) } catch {
                throw CommandError("\(path): not a scorecard document (\(error))", status: .invalidInput)
            }
            let candidates = document.models.filter { model == nil || $0.model == model }
            guard candidates.count == 1, let card = candidates.first else {
                let names = document.models.map(\.model).joined(separator: ", ")
                throw CommandError("\(path) holds \(document.models.count) models (\(names)); name one as \(path)#MODEL", status: .invalidInput)
            }
            return ScorecardReference(label: text, document: document, card: card)
        }
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        let stored: StoredScorecard?
        if let id = Int64(digits) {
            stored = try store().scorecard(id: id)
        } else {
            let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
            stored = try store().scorecards(model: parts[0]).last { parts.count == 1 || $0.subject.snapshot == parts[1] }
        }
        guard let stored else { throw CommandError("no stored scorecard or file '\(text)'", status: .invalidInput) }
        let document = try stored.decoded()
        guard let card = document.models.first else { throw CommandError("scorecard \(stored.id) has no model") }
        return ScorecardReference(label: "#\(stored.id) \(card.model) (\(stored.createdAt))", document: document, card: card)
    }

    private static func split(_ text: String) -> (String, String?) {
        guard let hash = text.lastIndex(of: "#"), hash != text.startIndex else { return (text, nil) }
        let path = String(text[..<hash])
        return FileManager.default.fileExists(atPath: path) ? (path, String(text[text.index(after: hash)...])) : (text, nil)
    }
}
