import ScorecardCore
import ScorecardIngest
import ScorecardRender

/// What a system card shows besides (or instead of) the Preparedness scorecard, and beside whom.
public struct CardOptions: Sendable {
    /// The parts in order; `preparedness` is the scorecard.
    public var parts: [CardPart]
    /// Models shown beside every report's subject.
    public var compareWith: [String]
    /// Also write the whole card as one file per format (`STEM-card.md`, `.html`).
    public var document: Bool

    public init(parts: [CardPart], compareWith: [String] = [], document: Bool = false) {
        self.parts = parts
        self.compareWith = compareWith
        self.document = document
    }

    /// The sections among the parts.
    public var sections: [SectionDefinition] {
        parts.compactMap { if case .section(let definition) = $0 { definition } else { nil } }
    }

    /// Parts from names: `preparedness`, a built-in section's id (`hallucinations`), or a
    /// section file (`sections/custom.yaml`). An unknown name is an error listing the known ones.
    /// `display` gives the name a section file is shown and recorded under (a card's paths are
    /// absolute once resolved, and shown relative to its root).
    public static func parts(
        _ names: [String], display: (String) -> String = { $0 }
    ) throws(CardPartsError) -> [CardPart] {
        let builtIn: [SectionDefinition]
        do { builtIn = try SectionLoader.builtIn() } catch { throw .invalidSection(error) }
        var parts: [CardPart] = []
        for name in names {
            if name == "preparedness" {
                parts.append(.preparedness)
            } else if let definition = builtIn.first(where: { $0.id == name }) {
                parts.append(.section(definition))
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                do { parts.append(.section(try SectionLoader.load(path: name, name: display(name)))) } catch { throw .invalidSection(error) }
            } else {
                let known = ["preparedness"] + builtIn.map(\.id)
                throw .unknown(name, known: known, suggestion: NearestName.closest(to: name, in: known))
            }
        }
        var seen: Set<String> = []
        for part in parts {
            let id = if case .section(let definition) = part { definition.id } else { "preparedness" }
            if !seen.insert(id).inserted { throw .repeated(id) }
        }
        return parts
    }
}

/// A card part that cannot be used.
public enum CardPartsError: Error, Sendable, CustomStringConvertible {
    case unknown(String, known: [String], suggestion: String?)
    case repeated(String)
    case invalidSection(InputError)

    public var description: String {
        switch self {
        case .unknown(let name, let known, let suggestion):
            "unknown section '\(name)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "") (known: \(known.joined(separator: ", ")); or a section file ending in .yaml)"
        case .repeated(let id): "section '\(id)' is listed twice"
        case .invalidSection(let error): error.description
        }
    }
}
