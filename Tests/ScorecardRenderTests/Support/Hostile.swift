import ScorecardCore
import ScorecardRender

/// Untrusted strings that try to break out of each format, and inputs that carry them everywhere.
enum Hostile {
    static let pieces = [
        "<script>alert(1)</script>",
        #""><img src=x onerror=alert(1)>"#,
        "| a | b |",
        "`code` ``x``",
        "**bold** __b__ _i_ ~~s~~",
        "[link](javascript:x)",
        "line one\nline two\r\n# not a heading",
        "&amp; &lt; &#60;",
        "\u{202E}desrever\u{202C}",
        "- item\n1. numbered\n> quote\n---",
        "$x$ <!-- comment --> <a href=x>y</a> ![i](x.png)",
        "www.evil.example https://evil.example/x HTTP://EVIL.EXAMPLE //evil.example evil.com gpt-4o.md",
        "me@evil.example mailto:a@b.example xmpp:c@d.example",
        "GPT-4o\u{200B} \u{FEFF}bom soft\u{00AD}hyphen zero\u{200D}joiner",
    ]

    /// All pieces in one string, prefixed so that each field can be told apart.
    static func text(_ label: String) -> String { label + " " + pieces.joined(separator: " ") }

    static let model = "evil/../.model " + pieces.joined(separator: " ")

    /// A one-category framework whose names and evaluation ids are hostile too.
    static func framework() -> Framework {
        let scale = LevelScale([
            LevelDefinition(id: "low", name: "Low"), LevelDefinition(id: "medium", name: text("Medium-name")),
            LevelDefinition(id: "high", name: "High"),
        ])
        let levels = scale.levels
        let indicators = (0..<2).map { i in
            Indicator(
                id: "ind\(i)", name: text("Indicator-\(i)"), evaluator: "metric", parameters: EvaluatorParameters(),
                evaluation: text("eval-\(i)"), metrics: [text("metric-\(i)")], unit: i == 0 ? .rate : .ratio,
                direction: .higherIsRiskier, inclusive: true, required: false, earlyWarningMargin: nil,
                thresholds: [Threshold(level: levels[1], value: i == 0 ? 0.5 : 1.0, rationale: text("rationale"))],
                baselines: [Baseline(name: text("baseline-\(i)"), value: i == 0 ? 0.3 : 0.5, source: nil)])
        }
        let category = Category(
            id: "../../etc/passwd <x>", name: text("Category-name"), summary: text("Category-summary"), required: true,
            levelDefinitions: ["low": text("Low-definition"), "medium": text("Medium-definition")],
            combine: .any, minimumIndicators: 1, indicators: indicators)
        return Framework(
            schemaVersion: 1, id: "hostile", name: text("Framework-name"), version: text("Framework-version"),
            source: "javascript:alert(1)", summary: text("Framework-summary"), scale: scale,
            stages: [
                StageDefinition(id: "pre", name: "Pre-mitigation", summary: text("Stage-summary")),
                StageDefinition(id: "post", name: "Post-mitigation", summary: nil),
            ],
            categories: [category], aggregation: .max, uncertainty: .conservativeBound, earlyWarningMargin: 0.1,
            gates: [Gate(id: "deployment", name: text("Gate-name"), summary: nil, kind: .ceiling, stage: "post", level: levels[1])])
    }

    static func input() throws -> ReportInput {
        let framework = framework()
        let subject = Subject(model: model, snapshot: text("snapshot"))
        let location = SourceLocation(file: "evil <dir>/ev|il.jsonl", line: 3)
        var records: [EvidenceRecord] = []
        for (i, indicator) in framework.categories[0].indicators.enumerated() {
            records.append(EvidenceRecord(
                subject: subject, stage: "pre", evaluation: indicator.evaluation, metric: indicator.metrics[0],
                variant: text("variant-\(i)"), value: i == 0 ? 0.45 : 2.5, unit: indicator.unit, n: 40, k: i == 0 ? 18 : nil,
                interval: i == 0 ? ConfidenceInterval(low: 0.3, high: 0.6, level: 0.95, method: "wilson") : nil,
                source: i == 0 ? "javascript:alert(1)" : "https://example.com/a_b?x=1&y=2#frag",
                notes: text("notes-\(i)"), location: location))
        }
        // A record no indicator reads: its names go into the appendix "Evidence not used".
        records.append(EvidenceRecord(
            subject: subject, stage: "pre", evaluation: text("unread-eval"), metric: text("unread-metric"),
            variant: text("unread-variant"), value: 0.9, location: SourceLocation(file: "evil <dir>/ev|il.jsonl", line: 9)))
        let determination = Determination(
            model: model, snapshot: nil, category: framework.categories[0].id, stage: "post",
            level: framework.scale.levels[0], rationale: text("Determination-rationale"), author: text("Author"),
            date: "2024-12-05", source: #"https://example.com/"onmouseover="alert(1)"#, location: location)
        let mitigation = Mitigation(model: model, category: framework.categories[0].id, text: text("Mitigation"), location: location)
        return try Inputs.input(framework: framework, records: records, determinations: [determination], mitigations: [mitigation])
    }
}
