import HopLogic

/// Proves `A ⊢ B * ?F` case by case: picks an atom of B whose address is
/// known, finds the atom of A at that address, and subtracts — unfolding a
/// segment or tree of A when B needs a cell, rolling a segment of B over
/// A's cells and segments when that is sound (precise semantics: the end of
/// B's segment must not be allocated inside it), and splitting cases on
/// equalities of segment ends it cannot decide. Whatever of A is left is the frame.
struct Matcher {
  var normaliser: Normaliser
  var names: FreshNames
  /// Precise entailment: nothing of the left-hand side may be left over.
  var precise: Bool

  enum Stop: Error {
    case failed(Failure)
    case unknown(String)
  }

  /// A failed proof attempt. Most are caught and retried after a case split,
  /// so the failure keeps the proof state and prints it only when asked.
  struct Failure {
    var reason: String
    var missingAtom: SpatialAtom?
    var missingFact: PureAtom?
    var leftover: [SpatialAtom] = []
    var state: ProofState

    /// The failure as reported; without `details`, its state has its spatial atoms only.
    func entailmentFailure(details: Bool) -> EntailmentFailure {
      // A doubly linked goal atom may carry internal arguments after its four (Matcher+DoublyLinked).
      var shown = missingAtom
      if case .predicate(let kind, let fields, let arguments)? = missingAtom, kind.isDoublyLinked, arguments.count > 4 {
        shown = .predicate(kind, fields: fields, arguments: Array(arguments.prefix(4)))
      }
      return EntailmentFailure(reason: reason, missingAtom: shown, missingFact: missingFact, leftover: leftover,
                               state: details ? state.compactHeap : SymbolicHeap(spatial: Array(state.atoms)))
    }
  }

  /// What one matching step did: the state and goal are ready for the next
  /// step (the common, deterministic case), or the step branched and solved
  /// the rest itself (case splits, existential candidates).
  enum Step {
    case next
    case done([(ProofState, Goal)])
  }

  /// The frames of every case, or the first case that fails.
  ///
  /// The steps that do not branch run in this loop rather than by recursion,
  /// so a right-hand side matched over n cells needs neither n stack frames
  /// (20,000 overflowed the main thread's stack) nor n copies of the state's atoms.
  mutating func solve(_ start: ProofState, _ startGoal: Goal) throws(Stop) -> [(ProofState, Goal)] {
    var state = start
    var goal = startGoal
    // Each step's atom as the closure wrote it and as the right-hand side did: a failure that names
    // one names it as written (NULL, not the closure's 0), innermost step first, as a recursion would.
    var steps: [(wanted: SpatialAtom, written: SpatialAtom)] = []
    do throws(Stop) {
      while true {
        bindEqualities(&goal, state)
        guard let index = nextAtom(goal, state) else {
          if let stuck = goal.atoms.first {
            throw fail("cannot find the address of \(display(stuck, goal, state))", state, missing: stuck)
          }
          try checkFacts(goal, state)
          if precise { try requireEmptiable(state) }
          return [(state, goal)]
        }
        let written = goal.atoms[index].mapTerms(goal.resolved)
        let wanted = state.canonical(written)
        goal.atoms.remove(at: index)
        steps.append((wanted, written))
        switch try match(wanted, &state, &goal) {
        case .next: continue
        case .done(let frames): return frames
        }
      }
    } catch {
      guard case .failed(var failure) = error else { throw error }
      for step in steps.reversed() where failure.missingAtom == step.wanted { failure.missingAtom = step.written }
      throw .failed(failure)
    }
  }

  private mutating func match(_ wanted: SpatialAtom, _ state: inout ProofState, _ goal: inout Goal) throws(Stop)
    -> Step {
    switch wanted {
    case .pointsTo(let address, let fields):
      return try matchCell(address, fields, &state, &goal, wanted)
    case .endpoint(let address, let cell):
      return try matchEndpoint(address, cell, &state, &goal, wanted)
    case .segment(let field, let from, let to):
      return try matchSegment(field, from, to, &state, &goal, wanted)
    case .predicate(.tree, let fields, let arguments):
      return try matchTree(fields, arguments[0], &state, &goal, wanted)
    case .predicate(let kind, let fields, let arguments) where kind.isDoublyLinked:
      return try matchDoubly(kind, fields, arguments, &state, &goal, wanted)
    case .predicate:
      guard let found = state.atoms.firstIndex(of: wanted) else { throw fail("not found", state, missing: wanted) }
      state.atoms.remove(at: found)
      return .next
    }
  }

  // MARK: Choosing what to match

