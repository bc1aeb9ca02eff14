import Foundation
import ScorecardCore
import ScorecardXML

/// How JUnit outcomes are counted; the defaults follow the research notes.
public struct JUnitOptions: Sendable, Equatable {
    /// Whether a test case with an `<error>` is an attempt that did not pass (true, the default),
    /// or is left out of n and recorded as an errored sample with no score (false).
    ///
    /// In agentic and CTF runs wrapped as tests, errors are often infrastructure (a sandbox that
    /// did not start) rather than the model failing, which is when leaving them out is right. A
    /// test that passed but errored in teardown counts as an error either way (worst outcome).
    public var countErrorsAsFailures: Bool

    /// Options with errors counted as failures unless told otherwise.
    public init(countErrorsAsFailures: Bool = true) {
        self.countErrorsAsFailures = countErrorsAsFailures
    }
}

/// Reads JUnit XML reports (pytest `--junitxml`, and harnesses that wrap challenges as tests).
///
/// One `pass_rate` record per evaluation, where the evaluation is the suite name mapped through the
/// import options (suites that map to the same evaluation are pooled), plus one sample record per
/// unique test case (`classname.name`, epoch 1, score 1 or 0). Counting:
///
/// - Test cases are counted from the `<testcase>` elements, never from the suite's `tests`,
///   `failures`, `errors` attributes (pytest counts a test that passed and errored in teardown
///   twice). Repeated (suite, classname, name) elements are merged keeping the worst outcome.
/// - Skipped cases are not attempts: they leave n and get no sample record.
/// - Failures and expected failures (`pytest.xfail`) are attempts that did not pass.
/// - Errors count as failures unless ``JUnitOptions/countErrorsAsFailures`` is false.
/// - k = passed, n = attempts, a Wilson 95% interval from k/n.
///
/// JUnit names neither the model nor the stage: both must be given at import. The XML is parsed
/// by libxml2 without loading external entities or DTDs.
public enum JUnitReader: EvidenceReader {
    /// The format's name for `--from`.
    public static let name = "junit"
    /// One line for `--help`.
    public static let summary = "JUnit XML test reports (pytest --junitxml and similar): pass rate per suite"

    /// Whether the prefix is XML whose root element is `<testsuites>` or `<testsuite>`.
    ///
    /// Skips a byte-order mark, whitespace, the XML declaration, comments, processing instructions
    /// and a DOCTYPE (with its internal subset) before looking at the root element's name.
    public static func detect(path: String, prefix: [UInt8]) -> Bool {
        var text = Substring(String(decoding: FormatSniffing.withoutByteOrderMark(prefix), as: UTF8.self))
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("<?") {
                guard let end = text.range(of: "?>") else { return false }
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!--") {
                guard let end = text.range(of: "-->") else { return false }
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!DOCTYPE") {
                let subset = text.firstIndex(of: "[").map { $0 < (text.firstIndex(of: ">") ?? text.endIndex) } ?? false
                guard let end = text.range(of: subset ? "]>" : ">") else { return false }
                text = text[end.upperBound...]
            } else {
                break
            }
        }
        for root in ["<testsuites", "<testsuite"] where text.hasPrefix(root) {
            guard let next = text.dropFirst(root.count).first else { return true }
            if next == ">" || next == "/" || next.isWhitespace { return true }
        }
        return false
    }

    /// Reads a report; errors count as failures unless the import's errored-sample policy excludes them.
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedEvidence {
        try read(path: path, options: options, junit: JUnitOptions(countErrorsAsFailures: options.erroredSamples == .failure))
    }

    /// Reads a report, counting errors as ``JUnitOptions`` says.
    public static func read(path: String, options: ImportOptions, junit: JUnitOptions) throws(InputError) -> ImportedEvidence {
        let bytes = try InputFile.read(path)
        let root: XMLTreeElement
        do {
            root = try XMLDocumentParser.parse(bytes, file: path)
        } catch {
            throw InputError(error.diagnostics.map { Diagnostic(file: path, line: $0.line, column: $0.column, message: "malformed XML: \($0.message)") })
        }
        guard root.name == "testsuites" || root.name == "testsuite" else {
            throw InputError(file: path, line: root.line, "the root element is <\(root.name)>, expected <testsuites> or <testsuite> (JUnit XML)")
        }
        let stage = try ImportRules.stage(options, file: path, format: "JUnit XML")
        guard let model = ImportRules.nonEmpty(options.model) else {
            throw InputError(file: path, "JUnit XML does not name the model that was tested; give the model name at import")
        }
        let fallback = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let (cases, suites, unnamed) = JUnitCases.collect(root, fallbackName: fallback)
        guard !cases.isEmpty else { throw InputError(file: path, line: root.line, "no <testcase> elements in the report") }
        var warnings: [Diagnostic] = []
        if let unnamed {
            warnings.append(Diagnostic(file: path, line: unnamed, message: "a <testsuite> without a name: its cases take the enclosing suite's name, or the file's ('\(fallback)')"))
        }
        for testCase in cases where testCase.name.isEmpty {
            warnings.append(Diagnostic(file: path, line: testCase.line, message: "a <testcase> without a name; skipped"))
        }
        let summary = JUnitSummary(cases: cases.filter { !$0.name.isEmpty }, suites: suites, file: path, bytes: bytes,
                                   subject: Subject(model: model), stage: stage, options: options, junit: junit)
        warnings += summary.warnings
        return ImportedEvidence(records: summary.records, samples: summary.samples, warnings: warnings)
    }
}
