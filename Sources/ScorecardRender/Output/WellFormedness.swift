import ScorecardXML

/// Checks that rendered HTML and SVG are well-formed XML.
///
/// Our HTML is XHTML-compatible HTML5 (every element closed, attributes quoted, only the XML
/// entities), so libxml2's XML parser must accept it. A user's template override can break that;
/// the CLI warns when it does.
public enum WellFormedness {
    /// Every problem in `file`'s contents, as `path:line:column: message`; empty when well-formed.
    public static func problems(in file: ReportFile) -> [String] {
        switch file.role {
        case .report(.html), .chart:
            return XMLDocumentParser.wellFormednessProblems(of: file.contents, file: file.path).map {
                "\(file.path):\($0)"
            }
        case .report:
            return []
        }
    }
}