  /// An atom of the goal whose address is determined (bindings applied), preferring cells.
  private func nextAtom(_ goal: Goal, _ state: ProofState) -> Int? {
    var fallback: Int?
    for (index, atom) in goal.atoms.enumerated() {
      guard let address = atom.address else {
        if fallback == nil, atom.terms.allSatisfy(goal.isBound) {
          fallback = index
        }
        continue
      }
      guard goal.isBound(address) else { continue }
      if atom.isCell { return index }
      if fallback == nil { fallback = index }
    }
    return fallback
  }

  /// `_x == t` in the goal binds `_x` to `t`.
  private func bindEqualities(_ goal: inout Goal, _ state: ProofState) {
    var changed = true
    while changed {
      changed = false
      for case .equal(let a, let b) in goal.facts {
        if let variable = goal.unboundVariable(a), goal.isBound(b) {
          goal.bindings[variable] = state.canonical(goal.resolved(b))
          changed = true
        } else if let variable = goal.unboundVariable(b), goal.isBound(a) {
          goal.bindings[variable] = state.canonical(goal.resolved(a))
          changed = true
        }
      }
    }
  }

  // MARK: Pure facts

  /// Makes `expected` (from the goal) equal to `actual` (from the state): binds it, or proves it equal.
  mutating func unify(_ expected: Term, _ actual: Term, _ state: ProofState, _ goal: inout Goal) throws(Stop) {
    if let variable = goal.unboundVariable(expected) {
      goal.bindings[variable] = actual
      return
    }
    guard goal.isBound(expected) else {
      throw fail("cannot instantiate \(goal.resolved(expected))", state, fact: .equal(expected, actual))
    }
    try require(.equal(state.canonical(goal.resolved(expected)), actual), state)
  }

  /// Proves one pure fact in `state`, or fails.
  func require(_ fact: PureAtom, _ state: ProofState) throws(Stop) {
    let fact = fact.mapTerms(state.canonical)
    switch fact {
    case .equal(let a, let b) where state.equalities.areEqual(a, b): return
    case .notEqual(let a, let b) where state.equalities.areDistinct(a, b): return
    default: break
    }
    // In a normalised state the closure is complete for the equality fragment:
    // what it does not know has a counter-model.
    if fact.isInEqualityFragment && state.arithmetic.isEmpty {
      throw fail("cannot prove \(fact)", state, fact: fact)
    }
    switch normaliser.pure.verdict(state.equalities.facts + state.arithmetic, entail: fact) {
    case .proved: return
    case .unknown: throw Stop.unknown("the pure solver could not decide \(fact)")
    case .notProved, nil: throw fail("cannot prove \(fact)", state, fact: fact)
    }
  }

  /// In precise mode, every leftover atom must be a segment that is empty in every consistent case.
  private mutating func requireEmptiable(_ state: ProofState) throws(Stop) {
    for atom in state.atoms {
      guard case .segment(_, let from, let to) = atom, !state.isNonEmpty(from, to) else {
        throw leftoverFailure(atom, state)
      }
      var nonEmpty = state
      nonEmpty.equalities.assertDistinct(from, to)
      guard let normalised = normaliser.normalise(nonEmpty) else { continue }
      let consistent: Bool
      do {
        consistent = try normaliser.isSatisfiable(normalised)
      } catch {
        throw Stop.unknown("more than \(normaliser.splitLimit) case splits")
      }
      if consistent { throw leftoverFailure(atom, state) }
    }
  }

  private func checkFacts(_ goal: Goal, _ state: ProofState) throws(Stop) {
    for fact in goal.facts {
      guard fact.terms.allSatisfy(goal.isBound) else {
        throw fail("cannot instantiate the existentials of \(fact)", state, fact: fact)
      }
      try require(fact.mapTerms(goal.resolved), state)
    }
  }

  // MARK: Cells

  private mutating func matchCell(_ address: Term, _ fields: [String: Term], _ state: inout ProofState,
                                  _ goal: inout Goal, _ wanted: SpatialAtom) throws(Stop) -> Step {
    for index in state.atoms.indices {
      let atom = state.atoms[index]
      switch atom {
      case .pointsTo(let other, let actual) where state.equalities.areEqual(other, address):
        for field in fields.keys.sorted() {
          if let value = actual[field] {
            try unify(fields[field]!, value, state, &goal)
          } else if let variable = goal.unboundVariable(fields[field]!) {
            goal.bindings[variable] = .variable(names.variable(field))
          } else {
            throw fail("\(address) has no known '\(field)' field", state, missing: wanted)
          }
        }
        state.atoms.remove(at: index)
        state.consumedAddresses.append(address)
        return .next
      case .segment(let field, let from, let to) where state.equalities.areEqual(from, address):
        guard state.isNonEmpty(from, to) else { return .done(try splitOnEquality(from, to, state, goal.adding(wanted))) }
        let next = Term.variable(names.variable("u"))
        state.atoms[index] = .pointsTo(from, fields: [field: next])
        state.atoms.append(.segment(field: field, from: next, to: to))
        return .done(try solveEachCase(state, goal.adding(wanted)))
      case .predicate(.tree, let treeFields, let arguments) where state.equalities.areEqual(arguments[0], address):
        guard state.equalities.areDistinct(address, .null) else {
          return .done(try splitOnEquality(address, .null, state, goal.adding(wanted)))
        }
        let left = Term.variable(names.variable(treeFields[0]))
        let right = Term.variable(names.variable(treeFields[1]))
        state.atoms[index] = .pointsTo(address, fields: [treeFields[0]: left, treeFields[1]: right])
        state.atoms += [.predicate(.tree, fields: treeFields, arguments: [left]),
                        .predicate(.tree, fields: treeFields, arguments: [right])]
        return .done(try solveEachCase(state, goal.adding(wanted)))
      default:
        continue
      }
    }
    throw fail("no cell at \(address)", state, missing: wanted)
  }

