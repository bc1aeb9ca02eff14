extension JSONValue {
    /// Why ``integerValue`` does not read the value, for messages after the field's name: `is out
    /// of range: at most 999999999999999, found 9223372036854775807` for a whole number too large to
    /// be a count, `must be a whole number, found 0.5` otherwise.
    public var wholeNumberProblem: String {
        if case .number(let value, let text) = self, value.isFinite, value == value.rounded(), abs(value) >= 1e15 {
            return "is out of range: at most 999999999999999, found \(text)"
        }
        return "must be a whole number, found \(shortDescription)"
    }
}
