// ScorecardCore
