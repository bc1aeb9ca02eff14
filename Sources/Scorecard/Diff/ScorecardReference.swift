import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// One side of a diff: a model's scorecard and the document it came from.
public struct ScorecardReference: Sendable {
    /// How the side is named in output: the text given, or `#ID MODEL (CREATED)` for a stored one.
    public let label: String
    /// The whole document the scorecard is in.
    public let document: ScorecardDocument
    /// The one model's scorecard compared.
    public let card: ScorecardDocument.ModelScorecard

    /// Finds the scorecard `text` names: a JSON scorecard file (`FILE#MODEL` picks a model), a
    /// stored scorecard id (`#12` or `12`), or `MODEL[@SNAPSHOT]` (its latest stored scorecard).
    /// `store` is called only when the text does not name a file.
    public static func resolve(_ text: String, store: () throws -> ScorecardStore) throws -> ScorecardReference {
        try resolve(text, in: { CardStore(store: try store(), config: nil, key: nil) })
    }

    /// Finds the scorecard `text` names, as ``resolve(_:store:)`` does; `MODEL` is looked for in
    /// the history of the card `opened` names (every card when its key is nil).
    public static func resolve(_ text: String, in opened: () throws -> CardStore) throws -> ScorecardReference {
        let (path, model) = split(text)
        if FileManager.default.fileExists(atPath: path) {
            let data = Data(try InputFile.read(path))
            let document: ScorecardDocument
            do { document = try ScorecardDocument.decode(data) } catch {
                throw LookupError.notADocument(path: path, reason: DecodingProblem.describe(error))
            }
            let models = document.models.map(\.model)
            if let model, !models.contains(model) {
                throw LookupError.unknownModel(path: path, model: model, known: models)
            }
            let candidates = document.models.filter { model == nil || $0.model == model }
            guard candidates.count == 1, let card = candidates.first else {
                throw LookupError.ambiguous(path: path, models: models)
            }
            return ScorecardReference(label: text, document: document, card: card)
        }
        // A name ending in .json is a file, never a model: say it is missing rather than look in a store.
        let named = text.lastIndex(of: "#").map { String(text[..<$0]) } ?? text
        if let file = [path, named].first(where: { $0.lowercased().hasSuffix(".json") }) { throw LookupError.noSuchFile(file) }
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        let stored: StoredScorecard?
        if let id = Int64(digits) {
            stored = try opened().store.scorecard(id: id)
        } else {
            let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
            let card = try opened()
            stored = try card.store.scorecards(model: parts.first ?? text, card: card.key).last { parts.count == 1 || $0.subject.snapshot == parts[1] }
        }
        guard let stored else { throw LookupError.notFound(text) }
        let (document, card) = try stored.modelScorecard()
        return ScorecardReference(label: "#\(stored.id) \(card.model) (\(stored.createdAt))", document: document, card: card)
    }

    private static func split(_ text: String) -> (String, String?) {
        guard let hash = text.lastIndex(of: "#"), hash != text.startIndex else { return (text, nil) }
        let path = String(text[..<hash])
        return FileManager.default.fileExists(atPath: path) ? (path, String(text[text.index(after: hash)...])) : (text, nil)
    }
}

/// Two scorecards compared (`scorecard diff`).
public enum Differ {
    /// Resolves `a` and `b` (see ``ScorecardReference/resolve(_:store:)``) and compares them;
    /// `openStore` is called at most once, and only when a side is not a file.
    public static func diff(_ a: String, _ b: String, openStore: () throws -> ScorecardStore) throws -> ScorecardDiff {
        try diff(a, b, open: { CardStore(store: try openStore(), config: nil, key: nil) })
    }

    /// Compares `a` and `b` as ``diff(_:_:openStore:)`` does; `MODEL` is looked for in the history
    /// of the card `open` names. `open` is called at most once, and only when a side is not a file.
    public static func diff(_ a: String, _ b: String, open: () throws -> CardStore) throws -> ScorecardDiff {
        var store: CardStore?
        func opened() throws -> CardStore {
            if let store { return store }
            let opened = try open()
            store = opened
            return opened
        }
        let left = try ScorecardReference.resolve(a, in: opened)
        let right = try ScorecardReference.resolve(b, in: opened)
        return ScorecardDiff(left, right)
    }
}

/// A scorecard that was asked for and could not be found or read.
public enum LookupError: Error, Sendable, CustomStringConvertible {
    /// No stored scorecard and no file has this name.
    case notFound(String)
    /// A JSON scorecard file that does not exist.
    case noSuchFile(String)
    /// The store has no scorecard of this model.
    case noScorecards(model: String, known: [String])
    /// The file is not a scorecard document.
    case notADocument(path: String, reason: String)
    /// The file holds several models and none was named (or the one named is there twice).
    case ambiguous(path: String, models: [String])
    /// `FILE#MODEL` names a model the file does not hold.
    case unknownModel(path: String, model: String, known: [String])
    /// A stored scorecard whose document names no model: the store is damaged.
    case emptyScorecard(id: Int64)

    public var description: String {
        switch self {
        case .notFound(let text): "no stored scorecard or file '\(text)'"
        case .noSuchFile(let path): "\(path): no such file (a JSON scorecard from `assess --format json`)"
        case .noScorecards(let model, let known): "no scorecards for model '\(model)' (known: \(known.joined(separator: ", ")))"
        case .notADocument(let path, let reason): "\(path): not a scorecard document (\(reason))"
        case .ambiguous(let path, let models):
            "\(path) holds \(models.count) models (\(models.joined(separator: ", "))); name one as \(path)#MODEL"
        case .unknownModel(let path, let model, let known):
            "\(path) has no model '\(model)'\(NearestName.closest(to: model, in: known).map { "; did you mean '\($0)'?" } ?? "") (models: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
        case .emptyScorecard(let id): "scorecard \(id) has no model"
        }
    }
}

extension StoredScorecard {
    /// The decoded document and its one model's scorecard.
    func modelScorecard() throws -> (ScorecardDocument, ScorecardDocument.ModelScorecard) {
        let document = try decoded()
        guard let card = document.models.first else { throw LookupError.emptyScorecard(id: id) }
        return (document, card)
    }
}
