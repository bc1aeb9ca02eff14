import ScorecardCore

/// What a scorecard needs from one Inspect AI evaluation log, and nothing more.
///
/// Built by ``InspectJSONLog`` (`.json`) and ``InspectEvalArchive`` (`.eval`); transcripts
/// (messages, events, outputs) are skipped while reading and never held.
public struct InspectLog: Sendable {
    public var header: InspectLogHeader
    /// Sample records (one per sample and epoch), in file order.
    public var samples: [InspectSample]
    /// Where the samples were read from, for messages: `samples`, `summaries.json`, or `samples/*`.
    public var sampleSource: String

    public init(header: InspectLogHeader, samples: [InspectSample], sampleSource: String) {
        self.header = header
        self.samples = samples
        self.sampleSource = sampleSource
    }
}

/// The log's header: format version, status, the eval spec fields we use, results and error.
public struct InspectLogHeader: Sendable, Equatable {
    public var version: Int?
    /// `success`, `cancelled`, `error` or `started`; nil when the log does not say (a killed `.eval`).
    public var status: String?
    public var task: String?
    /// `task_version`, an int or a string in the log, kept as text.
    public var taskVersion: String?
    public var taskID: String?
    public var runID: String?
    public var evalID: String?
    public var created: String?
    public var model: String?
    public var datasetName: String?
    /// Dataset size without epochs.
    public var datasetSamples: Int?
    public var epochs: Int?
    public var epochsReducer: [String]?
    /// How many of the dataset's samples the run was limited to (`eval.config.limit`: a count, or
    /// a `[start, end]` range), when it was.
    public var sampleLimit: Int?
    /// `revision.commit` (git).
    public var revision: String?
    /// `eval.metadata` overlaid with the top-level `metadata` (post-hoc edits), scalar values only.
    public var metadata: [String: String] = [:]
    /// Declared scorer names (`eval.scorers[].name`), in order.
    public var scorers: [String] = []
    public var results: InspectResults?
    /// `error.message` of a log whose run failed.
    public var errorMessage: String?
    /// `invalidated`: some samples were invalidated after the run (their records carry `invalidation`).
    public var invalidated = false
    /// Scores whose values are categories (a `frequency()` metric, or a `value_schema` of categories):
    /// score name → the declared categories, in order (empty when none were declared).
    public var categoricalScores: [String: [String]] = [:]

    public init() {}
}

/// `results`: Inspect's own metrics, computed on epoch-reduced scores.
public struct InspectResults: Sendable, Equatable {
    public var totalSamples: Int?
    public var completedSamples: Int?
    public var scores: [InspectReportedScore] = []
    /// `headline.score`: the score name Inspect shows first.
    public var headlineScore: String?
    /// `early_stopping.early_stops`: sample records an early-stopping manager chose not to run.
    public var earlyStops: Int?
    /// `early_stopping.manager`: the name of that manager.
    public var earlyStoppingManager: String?

    public init() {}
}

/// One `results.scores[]` entry: a score name (scorer or dict key), its reducer and metrics.
public struct InspectReportedScore: Sendable, Equatable {
    public var name: String
    public var scorer: String
    public var reducer: String?
    public var scoredSamples: Int?
    public var unscoredSamples: Int?
    public var metrics: [InspectReportedMetric]

    public init(name: String, scorer: String, reducer: String? = nil, scoredSamples: Int? = nil,
                unscoredSamples: Int? = nil, metrics: [InspectReportedMetric] = []) {
        self.name = name
        self.scorer = scorer
        self.reducer = reducer
        self.scoredSamples = scoredSamples
        self.unscoredSamples = unscoredSamples
        self.metrics = metrics
    }
}

/// One metric value as Inspect reported it.
///
/// `key` is the dict key in `metrics` (unique, possibly with a collision suffix such as
/// `professional2`); for grouped metrics `name` is the group value, `baseMetric` the metric
/// computed per group (`params.metric.name`) and `groupKey` the metadata key grouped on.
public struct InspectReportedMetric: Sendable, Equatable {
    public var key: String
    public var name: String
    public var group: String?
    public var value: Double
    public var baseMetric: String?
    public var groupKey: String?
    /// `params.level` (`ci()`, `ci_wilson()`), when the metric states a confidence level.
    public var level: Double?
    /// `params.categories` (`frequency()`): the declared categories.
    public var categories: [String]?
    /// `params.normalize` (`frequency()`): false when values are counts, not proportions.
    public var normalize: Bool?

    public init(key: String, name: String, group: String? = nil, value: Double, baseMetric: String? = nil, groupKey: String? = nil) {
        self.key = key
        self.name = name
        self.group = group
        self.value = value
        self.baseMetric = baseMetric
        self.groupKey = groupKey
    }

    /// The metric actually computed: `params.metric.name` for grouped metrics, else the name.
    public var computedMetric: String { baseMetric ?? name }
}

/// One sample record: a sample in one epoch, with its scores, metadata and error.
public struct InspectSample: Sendable, Equatable {
    /// The sample id as text (`str(id)` in Inspect): `10` and `"10"` are the same sample.
    public var id: String
    /// Whether the id was a JSON number (it sorts zero-padded, as Inspect sorts).
    public var idIsNumber: Bool
    public var epoch: Int
    /// Scores by score name, in file order. A dict-valued score is split into one entry per key.
    public var scores: [InspectSampleScore]
    /// Scalar metadata values as text (numbers keep their JSON text); nested values are left out.
    public var metadata: [String: String]
    /// `error.message` (or the summary's `error` string) when the sample errored.
    public var error: String?
    /// Where the record starts: a byte offset in the file or member.
    public var offset: Int
    /// The 1-based line where the record starts, in a `.json` log.
    public var line: Int?
    /// The member it came from in a `.eval` (`summaries.json`, `samples/…`); nil for `.json`.
    public var member: String?
    /// Whether the record carries an `invalidation` (the sample was invalidated after the run).
    public var invalidated = false
    /// Whether the record has a `metadata` field at all (summaries of old logs have none).
    public var hasMetadataField = false

    public init(id: String, idIsNumber: Bool, epoch: Int, scores: [InspectSampleScore] = [], metadata: [String: String] = [:],
                error: String? = nil, offset: Int = 0, member: String? = nil) {
        self.id = id
        self.idIsNumber = idIsNumber
        self.epoch = epoch
        self.scores = scores
        self.metadata = metadata
        self.error = error
        self.offset = offset
        self.member = member
    }

    /// Inspect's sort key as UTF-8 (whose byte order is Python's code-point order): whole-number
    /// ids as `str(id).zfill(20)`, string ids as they are.
    public var sortKey: [UInt8] {
        let utf8 = Array(id.utf8)
        guard idIsNumber, utf8.count < 20 else { return utf8 }
        let signed = utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+")
        let zeros = [UInt8](repeating: UInt8(ascii: "0"), count: 20 - utf8.count)
        return signed ? [utf8[0]] + zeros + utf8.dropFirst() : zeros + utf8
    }
}

/// One score of a sample record.
public struct InspectSampleScore: Sendable, Equatable {
    /// The score name: the scorer's name, or the dict key of a dict-valued score.
    public var name: String
    public var value: InspectScoreValue
    /// The score's `answer`, normalised as ``SampleAnswer`` does; read only when consensus needs it.
    public var answer: SampleAnswer?

    public init(name: String, value: InspectScoreValue, answer: SampleAnswer? = nil) {
        self.name = name
        self.value = value
        self.answer = answer
    }
}