  private mutating func matchEndpoint(_ address: Term, _ cell: EndpointCell, _ state: inout ProofState,
                                      _ goal: inout Goal, _ wanted: SpatialAtom) throws(Stop) -> Step {
    for index in state.atoms.indices {
      let atom = state.atoms[index]
      guard case .endpoint(let other, let actual) = atom, state.equalities.areEqual(other, address) else { continue }
      guard actual.contract == cell.contract, actual.isDual == cell.isDual, actual.states.isSubset(of: cell.states) else {
        throw fail("the endpoint \(address) is \(atom), not \(wanted)", state, missing: wanted)
      }
      if let peer = cell.peer {
        if let known = actual.peer ?? state.derivedPeer(of: other) {
          try unify(peer, known, state, &goal)
        } else if let variable = goal.unboundVariable(peer) {
          goal.bindings[variable] = .variable(names.variable("peer"))
        } else {
          throw fail("the peer of \(address) is not known", state, missing: wanted)
        }
      }
      state.atoms.remove(at: index)
      state.consumedAddresses.append(address)
      return .next
    }
    throw fail("no endpoint at \(address)", state, missing: wanted)
  }

  // MARK: Segments and trees

  private mutating func matchSegment(_ field: String, _ from: Term, _ to: Term, _ state: inout ProofState,
                                     _ goal: inout Goal, _ wanted: SpatialAtom) throws(Stop) -> Step {
    if let end = goal.unboundVariable(to) {
      // Try the ends the left-hand side suggests: each point along the chain of
      // its atoms from `from` (nearest first), then the empty segment. Any
      // instantiation that proves is sound; if none does, the entailment may
      // still hold with another witness (or one per case), so the answer is
      // unknown, never a refutation.
      for candidate in chainEnds(field, from, state) + [from] {
        var attempt = goal
        attempt.bindings[end] = candidate
        do throws(Stop) {
          return .done(try solve(state, attempt.adding(wanted)))
        } catch {
          guard case .failed = error else { throw error }
        }
      }
      throw Stop.unknown("no end found for the existential segment \(wanted)")
    }
    guard goal.isBound(to) else { throw fail("cannot instantiate the end of \(wanted)", state, missing: wanted) }
    if state.equalities.areEqual(from, to) { return .next }
    let known = state.equalities.areDistinct(from, to)
    for index in state.atoms.indices {
      let atom = state.atoms[index]
      switch atom {
      case .segment(let otherField, let address, let end) where state.equalities.areEqual(address, from):
        guard otherField == field else { throw fail("segment along '\(otherField)', not '\(field)'", state, missing: wanted) }
        // lseg(from, end) * lseg(end, to) ⊢ lseg(from, to) holds, whether or not either is empty,
        // when `to` cannot lie inside the first segment: it is its end, NULL, or allocated elsewhere.
        let closes = state.equalities.areEqual(end, to)
        guard closes || state.equalities.areEqual(to, .null) || state.isAllocated(to) else {
          if known { throw fail("\(to) might be allocated inside \(atom)", state, missing: wanted) }
          return .done(try splitOnEquality(from, to, state, goal.adding(wanted)))
        }
        state.atoms.remove(at: index)
        if state.isNonEmpty(address, end) { state.consumedAddresses.append(from) }
        goal = closes ? goal : goal.adding(.segment(field: field, from: end, to: to))
        return .next
      case .pointsTo(let address, let fields) where state.equalities.areEqual(address, from):
        guard known else { return .done(try splitOnEquality(from, to, state, goal.adding(wanted))) }
        guard let next = fields[field] else { throw fail("\(from) has no known '\(field)' field", state, missing: wanted) }
        state.atoms.remove(at: index)
        state.consumedAddresses.append(from)
        goal = goal.adding(.segment(field: field, from: next, to: to))
        return .next
      default:
        continue
      }
    }
    guard known else { return .done(try splitOnEquality(from, to, state, goal.adding(wanted))) }
    throw fail("nothing starts at \(from)", state, missing: wanted)
  }

