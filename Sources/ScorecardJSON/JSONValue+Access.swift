extension JSONValue {
    /// The text, when the value is a string.
    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The number, when the value is a number (possibly NaN or infinite: check before use).
    public var numberValue: Double? {
        if case .number(let value, _) = self { value } else { nil }
    }

    /// The object, when the value is one.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    /// A whole number that fits an `Int`, when the value is one.
    public var integerValue: Int? {
        guard case .number(let value, _) = self, value.isFinite, value == value.rounded(), abs(value) < 1e15 else {
            return nil
        }
        return Int(value)
    }

    /// The value as short text for messages: strings quoted, numbers as written, others by kind.
    public var shortDescription: String {
        switch self {
        case .string(let text): "'\(text.count > 60 ? String(text.prefix(60)) + "…" : text)'"
        case .number(_, let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        default: kindName
        }
    }
}
