import Foundation
import HopChecker
import HopLogic
import HopRuntime
import HopSyntax
import HopTestSupport
import Testing

/// The checker's standing oracle on random programs (RandomSyncProgram): a
/// program `check` proves valid (every procedure) must run without a fault under
/// every one of 200 seeds (deadlock excepted: a proof does not promise
/// progress). A valid verdict with a faulting run is a checker bug, and the
/// test prints the program and the seed. Invalid verdicts must be backed by
/// a fault for a good share of the programs, or the generator would test
/// nothing.
@Suite struct RandomCrossCheckTests {
  static let programs = 80
  static let seeds = 200

  @Test(arguments: RandomSyncProgram.Family.allCases)
  func programsProvedValidNeverFaultWhenRun(_ family: RandomSyncProgram.Family) throws {
    var random = SplitMix64(seed: family == .smallfoot ? 19 : 23)
    var valid = 0, invalid = 0, invalidWithFault = 0
    for _ in 0..<Self.programs {
      let text = RandomSyncProgram.generate(family, using: &random)
      let front = Frontend.analyze(SourceFile(path: "random.hop", text: text))
      try #require(front.isUsable, "\(text)")
      // `main` is proved from its callees' specifications: the program is proved when every procedure is.
      let outcomes = SyncChecker.check(front.program).procedures.map(\.outcome)
      let outcome: ProofOutcome = outcomes.allSatisfy { $0 == .valid } ? .valid
        : outcomes.contains(.invalid) ? .invalid : .unknown
      let campaign = RunCampaign.run(program: try RuntimeProgram.compile(front.program), procedure: "main",
                                     options: .init(seed: 1, runs: Self.seeds, maxSteps: 10_000))
      let faults = campaign.kinds.filter { $0 != .deadlock }
      switch outcome {
      case .valid:
        valid += 1
        let witness = faults.first.flatMap { campaign.witnesses[$0] }
        #expect(faults.isEmpty, """
          check proved the program valid, but a run of main faults (\(faults.map(\.rawValue)), seed \(witness?.seed ?? 0): \\
          \(witness?.fault.message ?? "")
          \(text)
          """)
      case .invalid:
        invalid += 1
        if !faults.isEmpty { invalidWithFault += 1 }
      case .unknown:
        break
      }
    }
    #expect(valid >= 10, "\(family): only \(valid) valid programs")
    #expect(invalidWithFault * 2 >= invalid, "\(family): \(invalidWithFault) of \(invalid) invalid programs fault when run")
  }
}