  /// Solves the two cases `a == b` and `a != b` of the state.
  mutating func splitOnEquality(_ a: Term, _ b: Term, _ state: ProofState, _ goal: Goal) throws(Stop)
    -> [(ProofState, Goal)] {
    var equal = state
    equal.equalities.assertEqual(a, b)
    var distinct = state
    distinct.equalities.assertDistinct(a, b)
    return try solveEachCase(equal, goal) + solveEachCase(distinct, goal)
  }

  /// The points reached from `from` by following the left-hand side's cells and segments along `field`.
  private func chainEnds(_ field: String, _ from: Term, _ state: ProofState) -> [Term] {
    var ends: [Term] = []
    var current = from
    while ends.count < state.atoms.count, let next = suggestedEnd(field, current, state),
          !state.equalities.areEqual(next, from), !ends.contains(where: { state.equalities.areEqual($0, next) }) {
      ends.append(next)
      current = next
    }
    return ends
  }

  private func suggestedEnd(_ field: String, _ from: Term, _ state: ProofState) -> Term? {
    for atom in state.atoms {
      switch atom {
      case .segment(field, let address, let end) where state.equalities.areEqual(address, from): return end
      case .pointsTo(let address, let fields) where state.equalities.areEqual(address, from): return fields[field]
      default: continue
      }
    }
    return nil
  }

  private mutating func matchTree(_ fields: [String], _ root: Term, _ state: inout ProofState, _ goal: inout Goal,
                                  _ wanted: SpatialAtom) throws(Stop) -> Step {
    guard goal.isBound(root) else { throw fail("cannot instantiate the root of \(wanted)", state, missing: wanted) }
    if state.equalities.areEqual(root, .null) { return .next }
    if let found = state.atoms.firstIndex(of: wanted) {
      state.atoms.remove(at: found)
      return .next
    }
    if !state.equalities.areDistinct(root, .null) {
      return .done(try splitOnEquality(root, .null, state, goal.adding(wanted)))
    }
    // Roll: root |-> l: a, r: b * tree(a) * tree(b) ⊢ tree(root).
    for index in state.atoms.indices {
      let atom = state.atoms[index]
      guard case .pointsTo(let address, let cell) = atom, state.equalities.areEqual(address, root),
            let left = cell[fields[0]], let right = cell[fields[1]] else { continue }
      state.atoms.remove(at: index)
      state.consumedAddresses.append(root)
      goal = goal.adding(.predicate(.tree, fields: fields, arguments: [left]))
        .adding(.predicate(.tree, fields: fields, arguments: [right]))
      return .next
    }
    throw fail("no tree at \(root)", state, missing: wanted)
  }

  // MARK: Cases

  /// Normalises `state` and solves it; when that fails while a segment of
  /// the state is undecided, splits on it and solves both cases (so a
  /// failure is only final in a fully normalised state, which has a counter-model).
  mutating func solveEachCase(_ state: ProofState, _ goal: Goal) throws(Stop) -> [(ProofState, Goal)] {
    guard let state = normaliser.normalise(state) else { return [] }
    do throws(Stop) {
      return try solve(state, goal)
    } catch {
      guard case .failed = error else { throw error }
      let cases: [ProofState]?
      do {
        cases = try normaliser.split(state)
      } catch {
        throw Stop.unknown("more than \(normaliser.splitLimit) case splits")
      }
      guard let cases else { throw error }
      var frames: [(ProofState, Goal)] = []
      for next in cases { frames += try solveEachCase(next, goal) }
      return frames
    }
  }

  /// Precise mode: `atom` (and whatever else is left) is not described by the right-hand side.
  private func leftoverFailure(_ atom: SpatialAtom, _ state: ProofState) -> Stop {
    .failed(Failure(reason: "heap left over: \(atom)", leftover: Array(state.atoms), state: state))
  }

  func fail(_ reason: String, _ state: ProofState, missing: SpatialAtom? = nil, fact: PureAtom? = nil) -> Stop {
    .failed(Failure(reason: reason, missingAtom: missing, missingFact: fact, state: state))
  }

  private func display(_ atom: SpatialAtom, _ goal: Goal, _ state: ProofState) -> String {
    state.canonical(atom.mapTerms(goal.resolved)).description
  }
}

extension Goal {
  func adding(_ atom: SpatialAtom) -> Goal {
    var copy = self
    copy.atoms.insert(atom, at: 0)
    return copy
  }
}
