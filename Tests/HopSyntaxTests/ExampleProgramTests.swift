import Foundation
import HopSyntax
import HopTestSupport
import Testing

/// Every program of examples/ declares its verdict on its first line and, for
/// now, must get through the front end untouched (the checker's issue will
/// compare the verdicts themselves).
@Suite struct ExampleProgramTests {
  @Test func theExamplesCoverTheThreeLayers() {
    let examples = ExampleCatalog.examples
    #expect(examples.count >= 10)
    #expect(examples.contains { $0.hasSuffix("examples/list_transfer.hop") })
    for folder in ["smallfoot", "heaphop", "async"] {
      #expect(examples.contains { $0.contains("examples/\(folder)/") }, "no example under examples/\(folder)")
    }
  }

  @Test(arguments: ExampleCatalog.examples) func exampleDeclaresItsVerdict(path: String) throws {
    #expect(try ExampleCatalog.expectation(of: path) != nil, "first line must be `// expect: ...`")
  }

  @Test(arguments: ExampleCatalog.examples) func exampleParsesAndResolves(path: String) throws {
    let file = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    let result = Frontend.analyze(file)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
  }

  @Test func expectationLinesAreReadStrictly() {
    typealias E = ExampleCatalog.Expectation
    #expect(E(firstLine: "// expect: valid") == .valid)
    #expect(E(firstLine: "// expect: error HH102") == .error(code: "HH102", line: nil))
    #expect(E(firstLine: "// expect: error HH102 at 9") == .error(code: "HH102", line: 9))
    #expect(E(firstLine: "// expect: eror HH102") == nil)
    #expect(E(firstLine: "// expect: error H102") == nil)
    #expect(E(firstLine: "// expect: error HH102 at x") == nil)
    #expect(E(firstLine: "// a comment") == nil)
  }
}
