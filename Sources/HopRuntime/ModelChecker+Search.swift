import HopLogic

/// The backtracking search behind `ModelChecker.check`.
extension ModelChecker {
  struct Search {
    let checker: ModelChecker
    let live: [Int]
    var exact = false
    var smallestLeftover: [Int]?
    var lastFailure = "no part of the heap matches the formula"
    var nodes = 0
    /// Footprint mode: the first match that satisfies the pure facts ends the search, leftover or not.
    var partial = false
    var footprint: Set<Int>?

    init(checker: ModelChecker, live: [Int]) {
      self.checker = checker
      self.live = live
    }

    /// A choice point: the alternatives still to try after the one being explored, each a state
    /// of the search (the atoms left to match and the partial match).
    private enum ChoicePoint {
      /// Matches of one atom, the atoms after it shared by all of them.
      case matches(rest: [SpatialAtom], [Match], next: Int)
      /// Values for an unknown anchor name, tried in order.
      case values(atoms: [SpatialAtom], Match, name: String, [Int], next: Int)
    }

    /// Depth first, as a recursion over the atoms would go, but with an explicit stack of choice
    /// points only: a step with one way on replaces the current state, so a formula of thousands
    /// of atoms needs neither a deep call stack nor a copy of its atoms per atom matched.
    mutating func run(_ disjunct: SymbolicHeap) {
      nodes = 0
      let pure = disjunct.pure
      var stack: [ChoicePoint] = []
      var current: (atoms: [SpatialAtom], match: Match)? = (disjunct.spatial, Match())
      while !exact, nodes < checker.nodeLimit {
        if var state = current {
          current = nil  // `state` alone holds the atoms, which the step then edits in place
          current = step(&state.atoms, pure, state.match, &stack)
        } else if let next = resume(&stack) {
          current = next
        } else {
          return
        }
      }
    }

    /// The next alternative of the innermost choice point with one left (nil when none is).
    private func resume(_ stack: inout [ChoicePoint]) -> (atoms: [SpatialAtom], match: Match)? {
      while let top = stack.popLast() {
        switch top {
        case .matches(let rest, let matches, let next):
          guard next < matches.count else { continue }
          if next + 1 < matches.count { stack.append(.matches(rest: rest, matches, next: next + 1)) }
          return (rest, matches[next])
        case .values(let atoms, let match, let name, let values, let next):
          guard next < values.count else { continue }
          if next + 1 < values.count { stack.append(.values(atoms: atoms, match, name: name, values, next: next + 1)) }
          var bound = match
          bound.bound[name] = values[next]
          return (atoms, bound)
        }
      }
      return nil
    }

    /// One node of the search: matches the first atom whose anchors are known, or chooses a value
    /// for an unknown anchor; the state to explore next, the other alternatives pushed on `stack`.
    private mutating func step(_ atoms: inout [SpatialAtom], _ pure: [PureAtom], _ match: Match,
                               _ stack: inout [ChoicePoint]) -> (atoms: [SpatialAtom], match: Match)? {
      nodes += 1
      guard !atoms.isEmpty else {
        finish(pure + match.pending, match)
        return nil
      }
      if let index = atoms.firstIndex(where: { anchors($0).allSatisfy { checker.value($0, match) != nil } }) {
        let atom = atoms.remove(at: index)
        let matches = expand(atom, match)
        guard let first = matches.first else { return nil }
        if matches.count > 1 { stack.append(.matches(rest: atoms, matches, next: 1)) }
        return (atoms, first)
      }
      // No atom has a known address: choose a value for the first unknown anchor name.
      for atom in atoms {
        for term in anchors(atom) where checker.value(term, match) == nil {
          guard case .variable(let variable) = term else { continue }
          stack.append(.values(atoms: atoms, match, name: variable.name, [0] + live, next: 0))
          return nil
        }
      }
      lastFailure = "the addresses of '\(atoms[0])' cannot be determined"
      return nil
    }

