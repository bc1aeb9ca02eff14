import ScorecardCore
import ScorecardIngest

/// Names that must match the evidence: the models of determinations and mitigations, and a
/// card's `models:`. A name that matches nothing is an error with its file, line and the nearest
/// known names, never a silent drop ("Acme-2" when the evidence says "acme-2").
enum NameCheck {
    /// Problems with the model names of `bundle` against the subjects that have evidence.
    ///
    /// A determination or mitigation must name a model of the evidence (and a snapshot of it,
    /// when it names one), or a model the file lists under `models_without_evidence`; a model
    /// listed there must have no evidence and at least one determination.
    static func determinations(_ bundle: DeterminationBundle, subjects: [Subject]) -> [Diagnostic] {
        let models = Set(subjects.map(\.model))
        let known = models.sorted()
        let declared = Set(bundle.modelsWithoutEvidence.map(\.model))
        var problems: [Diagnostic] = []
        func add(_ location: SourceLocation, _ message: String) {
            problems.append(Diagnostic(file: location.file, line: location.line, message: message))
        }
        for determination in bundle.determinations {
            let model = determination.model
            if models.contains(model) {
                guard let snapshot = determination.snapshot,
                      !subjects.contains(where: { $0.model == model && $0.snapshot == snapshot }) else { continue }
                let snapshots = subjects.filter { $0.model == model }.compactMap(\.snapshot).sorted()
                add(determination.location,
                    "determination for \(model) snapshot '\(snapshot)' matches no snapshot of \(model) in the evidence\(NearestName.hint(snapshot, in: snapshots)) (known: \(list(snapshots)))")
            } else if !declared.contains(model) {
                add(determination.location,
                    "determination for model '\(model)' matches no model in the evidence\(NearestName.hint(model, in: known)) (known: \(list(known))); list a model assessed from determinations alone under models_without_evidence")
            }
        }
        for mitigation in bundle.mitigations where !models.contains(mitigation.model) && !declared.contains(mitigation.model) {
            add(mitigation.location,
                "mitigation for model '\(mitigation.model)' matches no model in the evidence\(NearestName.hint(mitigation.model, in: known)) (known: \(list(known)))")
        }
        for (model, location) in bundle.modelsWithoutEvidence {
            if models.contains(model) {
                add(location, "model '\(model)' is listed under models_without_evidence but the evidence has records of it; remove it from the list")
            } else if !bundle.determinations.contains(where: { $0.model == model }) {
                let named = Set(bundle.determinations.map(\.model)).sorted()
                add(location,
                    "model '\(model)' is listed under models_without_evidence but no determination names it\(NearestName.hint(model, in: named))")
            }
        }
        return problems
    }

    /// Problems with a card's `models:` against the subjects that will be assessed: every entry
    /// must name a model, and every snapshot it lists a snapshot of that model.
    static func cardModels(_ config: CardConfig, subjects: [Subject]) -> [Diagnostic] {
        let known = Set(subjects.map(\.model)).sorted()
        var problems: [Diagnostic] = []
        for selection in config.models {
            func add(_ message: String) { problems.append(Diagnostic(file: config.path, line: selection.line, message: message)) }
            guard known.contains(selection.name) else {
                add("models: '\(selection.name)' matches no model in the evidence or determinations\(NearestName.hint(selection.name, in: known)) (known: \(list(known)))")
                continue
            }
            let snapshots = subjects.filter { $0.model == selection.name }.compactMap(\.snapshot).sorted()
            for snapshot in selection.snapshots where !snapshots.contains(snapshot) {
                add("models: \(selection.name) snapshot '\(snapshot)' matches no snapshot in the evidence\(NearestName.hint(snapshot, in: snapshots)) (known: \(list(snapshots)))")
            }
        }
        return problems
    }

    static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }

    /// Problems with the subjects that evidence and determinations form: a model or snapshot name
    /// that cannot be shown as written, and two subjects a reader cannot tell apart (`GPT-4o` and
    /// ` GPT-4o`, `GPT-4O`, `GPT-4o` with a zero-width space), each at the second one's file and
    /// line, naming the first's. See ``NameSkeleton``.
    ///
    /// Determinations take part for the models they alone assess (`models_without_evidence`); the
    /// others must match the evidence exactly, which ``determinations(_:subjects:)`` checks.
    static func subjects(records: [EvidenceRecord], samples: [SampleRecord], bundle: DeterminationBundle?) -> [Diagnostic] {
        subjects(recordSubjects: records.lazy.map { ($0.subject, $0.location) }, sampleSubjects: samples.lazy.map { ($0.subject, $0.location) },
                 bundle: bundle)
    }

    /// As ``subjects(records:samples:bundle:)``, with the records' and the samples' subjects and
    /// places given in their order.
    static func subjects(
        recordSubjects: some Sequence<(Subject, SourceLocation)>, sampleSubjects: some Sequence<(Subject, SourceLocation)>,
        bundle: DeterminationBundle?
    ) -> [Diagnostic] {
        var names = SubjectNames()
        var problems: [Diagnostic] = []
        var last: Subject?
        func add(_ subject: Subject, _ location: SourceLocation) {
            guard subject != last else { return }
            last = subject
            for problem in names.add(subject, seenAt: location.description) {
                problems.append(Diagnostic(file: location.file, line: location.line, message: message(problem, subject)))
            }
        }
        for (subject, location) in recordSubjects { add(subject, location) }
        for (subject, location) in sampleSubjects { add(subject, location) }
        let declared = Set(bundle?.modelsWithoutEvidence.map(\.model) ?? [])
        for determination in bundle?.determinations ?? [] where declared.contains(determination.model) {
            add(Subject(model: determination.model, snapshot: determination.snapshot), determination.location)
        }
        return problems
    }

    /// The words for a problem of `subject`'s names.
    static func message(_ problem: SubjectNames.Problem, _ subject: Subject) -> String {
        switch problem {
        case let .unfit(name, snapshot, reason):
            return "\(snapshot ? "snapshot" : "model") name \(NameSkeleton.quoted(name)) \(reason): a name must read as "
                + "it is written, with no white space at either end and no control or invisible characters"
        case let .ambiguous(other, seenAt):
            let unusual = NameSkeleton.unusualCharacters(of: subject.model + (subject.snapshot ?? ""),
                                                         notIn: other.model + (other.snapshot ?? ""))
            let holds = unusual.isEmpty ? "" : " (the first holds \(unusual.prefix(6).joined(separator: ", ")))"
            return "\(described(subject)) cannot be told apart from \(described(other)) (\(seenAt))\(holds): names that "
                + "differ only by case, white space, invisible or look-alike characters are refused as ambiguous; spell "
                + "them the same, or give them names a reader can tell apart"
        }
    }

    /// `model 'GPT-4o'`, or `model 'GPT-4o' snapshot '2024-05-13'`, with invisible characters shown.
    static func described(_ subject: Subject) -> String {
        "model \(NameSkeleton.quoted(subject.model))" + (subject.snapshot.map { " snapshot \(NameSkeleton.quoted($0))" } ?? "")
    }
}
