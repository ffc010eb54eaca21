import HopLogic
import HopSyntax

/// Symbolic states as a user reads them in notes: Hop syntax, existentials
/// renamed `_a`, `_b`, ... in order of appearance (never the prover's
/// `_u#3`), cells first and pure facts last, NULL written as NULL.
public enum StateDisplay {
  public static func text(_ heap: SymbolicHeap) -> String {
    let renamed = readable(heap)
    // No cell at all is `emp`, also beside pure facts (`emp * k == 0`): the heap is empty.
    let parts = (renamed.spatial.isEmpty ? ["emp"] : renamed.spatial.map(\.description)) + renamed.pure.map(\.description)
    return parts.joined(separator: " * ")
  }

  /// The state as `text` prints it, as atoms: existentials renamed `_a`, `_b`, ..., NULL for 0 beside
  /// pointers, constants on the right (for `hophop explain --format json`, which gives each atom as data).
  public static func readable(_ heap: SymbolicHeap) -> SymbolicHeap {
    // The prover's states carry equalities it used for matching (`_u == 0`): substitute them away.
    let heap = heap.closed.simplified
    var names: [Variable: Term] = [:]
    func visit(_ term: Term) {
      for variable in orderedVariables(term) where variable.isExistential && names[variable] == nil {
        names[variable] = .v(label(names.count))
      }
    }
    for atom in heap.spatial { atom.terms.forEach(visit) }
    for fact in heap.pure { fact.terms.forEach(visit) }
    // `lseg(x, x)`, `list(NULL)` and `tree(NULL)` are empty: not shown.
    let spatial = heap.spatial.map { $0.substituting(names).mapTerms(showingNull) }.filter { !isEmpty($0) }
    // Compared with 0, an address (of a cell, an endpoint, its peer, or a predicate's argument) reads as NULL;
    // a field's value may be a number (`c |-> hd: k * k != 0`).
    let pointers = Set(spatial.flatMap(addressVariables))
    let pure = heap.pure.map { fact -> PureAtom in
      // Constants on the right: `x != NULL`, not `0 != x`.
      var fact = fact.substituting(names)
      if case .equal(let a, let b) = fact, a.constantValue != nil, b.constantValue == nil { fact = .equal(b, a) }
      if case .notEqual(let a, let b) = fact, a.constantValue != nil, b.constantValue == nil { fact = .notEqual(b, a) }
      switch fact {
      case .equal(let a, let b) where !pointers.isDisjoint(with: a.variables.union(b.variables)):
        return .equal(showingNull(a), showingNull(b))
      case .notEqual(let a, let b) where !pointers.isDisjoint(with: a.variables.union(b.variables)):
        return .notEqual(showingNull(a), showingNull(b))
      default:
        return fact
      }
    }
    return SymbolicHeap(pure: pure, spatial: spatial)
  }

  /// One note per case (at most `limit`), saying how many were left out.
  static func notes(_ heaps: [SymbolicHeap], title: String, limit: Int = 3) -> [Diagnostic.Note] {
    let shown = heaps.prefix(limit).enumerated().map { index, heap in
      Diagnostic.Note(heaps.count == 1 ? "\(title): \(text(heap))" : "\(title) (case \(index + 1)): \(text(heap))")
    }
    let hidden = heaps.count - shown.count
    return shown + (hidden > 0 ? [Diagnostic.Note("... and \(hidden) more cases")] : [])
  }

  static func atoms(_ atoms: [SpatialAtom]) -> String {
    text(SymbolicHeap(spatial: atoms))
  }

  private static func isEmpty(_ atom: SpatialAtom) -> Bool {
    switch atom {
    case .segment(_, let from, let to): from == to
    case .predicate(.tree, _, let arguments): arguments.first == .null
    default: false
    }
  }

  private static func addressVariables(_ atom: SpatialAtom) -> Set<Variable> {
    switch atom {
    case .pointsTo(let address, _): address.variables
    case .endpoint(let address, let cell): address.variables.union(cell.peer?.variables ?? [])
    case .segment, .predicate: atom.variables
    }
  }

  private static func label(_ index: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return "_" + String(letters[index % 26]) + (index >= 26 ? String(index / 26) : "")
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
