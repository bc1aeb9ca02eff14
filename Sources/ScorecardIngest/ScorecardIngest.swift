// ScorecardIngest
