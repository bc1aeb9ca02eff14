#if canImport(Glibc)
import Glibc
#endif
import ScorecardCLI

// A reader that goes away (`scorecard assess … | head -1`) makes the next write fail with EPIPE,
// which the commands report as an error (exit 1) instead of being killed by SIGPIPE.
signal(SIGPIPE, SIG_IGN)
ScorecardCommand.main()
