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
    var addresses = Set<Term>()
    for atom in spatial {
      if case .pointsTo(let address, _) = atom { addresses.insert(address) }
      if case .endpoint(let address, _) = atom { addresses.insert(address) }
    }
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
    heap.pure = heap.pure.map { fact in fact.terms.contains(where: \.containsXor) ? fact.mapTerms(normal) : fact }
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
    // Only what has a `^` in it changes: the rest is kept as it is (no copy of a cell's fields).
    heap.pure = heap.pure.map { fact in fact.terms.contains(where: \.containsXor) ? fact.mapTerms(normal) : fact }
    var seen = Set<PureAtom>()
    heap.pure = heap.pure.filter { fact in
      switch fact {
      case .equal(let a, let b) where a == b: return false
      case .lessEqual(let a, let b) where a == b: return false
      default: return seen.insert(fact).inserted
      }
    }
    // Facts about an existential mentioned nowhere else say nothing about the heap.
    // Counted once per atom or fact that mentions it (a cell with no existential costs no set).
    // One walk over the atoms normalises the ones with `^`, counts and collects their existentials.
    var uses: [Variable: Int] = [:]
    var existentials = Set<Variable>()
    func count(_ item: some VariableOccurrences, _ weight: Int) {
      var mentioned: [Variable] = []
      item.forEachVariable { if $0.isExistential && !mentioned.contains($0) { mentioned.append($0) } }
      for v in mentioned { uses[v, default: 0] += weight }
    }
    let atoms = heap.spatial
    for (index, atom) in atoms.enumerated() {
      // A cell of program variables and constants (most of a large state) has neither.
      if Self.isPlainCell(atom) { continue }
      var xor = false
      var mentioned: [Variable] = []
      atom.forEachTerm { term in
        if !xor && term.containsXor { xor = true }
        term.forEachVariable { if $0.isExistential && !mentioned.contains($0) { mentioned.append($0) } }
      }
      if xor {
        // Its existentials are counted as they are once normalised (`_u ^ _u` is 0).
        let normalised = atom.mapTerms(normal)
        heap.spatial[index] = normalised
        mentioned = []
        normalised.forEachVariable { if $0.isExistential && !mentioned.contains($0) { mentioned.append($0) } }
      }
      for v in mentioned {
        uses[v, default: 0] += 2
        existentials.insert(v)
      }
    }
    for fact in heap.pure { count(fact, 1) }
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
