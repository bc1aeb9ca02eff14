import ScorecardCore
import ScorecardJSON

/// What every result of one EEE record shares.
struct EEEContext {
    let source: JSONSource
    let options: ImportOptions
    let subject: Subject
    let stage: String
    /// True for 0.1/0.2 records, which may lack fields 0.3.0 requires.
    let lenient: Bool
    /// Who published the figures, for every record's notes.
    let provenance: String
    let sha256: String
    /// Whether Scorecard wrote the record (`source_metadata.additional_details.exported_by`), so
    /// its `details` carry each figure's own source.
    var exportedByScorecard = false
}

/// One `evaluation_results[i]` of an EEE record, mapped to an evidence record.
///
/// value: the score, divided by 100 on a percent scale (see ``EEEScale``). Unit `rate` only for a
/// proportion with `lower_is_better: false`; lower-is-better, levels and native-scale metrics get
/// unit `score` and say so in the notes. n: `uncertainty.num_samples`, else the instance rows.
/// k: `is_correct` summed over the instance rows when they number n, else value × n when whole
/// for an accuracy-like metric. Interval: the source's (rescaled; offsets turned into bounds), used
/// only when it states its confidence level; else Wilson 95% from k/n; else value ± 1.96·SE.
struct EEEResult {
    static let zeroOneKinds: Set<String> = ["accuracy", "exact_match", "pass_rate", "success_rate", "acc", "acc_norm", "accuracy_normalized", "em"]

    let object: JSONObject
    let evaluationName: String
    let metric: String
    let resultID: String?
    let line: Int

    /// Reads the names of a result; nil (with the problem logged) when it has none.
    init?(_ value: JSONValue, index: Int, source: JSONSource, _ log: inout DiagnosticLog) {
        guard let object = value.objectValue else {
            log.add("evaluation_results[\(index)] is \(value.kindName), expected an object")
            return nil
        }
        self.object = object
        line = source.line(object.offset)
        guard let name = ImportRules.nonEmpty(object["evaluation_name"]?.stringValue) else {
            log.add("evaluation_results[\(index)] needs 'evaluation_name' (text), found \(object["evaluation_name"]?.shortDescription ?? "none")",
                    line: line)
            return nil
        }
        evaluationName = name
        let config = object["metric_config"]?.objectValue
        metric = [config?["metric_id"], config?["metric_name"], config?["evaluation_description"]]
            .lazy.compactMap { ImportRules.nonEmpty($0?.stringValue) }.first ?? "score"
        resultID = ImportRules.nonEmpty(object["evaluation_result_id"]?.stringValue)
    }

