/// The parts of an EEE 0.3.0 aggregate record that the exporter writes, as `Encodable` values.
///
/// Field names are the schema's (snake case); optional fields that are nil are left out, and
/// every `additional_details`/`details` map holds strings only, as the schema requires.
struct EEEDocument: Encodable {
    let schemaVersion: String
    let evaluationID: String
    let retrievedTimestamp: String
    let sourceMetadata: SourceMetadata
    let evalLibrary: EvalLibrary
    let modelInfo: ModelInfo
    let evaluationResults: [Result]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", evaluationID = "evaluation_id", retrievedTimestamp = "retrieved_timestamp"
        case sourceMetadata = "source_metadata", evalLibrary = "eval_library", modelInfo = "model_info"
        case evaluationResults = "evaluation_results"
    }

    struct SourceMetadata: Encodable {
        let sourceName: String
        let sourceType: String
        let sourceOrganizationName: String
        let evaluatorRelationship: String
        let additionalDetails: [String: String]

        enum CodingKeys: String, CodingKey {
            case sourceName = "source_name", sourceType = "source_type", sourceOrganizationName = "source_organization_name"
            case evaluatorRelationship = "evaluator_relationship", additionalDetails = "additional_details"
        }
    }

    struct EvalLibrary: Encodable {
        let name: String
        let version: String
        let additionalDetails: [String: String]?

        enum CodingKeys: String, CodingKey {
            case name, version, additionalDetails = "additional_details"
        }
    }

    struct ModelInfo: Encodable {
        let name: String
        let id: String
        let developer: String?
        /// Holds the required `deployment_type` and `model_availability`, and Scorecard's stage and snapshot.
        let additionalDetails: [String: String]

        enum CodingKeys: String, CodingKey {
            case name, id, developer, additionalDetails = "additional_details"
        }
    }

    struct Result: Encodable {
        let evaluationResultID: String
        let evaluationName: String
        let sourceData: SourceData
        let metricConfig: MetricConfig
        let scoreDetails: ScoreDetails

        enum CodingKeys: String, CodingKey {
            case evaluationResultID = "evaluation_result_id", evaluationName = "evaluation_name", sourceData = "source_data"
            case metricConfig = "metric_config", scoreDetails = "score_details"
        }
    }

    /// `source_data` of kind `other`: the dataset is named but not located.
    struct SourceData: Encodable {
        let datasetName: String
        let sourceType = "other"

        enum CodingKeys: String, CodingKey {
            case datasetName = "dataset_name", sourceType = "source_type"
        }
    }

    /// A bound of a score's scale: a number, unbounded (`"Infinity"`), or not provided (null).
    enum Bound: Encodable {
        case value(Double), infinity, notProvided

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .value(let number): try container.encode(number)
            case .infinity: try container.encode("Infinity")
            case .notProvided: try container.encodeNil()
            }
        }
    }

    struct MetricConfig: Encodable {
        let metricID: String
        let metricName: String
        let metricUnit: String?
        let lowerIsBetter: Bool
        let scoreType = "continuous"
        let minScore: Bound
        let maxScore: Bound
        let additionalDetails: [String: String]

        enum CodingKeys: String, CodingKey {
            case metricID = "metric_id", metricName = "metric_name", metricUnit = "metric_unit"
            case lowerIsBetter = "lower_is_better", scoreType = "score_type", minScore = "min_score", maxScore = "max_score"
            case additionalDetails = "additional_details"
        }
    }

    struct ScoreDetails: Encodable {
        let score: Double
        let uncertainty: Uncertainty?
        let details: [String: String]
    }

    struct Uncertainty: Encodable {
        let confidenceInterval: Interval?
        let numSamples: Int?

        enum CodingKeys: String, CodingKey {
            case confidenceInterval = "confidence_interval", numSamples = "num_samples"
        }
    }

    struct Interval: Encodable {
        let lower: Double
        let upper: Double
        let confidenceLevel: Double
        let method: String

        enum CodingKeys: String, CodingKey {
            case lower, upper, confidenceLevel = "confidence_level", method
        }
    }
}
