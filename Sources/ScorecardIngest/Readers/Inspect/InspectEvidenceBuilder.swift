import ScorecardCore

/// Turns one checked Inspect log into evidence: per-sample records, summary records computed
/// from them, and the metrics Inspect itself reported.
///
/// Score names map to evaluation ids: the primary score (Inspect's headline, else its first
/// reported score) to the task's id (`--map TASK=ID`, or the task name), any other score `s` to
/// `--map TASK/s=ID` or `<task id>/s`. Samples are ordered as Inspect orders them (epoch, then
/// id with whole-number ids zero-padded), whatever order the file holds them in, so a `.json`
/// log and its `.eval` twin give identical evidence.
struct InspectEvidenceBuilder {
    let path: String
    let sha256: String
    let options: ImportOptions
    let log: InspectLog
    let model: String
    let task: String
    let stage: String

    var header: InspectLogHeader { log.header }
    var status: String { InspectLogCheck.status(of: header) }
    var incomplete: Bool { status != "success" }
    var subject: Subject { Subject(model: model) }

    /// Attempts per problem for one score name, in problem order.
    struct ScoreTable {
        var name: String
        var evaluation: String
        var problems: [[SampleStatistics.Attempt]] = []
        var samples: [SampleRecord] = []
        /// The first value outside [0, 1], which keeps per-sample records from being written.
        var outOfRange: (value: Double, sample: InspectSample)?
        /// For a filtered mapping (`--map TASK[tier=professional]=ID`): the samples it keeps.
        var filter: EvaluationMapping.SampleFilter?
    }

