// The view model as the dictionaries swift-mustache reads (see MustacheValue). Keep in step with
// the fields of the types: a test compares these with what reflection sees.

extension ReportView: MustacheValue {
    var mustache: Any {
        [
            "title": title,
            "subject": subject,
            "verdict": verdict,
            "framework": framework.mustache,
            "stages": stages.map(\.mustache),
            "levels": levels.map(\.mustache),
            "scorecard": scorecard.mustache,
            "gates": gates.map(\.mustache),
            "categories": categories.map(\.mustache),
            "provenance": provenance.mustache,
        ] as [String: Any]
    }
}

extension LinkView: MustacheValue {
    var mustache: Any {
        [
            "href": href,
            "text": text,
        ] as [String: Any]
    }
}

extension FrameworkView: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "name": name,
            "version": version,
            "aggregation": aggregation,
        ]
        if let summary { fields["summary"] = summary }
        if let link { fields["link"] = link.mustache }
        return fields
    }
}

extension StageView: MustacheValue {
    var mustache: Any {
        [
            "name": name,
            "meaning": meaning,
        ] as [String: Any]
    }
}

extension LevelKeyView: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "name": name,
            "css": css,
        ]
        if let summary { fields["summary"] = summary }
        return fields
    }
}

extension LevelCellView: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "level": level,
            "css": css,
            "notAssessed": notAssessed,
            "notRuledOut": notRuledOut,
        ]
        if let detail { fields["detail"] = detail }
        return fields
    }
}

extension ScorecardTableView: MustacheValue {
    var mustache: Any {
        [
            "caption": caption,
            "stageHeaders": stageHeaders,
            "rows": rows.map(\.mustache),
            "overall": overall.mustache,
            "notes": notes,
        ] as [String: Any]
    }
}

extension ScorecardRowView: MustacheValue {
    var mustache: Any {
        [
            "label": label,
            "cells": cells.map(\.mustache),
        ] as [String: Any]
    }
}

extension GateView: MustacheValue {
    var mustache: Any {
        [
            "name": name,
            "rule": rule,
            "decision": decision,
            "css": css,
            "reason": reason,
            "passed": passed,
        ] as [String: Any]
    }
}

extension ProvenanceView: MustacheValue {
    var mustache: Any {
        [
            "tool": tool,
            "frameworkID": frameworkID,
            "frameworkVersion": frameworkVersion,
            "frameworkSHA256": frameworkSHA256,
            "inputs": inputs.map(\.mustache),
            "generatedAt": generatedAt,
        ] as [String: Any]
    }
}

extension InputFileView: MustacheValue {
    var mustache: Any {
        [
            "path": path,
            "sha256": sha256,
        ] as [String: Any]
    }
}

extension CategoryView: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "anchor": anchor,
            "name": name,
            "required": required,
            "coverage": coverage,
            "hasCoverage": hasCoverage,
            "definitions": definitions.map(\.mustache),
            "hasDefinitions": hasDefinitions,
            "stages": stages.map(\.mustache),
            "mitigations": mitigations,
            "hasMitigations": hasMitigations,
            "evidence": evidence.map(\.mustache),
            "hasEvidence": hasEvidence,
            "evidenceNotes": evidenceNotes,
            "hasEvidenceNotes": hasEvidenceNotes,
            "warnings": warnings,
            "hasWarnings": hasWarnings,
            "flags": flags.map(\.mustache),
            "hasFlags": hasFlags,
        ]
        if let summary { fields["summary"] = summary }
        if let chart { fields["chart"] = chart.mustache }
        return fields
    }
}

extension DefinitionView: MustacheValue {
    var mustache: Any {
        [
            "level": level,
            "css": css,
            "text": text,
        ] as [String: Any]
    }
}

extension CategoryStageView: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "stage": stage,
            "cell": cell.mustache,
            "indicated": indicated,
            "basis": basis,
            "lead": lead,
            "findings": findings,
            "hasFindings": hasFindings,
        ]
        if let determination { fields["determination"] = determination.mustache }
        if let notAssessedReason { fields["notAssessedReason"] = notAssessedReason }
        return fields
    }
}

extension DeterminationView: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "level": level,
            "rationale": rationale,
            "author": author,
            "date": date,
        ]
        if let link { fields["link"] = link.mustache }
        if let sourceText { fields["sourceText"] = sourceText }
        return fields
    }
}

extension EvidenceRowView: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "evaluation": evaluation,
            "stage": stage,
            "use": use,
            "metric": metric,
            "variant": variant,
            "value": value,
            "interval": interval,
            "n": n,
            "k": k,
            "location": location,
            "notes": notes,
        ]
        if let link { fields["link"] = link.mustache }
        if let sourceText { fields["sourceText"] = sourceText }
        return fields
    }
}

extension FlagView: MustacheValue {
    var mustache: Any {
        [
            "kind": kind,
            "stage": stage,
            "text": text,
        ] as [String: Any]
    }
}