    /// The evidence record and what the score was divided by (1, or 100 for percent), or nil when
    /// the result is unusable (logged) or has no score (warned).
    func record(
        _ context: EEEContext, variant: String?, rows: [EEEInstances.Row], _ log: inout DiagnosticLog, warnings: inout [Diagnostic]
    ) -> (EvidenceRecord, divisor: Double)? {
        let source = context.source
        guard let config = object["metric_config"]?.objectValue, let details = object["score_details"]?.objectValue else {
            log.add("'\(evaluationName)' needs 'metric_config' and 'score_details' objects", line: line)
            return nil
        }
        let before = log.diagnostics.count
        var notes = [context.provenance]
        var lowerIsBetter: Bool?
        switch config["lower_is_better"] {
        case .bool(let flag)?: lowerIsBetter = flag
        case nil where context.lenient: notes.append("direction not stated (no lower_is_better)")
        case let other: log.add("metric_config.lower_is_better must be true or false, found \(other?.shortDescription ?? "none")",
                                line: source.line(of: "lower_is_better", in: config))
        }
        let scale = EEEScale(config: config, source: source, &log)
        let uncertainty = EEEUncertainty(details, source: source, &log)
        let scoreLine = source.line(of: "score", in: details)
        guard case .number(let score, let text)? = details["score"], score.isFinite else {
            log.add("score_details.score is \(details["score"]?.shortDescription ?? "missing"), not a finite number", line: scoreLine)
            return nil
        }
        guard log.diagnostics.count == before else { return nil }
        let unknownLevel = scale.kind == .levels && config["has_unknown_level"] == .bool(true)
        if score == -1, unknownLevel || !scale.contains(score) {
            warnings.append(Diagnostic(file: source.file, line: scoreLine, message: "'\(evaluationName)' \(metric): score -1 means no score; skipped"))
            return nil
        }
        guard scale.kind == .levels || scale.contains(score), !scale.isProportion || (0...scale.divisor).contains(score) else {
            let range = scale.isProportion ? "[0, \(Format.number(scale.divisor))]" : "[\(scale.min.text), \(scale.max.text)]"
            log.add("'\(evaluationName)' \(metric): score \(text) is outside its declared scale \(range)", line: scoreLine)
            return nil
        }
        let value = score / scale.divisor
        var unit: ValueUnit = scale.isProportion && lowerIsBetter == false ? .rate : .score
        // A record Scorecard exported names its unit; ratios and counts come back as such.
        if unit == .score, lowerIsBetter == false,
           let declared = config["additional_details"]?.objectValue?["scorecard_unit"]?.stringValue.flatMap(ValueUnit.init(rawValue:)),
           declared != .rate, declared.problem(with: value) == nil {
            unit = declared
        }
        notes += scale.notes
        // Scorecard writes false where the direction is unknown (EEE requires one) and says so.
        if lowerIsBetter == false, config["additional_details"]?.objectValue?["scorecard_direction"]?.stringValue == "unknown" {
            lowerIsBetter = nil
            notes.append("direction not stated (exported with lower_is_better false, marked unknown)")
        }
        if lowerIsBetter == true { notes.append(ImportRules.lowerIsBetter + (scale.isProportion ? ": not a success rate" : "")) }

        var n = uncertainty.numSamples
        var k: Int?
        let consistency = rowConsistency(rows, value: value, unit: unit, divisor: scale.divisor, declared: uncertainty.numSamples,
                                         line: scoreLine, file: source.file, warnings: &warnings)
        if consistency == .contradicts {
            notes.append("the score is not the mean of its instance rows: n and k not taken from them")
        } else if !rows.isEmpty {
            // Rows of several epochs repeat a sample; the per-sample records keep its first row.
            let distinct = Self.firstPerSample(rows)
            if n == nil { n = rows.count }
            let counted = n == rows.count ? rows : n == distinct.count ? distinct : nil
            if let counted, unit == .rate, counted.allSatisfy({ row in
                row.error != nil || (row.isCorrect != nil && row.score / scale.divisor == (row.isCorrect == true ? 1 : 0))
            }) {
                k = counted.filter { $0.isCorrect == true && $0.error == nil }.count
                notes.append("k from \(counted.count) instance rows" + (counted.count < rows.count ? " (the first of each sample's \(rows.count))" : ""))
            } else if let counted, unit == .rate {
                notes.append("\(counted.count) instance rows, graded rather than right or wrong: no exact k")
            } else if counted == nil {
                notes.append("\(rows.count) instance rows but num_samples \(n.map(String.init) ?? "?"): k not taken from them")
            }
        }
        let stated = details["details"]?.objectValue
        if k == nil, let n, unit == .rate, let given = stated?["k"]?.stringValue.flatMap({ Int($0) }), (0...n).contains(given) {
            k = given
        }
        if k == nil, let n, unit == .rate, Self.zeroOneKinds.contains((config["metric_kind"] ?? config["metric_id"])?.stringValue ?? "") {
            k = ImportRules.wholeSuccesses(value: value, n: n)
        }
        if n == nil, let size = object["source_data"]?.objectValue?["samples_number"]?.integerValue {
            notes.append("dataset has \(size) samples (n evaluated not stated)")
        }
        let interval = interval(uncertainty, value: value, unit: unit, scale: scale, n: n, k: k, notes: &notes, warnings: &warnings, line: scoreLine, source: source)
        if let se = uncertainty.standardError {
            notes.append("standard error \(Format.number(se / scale.divisor))" + (uncertainty.standardErrorMethod.map { " (\($0))" } ?? ""))
        }
        if let when = ImportRules.nonEmpty(object["evaluation_timestamp"]?.stringValue) { notes.append("evaluated \(when)") }
        if let original = ImportRules.nonEmpty(stated?["notes"]?.stringValue) { notes.append("record notes: \(original)") }
        // A Scorecard export keeps each figure's own source and hash in `details`: they come back,
        // and the EEE file is named in the notes. Another tool's `details.source` may mean
        // anything, so it is kept in the notes and the file stays the source.
        let stating = ImportRules.nonEmpty(stated?["source"]?.stringValue)
        let origin = context.exportedByScorecard ? stating : nil
        if origin != nil { notes.append("read from \(source.file)") } else if let stating { notes.append("stated source: \(stating)") }
        var originSHA256: String?
        if origin != nil, let hash = stated?["source_sha256"]?.stringValue {
            if SHA256.isHexDigest(hash) {
                originSHA256 = hash
            } else {
                warnings.append(Diagnostic(
                    file: source.file, line: line,
                    message: "'\(evaluationName)' \(metric): details.source_sha256 '\(hash)' is not 64 lowercase hex digits; the source's hash is left out"))
            }
        }
        let record = EvidenceRecord(
            subject: context.subject, stage: context.stage, evaluation: context.options.evaluation(for: evaluationName),
            metric: metric, variant: ImportRules.nonEmpty(stated?["variant"]?.stringValue) ?? variant, value: value, unit: unit,
            lowerIsBetter: lowerIsBetter, n: n, k: k, interval: interval,
            source: origin ?? source.file, sourceSHA256: origin == nil ? context.sha256 : originSHA256, notes: notes.joined(separator: "; "),
            consistency: consistency, location: SourceLocation(file: source.file, line: line))
        return (record, scale.divisor)
    }

