/// Parses XML documents with libxml2 and checks our generated HTML for well-formedness.
///
/// Safe to call from many threads at once: each call uses its own libxml2 parser context and
/// collects its own errors. External entities, external DTDs and the network are never loaded
/// (no XXE), and libxml2's default limits on entity expansion and nesting depth stay on.
public enum XMLDocumentParser {
    /// Parses a well-formed XML document into its root element.
    ///
    /// The encoding is detected from a byte-order mark or the XML declaration, else UTF-8.
    /// Parsing continues past the first error so that the thrown error lists all of them.
    ///
    /// - Parameters:
    ///   - bytes: The document, e.g. a `Data` or `[UInt8]` read from a JUnit file.
    ///   - file: The document's name (usually its path), used in messages.
    /// - Returns: The root element, with line numbers.
    /// - Throws: ``XMLParseError`` listing every problem when the document is not well-formed
    ///   (including when it is empty or not text at all).
    public static func parse(_ bytes: some Collection<UInt8>, file: String) throws(XMLParseError) -> XMLTreeElement {
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) in
            LibXML2Parse.parse(buffer, file: file, encoding: nil) { XMLTreeElement(libxml2: $0) }
        }
        let result = bytes.withContiguousStorageIfAvailable(parse) ?? Array(bytes).withUnsafeBufferPointer(parse)
        return try result.get()
    }

    /// Parses a well-formed XML document held in a string.
    ///
    /// The string is parsed as UTF-8, whatever an XML declaration in it says.
    ///
    /// - Parameters:
    ///   - text: The document.
    ///   - file: The document's name, used in messages.
    /// - Returns: The root element, with line numbers.
    /// - Throws: ``XMLParseError`` listing every problem when the document is not well-formed.
    public static func parse(_ text: String, file: String) throws(XMLParseError) -> XMLTreeElement {
        let result = Array(text.utf8).withUnsafeBufferPointer { buffer in
            LibXML2Parse.parse(buffer, file: file, encoding: "UTF-8") { XMLTreeElement(libxml2: $0) }
        }
        return try result.get()
    }

    /// Checks that our generated HTML is well-formed XML, returning every problem found.
    ///
    /// Our reports are XHTML-compatible HTML5: `<!DOCTYPE html>` (accepted without a DTD), every
    /// element closed (`<br/>`), attributes quoted, only the five XML entities (`&amp;` `&lt;`
    /// `&gt;` `&quot;` `&apos;`) and numeric references, inline SVG with its `xmlns`. Anything
    /// else, such as `&nbsp;`, an unclosed `<p>` or a bare `<` or `&` in text, is reported with
    /// its line and column.
    ///
    /// - Parameters:
    ///   - html: The document, as rendered.
    ///   - file: The document's name, used in libxml2's messages.
    /// - Returns: The problems in document order; empty when the document is well-formed.
    public static func wellFormednessProblems(of html: String, file: String) -> [XMLDiagnostic] {
        let result = Array(html.utf8).withUnsafeBufferPointer { buffer in
            LibXML2Parse.parse(buffer, file: file, encoding: "UTF-8") { _ in () }
        }
        switch result {
        case .success: return []
        case .failure(let error): return error.diagnostics
        }
    }
}
