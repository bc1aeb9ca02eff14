import CLibXML2

extension XMLTreeElement {
    /// Copies a libxml2 element and its subtree into immutable values.
    ///
    /// Recursion depth is bounded by libxml2's nesting limit (256 levels without
    /// `XML_PARSE_HUGE`): deeper documents fail to parse before they get here.
    init(libxml2 node: xmlNodePtr) {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            attributes[qualifiedName(current.pointee.name, current.pointee.ns)] = textOfNodes(current.pointee.children)
            attribute = current.pointee.next
        }

        var children: [XMLTreeNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(XMLTreeElement(libxml2: current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = current.pointee.content.map { String(cString: $0) } ?? ""
                if case .text(let previous) = children.last {
                    children[children.count - 1] = .text(previous + text)  // e.g. around a dropped entity reference
                } else if !text.isEmpty {
                    children.append(.text(text))
                }
            default:
                break  // comments, processing instructions, entity references
            }
            child = current.pointee.next
        }

        self.init(
            name: qualifiedName(node.pointee.name, node.pointee.ns),
            attributes: attributes,
            children: children,
            line: Int(xmlGetLineNo(node))
        )
    }
}

/// `prefix:name`, or `name` when there is no prefix.
private func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ namespace: xmlNsPtr?) -> String {
    let local = name.map { String(cString: $0) } ?? ""
    guard let prefix = namespace?.pointee.prefix else { return local }
    return String(cString: prefix) + ":" + local
}

/// The text of an attribute's value nodes; entity references are skipped.
private func textOfNodes(_ first: xmlNodePtr?) -> String {
    var result = ""
    var node = first
    while let current = node {
        if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
            result += String(cString: content)
        }
        node = current.pointee.next
    }
    return result
}
