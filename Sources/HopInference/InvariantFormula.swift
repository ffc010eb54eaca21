import HopLogic
import HopProver

/// An inferred invariant (a disjunction of symbolic heaps) as one Hop
/// formula a user can paste between the brackets of a `while`. Hop has no
/// `||` in separation formulas, only `if e == f then A else B`; so the cases
/// are split on an equality or disequality that each of them decides (as
/// `done == 0` splits list_transfer's `get`), recursively. Cases no such fact
/// separates cannot be written, and the answer is nil.
///
/// The formula means exactly the disjunction: a case that entails the fact goes
/// to the `then` side, one that entails its negation to the `else` side.
public struct InvariantFormula: Sendable {
  public let prover: Prover

  public init(prover: Prover) {
    self.prover = prover
  }

  /// The disjunction as one formula, or nil when its cases cannot be told apart by a pure fact.
  /// A value the procedure's pre- and postcondition share (the checker's `n'`, which no program can
  /// write) is written as the existential `_n`: the loop rule keeps an invariant's existentials at
  /// their values on entry, so it is read back as that value.
  public func text(_ heaps: [SymbolicHeap]) -> String? {
    let constants = Set(heaps.flatMap(\.variables)).filter { $0.name.hasSuffix("'") }
    guard constants.isEmpty else {
      let taken = Set(heaps.flatMap(\.variables).map(\.name))
      var renaming: [Variable: Term] = [:]
      for constant in constants.sorted() {
        var name = "_" + constant.name.dropLast()
        while taken.contains(name) || renaming.values.contains(.v(name)) { name += "1" }
        renaming[constant] = .v(name)
      }
      return text(heaps.map { $0.substituting(renaming) })
    }
    guard heaps.count > 1 else { return heaps.first.map(Self.text) ?? "false" }
    var candidates: [PureAtom] = []
    for heap in heaps {
      for fact in heap.pure where isSplittable(fact) && !candidates.contains(fact) { candidates.append(fact) }
    }
    for fact in candidates {
      var yes: [SymbolicHeap] = [], no: [SymbolicHeap] = []
      for heap in heaps {
        if unsatisfiable(heap, fact.negated) {
          yes.append(without(fact, heap))
        } else if unsatisfiable(heap, fact) {
          no.append(without(fact.negated, heap))
        } else {
          break
        }
      }
      guard yes.count + no.count == heaps.count, !yes.isEmpty, !no.isEmpty,
            let then = text(yes), let otherwise = text(no) else { continue }
      let thenPart = then.hasPrefix("if ") ? "(\(then))" : then
      return "if \(fact) then \(thenPart) else \(otherwise)"
    }
    return nil
  }

  /// One case in Hop syntax: its atoms separated by ` * ` (`emp` when there are none).
  public static func text(_ heap: SymbolicHeap) -> String {
    let parts = heap.spatial.map(\.description) + heap.pure.map(\.description)
    return parts.isEmpty ? "emp" : parts.joined(separator: " * ")
  }

  /// Equalities and disequalities between program variables and constants: what an `if` formula can test.
  private func isSplittable(_ fact: PureAtom) -> Bool {
    switch fact {
    case .equal, .notEqual: fact.isInEqualityFragment && !fact.variables.contains(where: \.isExistential)
    case .less, .lessEqual: false
    }
  }

  private func unsatisfiable(_ heap: SymbolicHeap, _ fact: PureAtom) -> Bool {
    var heap = heap
    heap.pure.append(fact)
    heap.existentials = heap.variables.filter(\.isExistential)
    return prover.satisfiability(heap) == .unsatisfiable
  }

  private func without(_ fact: PureAtom, _ heap: SymbolicHeap) -> SymbolicHeap {
    var heap = heap
    heap.pure.removeAll { $0 == fact || $0 == Self.flipped(fact) }
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
