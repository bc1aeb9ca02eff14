import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Test hook: `SCORECARD_TEST_CRASH_AT=POINT` makes the process kill itself with SIGKILL when it
/// reaches POINT, as `kill -9` or a power cut would; inert unless the variable is set.
///
/// Tests use it to prove that what a run promises holds across a crash at the worst moment.
enum CrashPoint: String {
    /// `regenerate`: the run is committed and marked completed; nothing is printed yet.
    case afterCommit = "after-commit"
    /// `regenerate`: the summary is printed in full; the delivery is not recorded yet.
    case afterPrint = "after-print"

    /// Kills the process when the hook names this point.
    func reach() {
        guard ProcessInfo.processInfo.environment["SCORECARD_TEST_CRASH_AT"] == rawValue else { return }
        kill(getpid(), SIGKILL)
    }
}
