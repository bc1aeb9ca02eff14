// ScorecardEvaluators