    /// The terms that must have values before an atom is matched.
    private func anchors(_ atom: SpatialAtom) -> [Term] {
      switch atom {
      case .pointsTo(let address, _), .endpoint(let address, _): [address]
      case .segment(_, let from, _): [from]
      case .predicate(.tree, _, let arguments): [arguments[0]]
      case .predicate(_, _, let arguments): [arguments[0], arguments[2]]
      }
    }

    /// Every way `atom` can be matched on top of `match`.
    private mutating func expand(_ atom: SpatialAtom, _ match: Match) -> [Match] {
      let heap = checker.heap
      switch atom {
      case .pointsTo(let addressTerm, let fields):
        guard let address = determined(addressTerm, match, atom) else { return [] }
        guard heap.status(of: address) == .cell, !match.used.contains(address) else {
          lastFailure = "'\(atom)' needs a cell at \(address), which is not there (or described twice)"
          return []
        }
        var next = match
        next.used.insert(address)
        for (name, term) in fields {
          guard let field = checker.program.fieldIndex[name], checker.unify(term, heap.field(address, field), &next) else {
            lastFailure = "the cell at \(address) does not have the field values of '\(atom)'"
            return []
          }
        }
        return [next]
      case .endpoint(let addressTerm, let cell):
        guard let address = determined(addressTerm, match, atom) else { return [] }
        guard let endpoint = heap.endpoint(address), !match.used.contains(address) else {
          lastFailure = "'\(atom)' needs an endpoint at \(address), which is not there (or described twice)"
          return []
        }
        let automaton = checker.program.automaton(endpoint.contract, dual: endpoint.isDual)
        guard automaton.name == cell.contract, endpoint.isDual == cell.isDual,
              cell.states.contains(automaton.stateNames[endpoint.state]) else {
          lastFailure = "the endpoint at \(address) follows \(automaton.displayName) in state "
            + "'\(automaton.stateNames[endpoint.state])', not '\(atom)'"
          return []
        }
        var next = match
        next.used.insert(address)
        if let peer = cell.peer, !checker.unify(peer, endpoint.peer, &next) {
          lastFailure = "the endpoint at \(address) has peer \(endpoint.peer), not the one of '\(atom)'"
          return []
        }
        return [next]
      case .segment(let name, let from, let to):
        guard let field = checker.program.fieldIndex[name] else { return [] }
        guard let start = determined(from, match, atom) else { return [] }
        return chain(start: start, previous: 0, end: to, last: nil, match, atom) { current, _ in heap.field(current, field) }
      case .predicate(.tree, let fields, let arguments):
        guard let left = checker.program.fieldIndex[fields[0]], let right = checker.program.fieldIndex[fields[1]] else {
          return []
        }
        guard let root = determined(arguments[0], match, atom) else { return [] }
        var next = match
        guard tree(root, left, right, &next) else {
          lastFailure = "the cells from \(root) are not a tree as '\(atom)' needs"
          return []
        }
        return [next]
      case .predicate(let predicate, let fields, let arguments):
        guard let forward = checker.program.fieldIndex[fields[0]], let back = checker.program.fieldIndex[fields[1]] else {
          return []
        }
        guard let start = determined(arguments[0], match, atom), let before = determined(arguments[2], match, atom) else {
          return []
        }
        if predicate == .xlseg {
          return chain(start: start, previous: before, end: arguments[1], last: arguments[3], match, atom) { current, previous in
            heap.field(current, forward) ^ previous
          }
        }
        return chain(start: start, previous: before, end: arguments[1], last: arguments[3], match, atom) { current, previous in
          heap.field(current, back) == previous ? heap.field(current, forward) : nil
        }
      }
    }

    /// The value of `term` under `match`; nil, with the reason kept, when the match does not determine it
    /// (the atoms are matched in an order where it always does: a mistake, reported, never a trap).
    private mutating func determined(_ term: Term, _ match: Match, _ atom: SpatialAtom) -> Int? {
      guard let value = checker.value(term, match) else {
        lastFailure = "the value of '\(term)' in '\(atom)' cannot be determined"
        return nil
      }
      return value
    }

