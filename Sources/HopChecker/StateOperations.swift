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

  /// The same formula without the disequalities its cells say already: `a != b` between the
  /// addresses of two cells (or endpoints), `a != NULL` for one. Frame inference keeps those
  /// about a cell it matched (it is no longer in the frame); once a postcondition gives the
  /// cell back they are n facts that every later step would carry and drop again.
  var withoutSeparationFacts: SymbolicHeap {
    guard pure.contains(where: { if case .notEqual = $0 { true } else { false } }) else { return self }
    let addresses = cellAddresses
    guard !addresses.isEmpty else { return self }
    let zero = BigInteger(0)
    var heap = self
    heap.pure.removeAll { fact in
      guard case .notEqual(let a, let b) = fact, a != b else { return false }
      let (cellA, cellB) = (addresses.contains(a), addresses.contains(b))
      return (cellA && cellB) || (cellA && b.constantValue == zero) || (cellB && a.constantValue == zero)
    }
    return heap
  }

  /// The addresses of its cells and endpoints.
  var cellAddresses: Set<Term> { Set(spatial.lazy.filter(\.isCell).compactMap(\.address)) }

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
  var simplified: SymbolicHeap { simplified(skippingPlainCellsIn: 0..<0) }

  /// `simplified`, not looking at the atoms in `plain`, which are plain cells (`isPlainCell`: a block
  /// of cells a cut left out, decision 88), where it would find nothing to do.
  func simplified(skippingPlainCellsIn plain: Range<Int>) -> SymbolicHeap {
    assert(plain.allSatisfy { Self.isPlainCell(spatial[$0]) }, "only plain cells are skipped")
    let normal = { (term: Term) in term.containsXor ? term.xorNormalised : term }
    // Only what has a `^` in it changes: the rest is kept as it is (no copy).
    let normalFact = { (fact: PureAtom) in fact.terms.contains(where: \.containsXor) ? fact.mapTerms(normal) : fact }
    var heap = self
    // Xor first, so that `x == _u ^ 0` is seen as `x == _u` below.
    heap.pure = heap.pure.map(normalFact)
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
    heap.pure = heap.pure.map(normalFact)
    var seen = Set<PureAtom>()
    heap.pure = heap.pure.filter { fact in
      switch fact {
      case .equal(let a, let b) where a == b: return false
      case .lessEqual(let a, let b) where a == b: return false
      default: return seen.insert(fact).inserted
      }
    }
    // Facts about an existential mentioned nowhere else say nothing about the heap.
    // Counted once per atom or fact that mentions it; the atoms with `^` are normalised first
    // (`_u ^ _u` is 0), and a plain cell (most of a large state) has nothing to count.
    func mentioned(_ item: some VariableOccurrences) -> [Variable] {
      var found: [Variable] = []
      item.forEachVariable { if $0.isExistential && !found.contains($0) { found.append($0) } }
      return found
    }
    var uses: [Variable: Int] = [:]
    var existentials = Set<Variable>()
    for index in heap.spatial.indices where !plain.contains(index) {
      let atom = heap.spatial[index]
      if Self.isPlainCell(atom) { continue }
      var xor = false
      atom.forEachTerm { if $0.containsXor { xor = true } }
      if xor { heap.spatial[index] = atom.mapTerms(normal) }
      for v in mentioned(heap.spatial[index]) {
        uses[v, default: 0] += 2
        existentials.insert(v)
      }
    }
    for fact in heap.pure { for v in mentioned(fact) { uses[v, default: 0] += 1 } }
    heap.pure = heap.pure.filter { fact in
      !fact.variables.contains { $0.isExistential && uses[$0] == 1 }
    }
    // `closed`, from the walk above and the facts kept.
    for fact in heap.pure { fact.forEachVariable { if $0.isExistential { existentials.insert($0) } } }
    heap.existentials = existentials
    return heap
  }

  /// Whether `atom` is a cell whose address and values are program variables or constants:
  /// no existential and no `^` in it, so that `simplified` has nothing to count or rewrite there.
  static func isPlainCell(_ atom: SpatialAtom) -> Bool {
    guard case .pointsTo(.variable(let address), let fields) = atom, !address.isExistential else { return false }
    for value in fields.values {
      switch value {
      case .variable(let variable) where !variable.isExistential: continue
      case .integer, .null: continue
      default: return false
      }
    }
    return true
  }

  /// `closed` for this heap, closed before its atom `removed` became `added` (or was dropped):
  /// from those two atoms alone when every existential of `removed` is in `added`, else by a walk.
  func reclosed(removing removed: SpatialAtom, adding added: SpatialAtom?) -> SymbolicHeap {
    var gone: [Variable] = []
    removed.forEachVariable { if $0.isExistential { gone.append($0) } }
    var new: [Variable] = []
    added?.forEachVariable { if $0.isExistential { new.append($0) } }
    guard gone.allSatisfy(new.contains) else { return closed }
    var heap = self
    heap.existentials.formUnion(new)
    return heap
  }
}
