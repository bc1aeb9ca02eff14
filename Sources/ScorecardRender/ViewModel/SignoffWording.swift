import ScorecardCore

/// The words of sign-offs: the report's table, and the decision as the command line says it.
public enum SignoffWording {
    /// "Approved", "Rejected", "Changes requested".
    public static func decision(_ decision: SignoffDecision) -> String {
        switch decision {
        case .approve: "Approved"
        case .reject: "Rejected"
        case .requestChanges: "Changes requested"
        }
    }

    /// The sign-off table of `subject`'s report, oldest first; nil when it has none.
    static func view(_ shown: [ShownSignoff], subject: Subject) -> SignoffsView? {
        let mine = shown.filter { $0.signoff.subject == subject }
            .sorted { ($0.signoff.signedAt, $0.signoff.reviewer, $0.signoff.signature) < ($1.signoff.signedAt, $1.signoff.reviewer, $1.signoff.signature) }
        guard !mine.isEmpty else { return nil }
        var intro = "Each sign-off is a reviewer's decision, signed with their Ed25519 key, on one version of this scorecard: "
        intro += "the SHA-256 of its document, with the framework's and the determinations'. "
        intro += "A sign-off of an earlier version is stale: it does not cover the scorecard shown here. "
        if mine.allSatisfy(\.keyringChecked) {
            intro += "The signatures were checked against the card's keyring of reviewers' keys when this report was made; scorecard verify checks them again."
        } else {
            intro += "The card names no keyring, so the signatures were checked only against the keys the sign-offs carry, which proves them unaltered but not who made them: run scorecard verify with the reviewers' keyring."
        }
        let rows = mine.map { shown -> SignoffRowView in
            let standing: String, css: String
            if let refusal = shown.refusal {
                (standing, css) = ("Signature does not hold: \(refusal)", "signoff-invalid")
            } else if shown.current {
                (standing, css) = ("Current: signed this scorecard", "signoff-current")
            } else {
                (standing, css) = ("Stale: signed an earlier version", "signoff-stale")
            }
            return SignoffRowView(
                reviewer: shown.signoff.reviewer, decision: decision(shown.signoff.decision),
                css: "signoff-\(shown.signoff.decision.rawValue)", version: String(shown.signoff.documentSha256.prefix(12)),
                signedAt: shown.signoff.signedAt, note: shown.signoff.note, standing: standing, standingCSS: css,
                current: shown.refusal == nil && shown.current)
        }
        return SignoffsView(intro: intro, rows: rows)
    }
}