    /// A segment from `start`: its cells follow `step` (nil: the cell does not fit) until the end
    /// value; an unknown end is a choice among the points of the chain, longest first. `last`
    /// (dlseg, xlseg) must be the last cell, or the cell before the first when empty; the cell
    /// before the first must not be in the segment (decision 36).
    private mutating func chain(start: Int, previous first: Int, end: Term, last: Term?, _ match: Match,
                                _ atom: SpatialAtom, step: (Int, Int) -> Int?) -> [Match] {
      let heap = checker.heap
      let known = checker.value(end, match)
      var cells: [Int] = []
      var points = [start]
      var seen = Set<Int>()
      var current = start
      var previous = first
      var previousAt = [first]
      while current != known, heap.status(of: current) == .cell, !match.used.contains(current),
            !seen.contains(current), let next = step(current, previous) {
        seen.insert(current)
        cells.append(current)
        previous = current
        current = next
        points.append(current)
        previousAt.append(previous)
      }
      var results: [Match] = []
      // An unknown end: the longest segments first, at most 64 of them, and the empty one.
      let choices: [Int] = known == nil ? Array((0..<points.count).reversed().prefix(63)) + (points.count > 63 ? [0] : [])
        : (current == known ? [cells.count] : [])
      for count in choices {
        let endPoint = points[count]
        let taken = cells[..<count]
        guard !taken.contains(endPoint), last == nil || !taken.contains(first) else { continue }
        var next = match
        next.used.formUnion(taken)
        guard checker.unify(end, endPoint, &next) else { continue }
        if let last, !checker.unify(last, previousAt[count], &next) { continue }
        results.append(next)
      }
      if results.isEmpty { lastFailure = "the cells from \(start) do not form '\(atom)'" }
      return results
    }

    /// Consumes the tree at `root` (an explicit stack: a degenerate tree may be as deep as the heap is large).
    private func tree(_ root: Int, _ left: Int, _ right: Int, _ match: inout Match) -> Bool {
      var stack = [root]
      while let node = stack.popLast() {
        if node == 0 { continue }
        guard checker.heap.status(of: node) == .cell, !match.used.contains(node) else { return false }
        match.used.insert(node)
        stack.append(checker.heap.field(node, right))
        stack.append(checker.heap.field(node, left))
      }
      return true
    }

    /// Pure facts last: names still unbound range over NULL, 1, -1, the allocated addresses and the values seen.
    private mutating func finish(_ pure: [PureAtom], _ match: Match) {
      let names = Array(Set(pure.flatMap { checker.unbound($0, match) })).sorted()
      let candidates = Set([0, 1, -1]).union(live).union(match.bound.values)
      // Bounded: with a large heap, only the first addresses are tried.
      let values = Array(candidates.sorted().prefix(names.count <= 1 ? 256 : names.count == 2 ? 48 : 12))
      var assignment = match
      if satisfy(names[...], values, pure, &assignment) {
        if partial {
          footprint = assignment.used
          exact = true
          return
        }
        let leftover = live.filter { !assignment.used.contains($0) }
        if leftover.isEmpty {
          exact = true
        } else if smallestLeftover.map({ leftover.count < $0.count }) ?? true {
          smallestLeftover = leftover
        }
      }
    }

    private mutating func satisfy(_ names: ArraySlice<String>, _ values: [Int], _ pure: [PureAtom],
                                  _ match: inout Match) -> Bool {
      guard let name = names.first else {
        for atom in pure where checker.holds(atom, match) != true {
          lastFailure = "'\(atom)' does not hold"
          return false
        }
        return true
      }
      for value in values {
        var next = match
        next.bound[name] = value
        if satisfy(names.dropFirst(), values, pure, &next) {
          match = next
          return true
        }
      }
      return false
    }
  }
}
