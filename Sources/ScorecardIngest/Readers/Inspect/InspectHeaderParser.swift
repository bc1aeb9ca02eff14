import ScorecardJSON
/// Reads the header fields of an Inspect log: `version`, `status`, `eval`, `results`, `error`,
/// `invalidated`, `metadata`.
///
/// The same top-level keys appear in a `.json` log, in a `.eval`'s `header.json` and (without
/// status and results) in its `_journal/start.json`. Everything else (`plan`, `stats`,
/// `reductions`, …) is skipped without being built.
enum InspectHeaderParser {
    /// Reads the value of top-level `key` into `header` if it is a header field; false otherwise (nothing consumed).
    static func readTopLevel(_ key: JSONCursor.Key, _ cursor: inout JSONCursor, into header: inout InspectLogHeader) throws(JSONError) -> Bool {
        if cursor.key(key, is: "version") {
            header.version = try cursor.readOptionalInteger("version")
        } else if cursor.key(key, is: "status") {
            header.status = try cursor.readOptionalString("status")
        } else if cursor.key(key, is: "eval") {
            try readEvalSpec(&cursor, into: &header)
        } else if cursor.key(key, is: "results") {
            header.results = try readResults(&cursor)
        } else if cursor.key(key, is: "error") {
            header.errorMessage = try readErrorMessage(&cursor, field: "error")
        } else if cursor.key(key, is: "metadata") {
            // Post-hoc edits: overlay the eval's metadata.
            header.metadata.merge(try cursor.readScalarObject("metadata")) { _, edited in edited }
        } else if cursor.key(key, is: "invalidated") {
            header.invalidated = try cursor.readOptionalBool("invalidated") ?? false
        } else {
            return false
        }
        return true
    }

    /// Reads a whole header document (`header.json`, `_journal/start.json`).
    static func readDocument(_ cursor: inout JSONCursor) throws(JSONError) -> InspectLogHeader {
        var header = InspectLogHeader()
        try cursor.forEachMember("the header") { (cursor: inout JSONCursor, key) throws(JSONError) in
            if try !readTopLevel(key, &cursor, into: &header) { try cursor.skipValue() }
        }
        guard cursor.atEnd() else { throw cursor.error("unexpected content after the header") }
        return header
    }

    /// `eval`: task identity, model, dataset, epochs, revision, metadata, scorers.
    static func readEvalSpec(_ cursor: inout JSONCursor, into header: inout InspectLogHeader) throws(JSONError) {
        var evalMetadata: [String: String] = [:]
        try cursor.forEachMember("eval") { (cursor: inout JSONCursor, key) throws(JSONError) in
            if cursor.key(key, is: "task") {
                header.task = try cursor.readOptionalString("eval.task")
            } else if cursor.key(key, is: "task_version") {
                header.taskVersion = try cursor.readTextOrNumber("eval.task_version")?.text
            } else if cursor.key(key, is: "task_id") {
                header.taskID = try cursor.readOptionalString("eval.task_id")
            } else if cursor.key(key, is: "run_id") {
                header.runID = try cursor.readOptionalString("eval.run_id")
            } else if cursor.key(key, is: "eval_id") {
                header.evalID = try cursor.readOptionalString("eval.eval_id")
            } else if cursor.key(key, is: "created") {
                header.created = try cursor.readOptionalString("eval.created")
            } else if cursor.key(key, is: "model") {
                header.model = try cursor.readOptionalString("eval.model")
            } else if cursor.key(key, is: "dataset") {
                try cursor.forEachMember("eval.dataset") { (cursor: inout JSONCursor, key) throws(JSONError) in
                    if cursor.key(key, is: "name") {
                        header.datasetName = try cursor.readOptionalString("eval.dataset.name")
                    } else if cursor.key(key, is: "samples") {
                        header.datasetSamples = try cursor.readOptionalCount("eval.dataset.samples")
                    } else {
                        try cursor.skipValue()
                    }
                }
            } else if cursor.key(key, is: "config") {
                try cursor.forEachMember("eval.config") { (cursor: inout JSONCursor, key) throws(JSONError) in
                    if cursor.key(key, is: "epochs") {
                        header.epochs = try cursor.readOptionalCount("eval.config.epochs", atLeast: 1)
                    } else if cursor.key(key, is: "epochs_reducer") {
                        header.epochsReducer = try cursor.readStringArray("eval.config.epochs_reducer")
                    } else if cursor.key(key, is: "limit") {
                        if try cursor.peekKind() == .array {
                            var bounds: [Int] = []
                            try cursor.forEachElement("eval.config.limit") { (cursor: inout JSONCursor) throws(JSONError) in
                                if let bound = try cursor.readOptionalCount("eval.config.limit") { bounds.append(bound) }
                            }
                            if bounds.count == 2, bounds[1] >= bounds[0] { header.sampleLimit = bounds[1] - bounds[0] }
                        } else {
                            header.sampleLimit = try cursor.readOptionalCount("eval.config.limit")
                        }
                    } else {
                        try cursor.skipValue()
                    }
                }
            } else if cursor.key(key, is: "revision") {
                try cursor.forEachMember("eval.revision") { (cursor: inout JSONCursor, key) throws(JSONError) in
                    if cursor.key(key, is: "commit") {
                        header.revision = try cursor.readOptionalString("eval.revision.commit")
                    } else {
                        try cursor.skipValue()
                    }
                }
            } else if cursor.key(key, is: "metadata") {
                evalMetadata = try cursor.readScalarObject("eval.metadata")
            } else if cursor.key(key, is: "scorers") {
                try cursor.forEachElement("eval.scorers") { (cursor: inout JSONCursor) throws(JSONError) in
                    try InspectScorerSpec.read(&cursor, into: &header)
                }
            } else {
                try cursor.skipValue()
            }
        }
        // The top-level `metadata` (read before or after `eval`) wins over the eval's own.
        header.metadata.merge(evalMetadata) { edited, _ in edited }
    }

