import DequeModule
import HopLogic

extension ProofState {
  /// The state as a symbolic heap with only the facts that its atoms do not
  /// already imply, so that frames stay small when they are chained through a
  /// procedure. Normalisation makes every pair of cell addresses distinct and
  /// each of them non-NULL; those disequalities follow again from the cells
  /// (separation), so they are left out. Everything else is kept: equalities,
  /// disequalities that involve an address no longer in the heap (a matched or
  /// disposed cell), the facts that make a segment non-empty, and arithmetic.
  var compactHeap: SymbolicHeap {
    var cells = Set<Term>()
    for atom in atoms {
      if case .pointsTo(let address, _) = atom { cells.insert(canonical(address)) }
      if case .endpoint(let address, _) = atom { cells.insert(canonical(address)) }
    }
    let zero = Term.integer(BigInteger(0))
    // The closure leaves out the separate pairs of two cells or a cell and NULL
    // (the filter below would drop them), so a state of n cells does not list n² facts.
    let inside = { (term: Term) in
      let c = self.canonical(term)
      return c == zero || cells.contains(c)
    }
    let facts = equalities.facts(omittingSeparatePairsWhere: inside).filter { fact in
      guard case .notEqual(let a, let b) = fact else { return true }
      let a0 = canonical(a), b0 = canonical(b)
      if cells.contains(a0) && cells.contains(b0) { return false }
      if (a0 == zero && cells.contains(b0)) || (b0 == zero && cells.contains(a0)) { return false }
      return true
    }
    return SymbolicHeap(pure: facts + arithmetic, spatial: Array(atoms))
  }
}
