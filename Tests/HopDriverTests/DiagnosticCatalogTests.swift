import Foundation
import HopDriver
import HopSyntax
import Testing

/// The stages' catalogs are the one list of the codes that exist: every code a
/// source declares is in one, and docs/diagnostics.md's tables list exactly
/// their codes, in the same order.
@Suite struct DiagnosticCatalogTests {
  static let root = DiagnosticPagesTests.root
  static let catalogued = DiagnosticCatalog.all.flatMap(\.codes)

  @Test func theCatalogsAreDisjointAndInOrder() {
    #expect(Self.catalogued == Self.catalogued.sorted())
    #expect(Set(Self.catalogued).count == Self.catalogued.count)
    for catalog in DiagnosticCatalog.all {
      let hundreds = Set(catalog.codes.map { $0.rawValue.dropFirst(2).prefix(1) })
      #expect(hundreds.count == 1, "\(catalog.stage): \(catalog.codes)")
    }
  }

  /// `DiagnosticCode("HHnnn")` anywhere in Sources/ (the DiagnosticPagesGenerator writes none).
  @Test func everyCodeASourceDeclaresIsInACatalog() throws {
    var declared = Set<String>()
    let sources = Self.root.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
    for case let file as URL in files where file.pathExtension == "swift" {
      let text = try String(contentsOf: file, encoding: .utf8)
      for match in text.matches(of: try Regex(#"DiagnosticCode\("(HH[0-9]{3})"\)"#)) {
        declared.insert(String(text[match.range].dropFirst(16).prefix(5)))
      }
    }
    #expect(declared == Set(Self.catalogued.map(\.rawValue)),
            "\(declared.symmetricDifference(Self.catalogued.map(\.rawValue)).sorted())")
  }

  /// The `| HHnnn |` rows of docs/diagnostics.md, each code once (the sections follow the
  /// order of the commands, so the rows are compared as a set).
  @Test func theTableOfDocsDiagnosticsListsTheCatalogs() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    let rows = text.matches(of: try Regex(#"^\| (HH[0-9]{3}) \|"#).anchorsMatchLineEndings()).map {
      String(text[$0.range].dropFirst(2).prefix(5))
    }
    #expect(Set(rows).count == rows.count, "a code with two rows")
    #expect(rows.sorted() == Self.catalogued.map(\.rawValue),
            "\(Set(rows).symmetricDifference(Self.catalogued.map(\.rawValue)).sorted())")
  }

  @Test func inputErrorsAreTheCatalogsBadInput() {
    let bad = DiagnosticCode.inputErrors
    #expect(bad.contains(.syntaxError) && bad.contains(.positivePendingForTest) && bad.contains(DiagnosticCode("HH305")))
    #expect(!bad.contains(DiagnosticCode("HH101")) && !bad.contains(DiagnosticCode("HH310")))
    #expect(bad.isSubset(of: Set(Self.catalogued)))
  }
}

private extension DiagnosticCode {
  static let positivePendingForTest = DiagnosticCode("HH208")
}
