extension SectionAssessor {
    /// The records of the section's models, by model and evaluation, and which were read.
    final class Index {
        struct Key: Hashable {
            let subject: Subject
            let evaluation: String
        }

        struct RowKey: Hashable {
            let evaluation: String
            let metric: String
            let variant: String?
        }

        let evidence: EvidenceSet
        let stage: String?
        private var records: [Key: [EvidenceRecord]] = [:]
        private(set) var read: Set<EvidenceRecord.Key> = []

        init(evidence: EvidenceSet, stage: String?, subjects: [Subject]) {
            self.evidence = evidence
            self.stage = stage
            for subject in Set(subjects) {
                for record in evidence.records(of: subject) where stage == nil || record.stage == stage {
                    records[Key(subject: record.subject, evaluation: record.evaluation), default: []].append(record)
                }
            }
        }

        func records(_ subject: Subject, _ evaluation: String) -> [EvidenceRecord] {
            records[Key(subject: subject, evaluation: evaluation)] ?? []
        }

        /// The variants an evaluation (and metric) has among the models, no variant first.
        func variants(_ evaluation: String, metric: String?) -> [String?] {
            var seen: [String?] = []
            for (key, list) in records where key.evaluation == evaluation {
                for record in list where metric == nil || record.metric == metric {
                    if !seen.contains(record.variant) { seen.append(record.variant) }
                }
            }
            // A row nobody has results for is still shown (as missing), never dropped.
            if seen.isEmpty { return [nil] }
            // No variant first, then by name.
            return seen.sorted { a, b in
                switch (a, b) {
                case (nil, _): b != nil
                case (_, nil): false
                case (let a?, let b?): a < b
                }
            }
        }

        /// Every evaluation, metric and variant matching the patterns, in pattern order, then by name.
        func benchmarkRows(_ patterns: [String]) -> [RowKey] {
            var keys: [(Int, RowKey)] = []
            var seen: Set<RowKey> = []
            for (key, list) in records {
                guard let rank = patterns.firstIndex(where: { Self.matches(key.evaluation, $0) }) else { continue }
                for record in list {
                    let row = RowKey(evaluation: record.evaluation, metric: record.metric, variant: record.variant)
                    if seen.insert(row).inserted { keys.append((rank, row)) }
                }
            }
            return keys.sorted { a, b in
                (a.0, a.1.evaluation, a.1.metric, a.1.variant ?? "") < (b.0, b.1.evaluation, b.1.metric, b.1.variant ?? "")
            }.map(\.1)
        }

        /// Whether the records of a row say lower is better.
        func lowerIsBetter(_ row: RowKey) -> Bool {
            records.values.lazy.flatMap { $0 }.first {
                $0.evaluation == row.evaluation && $0.metric == row.metric && $0.variant == row.variant
            }?.lowerIsBetter ?? false
        }

        /// `*` matches any run of characters; everything else matches itself.
        static func matches(_ text: String, _ pattern: String) -> Bool {
            let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
            guard parts.count > 1 else { return text == pattern }
            guard text.hasPrefix(parts[0]), text.hasSuffix(parts[parts.count - 1]) else { return false }
            var rest = Substring(text.dropFirst(parts[0].count))
            for part in parts.dropFirst().dropLast() where !part.isEmpty {
                guard let range = rest.range(of: part) else { return false }
                rest = rest[range.upperBound...]
            }
            return rest.count >= parts[parts.count - 1].count
        }

        /// One model's published value of a metric, or missing.
        func cell(_ subject: Subject, _ evaluation: String, _ metric: String, _ variant: String?) -> SectionCell {
            guard let record = records(subject, evaluation).first(where: { $0.metric == metric && $0.variant == variant }) else {
                return .missing
            }
            read.insert(record.key)
            return Self.cell(record)
        }

        /// A record as a cell: its interval, or a Wilson interval from n for a rate.
        static func cell(_ record: EvidenceRecord, derived: Double? = nil, contradicts: Bool = false) -> SectionCell {
            var interval = record.interval
            var computed = false
            if interval == nil, record.unit == .rate, let n = record.n, n > 0 {
                let successes = record.k ?? Int((record.value * Double(n)).rounded())
                interval = Proportion.wilson(successes: successes, trials: n)
                computed = interval != nil
            }
            return SectionCell(
                value: record.value, unit: record.unit, interval: interval, intervalComputed: computed, n: record.n,
                k: record.k, origin: .published(record.location, source: record.source), derived: derived,
                contradicts: contradicts)
        }

        func markRead(_ record: EvidenceRecord) { read.insert(record.key) }
    }
}