    /// `results`: sample counts, the headline score, and every `scores[]` entry with its metrics.
    static func readResults(_ cursor: inout JSONCursor) throws(JSONError) -> InspectResults? {
        if cursor.readNullIfPresent() { return nil }
        var results = InspectResults()
        // Log format version 1 has one scorer: `scorer: {name}` and `metrics` beside it, not `scores`.
        var versionOneScorer: String?
        var versionOneMetrics: [InspectReportedMetric]?
        try cursor.forEachMember("results") { (cursor: inout JSONCursor, key) throws(JSONError) in
            if cursor.key(key, is: "scorer") {
                if cursor.readNullIfPresent() { return }
                try cursor.forEachMember("results.scorer") { (cursor: inout JSONCursor, key) throws(JSONError) in
                    if cursor.key(key, is: "name") {
                        versionOneScorer = try cursor.readOptionalString("results.scorer.name")
                    } else {
                        try cursor.skipValue()
                    }
                }
            } else if cursor.key(key, is: "metrics") {
                if cursor.readNullIfPresent() { return }
                var metrics: [InspectReportedMetric] = []
                try cursor.forEachMember("results.metrics") { (cursor: inout JSONCursor, key) throws(JSONError) in
                    metrics.append(try readMetric(key: try cursor.string(of: key), &cursor))
                }
                versionOneMetrics = metrics
            } else if cursor.key(key, is: "total_samples") {
                results.totalSamples = try cursor.readOptionalCount("results.total_samples")
            } else if cursor.key(key, is: "completed_samples") {
                results.completedSamples = try cursor.readOptionalCount("results.completed_samples")
            } else if cursor.key(key, is: "scores") {
                try cursor.forEachElement("results.scores") { (cursor: inout JSONCursor) throws(JSONError) in
                    results.scores.append(try readReportedScore(&cursor))
                }
            } else if cursor.key(key, is: "early_stopping") {
                try readEarlyStopping(&cursor, into: &results)
            } else if cursor.key(key, is: "headline") {
                try cursor.forEachMember("results.headline") { (cursor: inout JSONCursor, key) throws(JSONError) in
                    if cursor.key(key, is: "score") {
                        results.headlineScore = try cursor.readOptionalString("results.headline.score")
                    } else {
                        try cursor.skipValue()
                    }
                }
            } else {
                try cursor.skipValue()
            }
        }
        if results.scores.isEmpty, versionOneScorer != nil || versionOneMetrics != nil {
            let name = versionOneScorer ?? InspectSampleParser.versionOneScore
            results.scores = [InspectReportedScore(name: name, scorer: name, metrics: versionOneMetrics ?? [])]
        }
        return results
    }

