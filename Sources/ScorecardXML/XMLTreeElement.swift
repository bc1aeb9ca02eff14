/// An element of a parsed XML document: an immutable value with its name, attributes,
/// children and source line.
///
/// Names are qualified as written in the source (`svg`, `xlink:href`). Namespace declarations
/// (`xmlns`, `xmlns:p`) are not attributes here. Comments and processing instructions are
/// dropped; CDATA sections become text. References to entities declared in a DTD are dropped
/// rather than expanded (the five predefined entities and character references are decoded), so
/// a hostile document cannot make this value grow exponentially.
///
/// Named `XMLTreeElement` rather than `XMLElement` so that it does not clash with Foundation's
/// `XMLElement` in files that import both.
public struct XMLTreeElement: Sendable, Equatable {
    /// The qualified name, e.g. `testcase` or `svg:rect`.
    public let name: String
    /// The attributes by qualified name; XML forbids duplicates, so none are lost.
    public let attributes: [String: String]
    /// Child elements and text, in document order, whitespace-only text included.
    public let children: [XMLTreeNode]
    /// The 1-based line of the start tag.
    public let line: Int

    /// Creates an element.
    ///
    /// - Parameters:
    ///   - name: The qualified name.
    ///   - attributes: The attributes by qualified name.
    ///   - children: Child elements and text, in document order.
    ///   - line: The 1-based line of the start tag.
    public init(name: String, attributes: [String: String] = [:], children: [XMLTreeNode] = [], line: Int) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The text of this element and all its descendants, concatenated in document order.
    ///
    /// Whitespace is kept as written; trim it where it does not matter.
    public var text: String {
        var result = ""
        appendText(to: &result)
        return result
    }

    /// The child elements, without the text between them.
    public var childElements: [XMLTreeElement] {
        children.compactMap { node in
            if case .element(let element) = node { element } else { nil }
        }
    }

    /// The descendant elements named `name`, in document order (this element excluded).
    ///
    /// Searches the whole subtree; use ``childElements`` and filter for direct children only.
    ///
    /// - Parameter name: A qualified element name, e.g. `testcase`.
    /// - Returns: The matching elements, outermost first.
    public func elements(named name: String) -> [XMLTreeElement] {
        var result: [XMLTreeElement] = []
        collectElements(named: name, into: &result)
        return result
    }

    /// The value of the attribute `name`, or `nil` when the element has none.
    ///
    /// - Parameter name: A qualified attribute name, e.g. `classname`.
    /// - Returns: The attribute's value with references decoded.
    public func attribute(_ name: String) -> String? {
        attributes[name]
    }

    private func appendText(to result: inout String) {
        for child in children {
            switch child {
            case .text(let text): result += text
            case .element(let element): element.appendText(to: &result)
            }
        }
    }

    private func collectElements(named name: String, into result: inout [XMLTreeElement]) {
        for case .element(let element) in children {
            if element.name == name { result.append(element) }
            element.collectElements(named: name, into: &result)
        }
    }
}

/// A child of an ``XMLTreeElement``: an element or a run of text.
public enum XMLTreeNode: Sendable, Equatable {
    /// A child element.
    case element(XMLTreeElement)
    /// Character data (text or a CDATA section), with references decoded.
    case text(String)
}
