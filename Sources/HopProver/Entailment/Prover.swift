import DequeModule
import HopLogic

/// The entailment prover: `A ⊢ B * ?F` with frame inference, precise
/// entailment (`A ⊢ B` with nothing left over) and satisfiability, for
/// symbolic heaps with points-to, endpoint cells, list segments and trees.
///
/// Sound for all of them; complete for the list fragment (points-to along one
/// field, `lseg`, equalities and disequalities), where every case split of the
/// left-hand side is satisfiable and the equality closure is exact.
public struct Prover: Sendable {
  public let pure: any PureSolver
  /// The prover answers unknown rather than explore more than this many cases in one query.
  public let splitLimit: Int

  public init(pure: any PureSolver = LayeredPureSolver(), splitLimit: Int = 200_000) {
    self.pure = pure
    self.splitLimit = splitLimit
  }

  /// `A ⊢ B * ?F`: proves B from part of A and returns the rest of A, per case.
  public func entailment(_ antecedent: SymbolicHeap, _ consequent: SymbolicHeap) -> EntailmentResult {
    prove(antecedent, consequent, precise: false)
  }

  /// `A ⊢ B` in precise separation logic: B must describe all of A's heap (every frame is empty).
  /// The frames of a proof list their spatial atoms only (segments that may be empty), no facts.
  ///
  /// With `details` false, the frames' and the failure's heaps have their
  /// spatial atoms only, no pure facts: a caller that wants just the verdict
  /// (SL-COMP) does not pay for listing them — after matching n cells, the
  /// disequalities between their addresses are n² facts (decision 47).
  public func entails(_ antecedent: SymbolicHeap, _ consequent: SymbolicHeap, details: Bool = true) -> EntailmentResult {
    prove(antecedent, consequent, precise: true, details: details)
  }

  private func prove(_ antecedent: SymbolicHeap, _ consequent: SymbolicHeap, precise: Bool,
                     details: Bool = true) -> EntailmentResult {
    var names = FreshNames()
    let left = names.openExistentials(of: antecedent).heap
    let (right, renaming) = names.openExistentials(of: consequent)
    let goal = Goal(atoms: Deque(right.spatial), facts: right.pure, existentials: Set(renaming.values))
    var matcher = Matcher(normaliser: Normaliser(pure: pure, splitLimit: splitLimit), names: names, precise: precise)
    do throws(Matcher.Stop) {
      let leaves = try matcher.solveEachCase(ProofState(left), goal)
      return .proved(leaves.map { state, goal in
        // A precise proof's frame is an emptiable rest: its facts are of no use to a caller, and
        // after n matched cells they would be n² disequalities between their addresses.
        Frame(heap: details && !precise ? state.compactHeap : SymbolicHeap(spatial: Array(state.atoms)),
              instantiation: renaming.mapValues { goal.resolved(.variable($0)) })
      })
    } catch {
      switch error {
      case .failed(let failure):
        // In the user's names: the right-hand side's existentials as written, not their renamed copies.
        let original = Dictionary(uniqueKeysWithValues: renaming.map { ($0.value, Term.variable($0.key)) })
        var reported = failure.entailmentFailure(details: details)
        reported.missingAtom = reported.missingAtom?.substituting(original)
        reported.missingFact = reported.missingFact?.substituting(original)
        return .failed(reported)
      case .unknown(let reason): return .unknown(reason)
      }
    }
  }

  /// Whether some heap satisfies `heap`.
  public func satisfiability(_ heap: SymbolicHeap) -> Satisfiability {
    var names = FreshNames()
    var normaliser = Normaliser(pure: pure, splitLimit: splitLimit)
    do {
      guard let state = normaliser.normalise(ProofState(names.openExistentials(of: heap).heap)) else {
        return .unsatisfiable
      }
      return try normaliser.isSatisfiable(state) ? .satisfiable : .unsatisfiable
    } catch {
      return .unknown
    }
  }
}
