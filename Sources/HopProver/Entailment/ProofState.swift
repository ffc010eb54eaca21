import DequeModule
import HopLogic

/// The left-hand side of an entailment while it is being proved: pure facts
/// closed under equality, the spatial atoms not yet matched, and the
/// addresses of atoms already matched (they are still allocated, which
/// matters when rolling a list segment on the right).
struct ProofState {
  var equalities = EqualityClosure()
  /// Facts the closure does not reason about (arithmetic); they go to the pure solver.
  var arithmetic: [PureAtom] = []
  /// A deque: matching removes atoms near the front one by one, which an array would shift each time.
  var atoms: Deque<SpatialAtom> = []
  var consumedAddresses: [Term] = []
  /// The last cells of non-empty `dlseg`s already matched (their first cells are in
  /// `consumedAddresses`; the two may be one cell, so they are kept apart).
  var consumedLastCells: [Term] = []
  /// The facts with `^` in them: normalisation asserts them again over the
  /// current representatives, so that `w == s ^ f ^ x` with `f == x` gives `w == s`.
  var xorFacts: [PureAtom] = []
  /// Each endpoint of the left-hand side whose peer it names, with that peer, kept after the endpoint is matched.
  private var namedPeers: [(address: Term, peer: Term)] = []

  init(_ heap: SymbolicHeap) {
    // Linear arithmetic and xor chains in their normal forms, so that the closure compares
    // them as terms (`x + 1 - 1` is `x`, `-3 / 2` is `-1`).
    let normal = { (term: Term) in
      let linear = term.containsArithmetic ? term.linearNormalised : term
      return linear.containsXor ? linear.xorNormalised : linear
    }
    // Only atoms with a compound term change: the others are kept as they are (no copy of a cell's fields).
    let heap = SymbolicHeap(
      pure: heap.pure.map { fact in fact.terms.allSatisfy(\.isAtomic) ? fact : fact.mapTerms(normal) },
      spatial: heap.spatial.map { atom in
        var compound = false
        atom.forEachTerm { if !$0.isAtomic { compound = true } }
        return compound ? atom.mapTerms(normal) : atom
      })
    xorFacts = heap.pure.filter { $0.terms.contains(where: \.containsXor) }
    for fact in heap.pure {
      // Compound terms are opaque to the closure: their facts also go to the pure solver.
      if !equalities.assert(fact) || !fact.isInEqualityFragment { arithmetic.append(fact) }
    }
    atoms = Deque(heap.spatial)
    namedPeers = atoms.compactMap { atom in
      guard case .endpoint(let address, let cell) = atom, let peer = cell.peer else { return nil }
      return (address, peer)
    }
  }

  /// The peer of the endpoint at `address` that another endpoint of the state names: peers
  /// are mutual (a channel has exactly two ends), so `f |-> ~C{s}, peer: e * e |-> C{s}`
  /// says that `e`'s peer is `f`.
  func derivedPeer(of address: Term) -> Term? {
    namedPeers.first { !equalities.areEqual($0.address, address) && equalities.areEqual($0.peer, address) }.map { canonical($0.address) }
  }

  func canonical(_ term: Term) -> Term {
    switch term {
    case .variable, .null, .integer: equalities.representative(term)
    case .negate(let inner): equalities.representative(Term.negate(canonical(inner)).linearNormalised)
    case .binary(.xor, let a, let b): equalities.representative(Term.binary(.xor, canonical(a), canonical(b)).xorNormalised)
    case .binary(let op, let a, let b): equalities.representative(Term.binary(op, canonical(a), canonical(b)).linearNormalised)
    }
  }

  /// The atom over representatives; the atom itself (no copy) when its terms already are.
  func canonical(_ atom: SpatialAtom) -> SpatialAtom {
    var changed = false
    atom.forEachTerm { if !changed && canonical($0) != $0 { changed = true } }
    return changed ? atom.mapTerms(canonical) : atom
  }

  /// Whether a list segment is known to be non-empty.
  func isNonEmpty(_ from: Term, _ to: Term) -> Bool { equalities.areDistinct(from, to) }

  /// Whether `dlseg(a, b, c, d)` is known to be non-empty: `a != b`, or `c != d` (they are equivalent).
  func isNonEmptyDoubly(_ arguments: [Term]) -> Bool {
    equalities.areDistinct(arguments[0], arguments[1]) || equalities.areDistinct(arguments[2], arguments[3])
  }

  /// Whether `dlseg(a, b, c, d)` is known to be empty: `a == b`, or `c == d`.
  func isEmptyDoubly(_ arguments: [Term]) -> Bool {
    equalities.areEqual(arguments[0], arguments[1]) || equalities.areEqual(arguments[2], arguments[3])
  }

  /// Addresses allocated for sure: cells, non-empty segments (their first cell), non-NULL tree roots, matched atoms.
  var allocatedAddresses: [Term] {
    var addresses = consumedAddresses
    for atom in atoms {
      switch atom {
      case .pointsTo(let address, _), .endpoint(let address, _):
        addresses.append(address)
      case .segment(_, let from, let to) where isNonEmpty(from, to):
        addresses.append(from)
      case .predicate(.tree, _, let arguments) where equalities.areDistinct(arguments[0], .null):
        addresses.append(arguments[0])
      case .predicate(let kind, _, let arguments) where kind.isDoublyLinked && isNonEmptyDoubly(arguments):
        // Its first cell; the last one may be the same cell, so it is not listed here.
        addresses.append(arguments[0])
      default:
        break
      }
    }
    return addresses
  }

  /// Whether `term` is allocated by an atom of this state or one already matched.
  func isAllocated(_ term: Term) -> Bool {
    allocatedAddresses.contains { equalities.areEqual($0, term) } || consumedLastCells.contains { equalities.areEqual($0, term) }
  }

  /// The state as a symbolic heap (for frames and failure messages).
  var heap: SymbolicHeap {
    SymbolicHeap(pure: equalities.facts + arithmetic, spatial: Array(atoms))
  }
}
