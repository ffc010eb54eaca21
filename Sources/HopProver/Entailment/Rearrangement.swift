import HopLogic

/// The answer to "which cell is at this address?", case by case: Smallfoot's
/// rearrangement, which a checker needs before it reads, writes or frees a
/// field. Faking it with an entailment against `x |-> f: _v` would lose the
/// cell's other fields; this keeps the whole cell.
public enum Rearrangement: Hashable, Sendable {
  /// One heap per consistent case of the state, each with the cell at the
  /// address as its first spatial atom (a points-to or an endpoint). Segments
  /// and trees that start at the address are unfolded; whether they are
  /// empty is split into cases where the state does not decide it.
  case exposed([SymbolicHeap])
  /// A consistent case of the state in which nothing is allocated at the address.
  case notAllocated(SymbolicHeap)
  /// Too many case splits, or a pure fact the solver could not decide.
  case unknown(String)
}

extension Prover {
  /// The cell at `address` made the first atom of every case of `heap`
  /// (existentials of `heap` are opened: they come back as fresh `_x#n` names).
  public func rearrange(_ heap: SymbolicHeap, at address: Term) -> Rearrangement {
    var names = FreshNames()
    let (opened, renaming) = names.openExistentials(of: heap)
    var search = CellSearch(normaliser: Normaliser(pure: pure, splitLimit: splitLimit), names: names,
                            address: address.substituting(renaming.mapValues { .variable($0) }))
    do throws(CellSearch.Stop) {
      return .exposed(try search.expose(ProofState(opened)).map(\.compactHeap))
    } catch {
      switch error {
      case .notAllocated(let state): return .notAllocated(state.compactHeap)
      case .tooManySplits: return .unknown("more than \(splitLimit) case splits")
      }
    }
  }
}

/// The search behind `Prover.rearrange`: normalise, find the atom at the
/// address, unfold it or split on whether it is empty.
private struct CellSearch {
  var normaliser: Normaliser
  var names: FreshNames
  let address: Term

  enum Stop: Error {
    case notAllocated(ProofState)
    case tooManySplits
  }

  mutating func expose(_ start: ProofState) throws(Stop) -> [ProofState] {
    guard var state = normaliser.normalise(start) else { return [] }
    let at = state.canonical(address)
    for (index, atom) in state.atoms.enumerated() {
      switch atom {
      case .pointsTo(let other, _) where state.equalities.areEqual(other, at),
           .endpoint(let other, _) where state.equalities.areEqual(other, at):
        state.atoms.remove(at: index)
        state.atoms.insert(atom, at: 0)
        return [state]
      case .segment(let field, let from, let to) where state.equalities.areEqual(from, at):
        guard state.isNonEmpty(from, to) else { return try splitting(from, to, state) }
        let next = Term.variable(names.variable("u"))
        state.atoms.remove(at: index)
        state.atoms.insert(.pointsTo(from, fields: [field: next]), at: 0)
        state.atoms.append(.segment(field: field, from: next, to: to))
        return try expose(state)
      case .predicate(.tree, let fields, let arguments) where state.equalities.areEqual(arguments[0], at):
        guard state.equalities.areDistinct(at, .null) else { return try splitting(at, .null, state) }
        let left = Term.variable(names.variable(fields[0]))
        let right = Term.variable(names.variable(fields[1]))
        state.atoms.remove(at: index)
        state.atoms.insert(.pointsTo(at, fields: [fields[0]: left, fields[1]: right]), at: 0)
        state.atoms += [.predicate(.tree, fields: fields, arguments: [left]),
                        .predicate(.tree, fields: fields, arguments: [right])]
        return try expose(state)
      case .predicate(let kind, let fields, let arguments) where kind.isDoublyLinked
        && (state.equalities.areEqual(arguments[0], at) || state.equalities.areEqual(arguments[3], at)):
        guard state.isNonEmptyDoubly(arguments) else { return try splitting(arguments[0], arguments[1], state) }
        let (a, b, c, d) = (arguments[0], arguments[1], arguments[2], arguments[3])
        let s = Term.variable(names.variable("u"))
        let fromStart = state.equalities.areEqual(a, at)
        if !fromStart && !state.equalities.areEqual(a, d) && !state.equalities.areDistinct(a, d) {
          // One cell or more: decided first. The first cell `a` is marked allocated (the
          // closure's `separate` mark, decision 47) and the last cell `d` is about to be, and
          // two marked classes are distinct, so unfolding at once would lose the one-cell case.
          return try splitting(a, d, state)
        }
        var rest = state
        rest.atoms.remove(at: index)
        if fromStart {
          // dlseg(a, b, c, d) = a |-> next: s, back: c * dlseg(s, b, a, d)   (xlseg: a |-> link: s ^ c)
          rest.atoms.insert(.pointsTo(a, fields: Self.cell(kind, fields, next: s, previous: c)), at: 0)
          rest.atoms.append(.predicate(kind, fields: fields, arguments: [s, b, a, d]))
        } else {
          // ... = dlseg(a, d, c, s) * d |-> next: b, back: s, unfolded from its last cell (the
          // segment is symmetric because neither c nor b is one of its cells: decision 36).
          rest.atoms.insert(.pointsTo(d, fields: Self.cell(kind, fields, next: b, previous: s)), at: 0)
          rest.atoms.append(.predicate(kind, fields: fields, arguments: [a, d, c, s]))
        }
        return try expose(rest)
      default:
        continue
      }
    }
    // Nothing starts at the address in this case. A segment whose emptiness is
    // undecided may still decide it (its ends may be equal to the address):
    // split on it; in a fully decided case the fault is real.
    let cases: [ProofState]?
    do {
      cases = try normaliser.split(state)
    } catch {
      throw .tooManySplits
    }
    guard let cases else { throw .notAllocated(state) }
    var exposed: [ProofState] = []
    for next in cases { exposed += try expose(next) }
    return exposed
  }

  /// The fields of one cell of a doubly linked segment: `next` and `back` for
  /// `dlseg`, `next ^ previous` in the one link field of an `xlseg`.
  static func cell(_ kind: InductivePredicate, _ fields: [String], next: Term, previous: Term) -> [String: Term] {
    kind == .xlseg ? [fields[0]: Term.binary(.xor, next, previous).xorNormalised] : [fields[0]: next, fields[1]: previous]
  }

  /// Both cases of `a == b`, each searched again.
  private mutating func splitting(_ a: Term, _ b: Term, _ state: ProofState) throws(Stop) -> [ProofState] {
    normaliser.splits += 1
    if normaliser.splits > normaliser.splitLimit { throw .tooManySplits }
    var equal = state
    equal.equalities.assertEqual(a, b)
    var distinct = state
    distinct.equalities.assertDistinct(a, b)
    return try expose(equal) + expose(distinct)
  }
}