    func build() -> ImportedEvidence {
        var warnings: [Diagnostic] = []
        // Inspect's order: epoch, then id (sort keys computed once; byte order is code-point order).
        // Indices are sorted, so the samples themselves are never copied. Invalidated samples are
        // never counted: they are left out here, before anything is computed from them.
        let samples = log.samples
        let keys = samples.map(\.sortKey)
        let ids = samples.map { Array($0.id.utf8) }
        func before(_ a: Int, _ b: Int) -> Bool {
            if keys[a] != keys[b] { return keys[a].lexicographicallyPrecedes(keys[b]) }
            return ids[a].lexicographicallyPrecedes(ids[b])
        }
        let valid = samples.indices.filter { !samples[$0].invalidated }
        let order = valid.sorted { a, b in
            samples[a].epoch != samples[b].epoch ? samples[a].epoch < samples[b].epoch : before(a, b)
        }
        // Problems in id order; attempts in epoch order.
        var firstIndex: [String: Int] = [:]
        for index in order where firstIndex[samples[index].id] == nil { firstIndex[samples[index].id] = index }
        var rank: [String: Int] = [:]
        for (position, index) in firstIndex.values.sorted(by: before).enumerated() { rank[samples[index].id] = position }
        let problemCount = rank.count
        let names = scoreNames()
        let categorical = categoricalScores(names)
        // Filtered mappings (`--map TASK[tier=professional]=ID`): the samples whose metadata
        // matches get an evaluation of their own; without a plain mapping of the same score, they
        // replace the whole task's records.
        var tables: [ScoreTable] = []
        for name in computedScoreNames(names) where categorical[name] == nil {
            let filters = options.sampleFilters(for: mapKey(for: name, primary: names.first))
            if filters.isEmpty || !replacedByFilters(name, primary: names.first) {
                tables.append(ScoreTable(name: name, evaluation: evaluationID(for: name, primary: names.first),
                                         problems: Array(repeating: [], count: problemCount)))
            }
            for filter in filters {
                tables.append(ScoreTable(name: name, evaluation: filter.evaluation,
                                         problems: Array(repeating: [], count: problemCount), filter: filter))
            }
        }
        for name in names where replacedByFilters(name, primary: names.first) {
            let filters = options.sampleFilters(for: mapKey(for: name, primary: names.first))
            let left = samples.filter { sample in !filters.contains { sample.metadata[$0.key] == $0.value } }
            guard !left.isEmpty else { continue }
            let keys = Set(filters.map(\.key)).sorted()
            let values = Set(left.map { sample in keys.map { sample.metadata[$0] ?? "none" }.joined(separator: "/") }).sorted()
            warnings.append(Diagnostic(
                file: path,
                message: "score '\(name)': \(left.count) sample records match no --map filter (\(keys.joined(separator: "/")) \(values.joined(separator: ", "))) and are left out; map them too, or map the whole task with --map \(mapKey(for: name, primary: names.first))=ID"))
        }
        var unusable: [String: (count: Int, shown: Int)] = [:]
        var attemptsPerProblem = [Int](repeating: 0, count: problemCount)
        for sampleIndex in order {
            let sample = samples[sampleIndex]
            let problem = rank[sample.id] ?? 0
            attemptsPerProblem[problem] += 1
            for index in tables.indices {
                if let filter = tables[index].filter, sample.metadata[filter.key] != filter.value { continue }
                let name = tables[index].name
                let filtered = tables[index].filter != nil
                let attempt = attempt(of: sample, score: name) { reason in
                    guard !filtered else { return }  // told once, by the table of the whole task
                    var tally = unusable[name, default: (0, 0)]
                    tally.count += 1
                    if tally.shown < 5 {
                        tally.shown += 1
                        warnings.append(Diagnostic(
                            file: path, line: sample.line,
                            message: "sample \(sample.id) epoch \(sample.epoch)\(Self.member(sample)): score '\(name)' is \(reason)"))
                    }
                    unusable[name] = tally
                }
                tables[index].problems[problem].append(attempt)
                if case .scored(let value, _) = attempt, !(0...1).contains(value), tables[index].outOfRange == nil {
                    tables[index].outOfRange = (value, sample)
                }
                if let record = sampleRecord(sample, attempt: attempt, evaluation: tables[index].evaluation) {
                    tables[index].samples.append(record)
                }
            }
        }
        for (name, tally) in unusable.sorted(by: { $0.key < $1.key }) where tally.count > tally.shown {
            warnings.append(Diagnostic(file: path, message: "score '\(name)': \(tally.count - tally.shown) more sample records with unusable values"))
        }
        for index in tables.indices where tables[index].filter != nil {
            tables[index].problems.removeAll { $0.isEmpty }
            if let filter = tables[index].filter, tables[index].problems.isEmpty {
                let found = Set(samples.compactMap { $0.metadata[filter.key] }).sorted()
                warnings.append(Diagnostic(
                    file: path,
                    message: "--map \(filter.name)=\(filter.evaluation): no sample has \(filter.key) '\(filter.value)'\(NearestName.hint(filter.value, in: found)) (found: \(found.isEmpty ? "none" : found.joined(separator: ", ")))"))
            }
        }
        if samples.count > valid.count {
            warnings.append(Diagnostic(
                file: path,
                message: "\(samples.count - valid.count) of the log's \(samples.count) sample records are invalidated; they are left out of every record (never counted)"))
        }
        // Invalidated records still count as records the log holds (they were run).
        var invalidatedOnly: [String: Int] = [:]
        for sample in samples where sample.invalidated {
            if let problem = rank[sample.id] { attemptsPerProblem[problem] += 1 } else { invalidatedOnly[sample.id, default: 0] += 1 }
        }
        attemptsPerProblem += invalidatedOnly.values
        var consistency = InspectConsistency(header: header, attempts: attemptsPerProblem, incomplete: incomplete)
        let frequencies = categorical.keys.sorted().map {
            frequencyTable($0, primary: names.first, declared: categorical[$0] ?? [], order: order, warnings: &warnings)
        }
        if samples.count == valid.count { compareReported(tables, frequencies, &consistency) }
        warnings += consistency.findings.map { Diagnostic(file: path, message: $0) }

        var evidence = ImportedEvidence(warnings: warnings, sha256: sha256)
        for table in tables {
            let mark = consistency.mark(score: table.name)
            evidence.records += computedRecords(table, consistency: mark, warnings: &evidence.warnings)
            guard options.includeSamples else { continue }
            if incomplete {
                continue  // never counted silently: the flagged summary records carry the numbers
            } else if let (value, sample) = table.outOfRange {
                evidence.warnings.append(Diagnostic(
                    file: path,
                    message: "score '\(table.name)' has values outside [0, 1] (\(Format.number(value)) at sample \(sample.id) epoch \(sample.epoch)); per-sample records need scores in [0, 1], so only its summary records are written"))
            } else {
                evidence.samples += mark == nil ? table.samples : table.samples.map { $0.marked(mark) }
            }
        }
        for table in frequencies {
            evidence.records += frequencyRecords(table, consistency: consistency.mark(score: table.name))
        }
        if incomplete, options.includeSamples, !log.samples.isEmpty {
            evidence.warnings.append(Diagnostic(
                file: path,
                message: "imported an incomplete log (status '\(status)') because of --allow-incomplete: its summary records are flagged 'incomplete', and no per-sample records are written for it"))
        }
        if samples.count > valid.count, !(header.results?.scores ?? []).isEmpty {
            evidence.warnings.append(Diagnostic(
                file: path,
                message: "Inspect's own metrics in this log still count its invalidated samples; they are not imported (the computed records leave them out)"))
        } else {
            evidence.records += reportedRecords(primary: names.first, consistency: consistency, warnings: &evidence.warnings)
        }
        return evidence
    }