    /// One `results.scores[]` entry.
    static func readReportedScore(_ cursor: inout JSONCursor) throws(JSONError) -> InspectReportedScore {
        let start = cursor.offset
        var name: String?, scorer: String?
        var score = InspectReportedScore(name: "", scorer: "")
        try cursor.forEachMember("results.scores[]") { (cursor: inout JSONCursor, key) throws(JSONError) in
            if cursor.key(key, is: "name") {
                name = try cursor.readOptionalString("results.scores[].name")
            } else if cursor.key(key, is: "scorer") {
                scorer = try cursor.readOptionalString("results.scores[].scorer")
            } else if cursor.key(key, is: "reducer") {
                score.reducer = try cursor.readOptionalString("results.scores[].reducer")
            } else if cursor.key(key, is: "scored_samples") {
                score.scoredSamples = try cursor.readOptionalCount("results.scores[].scored_samples")
            } else if cursor.key(key, is: "unscored_samples") {
                score.unscoredSamples = try cursor.readOptionalCount("results.scores[].unscored_samples")
            } else if cursor.key(key, is: "metrics") {
                try cursor.forEachMember("results.scores[].metrics") { (cursor: inout JSONCursor, key) throws(JSONError) in
                    score.metrics.append(try readMetric(key: try cursor.string(of: key), &cursor))
                }
            } else {
                try cursor.skipValue()
            }
        }
        guard let name else { throw cursor.error("a results.scores entry has no name", at: start) }
        score.name = name
        score.scorer = scorer ?? name
        return score
    }

    /// One metric: `{name, group?, value, params}`; grouped metrics name their base metric in params.
    static func readMetric(key: String, _ cursor: inout JSONCursor) throws(JSONError) -> InspectReportedMetric {
        let start = cursor.offset
        var metric = InspectReportedMetric(key: key, name: key, value: .nan)
        var sawValue = false
        try cursor.forEachMember("metric '\(key)'") { (cursor: inout JSONCursor, field) throws(JSONError) in
            if cursor.key(field, is: "name") {
                metric.name = try cursor.readOptionalString("metric name") ?? key
            } else if cursor.key(field, is: "group") {
                metric.group = try cursor.readOptionalString("metric group")
            } else if cursor.key(field, is: "value") {
                metric.value = try cursor.readRequiredDouble("the value of metric '\(key)'")
                sawValue = true
            } else if cursor.key(field, is: "params") {
                try cursor.forEachMember("metric params") { (cursor: inout JSONCursor, param) throws(JSONError) in
                    if cursor.key(param, is: "group_key"), try cursor.peekKind() == .string {
                        metric.groupKey = try cursor.readString()
                    } else if cursor.key(param, is: "level"), try cursor.peekKind() == .number {
                        metric.level = try cursor.readDouble()
                    } else if cursor.key(param, is: "normalize"), try cursor.peekKind() == .bool {
                        metric.normalize = try cursor.readBool()
                    } else if cursor.key(param, is: "categories"), try cursor.peekKind() == .array {
                        metric.categories = try InspectScorerSpec.readCategories(&cursor)
                    } else if cursor.key(param, is: "metric"), try cursor.peekKind() == .object {
                        try cursor.forEachMember("metric params.metric") { (cursor: inout JSONCursor, inner) throws(JSONError) in
                            if cursor.key(inner, is: "name"), try cursor.peekKind() == .string {
                                metric.baseMetric = try cursor.readString()
                            } else {
                                try cursor.skipValue()
                            }
                        }
                    } else {
                        try cursor.skipValue()
                    }
                }
            } else {
                try cursor.skipValue()
            }
        }
        guard sawValue else { throw cursor.error("metric '\(key)' has no value", at: start) }
        return metric
    }

    /// `results.early_stopping`: how many sample records the manager stopped, and its name.
    static func readEarlyStopping(_ cursor: inout JSONCursor, into results: inout InspectResults) throws(JSONError) {
        try cursor.forEachMember("results.early_stopping") { (cursor: inout JSONCursor, key) throws(JSONError) in
            if cursor.key(key, is: "early_stops") {
                var count = 0
                try cursor.forEachElement("results.early_stopping.early_stops") { (cursor: inout JSONCursor) throws(JSONError) in
                    count += 1
                    try cursor.skipValue()
                }
                results.earlyStops = count
            } else if cursor.key(key, is: "manager") {
                results.earlyStoppingManager = try cursor.readOptionalString("results.early_stopping.manager")
            } else {
                try cursor.skipValue()
            }
        }
    }

    /// An error object's `message`, or a plain string (as in `.eval` summaries); nil for null.
    static func readErrorMessage(_ cursor: inout JSONCursor, field: String) throws(JSONError) -> String? {
        switch try cursor.peekKind() {
        case .null:
            try cursor.readNull()
            return nil
        case .string:
            return try cursor.readString()
        case .object:
            var message: String?
            try cursor.forEachMember(field) { (cursor: inout JSONCursor, key) throws(JSONError) in
                if cursor.key(key, is: "message") {
                    message = try cursor.readOptionalString("\(field).message")
                } else {
                    try cursor.skipValue()
                }
            }
            return message ?? "(an error without a message)"
        default:
            throw cursor.error("\(field) must be an object or text, found \(cursor.kindDescription())")
        }
    }
}
