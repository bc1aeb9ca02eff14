import ScorecardJSON

/// Reads one `eval.scorers[]` entry: the scorer's name, and whether its scores are categories.
///
/// A score is categorical when its scorer declares a `frequency()` metric (`inspect_ai/frequency`,
/// whose `options.categories` list the categories) or a `value_schema` of categories (the schema
/// Inspect records for categorical scorers: an object with a `categories` list). The metrics may
/// be a list (the score is named after the scorer) or, for dict-valued scores, an object of score
/// name → list. Anything else in the entry is skipped.
enum InspectScorerSpec {
    static func read(_ cursor: inout JSONCursor, into header: inout InspectLogHeader) throws(JSONError) {
        var name: String?
        var categorical: [String: [String]] = [:]
        var schemaCategories: [String]?
        try cursor.forEachMember("eval.scorers[]") { (cursor: inout JSONCursor, key) throws(JSONError) in
            if cursor.key(key, is: "name") {
                name = try cursor.readOptionalString("eval.scorers[].name")
            } else if cursor.key(key, is: "metrics") {
                categorical = try readMetrics(&cursor)
            } else if cursor.key(key, is: "value_schema") {
                schemaCategories = try readValueSchema(&cursor)
            } else {
                try cursor.skipValue()
            }
        }
        guard let name else { return }
        header.scorers.append(name)
        for (score, categories) in categorical {
            let scoreName = score.isEmpty ? name : score
            header.categoricalScores[scoreName] = categories
        }
        if let schemaCategories { header.categoricalScores[name] = schemaCategories }
    }

    /// Score names (empty: the scorer's own) whose metric list has `frequency`, with its categories.
    private static func readMetrics(_ cursor: inout JSONCursor) throws(JSONError) -> [String: [String]] {
        var found: [String: [String]] = [:]
        switch try cursor.peekKind() {
        case .array:
            if let categories = try readMetricList(&cursor) { found[""] = categories }
        case .object:
            try cursor.forEachMember("eval.scorers[].metrics") { (cursor: inout JSONCursor, key) throws(JSONError) in
                let score = try cursor.string(of: key)
                guard try cursor.peekKind() == .array else {
                    try cursor.skipValue()
                    return
                }
                if let categories = try readMetricList(&cursor) { found[score] = categories }
            }
        default:
            try cursor.skipValue()
        }
        return found
    }

    /// The categories of a `frequency` metric in a list of metric definitions, or nil when there is none.
    private static func readMetricList(_ cursor: inout JSONCursor) throws(JSONError) -> [String]? {
        var categories: [String]?
        try cursor.forEachElement("eval.scorers[].metrics[]") { (cursor: inout JSONCursor) throws(JSONError) in
            guard try cursor.peekKind() == .object else {
                try cursor.skipValue()
                return
            }
            var metricName: String?
            var declared: [String] = []
            try cursor.forEachMember("eval.scorers[].metrics[]") { (cursor: inout JSONCursor, key) throws(JSONError) in
                if cursor.key(key, is: "name"), try cursor.peekKind() == .string {
                    metricName = try cursor.readString()
                } else if cursor.key(key, is: "options"), try cursor.peekKind() == .object {
                    try cursor.forEachMember("metric options") { (cursor: inout JSONCursor, option) throws(JSONError) in
                        if cursor.key(option, is: "categories"), try cursor.peekKind() == .array {
                            declared = try readCategories(&cursor)
                        } else {
                            try cursor.skipValue()
                        }
                    }
                } else {
                    try cursor.skipValue()
                }
            }
            if let metricName, metricName == "frequency" || metricName.hasSuffix("/frequency") { categories = declared }
        }
        return categories
    }

    /// A `value_schema`: its `categories` when it has them (nil for other schemas).
    private static func readValueSchema(_ cursor: inout JSONCursor) throws(JSONError) -> [String]? {
        guard try cursor.peekKind() == .object else {
            try cursor.skipValue()
            return nil
        }
        var categories: [String]?
        try cursor.forEachMember("value_schema") { (cursor: inout JSONCursor, key) throws(JSONError) in
            if cursor.key(key, is: "categories"), try cursor.peekKind() == .array {
                categories = try readCategories(&cursor)
            } else {
                try cursor.skipValue()
            }
        }
        return categories
    }

    /// A list of category labels; numbers and booleans are kept as their text, as Inspect's `str()` would.
    static func readCategories(_ cursor: inout JSONCursor) throws(JSONError) -> [String] {
        var labels: [String] = []
        try cursor.forEachElement("categories") { (cursor: inout JSONCursor) throws(JSONError) in
            switch try cursor.peekKind() {
            case .string: labels.append(try cursor.readString())
            case .number: if let text = try cursor.readTextOrNumber("category")?.text { labels.append(text) }
            case .bool: labels.append(try cursor.readBool() ? "True" : "False")
            default: try cursor.skipValue()
            }
        }
        return labels
    }
}
