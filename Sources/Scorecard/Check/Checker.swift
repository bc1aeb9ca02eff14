import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
import ScorecardRender
import ScorecardStore

/// Re-derives stored scorecards from the inputs the store holds for them (`scorecard check`).
///
/// For each scorecard: the framework, determinations and evidence it was made from are read
/// back out of the store, assessed again, and the new document is compared with the stored one
/// byte for byte.
public struct Checker {
    /// The store the scorecards and their inputs are read from.
    public let store: ScorecardStore
    /// The evaluators the frameworks are re-read with.
    public let registry: EvaluatorRegistry
    /// The folder the stored framework paths are relative to (a card's `root`), where the
    /// evaluator definitions and programs they name are looked for; nil: the current folder.
    public let root: String?

    /// A checker of the scorecards in `store`.
    public init(store: ScorecardStore, registry: EvaluatorRegistry = StandardEvaluators.registry, root: String? = nil) {
        self.store = store
        self.registry = registry
        self.root = root
    }

    /// Checks the current scorecards (of the card `card`, a key in the store, or of every card when
    /// nil), or every stored one when `all`; a scorecard that cannot be re-derived is a result
    /// (``CheckResult/Outcome/failed(_:)``), not an error.
    public func check(all: Bool = false, card: String? = nil) throws -> [CheckResult] {
        let scorecards = try all ? store.allScorecards() : store.currentScorecards(card: card)
        guard !scorecards.isEmpty else { throw CheckError.nothingToCheck }
        let sources = EvidenceSources()
        return scorecards.map { stored in
            do {
                return try rederive(stored, sources: sources)
            } catch {
                return CheckResult(scorecard: stored, outcome: .failed(error), flags: [])
            }
        }
    }

    /// Everything `scorecard check` proves: the scorecards re-derive (``check(all:card:)``), the
    /// history is whole (``ScorecardStore/verifyHistory()``), the stored input texts hash to their
    /// keys, and, given the card's configuration, the inputs on disk are still those the card's
    /// current scorecards were made from (every file hashed again, whatever its size and time).
    public func summary(all: Bool = false, card: String? = nil, config: CardConfig? = nil) throws -> CheckSummary {
        let results = try check(all: all, card: card)
        let history = try store.verifyHistory()
        let texts = try store.storedTextProblems()
        var disk: [DiskChange] = []
        if let config, let card { disk = try diskChanges(config: config, card: card) }
        return CheckSummary(results: results, history: history, storedTexts: texts, disk: disk)
    }

    /// The inputs of the card's current scorecards whose file on disk is gone or holds other bytes.
    public func diskChanges(config: CardConfig, card: String) throws -> [DiskChange] {
        var inputs: [String: (sha256: String, scorecards: [Int64])] = [:]
        for stored in try store.currentScorecards(card: card) {
            for (path, sha256) in try stored.decoded().inputs {
                inputs[path, default: (sha256, [])].scorecards.append(stored.id)
            }
        }
        var changes: [DiskChange] = []
        for (path, input) in inputs.sorted(by: { $0.key < $1.key }) {
            let absolute = config.absolute(path)
            let onDisk: String?
            if FileManager.default.fileExists(atPath: absolute) {
                onDisk = try FileDigest.sha256(path: absolute)
            } else {
                onDisk = nil
            }
            if onDisk != input.sha256 {
                changes.append(DiskChange(path: path, stored: input.sha256, onDisk: onDisk, scorecards: input.scorecards.sorted()))
            }
        }
        return changes
    }

    /// Re-assesses one stored scorecard from the inputs the store holds for it.
    public func rederive(_ stored: StoredScorecard) throws -> CheckResult {
        try rederive(stored, sources: EvidenceSources())
    }

    /// Evidence already summed up for the files of a scorecard (and its stage map): the
    /// scorecards of one run share their evidence files, whose subjects and slices are summed up
    /// once; records are read from the store as each assessment asks. Only the last files'
    /// evidence is kept (the scorecards of a run come together), so checking a long history
    /// holds one evidence set at a time.
    final class EvidenceSources {
        private var last: (key: String, evidence: Evidence)?

        struct Evidence {
            let results: StoredRecords
            let samples: StoredSamples
            let leftOut: [String: Int]

