import Foundation
import Testing

/// Where a verdict is expected, hophop says something: a file with nothing to
/// check or lint gets a line saying so, and standard output gets no stray empty line.
@Suite struct SilenceTests {
  static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
    let path = try JSONSchemaTests.temporary(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
  }

  static let contractOnly = "message m\ncontract C { initial state a { !m -> b; } final state b {} }\n"

  @Test func checkWithoutProceduresSaysSo() throws {
    for text in ["", "// nothing\n", Self.contractOnly] {
      try Self.withFile(text) { path in
        for arguments in [["check", path], ["check", "--no-color", path]] {
          let run = try EntailCommandLineTests.run(arguments)
          #expect(run.output == "\(path): no procedures to check\n", "\(text.debugDescription): \(run)")
          #expect(run.status == 0)
        }
      }
    }
  }

  @Test func lintWithoutContractsSaysSo() throws {
    try Self.withFile("f() [emp] { } [emp]\n") { path in
      for arguments in [["lint", path], ["lint", "--no-color", path]] {
        let run = try EntailCommandLineTests.run(arguments)
        #expect(run.output == "\(path): no contracts to lint\n", "\(run)")
        #expect(run.status == 0)
      }
    }
    // A file with contracts gets its tables, without that line.
    let tables = try EntailCommandLineTests.run(["lint", CheckCommandLineTests.examples.appendingPathComponent("list_transfer.hop").path])
    #expect(!tables.output.contains("no contracts") && tables.output.contains("deterministic"))
  }

  /// `check` gives every file its verdict line (issue 25 §4); the other commands have no result to print.
  @Test func aFileWithSyntaxErrorsGetsOnlyItsVerdictOnStandardOutput() throws {
    try Self.withFile("tl;\nf(x) [emp] {\n  x = ;\n}\ng() { y = 1 + ; }\nh() { dispose ; }\n") { path in
      for arguments in [["check", path], ["check", "--no-color", path], ["lint", path], ["fmt", path], ["parse", path]] {
        let run = try EntailCommandLineTests.run(arguments)
        #expect(run.output == (arguments[0] == "check" ? "\(path): bad input\n" : ""),
                "\(arguments): \(run.output.debugDescription)")
        #expect(run.status == 2 && run.errors.components(separatedBy: "[HH010]").count == 4, "\(arguments)")
      }
    }
  }
}
