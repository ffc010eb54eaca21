import HopLogic

/// What is left of the left-hand side once the right-hand side is matched,
/// in one case of the proof, and how the right-hand side's existentials were
/// instantiated in that case.
public struct Frame: Hashable, Sendable {
  public var heap: SymbolicHeap
  public var instantiation: [Variable: Term]
}

/// Why an entailment could not be proved: the part of the right-hand side
/// that was not found, and the normalised left-hand side it was looked for in.
public struct EntailmentFailure: Hashable, Sendable, CustomStringConvertible {
  public var reason: String
  /// The atom of the right-hand side that was not found, when that is why.
  public var missingAtom: SpatialAtom?
  /// The pure fact of the right-hand side that could not be proved, when that is why.
  public var missingFact: PureAtom?
  /// In a precise entailment: the atoms of the left-hand side that nothing on the right describes.
  public var leftover: [SpatialAtom]
  /// The (normalised) case of the left-hand side in which the proof failed.
  public var state: SymbolicHeap

  public init(reason: String, missingAtom: SpatialAtom? = nil, missingFact: PureAtom? = nil,
              leftover: [SpatialAtom] = [], state: SymbolicHeap) {
    self.reason = reason
    self.missingAtom = missingAtom
    self.missingFact = missingFact
    self.leftover = leftover
    self.state = state
  }

  public var description: String { "\(reason) in: \(state)" }
}

/// The outcome of `A ⊢ B * ?F`.
public enum EntailmentResult: Hashable, Sendable {
  /// Proved; one frame per case of the left-hand side (none when it is unsatisfiable).
  case proved([Frame])
  case failed(EntailmentFailure)
  /// The prover gave up (case-split limit, Z3 unknown): neither proved nor refuted.
  case unknown(String)

  public var isProved: Bool {
    if case .proved = self { return true }
    return false
  }
}
