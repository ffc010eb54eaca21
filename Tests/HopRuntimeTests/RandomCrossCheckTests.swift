import Foundation
import HopChecker
import HopDriver
import HopLogic
import HopRuntime
import HopSyntax
import HopTestSupport
import Testing

/// The checker's standing oracle on random programs (RandomSyncProgram): a
/// program `check` proves valid (every procedure) must run without a fault under
/// every one of 200 seeds (deadlock excepted: a proof does not promise
/// progress). A valid verdict with a faulting run is a checker bug, and the
/// test prints the program and the seed. A program rejected as bad input
/// (exit 2) is skipped and counted. Each family must give enough valid
/// programs, and invalid verdicts must be backed by a fault for a good
/// share of the programs, or the generator would test nothing; every
/// program must parse and resolve, `main` get a verdict, and at most a tenth
/// of a family be undecided. HOPHOP_CROSSCHECK_COUNTS=1 prints each family's
/// counts and time.
@Suite struct RandomCrossCheckTests {
  static let seeds = 200

  /// Per family: programs generated, the generator's seed, the valid (and invalid) programs it must give at
  /// least, and the share of invalid programs that must fault when run. Races and uses of a protected
  /// variable outside its resource are errors of the proof discipline that a run does not show as a
  /// fault, hence the lower shares of `globals` and `resources`.
  static func plan(_ family: RandomSyncProgram.Family) -> (programs: Int, seed: UInt64, minimum: Int, faulting: Double) {
    switch family {
    case .smallfoot: (100, 19, 10, 0.5)
    case .heaphop: (80, 23, 10, 0.5)
    case .arithmetic: (80, 29, 8, 0.5)
    case .globals: (80, 31, 8, 0.3)
    case .resources: (60, 37, 8, 0.1)
    case .channels2: (160, 41, 4, 0.5)
    case .shapes: (40, 43, 6, 0.5)
    }
  }

  /// Every family: each one covers features behind a hole of issue 23 (arithmetic: C's `/` and `%`,
  /// division by zero, no wrapping past 2^63; globals: races through specifications, a global passed by
  /// reference; resources: an invariant reading a global it does not protect, a shadowed name, a call of
  /// `init`; channels2: message invariants with free names, a plain receive in a choice state, a valueless
  /// send), and reverting a fix makes its family fail here.
  @Test(arguments: RandomSyncProgram.Family.allCases)
  func programsProvedValidNeverFaultWhenRun(_ family: RandomSyncProgram.Family) throws {
    try crossCheck(family)
  }

  func crossCheck(_ family: RandomSyncProgram.Family) throws {
    let plan = Self.plan(family)
    let start = ContinuousClock.now
    var random = SplitMix64(seed: plan.seed)
    var valid = 0, invalid = 0, unknown = 0, invalidWithFault = 0, badInput = 0
    for _ in 0..<plan.programs {
      let text = RandomSyncProgram.generate(family, using: &random)
      let front = Frontend.analyze(SourceFile(path: "random.hop", text: text))
      if front.diagnostics.contains(where: { $0.severity == .error && DiagnosticCode.inputErrors.contains($0.code) }) {
        badInput += 1
        continue
      }
      try #require(front.isUsable, "\(front.diagnostics.map(\.message))\n\(text)")
      let report = SyncChecker.check(front.program)
      if report.diagnostics.contains(where: { $0.severity == .error && DiagnosticCode.inputErrors.contains($0.code) }) {
        badInput += 1
        continue
      }
      #expect(report.procedures.contains { $0.name == "main" }, "main gets a verdict\n\(text)")
      // `main` is proved from its callees' specifications: the program is proved when every procedure is.
      let outcomes = report.procedures.map(\.outcome)
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
        unknown += 1
      }
    }
    let counts = "\(family): \(valid) valid, \(invalid) invalid (\(invalidWithFault) faulting), \(unknown) unknown, \(badInput) bad input"
    #expect(valid >= plan.minimum, "too few valid programs: \(counts)")
    #expect(invalid >= plan.minimum, "too few invalid programs: \(counts)")
    #expect(Double(invalidWithFault) >= plan.faulting * Double(invalid), "too few invalid programs fault when run: \(counts)")
    #expect(unknown * 10 <= plan.programs, "too many undecided programs: \(counts)")
    if ProcessInfo.processInfo.environment["HOPHOP_CROSSCHECK_COUNTS"] != nil { print(counts, ContinuousClock.now - start) }
  }
}
