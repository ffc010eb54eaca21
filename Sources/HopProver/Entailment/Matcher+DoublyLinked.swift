import HopLogic

/// Doubly linked segments on the right-hand side, by their definition
///
///     dlseg(n; p; a, b, c, d) = a == b ∧ c == d ∧ emp
///                             ∨ a != b ∧ c != d ∧ ∃s. a |-> n: s, p: c * dlseg(s, b, a, d)
///
/// (a: first cell, b: the cell after the last, c: the cell before the first,
/// d: the last cell; an xor-linked `xlseg(x; _; a, b, c, d)` has one field
/// instead, `a |-> x: s ^ c`), with neither b nor c one of its cells
/// (decision 36), so that it reads the same from either end. Rules, each
/// consuming part of the left-hand side: the empty segment; the same
/// segment (an xlseg also written backwards, `xlseg(d, c, b, a)`); a left
/// cell at `a` (one step of the definition); and a left segment from `a`
/// with the same `c`, appended to (`dlseg(a, b', c, d') * dlseg(b', b, d', d)
/// ⊢ dlseg(a, b, c, d)` when `b` is not a cell of the first part and, if the
/// whole is not empty, `c != d`).
///
/// That `c` is no cell of the segment is carried along: a goal atom may have
/// arguments after the four, terms that no cell matched for it may be
/// (each step adds its own `c`); a cell must be distinct from them, and a
/// left segment taken whole must have them outside it (NULL, allocated
/// elsewhere, or its own `b` or `c`). They are never shown to the user.
extension Matcher {
  mutating func matchDoubly(_ kind: InductivePredicate, _ fields: [String], _ arguments: [Term],
                            _ state: inout ProofState, _ goal: inout Goal,
                            _ wanted: SpatialAtom) throws(Stop) -> Step {
    let (a, b, c, d) = (arguments[0], arguments[1], arguments[2], arguments[3])
    let excluded = Array(arguments.dropFirst(4))
    // Ends the left-hand side suggests, for existentials not bound yet.
    if !goal.isBound(b) || !goal.isBound(d) {
      for case .predicate(kind, fields, let other) in state.atoms where state.equalities.areEqual(other[0], a) {
        if let end = goal.unboundVariable(b) { goal.bindings[end] = other[1] }
        if let last = goal.unboundVariable(d) { goal.bindings[last] = other[3] }
        goal = goal.adding(wanted)
        return .next
      }
    }
    guard arguments.allSatisfy(goal.isBound) else { throw fail("cannot instantiate \(wanted)", state, missing: wanted) }
    if state.equalities.areEqual(a, b) {
      try require(.equal(c, d), state)
      return .next
    }
    if Self.consumeSame(kind, fields, arguments, &state) { return .next }
    let nonEmpty = state.equalities.areDistinct(a, b)
    let (next, back) = (fields[0], fields[1])  // for an xlseg, fields[0] is its one link field
    for index in state.atoms.indices {
      let atom = state.atoms[index]
      switch atom {
      case .pointsTo(let address, let cell) where state.equalities.areEqual(address, a):
        guard nonEmpty else { return .done(try splitOnEquality(a, b, state, goal.adding(wanted))) }
        let successor = try self.successor(of: a, in: cell, kind, next: next, back: back, before: c, state, wanted)
        try require(.notEqual(c, d), state)
        for term in excluded + [c] { try require(.notEqual(term, a), state) }
        state.atoms.remove(at: index)
        state.consumedAddresses.append(a)
        goal = goal.adding(.predicate(kind, fields: fields, arguments: [successor, b, a, d] + excluded + [c]))
        return .next
      case .predicate(kind, fields, let other) where state.equalities.areEqual(other[0], a):
        let (middle, lastOfFirst) = (other[1], other[3])
        try require(.equal(other[2], c), state)
        // b must not be a cell of the left segment: its own end, NULL, or allocated elsewhere.
        guard Self.isOutside(b, other, state) else {
          if nonEmpty { throw fail("\(b) might be a cell of \(atom)", state, missing: wanted) }
          return .done(try splitOnEquality(a, b, state, goal.adding(wanted)))
        }
        guard nonEmpty else { return .done(try splitOnEquality(a, b, state, goal.adding(wanted))) }
        try require(.notEqual(c, d), state)
        guard excluded.allSatisfy({ Self.isOutside($0, other, state) }) else {
          throw fail("a cell of \(atom) might be one the segment may not contain", state, missing: wanted)
        }
        state.atoms.remove(at: index)
        if state.isNonEmptyDoubly(other) {
          state.consumedAddresses.append(a)
          state.consumedLastCells.append(lastOfFirst)
        }
        goal = goal.adding(.predicate(kind, fields: fields, arguments: [middle, b, lastOfFirst, d] + excluded + [c]))
        return .next
      default:
        continue
      }
    }
    guard nonEmpty else { return .done(try splitOnEquality(a, b, state, goal.adding(wanted))) }
    throw fail("nothing starts at \(a)", state, missing: wanted)
  }

  /// Whether `term` is surely no cell of the left atom with arguments `atom`.
  private static func isOutside(_ term: Term, _ atom: [Term], _ state: ProofState) -> Bool {
    state.equalities.areEqual(term, .null) || state.isAllocated(term)
      || state.equalities.areEqual(term, atom[1]) || state.equalities.areEqual(term, atom[2])
  }

  /// Removes the left atom that is the wanted segment itself (an xlseg is the same cells written
  /// backwards) and none of whose cells is excluded; false when there is none.
  private static func consumeSame(_ kind: InductivePredicate, _ fields: [String], _ arguments: [Term],
                                  _ state: inout ProofState) -> Bool {
    let (a, b, c, d) = (arguments[0], arguments[1], arguments[2], arguments[3])
    let excluded = Array(arguments.dropFirst(4))
    for index in state.atoms.indices {
      guard case .predicate(kind, fields, let other) = state.atoms[index] else { continue }
      let same = zip(other, arguments.prefix(4)).allSatisfy { state.equalities.areEqual($0, $1) }
      let reversed = kind == .xlseg && zip(other, [d, c, b, a]).allSatisfy { state.equalities.areEqual($0, $1) }
      guard same || reversed, excluded.allSatisfy({ isOutside($0, other, state) }) else { continue }
      if state.isNonEmptyDoubly(other) {
        state.consumedAddresses.append(a)
        state.consumedLastCells.append(d)
      }
      state.atoms.remove(at: index)
      return true
    }
    return false
  }

  /// The cell after `a`'s, whose cell is `cell` and the one before it `c`: for an xlseg, its link
  /// xor `c`; else its `next` field, once its `back` field is shown to be `c`.
  private mutating func successor(of a: Term, in cell: [String: Term], _ kind: InductivePredicate, next: String,
                                  back: String, before c: Term, _ state: ProofState,
                                  _ wanted: SpatialAtom) throws(Stop) -> Term {
    if kind == .xlseg {
      // a |-> x: s ^ c, so s is the link xor c.
      guard let link = cell[next] else { throw fail("\(a) has no known '\(next)' field", state, missing: wanted) }
      return state.canonical(.binary(.xor, link, c))
    }
    guard let forward = cell[next], let previous = cell[back] else {
      throw fail("\(a) has no known '\(next)' and '\(back)' fields", state, missing: wanted)
    }
    try require(.equal(previous, c), state)
    return forward
  }
}