    /// Compares every score's reported accuracy/mean, and every category's frequency, with what the samples give.
    func compareReported(_ tables: [ScoreTable], _ frequencies: [FrequencyTable], _ consistency: inout InspectConsistency) {
        let reported = header.results?.scores ?? []
        for table in tables where table.filter == nil {
            guard let recomputed = InspectConsistency.inspectMean(table.problems),
                  let metric = InspectConsistency.comparableMetric(
                      reported, name: table.name, singleAttempts: recomputed.single, binary: recomputed.binary)
            else { continue }
            consistency.compare(score: table.name, reported: metric, recomputed: recomputed.value, records: recomputed.records)
        }
        for table in frequencies where table.observations > 0 {
            for score in reported where score.name == table.name {
                for metric in score.metrics where metric.group == "frequency" && metric.normalize != false && metric.value.isFinite {
                    let recomputed = Double(table.counts[metric.name] ?? 0) / Double(table.observations)
                    consistency.compare(score: table.name, reported: metric, recomputed: recomputed, records: table.observations)
                }
            }
        }
    }

    /// Score names: the primary first, then the others as samples and results name them.
    func scoreNames() -> [String] {
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        for sample in log.samples { for score in sample.scores { add(score.name) } }
        for score in header.results?.scores ?? [] { add(score.name) }
        if names.isEmpty, !log.samples.isEmpty { header.scorers.forEach(add) }
        if let primary = primaryScore(names), let index = names.firstIndex(of: primary) {
            names.remove(at: index)
            names.insert(primary, at: 0)
        }
        return names
    }

    /// The score names to compute from samples: all of them, except that when samples split a
    /// dict-valued score into its keys (names the results do not list), a results score that no
    /// sample names is the whole dict, which Inspect's own metrics summarise: nothing to recompute.
    func computedScoreNames(_ names: [String]) -> [String] {
        // Score names are few: arrays, not sets, so that the pass over the samples hashes nothing.
        var inSamples: [String] = []
        for sample in log.samples {
            for score in sample.scores where !inSamples.contains(score.name) { inSamples.append(score.name) }
        }
        let reported = (header.results?.scores ?? []).map(\.name)
        guard !inSamples.isEmpty, !inSamples.allSatisfy(reported.contains) else { return names }
        return names.filter { inSamples.contains($0) || !reported.contains($0) }
    }

    func primaryScore(_ names: [String]) -> String? {
        if let headline = header.results?.headlineScore, names.contains(headline) { return headline }
        if let first = header.results?.scores.first?.name, names.contains(first) { return first }
        return names.first
    }

    /// The `--map` key of a score: the task for the primary score, `TASK/score` for the others.
    func mapKey(for score: String, primary: String?) -> String {
        score == primary ? task : "\(task)/\(score)"
    }

    /// Whether filtered mappings replace a score's whole-task records: they exist and the score
    /// has no plain mapping of its own.
    func replacedByFilters(_ score: String, primary: String?) -> Bool {
        let key = mapKey(for: score, primary: primary)
        return options.evaluationMap[key] == nil && !options.sampleFilters(for: key).isEmpty
    }

    /// Our evaluation id for a score name.
    func evaluationID(for score: String, primary: String?) -> String {
        if score == primary { return options.evaluation(for: task) }
        return options.evaluationMap["\(task)/\(score)"] ?? "\(options.evaluation(for: task))/\(score)"
    }

    /// One sample's attempt for one score name; `unusable` hears about values that cannot be scores.
    func attempt(of sample: InspectSample, score name: String, unusable: (String) -> Void) -> SampleStatistics.Attempt {
        guard let score = sample.scores.first(where: { $0.name == name }) else {
            return sample.error != nil ? .errored : .unscored
        }
        switch score.value.reading {
        case .scored(let value):
            return .scored(value, answer: score.answer ?? .missing)
        case .unscored:
            return .unscored
        case .unusable(let reason):
            if score.value.isUnknownString {
                unusable("\(reason); counted as 0, as Inspect counts it")
                return .scored(0, answer: score.answer ?? .missing)
            }
            unusable("\(reason); treated as unscored")
            return .unscored
        }
    }

    /// The per-sample record of an attempt; none for unscored attempts, which have no score to record.
    func sampleRecord(_ sample: InspectSample, attempt: SampleStatistics.Attempt, evaluation: String) -> SampleRecord? {
        let score: Double?
        switch attempt {
        case .scored(let value, _): score = value
        case .errored: score = nil
        case .unscored: return nil
        }
        return SampleRecord(
            subject: subject, stage: stage, evaluation: evaluation, sampleID: sample.id, epoch: sample.epoch, score: score,
            metadata: sample.metadata, error: score == nil ? (sample.error ?? "errored") : nil, source: path,
            sourceSHA256: sha256, location: SourceLocation(file: path, line: sample.line ?? 1))
    }

    /// " in <member>" for a sample read from a `.eval` member, for messages.
    static func member(_ sample: InspectSample) -> String {
        sample.member.map { " (in \($0))" } ?? ""
    }
}
