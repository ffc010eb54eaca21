import HopLogic

/// Which facts of a state are worth showing at one point of a proof, and
/// the weakening that leaves out the others. Display only: the checker never
/// sees the result, and every state shown is implied by the one it proved
/// with (a fact is dropped, or a variable is eliminated through an
/// equality), so what `explain` shows is always true of the state.
///
/// Left out: facts about program variables that are dead from this point
/// (read nowhere before they are written again), which are first used to
/// rewrite the other facts when they equate the variable with a term;
/// disequalities about an existential that no cell mentions (`_b != 0 *
/// _b != e`: some value differs from those, which always holds); facts
/// between constants that hold (`0 == NULL`); what the cells say already
/// (`x != NULL` beside `x |-> ...`, `x != y` beside both cells); with `brief`, every fact but
/// those whose variables are all live program variables.
public struct StateFocus: Sendable {
  /// Program variables that are dead from this point.
  public var dead: Set<Variable>
  /// The spatial part and the facts about live program variables only (`explain --brief`).
  public var brief: Bool

  public init(dead: Set<Variable> = [], brief: Bool = false) {
    self.dead = dead
    self.brief = brief
  }

  /// Every fact shown (the notes of a diagnostic, a remark's formula).
  public static let everything = StateFocus()

  /// The state with the facts not worth showing left out (its variables are still the checker's).
  func apply(_ state: SymbolicHeap) -> SymbolicHeap {
    var heap = state
    let named = Set(heap.spatial.flatMap { $0.variables })
    // A dead variable no cell mentions: an equality `x == t` says the rest of its facts of t.
    let hidden = dead.subtracting(named)
    var changed = true
    while changed {
      changed = false
      for (index, fact) in heap.pure.enumerated() {
        guard case .equal(let a, let b) = fact else { continue }
        let pair: (Variable, Term)? = if case .variable(let v) = a, hidden.contains(v), !b.variables.contains(v) { (v, b) }
          else if case .variable(let v) = b, hidden.contains(v), !a.variables.contains(v) { (v, a) } else { nil }
        guard let (variable, value) = pair else { continue }
        heap.pure.remove(at: index)
        heap.pure = heap.pure.map { $0.substituting([variable: value]) }
        changed = true
        break
      }
    }
    heap.pure.removeAll { !$0.variables.isDisjoint(with: hidden) }
    heap.pure.removeAll(where: Self.holds)
    // What the cells say already: an allocated address is not NULL, and two of them differ.
    let allocated = Set(heap.spatial.compactMap { atom -> Term? in
      switch atom {
      case .pointsTo(let address, _), .endpoint(let address, _): address
      default: nil
      }
    })
    heap.pure.removeAll { fact in
      guard case .notEqual(let a, let b) = fact else { return false }
      let (cellA, cellB) = (allocated.contains(a), allocated.contains(b))
      return (cellA || cellB) && (cellA || a.constantValue == BigInteger(0)) && (cellB || b.constantValue == BigInteger(0))
    }
    // An existential no cell mentions, only ever said to differ from other values: those facts say nothing.
    let loose = Set(heap.pure.flatMap { $0.variables }).filter { !StateNames.isProgramVariable($0) && !named.contains($0) }
    for variable in loose.sorted() {
      let about = heap.pure.filter { $0.variables.contains(variable) }
      if about.allSatisfy({ Self.onlyDiffers(variable, in: $0) }) {
        heap.pure.removeAll { $0.variables.contains(variable) }
      }
    }
    if brief {
      heap.pure.removeAll { fact in
        fact.variables.contains { !StateNames.isProgramVariable($0) || dead.contains($0) }
      }
    }
    return heap
  }

  /// `v != t` (or `t != v`) with `v` not in `t`: some value of v makes it true, whatever t is.
  private static func onlyDiffers(_ variable: Variable, in fact: PureAtom) -> Bool {
    guard case .notEqual(let a, let b) = fact else { return false }
    return (a == .variable(variable) && !b.variables.contains(variable))
      || (b == .variable(variable) && !a.variables.contains(variable))
  }

  /// A fact between constants that holds (`0 == NULL`, `1 != 0`).
  private static func holds(_ fact: PureAtom) -> Bool {
    guard let a = fact.terms[0].constantValue, let b = fact.terms[1].constantValue else { return false }
    switch fact {
    case .equal: return a == b
    case .notEqual: return a != b
    case .less: return a < b
    case .lessEqual: return a <= b
    }
  }
}
