/// What determinations were made on: the evidence hash of a category at a stage, and the flag
/// raised when a determination's recorded hash is no longer the evidence's.
extension Assessor {
    /// The version prefix of ``evidenceHash(category:stage:subject:evidence:use:)``'s encoding.
    public static let evidenceHashDomain = "scorecard-category-evidence-v1"

    /// The SHA-256 of what `category`'s indicators read of `subject` at `stage`: every summary
    /// record one of them reads (evaluation, metric, variant, value, unit, n, k, interval) and the
    /// per-sample records of their evaluations (problem, scores per epoch, metadata), each in
    /// ``CanonicalFields``, sorted. A category with no such evidence has the hash of the prefix
    /// alone, so evidence arriving later changes it too. The file a record came from and its line
    /// are not part of it: moving a figure between files changes nothing.
    public func evidenceHash(category: Category, stage: String, subject: Subject, evidence: EvidenceSet, use: EvidenceUse) -> String {
        let indicators = Set(category.indicators.map(\.id))
        let evaluations = Set(category.indicators.map(\.evaluation))
        var lines: [String] = []
        for record in evidence.records(of: subject) where record.stage == stage {
            guard use.readers(of: record.key).contains(where: indicators.contains) else { continue }
            let interval = record.interval.map { [String($0.low), String($0.high), String($0.level)] } ?? ["", "", ""]
            lines.append(CanonicalFields.encode(
                ["record", record.evaluation, record.metric, record.variant ?? "", String(record.value), "\(record.unit)",
                 record.n.map(String.init) ?? "", record.k.map(String.init) ?? ""] + interval))
        }
        for group in evidence.sampleGroups(of: subject) where group.stage == stage && evaluations.contains(group.evaluation) {
            for problem in evidence.problems(.init(subject: subject, stage: group.stage, evaluation: group.evaluation)) {
                let scores = problem.scores.map { $0.map { String($0) } ?? "error" }.joined(separator: ",")
                let metadata = problem.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                lines.append(CanonicalFields.encode(["samples", group.evaluation, problem.id, scores] + metadata))
            }
        }
        return SHA256.hex(of: CanonicalFields.encode([Self.evidenceHashDomain]) + lines.sorted().joined())
    }

    /// Flags for `determinations` whose `made_on` is not the evidence hash of their category and
    /// stage now: the evidence they were made on has changed since.
    func staleDeterminations(
        _ determinations: [Determination], subject: Subject, evidence: EvidenceSet, use: EvidenceUse
    ) -> [ReviewFlag] {
        determinations.compactMap { determination in
            guard let madeOn = determination.madeOn, let category = framework.category(determination.category) else { return nil }
            let now = evidenceHash(category: category, stage: determination.stage, subject: subject, evidence: evidence, use: use)
            guard now != madeOn else { return nil }
            return ReviewFlag(
                category: category.id, stage: determination.stage,
                detail: .staleDetermination(madeOn: madeOn, now: now, location: determination.location),
                message: "determination (\(determination.location)) was made on evidence \(madeOn.prefix(12)), but the category's evidence at this stage now hashes to \(now.prefix(12)): review it and update its made_on")
        }
    }
}
