import HopLogic
import HopProver

/// The join of a loop's abstract states: a disjunction (a set of symbolic
/// heaps) kept small by the prover. A heap that another one entails adds
/// nothing and is dropped; two heaps that differ only in their endpoints'
/// contract states become one whose state sets are the unions (the states of
/// a contract are finitely many, so the channel part converges); and a heap
/// that another one entails once that other one forgets the pure facts the
/// first one lacks is absorbed into the weakened one, provided each loop
/// variable it spoke of that is an address somewhere is still mentioned (the
/// widening that turns `n == c * list(c)` and `list(c) * n != c` into
/// `list(c)`, and `k == n * l == NULL` and `list(l) * n != 0` into `list(l)`,
/// but keeps `t == x`).
///
/// Every step replaces heaps by weaker ones, so the join describes at least
/// every heap of its inputs. A prover's `unknown` is read as "not entailed":
/// that keeps a heap, never loses one.
public struct DisjunctiveJoin: Sendable {
  public let prover: Prover
  public let assigned: Set<Variable>

  public init(prover: Prover, assigned: Set<Variable>) {
    self.prover = prover
    self.assigned = assigned
  }

  /// The join of `heaps`, canonical and in a fixed order.
  public func join(_ heaps: [SymbolicHeap]) -> [SymbolicHeap] {
    var current = unique(heaps.map(CanonicalNames.canonical))
    var changed = true
    while changed {
      changed = false
      if let merged = mergeEndpointStates(current) { current = merged; changed = true; continue }
      if let index = current.indices.first(where: { i in current.indices.contains { j in j != i && entails(current[i], current[j]) } }) {
        current.remove(at: index)
        changed = true
        continue
      }
      if let widened = widen(current) { current = widened; changed = true }
    }
    return current.sorted { $0.description < $1.description }
  }

  /// Whether every heap of `heaps` is entailed by one of `by` (the fixpoint test).
  public func isCovered(_ heaps: [SymbolicHeap], by known: [SymbolicHeap]) -> Bool {
    heaps.allSatisfy { heap in known.contains { $0 == heap || entails(heap, $0) } }
  }

  private func entails(_ a: SymbolicHeap, _ b: SymbolicHeap) -> Bool {
    prover.entails(a.closed, b.closed, details: false).isProved
  }

  /// One pair merged into a heap weaker than both, or nil.
  private func widen(_ heaps: [SymbolicHeap]) -> [SymbolicHeap]? {
    // The loop variables that are addresses somewhere: forgetting every fact about one would leave it dangling.
    let pointers = Set(heaps.flatMap { $0.spatial.flatMap { $0.variables } }).intersection(assigned)
    for i in heaps.indices {
      for j in heaps.indices where j != i {
        let facts = Set(heaps[i].pure)
        var weaker = heaps[j]
        weaker.pure.removeAll { !facts.contains($0) }
        // Never so far that a loop variable the heap spoke of becomes unconstrained (`t == x * list(x)` is not `list(x)`).
        let loopVariables = heaps[j].variables.intersection(pointers)
        guard weaker.pure.count < heaps[j].pure.count, weaker.variables.isSuperset(of: loopVariables),
              entails(heaps[i], weaker) else { continue }
        var result = heaps.enumerated().filter { $0.offset != i && $0.offset != j }.map(\.element)
        result.append(CanonicalNames.canonical(weaker))
        return unique(result)
      }
    }
    return nil
  }

  /// Two heaps equal but for their endpoints' states merged into one, or nil.
  private func mergeEndpointStates(_ heaps: [SymbolicHeap]) -> [SymbolicHeap]? {
    for i in heaps.indices {
      for j in heaps.indices where j > i && heaps[i] != heaps[j] {
        guard withoutStates(heaps[i]) == withoutStates(heaps[j]) else { continue }
        var merged = heaps[i]
        merged.spatial = zip(heaps[i].spatial, heaps[j].spatial).map { a, b in
          guard case .endpoint(let address, var cell) = a, case .endpoint(_, let other) = b else { return a }
          cell.states.formUnion(other.states)
          return .endpoint(address, cell)
        }
        var result = heaps.enumerated().filter { $0.offset != i && $0.offset != j }.map(\.element)
        result.append(CanonicalNames.canonical(merged))
        return unique(result)
      }
    }
    return nil
  }

  /// The heap with every endpoint's state set emptied (for comparing the rest).
  private func withoutStates(_ heap: SymbolicHeap) -> SymbolicHeap {
    var heap = heap
    heap.spatial = heap.spatial.map { atom in
      guard case .endpoint(let address, var cell) = atom else { return atom }
      cell.states = []
      return .endpoint(address, cell)
    }
    return heap
  }

  private func unique(_ heaps: [SymbolicHeap]) -> [SymbolicHeap] {
    var seen = Set<SymbolicHeap>()
    return heaps.filter { seen.insert($0).inserted }
  }
}
