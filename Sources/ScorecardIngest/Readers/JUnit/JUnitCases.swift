import ScorecardXML

/// The outcome of one JUnit test case, ordered from best to worst.
enum JUnitOutcome: Int, Comparable, CaseIterable {
    case passed, skipped, xfail, failure, error

    static func < (lhs: JUnitOutcome, rhs: JUnitOutcome) -> Bool { lhs.rawValue < rhs.rawValue }

    var name: String {
        switch self {
        case .passed: "passed"
        case .skipped: "skipped"
        case .xfail: "xfail"
        case .failure: "failed"
        case .error: "error"
        }
    }
}

/// One `<testcase>`, with the suite that holds it and its outcome.
struct JUnitCase {
    let suite: String
    let classname: String
    let name: String
    let outcome: JUnitOutcome
    /// The `message` attribute of the child that decided the outcome.
    let message: String?
    let line: Int

    /// `classname.name`, or the name alone when there is no class name (pytest collection errors).
    var sampleID: String { classname.isEmpty ? name : "\(classname).\(name)" }
}

/// A `<testsuite>` (or `<testsuites>`) that holds test cases directly.
struct JUnitSuite {
    let name: String
    let element: XMLTreeElement
}

/// Collecting test cases from a JUnit document of any common producer.
///
/// pytest writes `testsuites > testsuite > testcase`; other tools write a bare `<testsuite>` root,
/// nested suites, or test cases straight under `<testsuites>`. Each `<testcase>` belongs to the
/// suite element that directly holds it. Its outcome is its worst child: `<error>` (setup or
/// teardown error, collection failure), `<failure>` (assertion or exception in the test body),
/// `<skipped type="pytest.xfail">` (expected failure), other `<skipped>`. Without such a child,
/// a case whose `status` or `result` attribute says it never ran (googletest's
/// `status="notrun"`/`result="suppressed"` for a disabled test, CTest's `status="disabled"` or
/// `"notrun"`) is skipped, and one whose `status` says it failed is a failure; otherwise it passed.
/// Surefire's `flakyFailure`/`rerunFailure` children are ignored: the final outcome decides.
enum JUnitCases {
    /// The test cases in document order, the suites that hold them, and the line of the first
    /// such suite without a name (it takes its parent's name, or `fallbackName`).
    static func collect(_ root: XMLTreeElement, fallbackName: String) -> (cases: [JUnitCase], suites: [JUnitSuite], unnamed: Int?) {
        var cases: [JUnitCase] = []
        var suites: [JUnitSuite] = []
        var unnamed: Int?
        func visit(_ element: XMLTreeElement, inherited: String, depth: Int) {
            guard depth < 256 else { return }
            let given = element.attribute("name").flatMap { $0.isEmpty ? nil : $0 }
            let name = given ?? inherited
            var holdsCases = false
            for child in element.childElements {
                switch child.name {
                case "testcase":
                    holdsCases = true
                    cases.append(testCase(child, suite: name))
                case "testsuite", "testsuites":
                    visit(child, inherited: name, depth: depth + 1)
                default:
                    break
                }
            }
            if holdsCases {
                suites.append(JUnitSuite(name: name, element: element))
                if given == nil { unnamed = unnamed ?? element.line }
            }
        }
        visit(root, inherited: fallbackName, depth: 0)
        return (cases, suites, unnamed)
    }

    /// `status` values (lower-cased) of a case that never ran, and of one that failed, as
    /// googletest, CTest and other C/C++ runners write them on a `<testcase>` with no child.
    static let notRun: Set = ["notrun", "not_run", "not run", "disabled", "skipped", "ignored", "suppressed"]
    static let failed: Set = ["fail", "failed", "failure", "error"]

    /// The outcome a case's own attributes state when no child element does.
    private static func statedOutcome(_ element: XMLTreeElement) -> (outcome: JUnitOutcome, message: String)? {
        for key in ["status", "result"] {
            guard let value = element.attribute(key) else { continue }
            let lowered = value.lowercased()
            if notRun.contains(lowered) { return (.skipped, "not run (\(key)=\"\(value)\")") }
            if key == "status", failed.contains(lowered) { return (lowered == "error" ? .error : .failure, "\(key)=\"\(value)\"") }
        }
        return nil
    }

    private static func testCase(_ element: XMLTreeElement, suite: String) -> JUnitCase {
        var outcome = JUnitOutcome.passed
        var message: String?
        for child in element.childElements {
            let found: JUnitOutcome
            switch child.name {
            case "error": found = .error
            case "failure": found = .failure
            case "skipped": found = child.attribute("type") == "pytest.xfail" ? .xfail : .skipped
            default: continue
            }
            if found > outcome {
                outcome = found
                message = child.attribute("message")
            }
        }
        if outcome == .passed, let stated = statedOutcome(element) {
            outcome = stated.outcome
            message = stated.message
        }
        return JUnitCase(suite: suite, classname: element.attribute("classname") ?? "", name: element.attribute("name") ?? "",
                         outcome: outcome, message: message, line: element.line)
    }
}
