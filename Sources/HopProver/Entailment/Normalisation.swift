import DequeModule
import HopLogic

/// Normalisation of the left-hand side, after Berdine, Calcagno and O'Hearn:
/// substitute equalities, drop empty segments and NULL trees, make every
/// allocated address non-NULL and distinct from every other one, and force
/// a segment empty when its start is NULL or allocated elsewhere.
///
/// Case splits on whether a segment is empty are *not* made here: the
/// matcher makes them on demand (when a proof attempt fails in a state that
/// still has an undecided segment), so that proofs that need no split — the
/// common case, e.g. a chain of 200 segments — stay linear. A state with no
/// undecided segment is fully normalised: it is satisfiable and its equality
/// closure is exact for the list fragment.
struct Normaliser {
  let pure: any PureSolver
  /// Gives up (the caller answers unknown) past this many case splits in one proof.
  let splitLimit: Int
  var splits = 0

  init(pure: any PureSolver, splitLimit: Int) {
    self.pure = pure
    self.splitLimit = splitLimit
  }

  struct TooManySplits: Error {}

  /// The state with every forced consequence applied; nil when it is contradictory.
  func normalise(_ start: ProofState) -> ProofState? {
    var state = start
    guard propagate(&state) else { return nil }
    if !state.arithmetic.isEmpty,
       pure.satisfiability(of: state.equalities.facts + state.arithmetic) == .unsatisfiable {
      return nil
    }
    return state
  }

  /// A segment of `state` that may or may not be empty: its start and end
  /// (for a `dlseg(a, b, c, d)`, `a` and `b`; normalisation makes `c == d` follow).
  func undecidedSegment(_ state: ProofState) -> (from: Term, to: Term)? {
    for atom in state.atoms {
      switch atom {
      case .segment(_, let from, let to) where !state.isNonEmpty(from, to): return (from, to)
      case .predicate(let kind, _, let arguments) where kind.isDoublyLinked && !state.isNonEmptyDoubly(arguments):
        return (arguments[0], arguments[1])
      default: continue
      }
    }
    return nil
  }

  /// The two cases of an undecided segment (empty, non-empty), each normalised; contradictory cases are dropped.
  mutating func split(_ state: ProofState) throws(TooManySplits) -> [ProofState]? {
    guard let (from, to) = undecidedSegment(state) else { return nil }
    splits += 1
    if splits > splitLimit { throw TooManySplits() }
    var empty = state
    empty.equalities.assertEqual(from, to)
    var nonEmpty = state
    nonEmpty.equalities.assertDistinct(from, to)
    return [empty, nonEmpty].compactMap(normalise)
  }

  /// Whether some case of the (normalised) state is consistent: depth-first over the splits.
  mutating func isSatisfiable(_ state: ProofState) throws(TooManySplits) -> Bool {
    guard let cases = try split(state) else { return true }
    for next in cases where try isSatisfiable(next) { return true }
    return false
  }

  /// The consequences of the doubly linked segments `dlseg(a, b, c, d)` and `xlseg(a, b, c, d)`:
  /// `a == b` and `c == d` go together; a non-empty one has its last cell `d`
  /// non-NULL and distinct from every other atom's cells (and from the cells
  /// already matched); one that starts or ends at NULL or at a cell allocated
  /// elsewhere is empty. Returns whether it learnt something.
  private func propagateDoubly(_ state: inout ProofState, _ allocated: [Term]) -> Bool {
    // The last cells of non-empty dlsegs, each with its own first cell (which it may equal).
    var lastCells: [(first: Term?, last: Term)] = state.consumedLastCells.map { (nil, $0) }
    for case .predicate(let kind, _, let arguments) in state.atoms where kind.isDoublyLinked && state.isNonEmptyDoubly(arguments) {
      lastCells.append((arguments[0], arguments[3]))
    }
    var learnt = false
    func distinct(_ x: Term, _ y: Term) {
      guard !state.equalities.areDistinct(x, y) else { return }
      state.equalities.assertDistinct(x, y)
      learnt = true
    }
    for (index, entry) in lastCells.enumerated() {
      distinct(entry.last, .null)
      // Every allocated address but its own first cell.
      for address in allocated where entry.first.map({ !state.equalities.areEqual($0, address) }) ?? true {
        if entry.first == nil && state.consumedAddresses.contains(address) { continue }
        distinct(entry.last, address)
      }
      for other in lastCells[(index + 1)...] { distinct(entry.last, other.last) }
    }
    if learnt { return true }
    var cells: [Term] = []
    for atom in state.atoms {
      if case .pointsTo(let address, _) = atom { cells.append(address) }
      if case .endpoint(let address, _) = atom { cells.append(address) }
    }
    for case .predicate(let kind, _, let arguments) in state.atoms where kind.isDoublyLinked {
      let (a, b, c, d) = (arguments[0], arguments[1], arguments[2], arguments[3])
      let equalities = state.equalities
      if equalities.areEqual(a, b) != equalities.areEqual(c, d) {
        state.equalities.assertEqual(a, b)
        state.equalities.assertEqual(c, d)
        return true
      }
      if state.isNonEmptyDoubly(arguments) {
        // Neither b nor c is one of its cells, so neither is its first or last cell.
        distinct(a, b)
        distinct(c, d)
        distinct(b, d)
        distinct(c, a)
        if learnt { return true }
        continue
      }
      // Undecided: `allocated` lists no address of it, so a match is another atom's.
      let startsTaken = equalities.areEqual(a, .null) || allocated.contains { equalities.areEqual($0, a) }
      let endsTaken = equalities.areEqual(d, .null) || cells.contains { equalities.areEqual($0, d) }
        || lastCells.contains { equalities.areEqual($0.last, d) }
      if startsTaken || endsTaken {
        state.equalities.assertEqual(a, b)
        state.equalities.assertEqual(c, d)
        return true
      }
    }
    return false
  }

