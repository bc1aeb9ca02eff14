import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// What shapes a card's reports besides the scorecards: formats, templates and generation time.
struct ReportSettings {
    let directory: String
    let formats: [String]
    let generatedAt: String?
    let templates: String?
    /// Changes whenever rendering would change for the same scorecard.
    let fingerprint: String

    init(config: CardConfig) throws {
        directory = config.reportDirectory
        formats = config.reportFormats
        generatedAt = config.generatedAt
        templates = config.templates
        var lines = ["tool \(ScorecardCommand.version)", "formats \(formats.joined(separator: ","))",
                     "generated_at \(generatedAt ?? "clock")"]
        if let templates {
            for file in FileGlob.expand(templates) {
                lines.append("template \((file as NSString).lastPathComponent) \(SHA256.hex(of: try InputFile.read(file)))")
            }
        }
        fingerprint = SHA256.hex(of: lines.joined(separator: "\n"))
    }
}

/// The reports a run must write: those whose scorecard, settings or file on disk changed.
struct ReportPlan {
    struct Item {
        let card: SubjectCard
        let format: String
        let path: String
        let display: String
    }

    struct Prepared {
        let item: Item
        let pending: AtomicFile.Pending
        let sha256: String
        var display: String { item.display }
    }

    let settings: ReportSettings
    let framework: Framework
    let evidence: EvidenceSet
    let mitigations: [Mitigation]
    let configDirectory: String
    private(set) var toWrite: [Item] = []
    private(set) var unchangedCount = 0

    init(
        cards: [SubjectCard], settings: ReportSettings, framework: Framework, evidence: EvidenceSet, mitigations: [Mitigation],
        previous: CompletedRun?, recorded: [String: RecordedReport], configDirectory: String
    ) {
        self.settings = settings
        self.framework = framework
        self.evidence = evidence
        self.mitigations = mitigations
        self.configDirectory = configDirectory
        let slugs = ReportSlug.assign(cards.map(\.subject))
        for card in cards {
            let sameScorecard = previous?.scorecards[card.subject].map { $0.documentSHA256 == SHA256.hex(of: [UInt8](card.data)) } ?? false
            let previousID = previous?.scorecards[card.subject]?.id
            for format in settings.formats {
                let path = (settings.directory as NSString).appendingPathComponent("\(slugs[card.subject] ?? "model").\(format)")
                let display = RelativePath.from(configDirectory, to: path)
                if sameScorecard, let report = recorded[display], report.scorecardID == previousID,
                   report.renderFingerprint == settings.fingerprint,
                   let bytes = try? InputFile.read(path), SHA256.hex(of: bytes) == report.sha256 {
                    unchangedCount += 1
                    continue
                }
                toWrite.append(Item(card: card, format: format, path: path, display: display))
            }
        }
    }

    /// Renders every report to write into a temporary file beside its target.
    func prepare(progress: (String) -> Void) throws -> [Prepared] {
        AtomicFile.removeStale(in: settings.directory)
        var prepared: [Prepared] = []
        do {
            for item in toWrite {
                let data = try render(item)
                prepared.append(Prepared(item: item, pending: try AtomicFile.prepare(data, for: item.path),
                                         sha256: SHA256.hex(of: [UInt8](data))))
            }
        } catch {
            for file in prepared { file.pending.discard() }
            throw error
        }
        return prepared
    }

    func records(_ prepared: [Prepared]) -> [ReportToRecord] {
        prepared.map {
            ReportToRecord(path: $0.display, sha256: $0.sha256, subject: $0.item.card.subject, renderFingerprint: settings.fingerprint)
        }
    }

    private func render(_ item: Item) throws -> Data {
        switch item.format {
        case "json": return item.card.data
        default: throw CommandError("report format '\(item.format)' is not available in this build", status: .invalidInput)
        }
    }
}

/// File names for subjects' reports: safe for any model name, unique within a card.
enum ReportSlug {
    static func assign(_ subjects: [Subject]) -> [Subject: String] {
        var used: Set<String> = []
        var result: [Subject: String] = [:]
        for subject in subjects.sorted() {
            var base = slug(subject.snapshot.map { "\(subject.model)@\($0)" } ?? subject.model)
            if base.isEmpty { base = "model" }
            var candidate = base
            var n = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            used.insert(candidate.lowercased())
            result[subject] = candidate
        }
        return result
    }

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let ok = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.@".unicodeScalars.contains(scalar)))
            out.unicodeScalars.append(ok ? scalar : "_")
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return String(out.prefix(100))
    }
}
