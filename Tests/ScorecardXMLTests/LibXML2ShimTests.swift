import CLibXML2
import Foundation
import ScorecardXML
import Testing

/// Compiling this file is most of the test: libxml2's headers and Foundation in one module
/// clash over ICU on this toolchain unless the shim turns `LIBXML_ICU_ENABLED` off.
@Test func libxml2AndFoundationWorkInOneModule() throws {
    #expect(LIBXML_VERSION >= 20914)
    let root = try XMLDocumentParser.parse(Data("<r>\(ProcessInfo.processInfo.processorCount)</r>".utf8), file: "r.xml")
    #expect(Int(root.text) == ProcessInfo.processInfo.processorCount)
}