  /// The plain equalities that the xor facts imply over the current representatives
  /// (Gaussian elimination, `XorElimination`); whether it learnt something.
  private func propagateXor(_ state: inout ProofState) -> Bool {
    guard !state.xorFacts.isEmpty else { return false }
    var system = XorElimination()
    for case .equal(let a, let b) in state.xorFacts {
      system.add(XorElimination.operands(.binary(.xor, a, b), state.canonical))
    }
    var learnt = false
    for (a, b) in system.equalities where !state.equalities.areEqual(a, b) {
      state.equalities.assertEqual(a, b)
      learnt = true
    }
    for case .notEqual(let a, let b) in state.xorFacts {
      let (x, y) = (state.canonical(a), state.canonical(b))
      if !state.equalities.areDistinct(x, y) {
        state.equalities.assertDistinct(x, y)
        learnt = true
      }
    }
    return learnt
  }

  /// Applies the forced consequences until nothing changes; false on a contradiction.
  private func propagate(_ state: inout ProofState) -> Bool {
    while true {
      if state.equalities.isContradictory { return false }
      // An empty dlseg(a, b, c, d) has a == b and c == d: both, before it is dropped.
      for case .predicate(let kind, _, let arguments) in state.atoms where kind.isDoublyLinked && state.isEmptyDoubly(arguments) {
        state.equalities.assertEqual(arguments[0], arguments[1])
        state.equalities.assertEqual(arguments[2], arguments[3])
      }
      if state.equalities.isContradictory { return false }
      let kept = state.atoms.map(state.canonical).filter { atom in
        switch atom {
        case .segment(_, let from, let to): !state.equalities.areEqual(from, to)
        case .predicate(.tree, _, let arguments): !state.equalities.areEqual(arguments[0], .null)
        case .predicate(let kind, _, let arguments) where kind.isDoublyLinked: !state.isEmptyDoubly(arguments)
        default: true
        }
      }
      state.atoms = Deque(kept)
      // Allocated addresses are non-NULL and pairwise distinct.
      let allocated = state.allocatedAddresses
      var changed = state.equalities.assertSeparate(allocated + [.null])
      if state.equalities.isContradictory { return false }
      // Marking addresses separate merges no class, so it changes no representative; with only
      // cells and endpoints it changes no allocated address either: a second pass would find what
      // this one did, so this one goes on (a state of n cells is walked once, not twice).
      if changed && state.atoms.allSatisfy(\.isCell) { changed = false }
      // A segment that starts at NULL or at an address allocated elsewhere must be empty.
      for atom in state.atoms {
        guard case .segment(_, let from, let to) = atom, !state.isNonEmpty(from, to) else { continue }
        let startsAtNull = state.equalities.areEqual(from, .null)
        // `allocated` does not contain this segment (it is undecided): any match is another atom.
        let startsAtOtherCell = allocated.contains { state.equalities.areEqual($0, from) }
        if startsAtNull || startsAtOtherCell {
          state.equalities.assertEqual(from, to)
          changed = true
          break
        }
      }
      if !changed { changed = propagateDoubly(&state, allocated) }
      if !changed { changed = propagateXor(&state) }
      if !changed { return !state.equalities.isContradictory }
    }
  }
}
