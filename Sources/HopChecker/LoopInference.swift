import HopInference
import HopLogic
import HopSyntax

/// What inference found for one loop written without an invariant: the
/// invariant the loop rule was then given (and checked, like a written one),
/// or why inference gave up (the invariant was then `emp`, as in Smallfoot).
/// `check --format json`, `explain` and `hophop infer` report it; the
/// benchmark times it.
public struct LoopInference: Sendable {
  public enum Result: Sendable {
    /// The cases of the invariant, and the one Hop formula that says them (nil when no pure fact separates them).
    case inferred([SymbolicHeap], formula: String?)
    /// Why there is no invariant: a bound was reached.
    case gaveUp(String)
    /// The body fails from one of the states reached (why): the loop is checked with those states,
    /// so that its error is the one the body has, where it has it.
    case bodyFails([SymbolicHeap], String)
  }

  /// The procedure the loop is in.
  public var procedure: String
  /// The `while` command.
  public var range: SourceRange
  /// Where its condition ends: the invariant is written in after the `)` that follows.
  public var conditionEnd: Int
  public var result: Result
  /// How many times the body was run before the states stopped growing (or inference gave up).
  public var iterations: Int
  public var elapsed: Duration

  /// The invariant in Hop syntax, when there is one that can be written.
  public var formula: String? {
    if case .inferred(_, let formula) = result { formula } else { nil }
  }

  /// Each case of the inferred invariant in Hop syntax (none when inference gave up).
  public var cases: [String] {
    if case .inferred(let heaps, _) = result { heaps.map(InvariantFormula.text) } else { [] }
  }

  /// Why inference gave up, when it did.
  public var reasonGivenUp: String? {
    switch result {
    case .inferred: nil
    case .gaveUp(let reason), .bodyFails(_, let reason): reason
    }
  }
}
