import HopLogic
import HopProver

/// An inferred invariant (a disjunction of symbolic heaps) as one Hop
/// formula a user can paste between the brackets of a `while`. Hop has no
/// `||` in separation formulas, only `if e == f then A else B`; so the cases
/// are split on an equality between program values (or NULL) that some case
/// decides one way and some case the other (as `done == 0` splits
/// list_transfer's `get`), recursively: a case the prover shows inconsistent
/// with the branch's condition leaves that branch, a case that decides
/// nothing goes to both, and within a branch a case that, under the branch's
/// conditions, entails another case of it is dropped. Each step keeps the
/// meaning: a case C is (C and F) or (C and not F), and each part is in the
/// branch that assumes it, or is inconsistent, or is covered there by a case
/// it entails. Cases that no sequence of such comparisons separates cannot
/// be written, and the answer is nil: they differ in the heap's shape, which
/// no comparison of program values decides (msort's `lseg(a, l)` against
/// `lseg(b, l)` with a and b both non-NULL; a doubly linked walk whose cases
/// differ in a cell's back link).
public struct InvariantFormula: Sendable {
  public let prover: Prover
  /// At most this many prover calls for one formula (the splits are a search).
  static let budget = 300

  public init(prover: Prover) {
    self.prover = prover
  }

  /// The disjunction as one formula, or nil when its cases cannot be told apart by comparisons.
  /// A value the procedure's pre- and postcondition share (the checker's `n'`, which no program can
  /// write) is written as the existential `_n`: the loop rule keeps an invariant's existentials at
  /// their values on entry, so it is read back as that value.
  public func text(_ heaps: [SymbolicHeap]) -> String? {
    let constants = Set(heaps.flatMap { $0.variables }).filter { $0.name.hasSuffix("'") }
    let taken = Set(heaps.flatMap { $0.variables }.map(\.name))
    var renaming: [Variable: Term] = [:]
    for constant in constants.sorted() {
      var name = "_" + constant.name.dropLast()
      while taken.contains(name) || renaming.values.contains(.v(name)) { name += "1" }
      renaming[constant] = .v(name)
    }
    let written = { (heap: SymbolicHeap) in Self.text(renaming.isEmpty ? heap : heap.substituting(renaming)) }
    guard heaps.count > 1 else { return heaps.first.map(written) ?? "false" }
    var calls = 0
    return split(heaps, assumed: [], candidates: candidates(heaps), calls: &calls, written: written)
  }

  /// The comparisons a split may test: the equalities and disequalities the cases state, then
  /// `v == NULL` for each program variable a case's spatial part mentions.
  private func candidates(_ heaps: [SymbolicHeap]) -> [PureAtom] {
    var result: [PureAtom] = []
    func add(_ fact: PureAtom) {
      let known = [fact, Self.flipped(fact), fact.negated, Self.flipped(fact.negated)]
      guard isSplittable(fact), !known.contains(where: result.contains) else { return }
      result.append(fact)
    }
    for heap in heaps { heap.pure.forEach(add) }
    let pointers = heaps.flatMap { $0.spatial.flatMap { $0.terms } }.filter { $0.isAtomic && $0.constantValue == nil && $0 != .null }
    for variable in pointers.flatMap({ $0.variables }).sorted() { add(.equal(.v(variable.name), .null)) }
    return result
  }

  /// The cases under `assumed` as one formula, splitting on the first of `candidates` that works.
  private func split(_ cases: [SymbolicHeap], assumed: [PureAtom], candidates: [PureAtom], calls: inout Int,
                     written: (SymbolicHeap) -> String) -> String? {
    let cases = reduced(cases, assumed, &calls)
    guard cases.count > 1 else {
      return cases.first.map { written(without(assumed, $0)) } ?? "false"
    }
    for (index, fact) in candidates.enumerated() {
      guard calls < Self.budget else { return nil }
      let yes = cases.filter { !unsatisfiable($0, assumed + [fact], &calls) }
      let no = cases.filter { !unsatisfiable($0, assumed + [fact.negated], &calls) }
      guard !yes.isEmpty, !no.isEmpty, yes.count < cases.count || no.count < cases.count else { continue }
      let rest = Array(candidates[(index + 1)...])
      guard let then = split(yes, assumed: assumed + [fact], candidates: rest, calls: &calls, written: written),
            let otherwise = split(no, assumed: assumed + [fact.negated], candidates: rest, calls: &calls, written: written)
      else { continue }
      let thenPart = then.hasPrefix("if ") ? "(\(then))" : then
      return "if \(fact) then \(thenPart) else \(otherwise)"
    }
    return nil
  }

  /// The cases without those inconsistent with `assumed` and those that, with `assumed`, entail another one.
  private func reduced(_ cases: [SymbolicHeap], _ assumed: [PureAtom], _ calls: inout Int) -> [SymbolicHeap] {
    var result = assumed.isEmpty ? cases : cases.filter { !unsatisfiable($0, assumed, &calls) }
    guard !assumed.isEmpty else { return result }
    var index = 0
    while index < result.count {
      let heap = closed(result[index], assumed)
      let covered = result.indices.contains { other in
        guard other != index else { return false }
        calls += 1
        return prover.entails(heap, closed(result[other], assumed), details: false).isProved
      }
      if covered { result.remove(at: index) } else { index += 1 }
    }
    return result
  }

  /// One case in Hop syntax: its atoms separated by ` * ` (`emp` when there are none).
  public static func text(_ heap: SymbolicHeap) -> String {
    let parts = heap.spatial.map(\.description) + heap.pure.map(\.description)
    return parts.isEmpty ? "emp" : parts.joined(separator: " * ")
  }

  /// Equalities and disequalities between program variables and constants: what an `if` formula can test
  /// (not a value shared by pre- and postcondition, `n'`, which is written as an existential).
  private func isSplittable(_ fact: PureAtom) -> Bool {
    switch fact {
    case .equal, .notEqual:
      fact.isInEqualityFragment && !fact.variables.contains { $0.isExistential || $0.name.hasSuffix("'") }
    case .less, .lessEqual: false
    }
  }

  private func unsatisfiable(_ heap: SymbolicHeap, _ facts: [PureAtom], _ calls: inout Int) -> Bool {
    calls += 1
    return prover.satisfiability(closed(heap, facts)) == .unsatisfiable
  }

  private func closed(_ heap: SymbolicHeap, _ facts: [PureAtom]) -> SymbolicHeap {
    var heap = heap
    heap.pure += facts
    return heap.closed
  }

  /// The case without the facts its branch's conditions state.
  private func without(_ facts: [PureAtom], _ heap: SymbolicHeap) -> SymbolicHeap {
    var heap = heap
    heap.pure.removeAll { fact in facts.contains { $0 == fact || Self.flipped($0) == fact } }
    return heap
  }

  private static func flipped(_ fact: PureAtom) -> PureAtom {
    switch fact {
    case .equal(let a, let b): .equal(b, a)
    case .notEqual(let a, let b): .notEqual(b, a)
    default: fact
    }
  }
}
