import HopLogic

/// Doubly linked segments on the right-hand side, by their definition
///
///     dlseg(n; p; a, b, c, d) = a == b ∧ c == d ∧ emp
///                             ∨ a != b ∧ c != d ∧ ∃s. a |-> n: s, p: c * dlseg(s, b, a, d)
///
/// (a: first cell, b: the cell after the last, c: the cell before the first,
/// d: the last cell). Three rules, each consuming part of the left-hand side:
/// the empty segment; a left cell at `a` (one step of the definition); and a
/// left `dlseg` from `a` with the same `c`, appended to
/// (`dlseg(a, b', c, d') * dlseg(b', b, d', d) ⊢ dlseg(a, b, c, d)`, which
/// holds when `b` is not a cell of the first part and, if the whole is not
/// empty, `c != d`).
extension Matcher {
  mutating func matchDoubly(_ fields: [String], _ arguments: [Term], _ state: inout ProofState, _ goal: inout Goal,
                            _ wanted: SpatialAtom) throws(Stop) -> [(ProofState, Goal)] {
    let (a, b, c, d) = (arguments[0], arguments[1], arguments[2], arguments[3])
    // Ends the left-hand side suggests, for existentials not bound yet.
    if !goal.isBound(b) || !goal.isBound(d) {
      for case .predicate(.dlseg, fields, let other) in state.atoms where state.equalities.areEqual(other[0], a) {
        if let end = goal.unboundVariable(b) { goal.bindings[end] = other[1] }
        if let last = goal.unboundVariable(d) { goal.bindings[last] = other[3] }
        return try solve(state, goal.adding(wanted))
      }
    }
    guard arguments.allSatisfy(goal.isBound) else { throw fail("cannot instantiate \(wanted)", state, missing: wanted) }
    if state.equalities.areEqual(a, b) {
      try require(.equal(c, d), state)
      return try solve(state, goal)
    }
    if let found = state.atoms.firstIndex(of: wanted) {
      if state.isNonEmptyDoubly(arguments) {
        state.consumedAddresses.append(a)
        state.consumedLastCells.append(d)
      }
      state.atoms.remove(at: found)
      return try solve(state, goal)
    }
    let nonEmpty = state.equalities.areDistinct(a, b)
    let (next, back) = (fields[0], fields[1])
    for (index, atom) in state.atoms.enumerated() {
      switch atom {
      case .pointsTo(let address, let cell) where state.equalities.areEqual(address, a):
        guard nonEmpty else { return try splitOnEquality(a, b, state, goal.adding(wanted)) }
        guard let successor = cell[next], let previous = cell[back] else {
          throw fail("\(a) has no known '\(next)' and '\(back)' fields", state, missing: wanted)
        }
        try require(.notEqual(c, d), state)
        try require(.equal(previous, c), state)
        state.atoms.remove(at: index)
        state.consumedAddresses.append(a)
        return try solve(state, goal.adding(.predicate(.dlseg, fields: fields, arguments: [successor, b, a, d])))
      case .predicate(.dlseg, fields, let other) where state.equalities.areEqual(other[0], a):
        let (middle, lastOfFirst) = (other[1], other[3])
        try require(.equal(other[2], c), state)
        // b must not be a cell of the left segment: its own end, NULL, or allocated elsewhere.
        let outside = state.equalities.areEqual(middle, b) || state.equalities.areEqual(b, .null) || state.isAllocated(b)
        guard outside else {
          if nonEmpty { throw fail("\(b) might be a cell of \(atom)", state, missing: wanted) }
          return try splitOnEquality(a, b, state, goal.adding(wanted))
        }
        guard nonEmpty else { return try splitOnEquality(a, b, state, goal.adding(wanted)) }
        try require(.notEqual(c, d), state)
        state.atoms.remove(at: index)
        if state.isNonEmptyDoubly(other) {
          state.consumedAddresses.append(a)
          state.consumedLastCells.append(lastOfFirst)
        }
        return try solve(state, goal.adding(.predicate(.dlseg, fields: fields, arguments: [middle, b, lastOfFirst, d])))
      default:
        continue
      }
    }
    guard nonEmpty else { return try splitOnEquality(a, b, state, goal.adding(wanted)) }
    throw fail("nothing starts at \(a)", state, missing: wanted)
  }
}
