import Foundation
import ScorecardCore
import ScorecardIngest

/// Signed records read from a file and checked, the one way `render` and `regenerate` read them.
enum SignoffRecords {
    /// The records of `path` (none when it does not exist), each checked against `keyring` (its
    /// own key when nil); any that does not verify is an error naming its file and line.
    static func load(path: String, name: String, keyring: Keyring?) throws(InputError) -> [(signoff: Signoff, line: Int)] {
        let records = try SignoffFile.load(path: path, name: name)
        let problems = records.compactMap { signoff, line in
            signoff.verify(keyring: keyring).refusal(reviewer: signoff.reviewer).map {
                Diagnostic(file: name, line: line, message: "sign-off by '\(signoff.reviewer)' of \(signoff.subject) refused: \($0)")
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return records
    }
}

extension Inputs {
    /// The version of `assessment`'s scorecard a sign-off names: its document's SHA-256 (as
    /// ``document(_:hashes:)`` gives it), the framework's and the determinations'.
    public func version(of assessment: SubjectAssessment, hashes: [String: String]? = nil) throws -> Signoff.Version {
        Signoff.Version(
            subject: assessment.subject, documentSHA256: SHA256.hex(of: [UInt8](try document([assessment], hashes: hashes).encoded())),
            frameworkSHA256: frameworkSHA256, determinationsSHA256: determinationsSHA256)
    }

    /// Shows the sign-offs of a record file (`render --signoffs`) in the reports of `assessments`,
    /// each checked against the keyring at `keyring` (against its own key when nil).
    public mutating func showSignoffs(file: String, keyring: String?, for assessments: [SubjectAssessment]) throws {
        let keys = try keyring.map { path throws(InputError) in try KeyringLoader.load(path: path) }
        let records = try SignoffRecords.load(path: file, name: file, keyring: keys).map(\.signoff)
        signoffs = try assessments.flatMap { ShownSignoff.of(records, version: try version(of: $0), keyring: keys) }
    }
}
