import Foundation
import HopSyntax
import HopTestSupport
import Testing

/// Feeds seeded random mutations of real programs to the whole front end.
///
/// A crash or trap kills the test process, so simply finishing proves
/// robustness; on top, every diagnostic must point inside its file, every
/// rejected input must say why, and every accepted mutant must survive the
/// `fmt` round trip.
@Suite struct FrontEndFuzzTests {
  static let mutationCount = 20_000
  static let seed: UInt64 = 0x484F_5048_4F50  // "HOPHOP"

  /// The front end under test: parse, then resolve.
  func frontEnd(_ file: SourceFile) -> (diagnostics: [Diagnostic], program: Program?) {
    let result = Frontend.analyze(file)
    return (result.diagnostics, result.isUsable ? result.program : nil)
  }

  static func seeds() -> [[UInt8]] {
    RoundTripTests.files.compactMap { try? Array(Data(contentsOf: URL(fileURLWithPath: $0))) }
  }

  @Test func randomMutationsNeverCrashAndAlwaysExplainThemselves() throws {
    let seeds = Self.seeds()
    try #require(!seeds.isEmpty)
    var generator = SplitMix64(seed: Self.seed)
    var rejected = 0
    var roundTripped = 0
    for iteration in 0..<Self.mutationCount {
      let original = seeds[iteration % seeds.count]
      let mutant = Self.mutate(original, using: &generator)
      let file = SourceFile(path: "mutant-\(iteration).hop", bytes: mutant)
      let (diagnostics, program) = frontEnd(file)
      for diagnostic in diagnostics {
        #expect(diagnostic.range.start >= 0 && diagnostic.range.end <= mutant.count,
                "mutant \(iteration): range \(diagnostic.range) outside a file of \(mutant.count) bytes")
        #expect(!diagnostic.message.isEmpty)
      }
      guard let program else {
        #expect(diagnostics.hasErrors, "mutant \(iteration) was rejected without an error")
        rejected += 1
        continue
      }
      // Accepted mutants must print to text that parses back to the same program.
      let printed = PrettyPrinter.print(program)
      let reparsed = Parser.parse(SourceFile(path: "printed", text: printed))
      if reparsed.diagnostics.hasErrors
        || ASTDumper.dump(reparsed.program, ranges: false) != ASTDumper.dump(program, ranges: false) {
        Issue.record("mutant \(iteration) does not round-trip:\n\(String(decoding: mutant, as: UTF8.self))")
        return
      }
      roundTripped += 1
    }
    // The mutations must exercise both outcomes, or the harness tests nothing.
    #expect(rejected > Self.mutationCount / 10)
    #expect(roundTripped > Self.mutationCount / 20)
  }

  /// One random edit: flip a byte, delete/duplicate/swap a token-sized chunk, truncate, or splice in a keyword.
  static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
    guard !bytes.isEmpty else { return bytes }
    var result = bytes
    let position = Int.random(in: 0..<bytes.count, using: &generator)
    let length = Int.random(in: 1...8, using: &generator)
    let end = min(bytes.count, position + length)
    switch Int.random(in: 0..<6, using: &generator) {
    case 0:
      result[position] = UInt8.random(in: 0...255, using: &generator)
    case 1:
      result.removeSubrange(position..<end)
    case 2:
      result.insert(contentsOf: bytes[position..<end], at: position)
    case 3:
      result.removeSubrange(position...)
    case 4:
      let words = ["(", ")", "{", "}", "[", "]", ";", "*", "|->", "->", "~", "!", "?", "NULL", "if", "else",
                   "while", "local", "post", "delete", "forall", "receive", "switch", "send", "contract", "state",
                   "message", "async", "global", "/*", "*/", "//", ",", "==>", "old(", "pending_f(", "x", "0"]
      let word = words[Int.random(in: 0..<words.count, using: &generator)]
      result.insert(contentsOf: Array(" \(word) ".utf8), at: position)
    default:
      let other = Int.random(in: 0..<bytes.count, using: &generator)
      let otherEnd = min(bytes.count, other + length)
      result.replaceSubrange(position..<end, with: bytes[other..<otherEnd])
    }
    return result
  }
}
