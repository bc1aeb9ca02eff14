// The view model as the dictionaries swift-mustache reads (see MustacheValue). Keep in step with
// the fields of the types: a test compares these with what reflection sees.

extension ChartView: MustacheValue {
    var mustache: Any {
        [
            "id": id,
            "title": title,
            "heading": heading.mustache,
            "description": description,
            "alt": alt,
            "imagePath": imagePath,
            "width": width,
            "height": height,
            "legend": legend.map(\.mustache),
            "panels": panels.map(\.mustache),
        ] as [String: Any]
    }
}

extension ChartText: MustacheValue {
    var mustache: Any {
        [
            "x": x,
            "y": y,
            "text": text,
            "anchor": anchor,
        ] as [String: Any]
    }
}

extension ChartLegendItem: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "label": label.mustache,
        ]
        if let swatch { fields["swatch"] = swatch.mustache }
        if let line { fields["line"] = line.mustache }
        return fields
    }
}

extension ChartRect: MustacheValue {
    var mustache: Any {
        [
            "x": x,
            "y": y,
            "width": width,
            "height": height,
            "fill": fill,
        ] as [String: Any]
    }
}

extension ChartLine: MustacheValue {
    var mustache: Any {
        [
            "x1": x1,
            "y1": y1,
            "x2": x2,
            "y2": y2,
            "stroke": stroke,
            "dash": dash,
            "width": width,
        ] as [String: Any]
    }
}

extension ChartPanelView: MustacheValue {
    var mustache: Any {
        [
            "heading": heading.mustache,
            "ticks": ticks.map(\.mustache),
            "axis": axis.mustache,
            "markers": markers.map(\.mustache),
            "bars": bars.map(\.mustache),
        ] as [String: Any]
    }
}

extension ChartTick: MustacheValue {
    var mustache: Any {
        [
            "line": line.mustache,
            "label": label.mustache,
        ] as [String: Any]
    }
}

extension ChartMarker: MustacheValue {
    var mustache: Any {
        [
            "line": line.mustache,
            "label": label.mustache,
            "color": color,
        ] as [String: Any]
    }
}

extension ChartBar: MustacheValue {
    var mustache: Any {
        var fields: [String: Any] = [
            "stageLabel": stageLabel.mustache,
        ]
        if let rect { fields["rect"] = rect.mustache }
        if let valueLabel { fields["valueLabel"] = valueLabel.mustache }
        if let valueNote { fields["valueNote"] = valueNote.mustache }
        if let whisker { fields["whisker"] = whisker.mustache }
        fields["straddles"] = straddles.map(\.mustache)
        if let decidingMark { fields["decidingMark"] = decidingMark.mustache }
        if let missing { fields["missing"] = missing.mustache }
        return fields
    }
}

extension ChartWhisker: MustacheValue {
    var mustache: Any {
        [
            "line": line.mustache,
            "lowCap": lowCap.mustache,
            "highCap": highCap.mustache,
        ] as [String: Any]
    }
}

extension ChartPath: MustacheValue {
    var mustache: Any {
        [
            "d": d,
            "fill": fill,
        ] as [String: Any]
    }
}