            var set: EvidenceSet { EvidenceSet(results: results, sampleSource: samples) }
            /// The first read from the store that failed while assessing, if any.
            var failure: StoreError? { results.failure ?? samples.failure }
        }

        func evidence(_ store: ScorecardStore, files: [(sha256: String, path: String)], stageMap: StageMap) throws -> Evidence {
            let key = (files.map { "\($0.sha256) \($0.path)" } + stageMap.pairs.map { "\($0.from)=\($0.to ?? "")" }).joined(separator: "\n")
            if let last, last.key == key { return last.evidence }
            last = nil
            let results = try StoredRecords(store: store, files: files, stage: stageMap.target(of:))
            let samples = try StoredSamples(store: store, files: files, stage: stageMap.target(of:))
            // The stage map the scorecard records, applied as when it was made.
            let counts = results.stageCounts.merging(samples.stageCounts, uniquingKeysWith: +)
            let evidence = Evidence(results: results, samples: samples, leftOut: stageMap.accounting(stageCounts: counts).leftOut)
            last = (key, evidence)
            return evidence
        }
    }

    private func rederive(_ stored: StoredScorecard, sources: EvidenceSources) throws -> CheckResult {
        let document = try stored.decoded()
        guard let frameworkText = try store.framework(sha256: stored.frameworkSHA256) else {
            throw CheckError.frameworkNotStored(sha256: stored.frameworkSHA256)
        }
        let folder = (frameworkText.path as NSString).deletingLastPathComponent
        let loaded = try FrameworkLoader.read(
            frameworkText.text, file: frameworkText.path, registry: registry,
            directory: root.map { ($0 as NSString).appendingPathComponent(folder) })
        let framework = loaded.framework
        var determinations = DeterminationBundle()
        var evidencePaths: [String: String] = [:]
        var altered: [String] = []
        for (path, sha256) in document.inputs where sha256 != stored.frameworkSHA256 {
            if let text = try store.determinations(sha256: sha256) {
                let parsed = try DeterminationLoader.parse(text.text, file: text.path, framework: framework)
                determinations.determinations += parsed.determinations
                determinations.mitigations += parsed.mitigations
                determinations.modelsWithoutEvidence += parsed.modelsWithoutEvidence
                altered += try store.determinationDifferences(parsed.determinations, file: sha256).map { "\(path): \($0)" }
            } else if try store.hasEvidence(sha256: sha256) {
                evidencePaths[sha256] = path
            } else {
                throw CheckError.inputNotStored(path: path, sha256: sha256)
            }
        }
        let stageMap = StageMap(Dictionary(document.stageMap.map { ($0.from, $0.to) }) { first, _ in first })
        // Samples are read from the store a slice at a time, in the order of the files' paths.
        let evidence = try sources.evidence(
            store, files: evidencePaths.sorted { $0.value < $1.value }.map { (sha256: $0.key, path: $0.value) }, stageMap: stageMap)
        var inputs = Inputs(
            framework: framework, frameworkSHA256: stored.frameworkSHA256, evidence: evidence.set,
            determinations: determinations.determinations, mitigations: determinations.mitigations, registry: loaded.registry,
            hashes: document.inputs, modelsWithoutEvidence: Set(determinations.modelsWithoutEvidence.map(\.model)),
            stageMap: stageMap, leftOutByStageMap: evidence.leftOut)
        // The sections the scorecard was made beside: the records they show count as used.
        inputs.sections = try CardOptions.parts(document.sections.map { $0.file ?? $0.id }).compactMap {
            if case .section(let definition) = $0 { definition } else { nil }
        }
        let assessments = try inputs.assess(models: [stored.subject.model])
        guard let assessment = assessments.first(where: { $0.subject == stored.subject }) else {
            return CheckResult(scorecard: stored, outcome: .noLongerProduced, flags: [])
        }
        let data = try inputs.document([assessment]).encoded()
        let flags = document.models.first?.flags ?? []
        let view = ReportRenderer.view(of: assessment, input: inputs.reportInput([assessment]), generatedAt: "", chartDirectory: "")
        let worded = TextReport.flagLines(view)
        if let failure = evidence.failure { throw failure }
        if !altered.isEmpty {
            return CheckResult(scorecard: stored, outcome: .storedInputsAltered(altered), flags: flags, flagLines: worded)
        }
        if data == stored.document { return CheckResult(scorecard: stored, outcome: .unchanged, flags: flags, flagLines: worded) }
        let changed = EvaluatorChange.between(stored: document, rederived: try ScorecardDocument.decode(data))
        if !changed.isEmpty {
            return CheckResult(scorecard: stored, outcome: .evaluatorsChanged(changed, storedBy: document.tool.version), flags: flags, flagLines: worded)
        }
        let line = TextDifference.firstLine(String(decoding: stored.document, as: UTF8.self), String(decoding: data, as: UTF8.self))
        let difference = CheckResult.Difference(
            line: line.number, stored: line.old.trimmingCharacters(in: .whitespaces),
            rederived: line.new.trimmingCharacters(in: .whitespaces), storedBy: document.tool.version,
            rederivedBy: ToolIdentity.version, place: DocumentDifference.first(stored: stored.document, rederived: data))
        return CheckResult(scorecard: stored, outcome: .differs(difference), flags: flags, flagLines: worded)
    }
}

