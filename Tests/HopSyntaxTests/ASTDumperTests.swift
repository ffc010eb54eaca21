import Foundation
import HopSyntax
import HopTestSupport
import Testing

/// The explicit AST dumper prints exactly what the reflective one does, on
/// every example and corpus file (also those with syntax errors, whose
/// partial ASTs have their own shapes), with ranges as positions, as byte
/// offsets, and without ranges: so an AST case or field that `ASTDumper`
/// misses fails here (decision 44).
@Suite struct ASTDumperTests {
  static let files: [String] =
    ExampleCatalog.examples + ExampleCatalog.hopFiles(under: "Tests/HopSyntaxTests/Corpus")

  @Test func thereAreFilesToDump() {
    #expect(Self.files.count >= 10)
  }

  @Test(arguments: files) func explicitDumpIsTheReflectiveDump(path: String) throws {
    let file = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    let program = Parser.parse(file).program
    #expect(ASTDumper.dump(program, file: file) == ReflectiveASTDumper.dump(program, file: file))
    #expect(ASTDumper.dump(program) == ReflectiveASTDumper.dump(program))
    #expect(ASTDumper.dump(program, ranges: false) == ReflectiveASTDumper.dump(program, ranges: false))
    for declaration in program.declarations {
      #expect(ASTDumper.dump(declaration, ranges: false) == ReflectiveASTDumper.dump(declaration, ranges: false))
    }
  }

  /// The node kinds that no example has: a field read in a formula, `false`, unary operators.
  @Test func rareNodeKindsDumpAsByReflection() {
    let text = """
      global g;

      async main() {
        g = 0;
      }

      async q(x) [x->val > 0 && !(x == NULL) && -g <= +g] {
        g = 1;
      }

      p(x) [false] {
        x = x;
      } [true]
      """
    let file = SourceFile(path: "t.hop", text: text)
    let parsed = Parser.parse(file)
    #expect(!parsed.diagnostics.hasErrors)
    let dump = ASTDumper.dump(parsed.program, file: file)
    #expect(dump.contains("Expression.fieldRead") && dump.contains("Assertion.false"))
    #expect(dump == ReflectiveASTDumper.dump(parsed.program, file: file))
    #expect(ASTDumper.dump(parsed.program, ranges: false) == ReflectiveASTDumper.dump(parsed.program, ranges: false))
  }
}
