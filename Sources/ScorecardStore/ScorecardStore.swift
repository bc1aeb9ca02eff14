// ScorecardStore
