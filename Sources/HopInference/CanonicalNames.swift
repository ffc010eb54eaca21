import HopLogic

/// Renames a heap's existentials to `_a`, `_b`, … in an order fixed by the
/// heap's shape, and sorts its atoms, so that two heaps that differ only in
/// the names of their existentials (and the order of their atoms) become
/// equal values. The fixpoint of a loop's inference compares states this
/// way before it asks the prover; the names are also the ones a user reads
/// in an inferred invariant, and can paste (a `_` name is existential in Hop).
public enum CanonicalNames {
  /// The heap with canonical existential names, symmetric facts oriented and atoms sorted.
  public static func canonical(_ heap: SymbolicHeap) -> SymbolicHeap {
    let existentials = heap.variables.filter(\.isExistential)
    // Atoms ordered by their text with every existential masked, so the order does not depend on the old names.
    let masked = Dictionary(uniqueKeysWithValues: existentials.map { ($0, Term.v("_")) })
    let spatial = heap.spatial.sorted { key($0.substituting(masked).description, $0) < key($1.substituting(masked).description, $1) }
    let pure = heap.pure.map(oriented).sorted { key($0.substituting(masked).description, $0) < key($1.substituting(masked).description, $1) }
    var renaming: [Variable: Term] = [:]
    var next = 0
    for term in spatial.flatMap({ $0.terms }) + pure.flatMap({ $0.terms }) {
      for variable in orderedVariables(term) where variable.isExistential && renaming[variable] == nil {
        renaming[variable] = .v(name(next))
        next += 1
      }
    }
    var result = SymbolicHeap(pure: pure.map { oriented($0.substituting(renaming)) },
                              spatial: spatial.map { nullEnded($0.substituting(renaming)) })
    result.spatial.sort { $0.description < $1.description }
    var seen = Set<PureAtom>()
    result.pure = result.pure.filter { seen.insert($0).inserted }.sorted { $0.description < $1.description }
    result = result.closed
    return result
  }

  /// A segment that ends at 0 ends at NULL (the prover writes NULL as 0): `list(x)`, not `lseg(x, 0)`.
  private static func nullEnded(_ atom: SpatialAtom) -> SpatialAtom {
    guard case .segment(let field, let from, let to) = atom, to != .null, to.constantValue == BigInteger(0) else { return atom }
    return .segment(field: field, from: from, to: .null)
  }

  /// `_a` … `_z`, then `_a1` … `_z1`, and so on.
  static func name(_ index: Int) -> String {
    let letter = String(UnicodeScalar(UInt8(97 + index % 26)))
    return index < 26 ? "_" + letter : "_\(letter)\(index / 26)"
  }

  /// The sort key of an atom: its masked text, then its full text (for a fixed order among equal masks).
  private static func key(_ masked: String, _ atom: some CustomStringConvertible) -> String { masked + "\u{0}" + atom.description }

  /// An equality or disequality with its smaller side first: program variables, then constants,
  /// then compound terms, then terms with existentials (`done == 1`, `t != NULL`, `x == _a`).
  private static func oriented(_ atom: PureAtom) -> PureAtom {
    switch atom {
    case .equal(let a, let b) where rank(b) < rank(a): .equal(b, a)
    case .notEqual(let a, let b) where rank(b) < rank(a): .notEqual(b, a)
    default: atom
    }
  }

  private static func rank(_ term: Term) -> (Int, String) {
    let kind = term.variables.contains(where: \.isExistential) ? 3 : !term.isAtomic ? 2 : term.variables.isEmpty ? 1 : 0
    return (kind, term.description)
  }

  /// A term's variables from left to right, each once.
  private static func orderedVariables(_ term: Term) -> [Variable] {
    switch term {
    case .variable(let variable): [variable]
    case .null, .integer: []
    case .negate(let inner): orderedVariables(inner)
    case .binary(_, let left, let right): orderedVariables(left) + orderedVariables(right).filter { !left.variables.contains($0) }
    }
  }
}
