import HopLogic

/// Folds chains of cells into list segments and trees (and, through
/// `DoublyLinkedFolding` and `XorLinkedFolding`, doubly and xor-linked segments): the spatial half of a
/// loop's abstraction (Distefano, O'Hearn and Yang, TACAS'06). Without it the
/// states at a loop's head grow by one cell per iteration and no fixpoint is
/// reached; with it, every cell that no program variable holds is absorbed
/// into a segment or a tree, so only finitely many shapes remain.
///
/// Each rule is a weakening (the folded heap describes every heap the
/// original did), so folding can only cost completeness: an address inside a
/// fold is an existential that nothing but the two folded atoms mentions, and
/// the end of a new segment is shown to lie outside it (NULL, or allocated by
/// another atom of the heap). Program variables (names without `_`) are never
/// folded away. A folded cell's data fields (all but its link) are forgotten.
public struct ShapeFolding: Sendable {
  public init() {}

  /// The heap with every foldable chain folded, repeatedly, until no rule applies.
  public func fold(_ heap: SymbolicHeap) -> SymbolicHeap {
    var heap = heap
    while let next = foldOnce(heap) { heap = next }
    return heap
  }

  /// One fold, or nil when none applies.
  private func foldOnce(_ heap: SymbolicHeap) -> SymbolicHeap? {
    let atoms = heap.spatial
    var uses: [Variable: Int] = [:]
    for atom in atoms { for term in atom.terms { if case .variable(let v) = term, v.isExistential { uses[v, default: 0] += 1 } } }
    for atom in atoms { for term in atom.terms where !term.isAtomic { for v in term.variables { uses[v, default: 0] += 2 } } }
    // An inner address: an existential the two folded atoms alone mention (as a link and as an address).
    func isInner(_ term: Term) -> Variable? {
      guard case .variable(let v) = term, v.isExistential, uses[v] == 2 else { return nil }
      return v
    }
    for (i, first) in atoms.enumerated() {
      guard let (field, middle) = link(of: first) else { continue }
      guard let inner = isInner(middle) else { continue }
      for (j, second) in atoms.enumerated() where j != i {
        guard second.address == middle, let end = continuation(of: second, along: field, from: middle) else { continue }
        guard let start = first.address else { continue }
        var rest = atoms
        rest.remove(at: max(i, j))
        rest.remove(at: min(i, j))
        guard isOutside(end, rest) else { continue }
        return rebuilt(heap, rest + [.segment(field: field, from: start, to: end)], dropping: [inner])
      }
    }
    if let tree = foldTree(heap, atoms, isInner) { return tree }
    if let doubly = DoublyLinkedFolding().foldOnce(heap, uses: uses, isOutside: { isOutside($0, $1) }) { return doubly }
    return XorLinkedFolding().foldOnce(heap) { isOutside($0, $1) }
  }

  /// A node whose children are NULL or subtrees nothing else mentions becomes a tree,
  /// when it is itself an inner address or absorbs at least one subtree.
  private func foldTree(_ heap: SymbolicHeap, _ atoms: [SpatialAtom], _ isInner: (Term) -> Variable?) -> SymbolicHeap? {
    let fields = ["l", "r"]
    for (i, atom) in atoms.enumerated() {
      guard case .pointsTo(let root, let values) = atom, values["l"] != nil, values["r"] != nil else { continue }
      var absorbed: [Int] = [], inner: [Variable] = []
      var foldable = true
      for field in fields {
        let child = values[field]!
        if child.constantValue == BigInteger(0) { continue }
        guard let variable = isInner(child),
              let index = atoms.firstIndex(of: .predicate(.tree, fields: fields, arguments: [child])) else {
          foldable = false
          break
        }
        absorbed.append(index)
        inner.append(variable)
      }
      let rootIsInner = if case .variable(let v) = root { v.isExistential } else { false }
      guard foldable, !absorbed.isEmpty || rootIsInner else { continue }
      let rest = atoms.enumerated().filter { $0.offset != i && !absorbed.contains($0.offset) }.map(\.element)
      return rebuilt(heap, rest + [.predicate(.tree, fields: fields, arguments: [root])], dropping: inner)
    }
    return nil
  }

  /// The field and value by which `atom` continues a list: a cell's single link, or a segment's end.
  private func link(of atom: SpatialAtom) -> (String, Term)? {
    switch atom {
    case .segment(let field, _, let to): return (field, to)
    case .pointsTo(_, let fields):
      guard let field = listField(in: fields), let value = fields[field] else { return nil }
      return (field, value)
    default: return nil
    }
  }

  /// Where the list continues after `atom`, which starts at `middle` and goes on along `field`.
  private func continuation(of atom: SpatialAtom, along field: String, from middle: Term) -> Term? {
    switch atom {
    case .segment(let f, _, let to) where f == field: return to
    case .pointsTo(_, let fields) where listField(in: fields) == field: return fields[field]
    default: return nil
    }
  }

  /// The link field of a cell: `tl` when present, else its only field; none for tree nodes.
  private func listField(in fields: [String: Term]) -> String? {
    if fields["l"] != nil && fields["r"] != nil { return nil }
    if fields["tl"] != nil { return "tl" }
    return fields.count == 1 ? fields.keys.first : nil
  }

  /// Whether `end` is surely not allocated by a folded segment: NULL, or allocated by one of `rest`
  /// (a cell there, or a segment starting there whose own end is outside too).
  private func isOutside(_ end: Term, _ rest: [SpatialAtom], _ visited: Set<Term> = []) -> Bool {
    if end.constantValue == BigInteger(0) { return true }
    if visited.contains(end) { return false }
    // A dlseg (or xlseg) allocates its first cell unless it ends where it starts, and its last cell unless that is the
    // one before.
    for case .predicate(let kind, _, let arguments) in rest where kind.isDoublyLinked && arguments.count == 4 {
      if arguments[0] == end && isOutside(arguments[1], rest, visited.union([end])) { return true }
      if arguments[3] == end && isOutside(arguments[2], rest, visited.union([end])) { return true }
    }
    for atom in rest where atom.address == end {
      switch atom {
      case .pointsTo, .endpoint: return true
      case .predicate(.tree, _, _): return true  // empty only at NULL
      case .segment(_, _, let to): if isOutside(to, rest, visited.union([end])) { return true }
      case .predicate: continue
      }
    }
    return false
  }

  /// The heap with new atoms, and without the pure facts that mention the addresses folded away.
  private func rebuilt(_ heap: SymbolicHeap, _ spatial: [SpatialAtom], dropping inner: [Variable]) -> SymbolicHeap {
    let gone = Set(inner)
    var result = heap
    result.spatial = spatial
    result.pure = heap.pure.filter { $0.variables.isDisjoint(with: gone) }
    result = result.closed
    return result
  }
}
