import HopLogic
import HopProver
import HopSMTLib
import HopSyntax

/// `hophop entail`: reads an SL-COMP problem and decides it with the prover.
public enum EntailSession {
  /// What `entail` prints (`sat`, `unsat`, `unknown`), or nothing when the input is malformed.
  public struct Outcome: Sendable {
    /// The answer in SL-COMP's terms; nil when the file is malformed (exit 2).
    public var answer: SLCompProblem.Status?
    /// The status the file declares, when it declares one.
    public var expected: SLCompProblem.Status?
    public var report: FileReport
    /// Z3 was needed and could not be loaded: `answer` is not one, and the command prints this instead.
    public var z3Failure: Z3Failure?
  }

  public static func decide(path: String, prover: Prover = Prover()) -> Outcome {
    switch SourceLoader.load(path) {
    case .failure(let failure):
      return Outcome(answer: nil, expected: nil,
                     report: FileReport(path: path, source: nil, diagnostics: [failure.diagnostic]))
    case .success(let source):
      return decide(source, prover: prover)
    }
  }

  public static func decide(_ source: SourceFile, prover: Prover = Prover()) -> Outcome {
    switch SLCompReader.read(source) {
    case .failure(.malformed(let diagnostic)):
      return Outcome(answer: nil, expected: nil, report: FileReport(path: source.path, source: source, diagnostics: [diagnostic]))
    case .failure(.unsupported(var diagnostic)):
      diagnostic.severity = .warning
      return Outcome(answer: .unknown, expected: nil,
                     report: FileReport(path: source.path, source: source, diagnostics: [diagnostic]))
    case .success(let problem):
      let answer = answer(problem.query, prover)
      return Outcome(answer: answer, expected: problem.status,
                     report: FileReport(path: source.path, source: source, diagnostics: []), z3Failure: Z3Failure.current)
    }
  }

  /// SL-COMP's answer: for `A ∧ ¬B`, `unsat` exactly when `A ⊢ B` is proved.
  static func answer(_ query: SLCompProblem.Query, _ prover: Prover) -> SLCompProblem.Status {
    switch query {
    case .satisfiability(let heap):
      switch prover.satisfiability(heap) {
      case .satisfiable: return .sat
      case .unsatisfiable: return .unsat
      case .unknown: return .unknown
      }
    case .entailment(let antecedent, let consequent):
      // The verdict only: no frames or failure state to list (decision 47).
      switch prover.entails(antecedent, consequent, details: false) {
      case .proved: return .unsat
      case .failed: return .sat
      case .unknown: return .unknown
      }
    }
  }
}
