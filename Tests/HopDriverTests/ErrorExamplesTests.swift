import Foundation
import HopTestSupport
import Testing

/// The README's two examples of bad input are files of examples/errors/,
/// and the README shows exactly what hophop prints for them.
@Suite struct ErrorExamplesTests {
  static let root = ExampleCatalog.projectRoot

  /// The lines the README shows after `$ <command>` (up to the next command or the end of the block).
  static func readmeOutput(of command: String) throws -> String? {
    let lines = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("$ " + command + " ") || $0 == "$ " + command })
    else { return nil }
    let shown = lines[(start + 1)...].prefix { !$0.hasPrefix("$ ") && !$0.hasPrefix("```") }
    return shown.map { $0 + "\n" }.joined()
  }

  /// Runs hophop from the package root, as the README's commands are written.
  static func run(_ arguments: [String]) throws -> EntailCommandLineTests.Run {
    try EntailCommandLineTests.run(arguments, in: root)
  }


  @Test(arguments: [["lint", "examples/errors/bad_contract.hop"], ["entail", "examples/errors/bad.smt2"]])
  func theREADMEShowsWhatHophopPrints(arguments: [String]) throws {
    let shown = try #require(try Self.readmeOutput(of: "hophop " + arguments.joined(separator: " ")),
                             "the README does not show `hophop \(arguments.joined(separator: " "))`")
    let run = try Self.run(arguments)
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.errors == shown)
  }

  @Test func badContractDeclaresTheErrorItGets() throws {
    let path = Self.root.appendingPathComponent("examples/errors/bad_contract.hop").path
    #expect(try ExampleCatalog.expectation(of: path) == .error(code: "HH303", line: 5))
    #expect(ExampleCatalog.examples.contains(path))
    let run = try Self.run(["check", "examples/errors/bad_contract.hop"])
    #expect(run.status == 2 && run.errors.contains("bad_contract.hop:5:17: error:") && run.errors.contains("[HH303]"),
            "\(run)")
  }
}
