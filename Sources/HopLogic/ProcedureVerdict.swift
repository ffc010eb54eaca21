/// How a proof attempt ended. Both checkers (sync symbolic execution and
/// async rely/guarantee) answer in these terms, so that reports, JSON and
/// exit codes are written once. `unknown` is never read as `valid`.
public enum ProofOutcome: String, Hashable, Sendable, Comparable, Codable {
  case valid, unknown, invalid

  /// Worse outcomes are larger: invalid > unknown > valid.
  public static func < (a: ProofOutcome, b: ProofOutcome) -> Bool { a.rank < b.rank }
  private var rank: Int { self == .valid ? 0 : self == .unknown ? 1 : 2 }
}

/// The verdict on one procedure of a file, whichever checker produced it.
///
/// A verdict with no conditions at all is `unknown`: a procedure is valid
/// only when something was actually checked and every part of it held.
public struct ProcedureVerdict: Hashable, Sendable {
  /// One part of the proof (a rely/guarantee condition, or the whole body of a sync procedure).
  public struct Condition: Hashable, Sendable {
    public var description: String
    public var outcome: ProofOutcome
    /// Why it holds without a solver query, if that is how it was settled.
    public var reasonWithoutQuery: String?

    public init(_ description: String, outcome: ProofOutcome, reasonWithoutQuery: String? = nil) {
      self.description = description
      self.outcome = outcome
      self.reasonWithoutQuery = reasonWithoutQuery
    }
  }

  public enum Layer: String, Hashable, Sendable, Codable {
    case sync, async
  }

  public var name: String
  public var layer: Layer
  /// In the order they were recorded; some may be kept as families (`ConditionList`).
  public var conditions: ConditionList
  public var elapsed: Duration

  public init(name: String, layer: Layer, conditions: ConditionList, elapsed: Duration = .zero) {
    self.name = name
    self.layer = layer
    self.conditions = conditions
    self.elapsed = elapsed
  }

  public init(name: String, layer: Layer, conditions: [Condition], elapsed: Duration = .zero) {
    self.init(name: name, layer: layer, conditions: ConditionList(conditions), elapsed: elapsed)
  }

  /// The worst outcome of its conditions; `unknown` when nothing was checked.
  public var outcome: ProofOutcome { conditions.worstOutcome ?? .unknown }
}
