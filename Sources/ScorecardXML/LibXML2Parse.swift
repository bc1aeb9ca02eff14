import CLibXML2

/// One libxml2 parse: the settings every parse shares, and the error collection.
///
/// Thread safety: every parse gets its own parser context, and errors reach this parse's
/// ``DiagnosticCollector`` through that context (`sax->serror` plus the context's `_private`
/// pointer), never through libxml2's per-thread global handlers, which stay untouched. Nothing
/// here is shared between calls except the one-time `xmlInitParser()`. Should libxml2 ever
/// report a problem outside the context (it prints those to stderr), the context's
/// `wellFormed` flags still fail the parse.
enum LibXML2Parse {
    /// Runs `xmlInitParser()` once per process, as libxml2 asks of multithreaded programs.
    private static let initialized: Void = xmlInitParser()

    /// Recover (keep going after an error, so every error is reported), forbid network access,
    /// keep line numbers above 65535 and merge CDATA into text. Deliberately absent:
    /// `XML_PARSE_NOENT` (entity substitution), `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDVALID`,
    /// `XML_PARSE_HUGE` (which would lift the limits against entity expansion and deep nesting).
    /// Without them libxml2 never loads external entities or DTDs: no XXE.
    private static let options = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue
    )

    /// Parses `buffer`; calls `build` with the root element only when there were no problems.
    ///
    /// - Parameters:
    ///   - buffer: The document's bytes.
    ///   - file: The document's name, for libxml2's messages.
    ///   - encoding: The encoding to assume, or `nil` to detect it (BOM, XML declaration, UTF-8).
    ///   - build: Turns the root element into a value while the libxml2 tree is alive.
    /// - Returns: The built value, or the diagnostics (never empty) when the document is not
    ///   well-formed.
    static func parse<Value>(
        _ buffer: UnsafeBufferPointer<UInt8>, file: String, encoding: String?,
        build: (xmlNodePtr) -> Value
    ) -> Result<Value, XMLParseError> {
        func failure(_ message: String) -> Result<Value, XMLParseError> {
            .failure(XMLParseError(file: file, diagnostics: [XMLDiagnostic(line: 1, column: 1, message: message)]))
        }
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return failure("Document is empty") }
        guard let size = Int32(exactly: buffer.count) else {
            return failure("Document is too large (\(buffer.count) bytes; libxml2 reads at most \(Int32.max))")
        }
        _ = initialized
        guard let context = xmlNewParserCtxt() else { return failure("libxml2 could not create a parser") }
        defer { xmlFreeParserCtxt(context) }
        guard let sax = context.pointee.sax else { return failure("libxml2 created a parser without handlers") }

        let collector = DiagnosticCollector()
        return withExtendedLifetime(collector) {
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            sax.pointee.serror = { userData, error in
                // libxml2 passes the parser context's `userData`, which is the context itself
                // (also for the sub-contexts it makes for entity content, which copy `_private`).
                guard let userData, let error else { return }
                let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
                guard let box = context.pointee._private else { return }
                Unmanaged<DiagnosticCollector>.fromOpaque(box).takeUnretainedValue().record(error.pointee)
            }
            let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, size, file, encoding, options)
            }
            defer { if let document { xmlFreeDoc(document) } }
            context.pointee._private = nil

            var diagnostics = collector.diagnostics
            let root = document.flatMap { xmlDocGetRootElement($0) }
            let wellFormed = context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
            if diagnostics.isEmpty && (!wellFormed || root == nil) {
                // Belt and braces: an error libxml2 reported elsewhere still fails the parse.
                diagnostics = [XMLDiagnostic(line: 1, column: 1, message: "Document is not well-formed XML")]
            }
            guard diagnostics.isEmpty, let root else {
                return .failure(XMLParseError(file: file, diagnostics: diagnostics))
            }
            return .success(build(root))
        }
    }
}

/// Collects the diagnostics of one parse, in the order libxml2 reports them.
///
/// Reached from libxml2's C callback through an unretained pointer; used by one thread, inside
/// one synchronous call to ``LibXML2Parse/parse(_:file:encoding:build:)``.
final class DiagnosticCollector {
    /// At most this many diagnostics are kept, so garbage input cannot exhaust memory; the rest
    /// are counted in a final diagnostic.
    static let limit = 1000

    private var kept: [XMLDiagnostic] = []
    private var omitted = 0

    /// The diagnostics recorded, with a final note when some were omitted.
    var diagnostics: [XMLDiagnostic] {
        guard omitted > 0, let last = kept.last else { return kept }
        let note = "\(omitted) further error\(omitted == 1 ? "" : "s") not shown"
        return kept + [XMLDiagnostic(line: last.line, column: last.column, message: note)]
    }

    /// Records `error` if it is an error (not a warning).
    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        guard kept.count < Self.limit else {
            omitted += 1
            return
        }
        let message = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
        kept.append(XMLDiagnostic(line: Int(error.line), column: Int(error.int2), message: trimmed(message)))
    }

    /// One line: libxml2 ends messages with a newline and puts some details on a second line.
    private func trimmed(_ message: String) -> String {
        message.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
