/// The tool's documented exit codes.
///
/// The command line maps errors to them in one place; a run of `regenerate` records its own in
/// the store (``RunSummary/status``).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Something unexpected: an I/O failure, a bug.
    case failure = 1
    /// Input files are invalid: framework, evidence, determinations, configuration.
    case invalidInput = 2
    /// A gate did not pass and `--fail-on-gate` was given.
    case gateFailed = 3
    /// `regenerate`: a level moved since the last completed run.
    case levelsChanged = 4
    /// `regenerate`: a gate that passed in the last completed run no longer passes.
    case gateFlipped = 5
    /// `regenerate`: another run held the store's lock, or another process a write transaction on
    /// the database, past the wait timeout (any command: the database stayed busy).
    case busy = 6
    /// `check`: a stored scorecard does not re-derive from its stored inputs, or the stored history
    /// is not whole (a row deleted, reordered or edited; a stored input altered).
    case checkFailed = 7
    /// `check` with a card: an input on disk differs from what the card's current scorecards were
    /// made from (run `regenerate`, with `--rehash` if the file kept its size and time).
    case inputsChanged = 8
    /// `regenerate`: a change replaced a scorecard version that a reviewer signed off, so the
    /// sign-off no longer covers the current scorecard (4 and 5 take precedence).
    case signoffStale = 9
    /// `verify`: a sign-off is refused: its reviewer is not in the keyring, it was signed with
    /// another key, its signature does not match its fields, or the scorecard it signed was altered.
    case signoffRefused = 10
    /// `regenerate`: no level moved, but one is newly in question: a review flag that questions a
    /// level appeared (a determination below what the evidence shows or does not rule out, or
    /// without evidence, or stale; a stage below its mitigated stage), or the evidence beneath a
    /// determination now indicates another level (5 and 4 take precedence; it takes precedence over 9).
    case reviewNeeded = 11
}