/// One stored scorecard, re-derived.
public struct CheckResult {
    /// What re-deriving gave.
    public enum Outcome {
        /// The stored inputs give the stored document, byte for byte.
        case unchanged
        /// They give another document.
        case differs(Difference)
        /// An evaluator's definition or program is not the one the scorecard records (so the
        /// re-derived document differs too); `storedBy` is the tool version that stored it.
        case evaluatorsChanged([EvaluatorChange], storedBy: String)
        /// They give no scorecard for this subject any more.
        case noLongerProduced
        /// The scorecard could not be re-derived (an input is missing from the store, or does not load).
        case failed(any Error)
        /// Rows the store keeps of an input (the determination table) no longer match the input's
        /// stored text, whose hash the scorecard records: one message per difference.
        case storedInputsAltered([String])
    }

    /// Where a re-derived document first differs from the stored one.
    public struct Difference: Sendable {
        /// 1-based line of the pretty-printed JSON.
        public let line: Int
        public let stored: String
        public let rederived: String
        /// The tool versions that made the stored document and the new one.
        public let storedBy: String
        public let rederivedBy: String
        /// The same difference named by category, stage and field.
        public let place: DocumentDifference?
    }

    /// The stored scorecard checked.
    public let scorecard: StoredScorecard
    /// What re-deriving it gave.
    public let outcome: Outcome
    /// The stored scorecard's review flags, for a reviewer; empty when it could not be re-derived.
    public let flags: [ScorecardDocument.FlagEntry]
    /// The re-derived scorecard's review flags worded as the report words them
    /// ("CBRN, Pre-mitigation: Interval straddles a threshold: …"); empty when it could not be re-derived.
    public let flagLines: [String]

    public init(scorecard: StoredScorecard, outcome: Outcome, flags: [ScorecardDocument.FlagEntry], flagLines: [String] = []) {
        self.scorecard = scorecard
        self.outcome = outcome
        self.flags = flags
        self.flagLines = flagLines
    }

    /// Whether the scorecard re-derived unchanged.
    public var matches: Bool {
        if case .unchanged = outcome { return true }
        return false
    }
}

/// What stops a check.
public enum CheckError: Error, Sendable, CustomStringConvertible {
    /// The store holds no scorecard.
    case nothingToCheck
    /// The framework a scorecard was made under is not in the store.
    case frameworkNotStored(sha256: String)
    /// An input a scorecard names is not in the store.
    case inputNotStored(path: String, sha256: String)

    public var description: String {
        switch self {
        case .nothingToCheck: "no stored scorecards to check"
        case .frameworkNotStored(let sha256): "the framework \(sha256.prefix(12)) is not in the store"
        case .inputNotStored(let path, let sha256): "input \(path) (\(sha256.prefix(12))) is not in the store"
        }
    }
}

/// Locating the first differing line of two texts.
enum TextDifference {
    /// The 1-based number of the first line that differs, and the two lines (`<end>` past the end of
    /// one text); line 0 when the texts are equal.
    static func firstLine(_ a: String, _ b: String) -> (number: Int, old: String, new: String) {
        let left = a.components(separatedBy: "\n"), right = b.components(separatedBy: "\n")
        for i in 0..<max(left.count, right.count) {
            let l = i < left.count ? left[i] : "<end>", r = i < right.count ? right[i] : "<end>"
            if l != r { return (i + 1, l, r) }
        }
        return (0, "", "")
    }
}