    /// The first row of each sample id, in file order.
    static func firstPerSample(_ rows: [EEEInstances.Row]) -> [EEEInstances.Row] {
        var seen = Set<String>()
        return rows.filter { seen.insert($0.sampleID).inserted }
    }

    /// Whether a rate's instance rows agree with it: `partial` when the result says it was measured
    /// on more samples than there are rows; `contradicts` when the rows (none errored) do not
    /// average to the score, beyond the rounding of a published figure (5e-4).
    private func rowConsistency(
        _ rows: [EEEInstances.Row], value: Double, unit: ValueUnit, divisor: Double, declared: Int?, line: Int, file: String,
        warnings: inout [Diagnostic]
    ) -> EvidenceConsistency? {
        guard !rows.isEmpty, unit == .rate else { return nil }
        if let declared, declared > rows.count {
            warnings.append(Diagnostic(file: file, line: line, message: "'\(evaluationName)' \(metric): \(rows.count) instance rows of the \(declared) samples the result counts; its per-sample records are marked partial"))
            return .partial
        }
        guard rows.allSatisfy({ $0.error == nil }) else { return nil }
        let mean = rows.reduce(0) { $0 + $1.score / divisor } / Double(rows.count)
        guard abs(mean - value) > 5e-4 else { return nil }
        // Rows of several epochs that each carry the sample's reduced score: the mean is over samples.
        let distinct = Self.firstPerSample(rows)
        if distinct.count < rows.count, abs(distinct.reduce(0) { $0 + $1.score / divisor } / Double(distinct.count) - value) <= 5e-4 {
            return nil
        }
        warnings.append(Diagnostic(file: file, line: line, message: "'\(evaluationName)' \(metric): the score \(Format.short(value, places: 4)) is not the mean of its \(rows.count) instance rows (\(Format.short(mean, places: 4))); the result and its rows are marked contradicts"))
        return .contradicts
    }

    private func interval(
        _ uncertainty: EEEUncertainty, value: Double, unit: ValueUnit, scale: EEEScale, n: Int?, k: Int?,
        notes: inout [String], warnings: inout [Diagnostic], line: Int, source: JSONSource
    ) -> ConfidenceInterval? {
        if let given = uncertainty.interval {
            var low = given.lower / scale.divisor
            var high = given.upper / scale.divisor
            if !(low <= value && value <= high), low < 0, high >= 0, scale.min.number.map({ $0 >= 0 }) ?? true {
                (low, high) = (value + low, value + high)
                notes.append("interval given as offsets from the score: turned into bounds")
            }
            let bounds = "[\(Format.number(low)), \(Format.number(high))]"
            if let level = given.level {
                if unit == .rate, low < 0 || high > 1 {
                    (low, high) = (max(0, low), min(1, high))
                    notes.append("interval clipped to [0, 1]")
                }
                let interval = ConfidenceInterval(low: low, high: high, level: level, method: given.method ?? "reported")
                if interval.contains(value, tolerance: 1e-9 * max(1, abs(value))) {
                    notes.append("interval from the source" + (given.method.map { " (\($0))" } ?? ""))
                    return interval
                }
                warnings.append(Diagnostic(file: source.file, line: line,
                                           message: "'\(evaluationName)' \(metric): the interval \(bounds) does not contain the value \(Format.number(value)); not used"))
                notes.append("source interval \(bounds) does not contain the value: not used")
            } else {
                notes.append("source interval \(bounds) at an unstated confidence level: not used")
            }
        }
        if let k, let n, let wilson = ImportRules.wilson(k: k, n: n) {
            notes.append("95% interval: Wilson from k/n")
            return wilson
        }
        if let se = uncertainty.standardError, let normal = ImportRules.normalInterval(value: value, standardError: se / scale.divisor, unit: unit) {
            notes.append("95% interval: value ± 1.96 × standard error (normal approximation)")
            return normal
        }
        return nil
    }
}
