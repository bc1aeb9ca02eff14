import ScorecardRender

/// Makes untrusted text safe for the terminal (see ``Escaping/terminal(_:)``).
func terminalSafe(_ text: String) -> String { Escaping.terminal(text) }
