import Foundation
import HopRuntime
import HopSyntax
import HopTestSupport
import Testing

/// The checker's standing oracle (issue 19, item 5): every example the
/// checker proves runs without a fault under 200 seeds, and every invalid
/// example whose error is observable at run time has a seed that shows it.
@Suite struct ExamplesCrossCheckTests {
  /// Codes of errors that a run can show: memory faults, leaks, postconditions, channel errors, async memory faults.
  static let observable: Set<String> = ["HH101", "HH102", "HH103", "HH108", "HH109", "HH110", "HH111", "HH112", "HH205"]

  static func examples(_ keep: (ExampleCatalog.Expectation) -> Bool) -> [String] {
    ExampleCatalog.examples.filter { path in
      guard let expectation = try? ExampleCatalog.expectation(of: path) else { return false }
      return keep(expectation)
    }
  }

  static let valid = examples { $0 == .valid }
  static let faulty = examples { if case .error(let code, _) = $0 { observable.contains(code) } else { false } }

  /// Every default procedure of the file (every procedure when `all`), `runs` seeds each.
  static func campaigns(_ path: String, all: Bool = false, runs: Int = 200) throws -> [RunCampaign] {
    let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    let front = Frontend.analyze(SourceFile(path: path, text: text))
    let program = try RuntimeProgram.compile(front.program)
    var names = RunCampaign.defaultProcedures(of: program)
    if all {
      names = program.procedures.map(\.name).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
    return names.map {
      RunCampaign.run(program: program, procedure: $0, options: .init(seed: 1, runs: runs, maxSteps: 500))
    }
  }

  @Test(arguments: valid)
  func validExampleRunsWithoutFault(path: String) throws {
    for campaign in try Self.campaigns(path) {
      let first = campaign.witnesses.values.first.map { "\($0.fault.kind.rawValue) with seed \($0.seed): \($0.fault.message)" }
      #expect(campaign.faultCount == 0, "\(campaign.procedure): \(first ?? "")")
    }
  }

  /// Each procedure alone, from its own precondition (its partners replaced by the environment
  /// where a channel allows it): the proof covers it, so nothing but a deadlock may go wrong —
  /// and a deadlock is no error of the checker's (a procedure alone may wait for a partner forever).
  @Test(arguments: valid)
  func everyProcedureOfAValidExampleRunsAlone(path: String) throws {
    for campaign in try Self.campaigns(path, all: true, runs: 50) {
      let wrong = campaign.kinds.filter { $0 != .deadlock }
      let first = wrong.first.map { "\($0.rawValue) with seed \(campaign.witnesses[$0]!.seed): \(campaign.witnesses[$0]!.fault.message)" }
      #expect(wrong.isEmpty, "\(campaign.procedure): \(first ?? "")")
    }
  }

  /// The faults that show the checker's error (`CheckerErrorFaults`, the map `hophop check`'s
  /// counterexample search uses): in a run of the procedure or of a caller, or a deadlock that stops
  /// the run before it gets there.
  static func showing(_ code: String) -> Set<FaultKind> {
    let code = DiagnosticCode(code)
    return CheckerErrorFaults.inProcedure(code).union(CheckerErrorFaults.inCaller(code)).union([.deadlock])
  }

  @Test(arguments: faulty)
  func invalidExampleHasAFaultingSeed(path: String) throws {
    guard case .error(let code, _)? = try ExampleCatalog.expectation(of: path) else { return }
    let campaigns = try Self.campaigns(path)
    let found = Set(campaigns.flatMap(\.kinds))
    let reasons = campaigns.compactMap(\.noInputReason)
    #expect(!found.isDisjoint(with: Self.showing(code)), "\(code): found \(found.map(\.rawValue)); \(reasons)")
  }
}
