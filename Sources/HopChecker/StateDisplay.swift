import HopLogic
import HopSyntax

/// Symbolic states as a user reads them in notes and in `explain`: Hop
/// syntax, the checker's fresh names lettered `_a`, `_b`, ... (never the
/// prover's `_u#3`), cells first and pure facts last, NULL for an address
/// (in every state of a proof), `emp` only for a state with nothing else, each fact once.
/// A diagnostic's note letters its own states; `explain` letters a whole
/// procedure's proof with one `StateNames`, so a letter means one value throughout.
public enum StateDisplay {
  public static func text(_ heap: SymbolicHeap) -> String {
    var names = StateNames(for: [heap])
    return text(heap, names: &names)
  }

  /// The state in the names of a whole proof, with the facts `focus` leaves out not shown.
  public static func text(_ heap: SymbolicHeap, names: inout StateNames, focus: StateFocus = .everything) -> String {
    parts(heap, names: &names, focus: focus).joined(separator: " * ")
  }

  /// The `*`-separated parts of `text`, each an atom that is never broken across lines.
  public static func parts(_ heap: SymbolicHeap, names: inout StateNames, focus: StateFocus = .everything) -> [String] {
    parts(ofReadable: readable(heap, names: &names, focus: focus))
  }

  /// The parts of a state `readable` made: `emp` only when there is nothing else (a pure fact alone holds of the empty heap).
  public static func parts(ofReadable heap: SymbolicHeap) -> [String] {
    let parts = heap.spatial.map(\.description) + heap.pure.map(\.description)
    return parts.isEmpty ? ["emp"] : parts
  }

  /// The state as `text` prints it, as atoms: existentials renamed `_a`, `_b`, ..., NULL for 0 beside
  /// pointers, constants on the right (for `hophop explain --format json`, which gives each atom as data).
  public static func readable(_ heap: SymbolicHeap) -> SymbolicHeap {
    var names = StateNames(for: [heap])
    return readable(heap, names: &names)
  }

  public static func readable(_ heap: SymbolicHeap, names: inout StateNames,
                              focus: StateFocus = .everything) -> SymbolicHeap {
    // The prover's states carry equalities it used for matching (`_u == 0`): substitute them away.
    let heap = focus.apply(heap.closed.simplified)
    var renaming: [Variable: Term] = [:]
    for atom in heap.spatial { for term in atom.terms { rename(term, &renaming, &names) } }
    for fact in heap.pure { for term in fact.terms { rename(term, &renaming, &names) } }
    // `lseg(x, x)`, `list(NULL)` and `tree(NULL)` are empty: not shown.
    let spatial = heap.spatial.map { $0.substituting(renaming).mapTerms(showingNull) }.filter { !isEmpty($0) }
    // Compared with 0, an address (of a cell, an endpoint, its peer, or a predicate's argument, here or
    // anywhere in the proof) reads as NULL; any other value as written (a field may hold a number: `hd: k * k != 0`).
    var pointers = Set(spatial.flatMap(addressVariables)).union(names.addresses)
    // A variable equal to an address is one.
    var grown = true
    while grown {
      grown = false
      for case .equal(.variable(let a), .variable(let b)) in heap.pure.map({ $0.substituting(renaming) })
      where pointers.contains(a) != pointers.contains(b) {
        pointers.formUnion([a, b])
        grown = true
      }
    }
    var seen = Set<PureAtom>()
    let pure = heap.pure.compactMap { fact -> PureAtom? in
      // Constants on the right: `x != NULL`, not `0 != x`.
      var fact = fact.substituting(renaming)
      if case .equal(let a, let b) = fact, a.constantValue != nil, b.constantValue == nil { fact = .equal(b, a) }
      if case .notEqual(let a, let b) = fact, a.constantValue != nil, b.constantValue == nil { fact = .notEqual(b, a) }
      let address = !pointers.isDisjoint(with: fact.variables)
      switch fact {
      case .equal(let a, let b) where address: fact = .equal(showingNull(a), showingNull(b))
      case .notEqual(let a, let b) where address: fact = .notEqual(showingNull(a), showingNull(b))
      default: break
      }
      // Each fact once: `x == y + 1` and `y + 1 == x` are one.
      guard seen.insert(fact).inserted else { return nil }
      seen.insert(swapped(fact))
      return fact
    }
    return SymbolicHeap(pure: pure, spatial: spatial)
  }

  /// One note per case (at most `limit`), saying how many were left out.
  /// `addresses`: what the failing command used as an address (it reads NULL, not 0).
  static func notes(_ heaps: [SymbolicHeap], title: String, limit: Int = 3, addresses: Set<Variable> = []) -> [Diagnostic.Note] {
    let shown = heaps.prefix(limit).enumerated().map { index, heap in
      var names = StateNames(for: [heap])
      names.treatAsAddresses(addresses)
      let text = text(heap, names: &names)
      return Diagnostic.Note(heaps.count == 1 ? "\(title): \(text)" : "\(title) (case \(index + 1)): \(text)")
    }
    let hidden = heaps.count - shown.count
    return shown + (hidden > 0 ? [Diagnostic.Note("... and \(hidden) more cases")] : [])
  }

  static func atoms(_ atoms: [SpatialAtom]) -> String {
    text(SymbolicHeap(spatial: atoms))
  }

  private static func rename(_ term: Term, _ renaming: inout [Variable: Term], _ names: inout StateNames) {
    for variable in orderedVariables(term) where renaming[variable] == nil {
      if let shown = names.term(for: variable) { renaming[variable] = shown }
    }
  }

  /// `b == a` for `a == b` (and `!=`); an order unchanged.
  static func swapped(_ fact: PureAtom) -> PureAtom {
    switch fact {
    case .equal(let a, let b): .equal(b, a)
    case .notEqual(let a, let b): .notEqual(b, a)
    case .less, .lessEqual: fact
    }
  }

  private static func isEmpty(_ atom: SpatialAtom) -> Bool {
    switch atom {
    case .segment(_, let from, let to): from == to
    case .predicate(.tree, _, let arguments): arguments.first == .null
    default: false
    }
  }

  /// The variables an atom uses as addresses: a cell's or endpoint's, the peer's, a predicate's arguments.
  static func addressVariables(_ atom: SpatialAtom) -> Set<Variable> {
    switch atom {
    case .pointsTo(let address, _): address.variables
    case .endpoint(let address, let cell): address.variables.union(cell.peer?.variables ?? [])
    case .segment, .predicate: atom.variables
    }
  }

  private static func orderedVariables(_ term: Term) -> [Variable] {
    switch term {
    case .variable(let variable): [variable]
    case .null, .integer: []
    case .negate(let inner): orderedVariables(inner)
    case .binary(_, let a, let b): orderedVariables(a) + orderedVariables(b)
    }
  }

  /// The prover works with 0; a pointer compared with it reads better as NULL.
  private static func showingNull(_ term: Term) -> Term {
    term.constantValue == BigInteger(0) ? .null : term
  }
}
