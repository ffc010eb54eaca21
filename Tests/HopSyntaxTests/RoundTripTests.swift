import Foundation
import HopSyntax
import HopTestSupport
import Testing

/// `fmt` must not change meaning: parse → print → parse gives the same AST
/// (compared as range-free dumps), and printing is idempotent.
@Suite struct RoundTripTests {
  /// Every `.hop` file of examples/ and of the test corpus, found at run time.
  static let files: [String] =
    ExampleCatalog.examples + ExampleCatalog.hopFiles(under: "Tests/HopSyntaxTests/Corpus")

  @Test func thereAreFilesToRoundTrip() {
    #expect(Self.files.count >= 10)
  }

  @Test(arguments: files) func printingPreservesTheAST(path: String) throws {
    let original = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    let first = Parser.parse(original)
    // Files that are meant to be rejected by the parser have nothing to round-trip.
    guard !first.diagnostics.hasErrors else { return }
    let printed = PrettyPrinter.print(first.program)
    let reparsed = Parser.parse(SourceFile(path: path + " (printed)", text: printed))
    #expect(reparsed.diagnostics.isEmpty, "printed form does not parse:\n\(printed)")
    #expect(ASTDumper.dump(reparsed.program, ranges: false) == ASTDumper.dump(first.program, ranges: false),
            "printed form:\n\(printed)")
    #expect(PrettyPrinter.print(reparsed.program) == printed)
  }
}
