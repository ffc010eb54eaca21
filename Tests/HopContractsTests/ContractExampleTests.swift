import Foundation
import HopContracts
import HopSyntax
import HopTestSupport
import Testing

/// Every file of examples/contracts/ declares its lint verdicts on lines 2..k
/// (`// lint: key=value ...`, or `// lint C: ...` per contract); lint must give exactly those.
@Suite struct ContractExampleTests {
  static let files = ExampleCatalog.hopFiles(under: "examples/contracts")

  /// The declared verdicts: contract name (nil for the single-contract form) → key → value.
  static func declaredVerdicts(of path: String) throws -> [(contract: String?, values: [String: String])] {
    let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    var result: [(String?, [String: String])] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
      guard line.hasPrefix("// lint") else { break }
      let words = line.split(separator: " ").map(String.init)
      let contract: String? = words[1] == "lint:" ? nil : words[2].hasSuffix(":") ? String(words[2].dropLast()) : nil
      let pairs = words.dropFirst(contract == nil ? 2 : 3).map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
      result.append((contract, Dictionary(uniqueKeysWithValues: pairs.filter { $0.count == 2 }.map { ($0[0], $0[1]) })))
    }
    return result
  }

  @Test func thereAreEnoughExamplesCoveringTheVerdicts() throws {
    #expect(Self.files.count >= 12)
    let all = try Self.files.flatMap { try Self.declaredVerdicts(of: $0).map(\.values) }
    for key in ["deterministic", "uniform", "synchronizing", "leakfree", "halfduplex", "progress"] {
      #expect(all.contains { $0[key] == "yes" } && all.contains { $0[key] == "no" }, "\(key) needs yes and no examples")
    }
    #expect(all.contains { $0["halfduplex"] == "unknown" })
    #expect(all.contains { $0["deterministic"] == "no" && $0["halfduplex"] == "yes" })
  }

  @Test(arguments: files) func lintGivesTheDeclaredVerdicts(path: String) throws {
    #expect(try ExampleCatalog.expectation(of: path) == .valid)
    let file = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    let front = Frontend.analyze(file)
    try #require(front.diagnostics.isEmpty, "\(front.diagnostics.map(\.message))")
    let linted = FileContracts(front.program)
    #expect(linted.errors.isEmpty)
    let declared = try Self.declaredVerdicts(of: path)
    try #require(!declared.isEmpty, "line 2 must be `// lint: ...`")
    if declared.count == 1 && declared[0].contract == nil {
      try #require(linted.contracts.count == 1, "the single-contract form needs exactly one contract")
    } else {
      #expect(declared.map(\.contract) == linted.contracts.map(\.automaton.name))
      #expect(linted.unusedMessages.isEmpty, "file-level warnings need the single-contract form")
    }
    for (lint, expected) in zip(linted.contracts, declared) {
      var actual = Dictionary(uniqueKeysWithValues: lint.rows.map { ($0.key, $0.answer.rawValue) })
      actual["warnings"] = String(lint.warnings.count + (expected.contract == nil ? linted.unusedMessages.count : 0))
      #expect(actual == expected.values, "contract \(lint.automaton.name)")
    }
  }
}
