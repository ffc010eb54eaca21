import HopLogic

extension FreshNames {
  /// Fresh names for the checker: `_x#s12`. The prover's own fresh names are
  /// `_x#12` (digits right after the `#`) and no source program can write a
  /// `#`, so neither supply can capture a name of the other or of the user.
  static var checker: FreshNames { FreshNames(tag: "s") }
}

/// The checker's conventions on symbolic heaps: program variables are free
/// and every `_` name is existential.
extension SymbolicHeap {
  /// The heap with each named program variable replaced by a fresh existential: the
  /// state after those variables were changed by something the checker does not follow.
  func forgetting(_ names: some Sequence<String>, _ supply: inout FreshNames) -> SymbolicHeap {
    var substitution: [Variable: Term] = [:]
    let mentioned = variables
    for name in names where mentioned.contains(Variable(name)) {
      substitution[Variable(name)] = .variable(supply.variable(name))
    }
    return substitutingAll(substitution)
  }

  /// Substitutes every occurrence (free or not) and re-closes the existentials.
  func substitutingAll(_ substitution: [Variable: Term]) -> SymbolicHeap {
    guard !substitution.isEmpty else { return self }
    return SymbolicHeap(pure: pure.map { $0.substituting(substitution) },
                        spatial: spatial.map { $0.substituting(substitution) }).closed
  }

  /// The heap with `facts` added.
  func assuming(_ facts: [PureAtom]) -> SymbolicHeap {
    var heap = self
    heap.pure += facts
    return heap
  }

  /// An equivalent or weaker heap with fewer facts: an existential equal to a
  /// term is replaced by it, trivial and repeated facts are dropped, and so
  /// are facts about an existential that nothing else mentions (weakening a
  /// state is always sound: it describes more heaps).
  var simplified: SymbolicHeap {
    let normal = { (term: Term) in term.containsXor ? term.xorNormalised : term }
    var heap = self
    // Xor first, so that `x == _u ^ 0` is seen as `x == _u` below.
    heap.pure = heap.pure.map { $0.mapTerms(normal) }
    var changed = true
    while changed {
      changed = false
      for (index, fact) in heap.pure.enumerated() {
        guard case .equal(let a, let b) = fact else { continue }
        let pair: (Variable, Term)? = if case .variable(let v) = a, v.isExistential, !b.variables.contains(v) { (v, b) }
          else if case .variable(let v) = b, v.isExistential, !a.variables.contains(v) { (v, a) } else { nil }
        guard let (variable, value) = pair else { continue }
        heap.pure.remove(at: index)
        heap = SymbolicHeap(pure: heap.pure.map { $0.substituting([variable: value]) },
                            spatial: heap.spatial.map { $0.substituting([variable: value]) })
        changed = true
        break
      }
    }
    heap.pure = heap.pure.map { $0.mapTerms(normal) }
    heap.spatial = heap.spatial.map { $0.mapTerms(normal) }
    var seen = Set<PureAtom>()
    heap.pure = heap.pure.filter { fact in
      switch fact {
      case .equal(let a, let b) where a == b: return false
      case .lessEqual(let a, let b) where a == b: return false
      default: return seen.insert(fact).inserted
      }
    }
    // Facts about an existential mentioned nowhere else say nothing about the heap.
    var uses: [Variable: Int] = [:]
    for atom in heap.spatial { for v in atom.variables where v.isExistential { uses[v, default: 0] += 2 } }
    for fact in heap.pure { for v in fact.variables where v.isExistential { uses[v, default: 0] += 1 } }
    heap.pure = heap.pure.filter { fact in
      !fact.variables.contains { $0.isExistential && uses[$0] == 1 }
    }
    return heap.closed
  }
}
