import ScorecardCLI

ScorecardCommand.main()
