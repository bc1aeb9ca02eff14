import ScorecardCore
import ScorecardIngest

/// Something about the inputs that an assessment did not use, or used in a way that may not be
/// meant: evidence no indicator reads, tiers counted as one, a filter that left out a whole file.
///
/// Commands print these as warnings; in strict mode (`--strict`, or a card's `strict: true`) any
/// of them fails the command with exit status 2 before anything is written.
public struct InputWarning: Codable, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A reader's warning about a file (a score of an unknown shape, …).
        case reading
        /// A record no indicator reads.
        case unusedEvidence = "unused_evidence"
        /// An indicator that reads one tier was fed samples of several.
        case mixedTiers = "mixed_tiers"
        /// A model filter left out every record of an evidence file.
        case filteredFile = "filtered_file"
        /// A `--map`, `--map-stage` or card mapping that matches nothing.
        case unmatchedMapping = "unmatched_mapping"
        /// An imported task that no `--map` and no indicator of the framework reads.
        case unusedTask = "unused_task"
        /// A record of a card's `signoffs:` file that signed a scorecard the store does not hold.
        case unmatchedSignoff = "unmatched_signoff"
        /// A section's stage, evaluation, metric, pattern or variant that no evidence has.
        case unmatchedSectionName = "unmatched_section_name"
        /// A model the card's last run scored that no evidence names now.
        case vanishedModel = "vanished_model"
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// A reader's or loader's warning.
    public init(_ diagnostic: Diagnostic, kind: Kind = .reading) {
        self.init(kind, file: diagnostic.file, line: diagnostic.line, message: diagnostic.message)
    }

    /// `file:line: message`.
    public var description: String {
        guard let file else { return message }
        return "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

/// What an assessment's inputs gave that it did not use: warnings, and notes about what was left
/// out on purpose (a model filter, a stage mapped to nothing).
public struct InputReview: Codable, Hashable, Sendable {
    public var warnings: [InputWarning] = []
    /// What was left out on purpose; never an error, strict or not.
    public var notes: [String] = []

    public init(warnings: [InputWarning] = [], notes: [String] = []) {
        self.warnings = warnings
        self.notes = notes
    }

    /// Throws when `strict` and there is any warning.
    public func check(strict: Bool) throws(StrictError) {
        if strict, !warnings.isEmpty { throw StrictError(warnings: warnings) }
    }

    /// The warnings about evidence no indicator reads and tiers counted as one, from assessments.
    public static func evidenceUse(_ assessments: [SubjectAssessment]) -> [InputWarning] {
        assessments.flatMap { assessment in
            let subject = assessment.subject.description
            return assessment.evidenceUse.unused.map { unused in
                InputWarning(.unusedEvidence, file: unused.location.file, line: unused.location.line,
                             message: "\(subject): not used: \(unused.what): \(unused.why)")
            } + assessment.evidenceUse.mixedTiers.map { mixed in
                InputWarning(.mixedTiers, file: mixed.location.file, line: mixed.location.line,
                             message: "\(subject): \(mixed.message)")
            }
        }
    }

    /// The same warnings from stored scorecard documents (a run that read nothing again).
    public static func evidenceUse(_ models: [ScorecardDocument.ModelScorecard]) -> [InputWarning] {
        models.flatMap { model in
            let subject = model.snapshot.map { "\(model.model) (\($0))" } ?? model.model
            return model.unusedEvidence.map { entry in
                let (file, line) = split(entry.location)
                let what = entry.metric.map { "\(entry.eval) \($0)\(entry.variant.map { " [\($0)]" } ?? "") at \(entry.stage)" }
                    ?? "\(entry.records) per-sample record\(entry.records == 1 ? "" : "s") of \(entry.eval) at \(entry.stage)"
                return InputWarning(.unusedEvidence, file: file, line: line, message: "\(subject): not used: \(what): \(entry.message)")
            } + model.mixedTiers.map { entry in
                let (file, line) = split(entry.location)
                let mixed = MixedTiers(indicator: entry.indicator, stage: entry.stage, evaluation: entry.eval, tiers: entry.tiers,
                                       location: SourceLocation(file: file, line: line ?? 0))
                return InputWarning(.mixedTiers, file: file, line: line, message: "\(subject): \(mixed.message)")
            }
        }
    }

    /// `file:line` apart; the line is nil when there is none.
    static func split(_ location: String) -> (String, Int?) {
        guard let colon = location.lastIndex(of: ":"), let line = Int(location[location.index(after: colon)...]) else {
            return (location, nil)
        }
        return (String(location[..<colon]), line)
    }
}

/// Strict mode found warnings: nothing was written.
public struct StrictError: Error, Sendable, CustomStringConvertible {
    public let warnings: [InputWarning]

    public var description: String {
        "\(warnings.count) warning\(warnings.count == 1 ? "" : "s") about the inputs (above) and strict mode is on; nothing was written"
    }
}

extension InputReview {
    /// Adds the names of `sections` that match nothing in `evidence`. A name the user wrote (in a
    /// section file), or one with a near name in the evidence (a likely typo), is a warning; a
    /// built-in section's name that this evidence simply lacks is a note.
    public mutating func addUnmatchedNames(of sections: [SectionDefinition], in evidence: EvidenceSet) {
        guard !sections.isEmpty else { return }
        let names = SectionEvidenceNames(evidence)
        for section in sections {
            for mismatch in section.unmatchedNames(in: names) {
                if mismatch.file != nil || mismatch.suggestion != nil {
                    warnings.append(InputWarning(
                        .unmatchedSectionName, file: mismatch.file, line: mismatch.file == nil ? nil : mismatch.line,
                        message: mismatch.description))
                } else {
                    notes.append("\(mismatch.description) (a built-in section: this evidence has no such results)")
                }
            }
        }
    }
}

extension Inputs {
    /// What `assessments` did not use: the loaders' warnings, evidence no indicator reads, tiers
    /// counted as one, mappings that match nothing, and what the model filter and the stage map left out.
    ///
    /// - Parameters:
    ///   - models: the model filter (empty: every model).
    ///   - filter: how the filter is named in messages (`--only-model`, the card's `models:`).
    ///   - comparedWith: models shown beside them (`--compare-with`, `compare_with:`): their
    ///     records are used, not left out.
    public func review(
        _ assessments: [SubjectAssessment], models: [String] = [], filter: String = "--only-model", comparedWith: [String] = []
    ) -> InputReview {
        var review = InputReview(warnings: warnings.map { InputWarning($0) } + InputReview.evidenceUse(assessments))
        if !models.isEmpty {
            let chosen = Set(models + comparedWith)
            for (file, counts) in recordsByFile.sorted(by: { $0.key < $1.key }) {
                let left = counts.filter { !chosen.contains($0.key) }
                guard !left.isEmpty else { continue }
                let total = left.values.reduce(0, +)
                let names = left.keys.sorted().joined(separator: ", ")
                if left.count == counts.count {
                    review.warnings.append(InputWarning(
                        .filteredFile, file: file,
                        message: "\(filter) left out every record of this file (\(total) of \(names)); is a model name misspelt?"))
                } else {
                    review.notes.append("\(filter) left out \(total) record\(total == 1 ? "" : "s") of \(names) in \(file)")
                }
            }
        }
        for (stage, count) in leftOutByStageMap.sorted(by: { $0.key < $1.key }) {
            review.notes.append("the stage map left out \(count) record\(count == 1 ? "" : "s") at stage \(stage)")
        }
        review.addUnmatchedNames(of: sections, in: evidence)
        return review
    }
}
