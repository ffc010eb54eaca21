import HopChecker
import HopLogic
import HopSyntax
import HopTestSupport
import Testing

/// The random sync programs of the cross-check (RandomSyncProgram) are
/// well-formed Hop, `check` gives each a verdict without crashing, and
/// enough of them are valid, and invalid, for the cross-check to mean something.
@Suite struct RandomSyncProgramTests {
  @Test(arguments: RandomSyncProgram.Family.allCases)
  func everyProgramParsesAndGetsAVerdict(_ family: RandomSyncProgram.Family) throws {
    var random = SplitMix64(seed: 2026)
    var verdicts: [ProofOutcome: Int] = [:]
    for _ in 0..<80 {
      let text = RandomSyncProgram.generate(family, using: &random)
      let file = SourceFile(path: "random.hop", text: text)
      let front = Frontend.analyze(file)
      try #require(front.isUsable, "\(front.diagnostics.map(\.message))\n\(text)")
      let report = SyncChecker.check(front.program)
      let main = try #require(report.procedures.last { $0.name == "main" })
      verdicts[main.outcome, default: 0] += 1
    }
    #expect(verdicts[.valid, default: 0] >= 8 && verdicts[.invalid, default: 0] >= 8, "\(family): \(verdicts)")
    #expect(verdicts[.unknown, default: 0] <= 8, "\(family): \(verdicts)")
  }
}
