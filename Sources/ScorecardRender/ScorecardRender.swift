// ScorecardRender
