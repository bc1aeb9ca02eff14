import ScorecardIngest

/// What an import wrote: records, how each input compared with what the output held before, and
/// what was kept from other sources.
public struct ImportSummary: Sendable {
    /// The evidence file written.
    public let out: String
    /// Input files read.
    public let files: Int
    public let summaryRecords: Int
    public let sampleRecords: Int
    /// Inputs not in the output before.
    public let newFiles: Int
    /// Inputs imported before whose records changed (and were replaced).
    public let replacedFiles: Int
    /// Inputs imported before whose records are the same.
    public let unchangedFiles: Int
    /// Earlier records of the inputs, replaced by the new ones.
    public let replacedRecords: Int
    /// Records of other sources, written back unchanged.
    public let keptRecords: Int
    /// How many other sources those kept records come from.
    public let keptSources: Int
    /// Records of our own format that repeated a line already written, written once.
    public let duplicates: Int
    /// Problems that did not stop the import.
    public let warnings: [Diagnostic]
    /// Names that match nothing: `--map` entries no imported task has, and (when the framework is
    /// known) imported evaluations none of its indicators reads.
    public internal(set) var review: [InputWarning] = []
    /// Input files refused and left out (`skipInvalid`), each with its reasons.
    public internal(set) var refused: [RefusedInput] = []
}

/// Why an import wrote nothing.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    /// No input file is in a format the tool reads.
    case nothingToImport(inputs: [String])
    /// Inputs that cannot be read, or that give records another source already gives; `out` is untouched.
    case refused(problems: [Diagnostic], out: String)

    public var description: String {
        switch self {
        case .nothingToImport(let inputs): "nothing to import in \(inputs.joined(separator: ", "))"
        case .refused(let problems, let out): InputError(problems).description + "\nnothing was written to \(out)"
        }
    }
}
