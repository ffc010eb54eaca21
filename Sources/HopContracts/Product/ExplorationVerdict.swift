import HopSyntax

/// The answer of a property decided by product exploration: it holds (and
/// why), it fails with a witness trace, or exploration hit its bound first
/// and nothing else settles it — never a guess.
public enum ExplorationVerdict: Hashable, Sendable {
  case holds(Reason)
  case fails(ProductTrace)
  /// Not settled: exploration stopped at `bounds` after visiting `configurations` configurations.
  case unknown(bounds: ExplorationBounds, configurations: Int)

  /// Why a property decided by exploration holds.
  public enum Reason: Hashable, Sendable {
    /// Every reachable configuration was visited.
    case explored(configurations: Int)
    /// Deterministic + uniform choice imply it (the exploration was bounded).
    case deterministicUniformChoice(configurations: Int)
  }

  /// True for `.holds`.
  public var holds: Bool { if case .holds = self { true } else { false } }
}

extension ContractAutomaton {
  /// **Half-duplex**: in no reachable configuration of `C ‖ ~C` do both
  /// directions hold pending messages (docs/language.md §2.6).
  ///
  /// A violation found by `exploration` is a real reachable configuration
  /// and is reported with its shortest path. Otherwise the property holds when
  /// the exploration was complete, or when the contract is deterministic and
  /// of uniform choice (Villard et al.: these imply half-duplex); in any other
  /// case the answer is `.unknown` with the bound that was hit.
  public func halfDuplexVerdict(_ exploration: ProductExploration) -> ExplorationVerdict {
    if let trace = exploration.bothDirectionsPending { return .fails(trace) }
    if exploration.isComplete { return .holds(.explored(configurations: exploration.configurationCount)) }
    if isDeterministic && hasUniformChoice {
      return .holds(.deterministicUniformChoice(configurations: exploration.configurationCount))
    }
    return .unknown(bounds: exploration.bounds, configurations: exploration.configurationCount)
  }

  /// **Progress** of the pair `C ‖ ~C`: no reachable configuration where
  /// neither side can move and the two are not both in the same final state
  /// with empty buffers (a protocol-level deadlock).
  ///
  /// A deadlock found is reported with its shortest path; the property holds
  /// only when the exploration was complete, and is `.unknown` otherwise.
  public func progressVerdict(_ exploration: ProductExploration) -> ExplorationVerdict {
    if let trace = exploration.deadlock { return .fails(trace) }
    if exploration.isComplete { return .holds(.explored(configurations: exploration.configurationCount)) }
    return .unknown(bounds: exploration.bounds, configurations: exploration.configurationCount)
  }
}
