import ScorecardTesting

extension CardFixture {
    /// Runs `scorecard regenerate` on the card through the executable.
    func regenerate(_ extra: [String] = [], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(["regenerate", "--config", config.path] + extra, environment: environment)
    }
}
