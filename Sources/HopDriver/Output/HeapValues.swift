import HopLogic

/// The values of one symbolic heap as a picture needs them: which terms
/// denote the same value (`x == y` puts both on one node), and which values
/// are addresses (drawn as nodes that arrows point at) rather than data
/// (written inside a cell's field).
///
/// NULL and 0 stay apart: `StateDisplay.readable` writes NULL for an address
/// and 0 for a number, so a counter equal to 0 is not drawn pointing at NULL.
///
/// A heap picture draws each address once, so aliasing is visible as two
/// labels or arrows meeting at one node; this type is where the pure
/// equalities decide that. It works on the state as `StateDisplay.readable`
/// gives it, so existentials carry the names the text shows.
struct HeapValues {
  /// The terms of each value, in order of first appearance (spatial atoms first, then pure facts).
  private(set) var classes: [[Term]] = []
  private var classOf: [Term: Int] = [:]
  /// The values that are addresses: allocated, a segment's end, a peer, compared with NULL, or NULL pointed at.
  private(set) var locations: Set<Int> = []

  init(_ heap: SymbolicHeap) {
    var parent: [Term: Term] = [:]
    var order: [Term] = []
    func add(_ term: Term) {
      if parent[term] == nil { parent[term] = term; order.append(term) }
    }
    func root(_ term: Term) -> Term {
      var term = term
      while let up = parent[term], up != term { term = up }
      return term
    }
    for atom in heap.spatial { atom.terms.forEach(add) }
    for fact in heap.pure { fact.terms.forEach(add) }
    for fact in heap.pure {
      // Only equalities of variables and constants merge nodes; `x == y + 1` stays a caption fact.
      if case .equal(let a, let b) = fact, a.isAtomic, b.isAtomic {
        let (ra, rb) = (root(a), root(b))
        if ra != rb { parent[rb] = ra }
      }
    }
    var indexOfRoot: [Term: Int] = [:]
    for term in order {
      let top = root(term)
      if let index = indexOfRoot[top] {
        classes[index].append(term)
      } else {
        indexOfRoot[top] = classes.count
        classes.append([term])
      }
      classOf[term] = indexOfRoot[top]
    }
    for atom in heap.spatial {
      for term in Self.addressTerms(atom) { locations.insert(classOf[term]!) }
    }
    for fact in heap.pure {
      switch fact {
      case .equal(let a, let b), .notEqual(let a, let b):
        if a == .null || b == .null { locations.formUnion([a, b].map { classOf[$0]! }) }
      case .less, .lessEqual:
        break
      }
    }
    // NULL is drawn when something points at it: a field, a variable, or a segment's end (above).
    if let null = classOf[.null] {
      let inField = heap.spatial.contains { atom in
        if case .pointsTo(_, let fields) = atom { return fields.values.contains(.null) }
        return false
      }
      let named = classes[null].contains { if case .variable(let variable) = $0 { !variable.isExistential } else { false } }
      if inField || named { locations.insert(null) }
    }
  }

  /// The value `term` denotes.
  func value(of term: Term) -> Int { classOf[term]! }

  /// The value of NULL, when the state mentions it.
  var null: Int? { classOf[.null] }

  /// Whether `term` denotes an address, so a field holding it is drawn as an arrow.
  func isLocation(_ term: Term) -> Bool { locations.contains(value(of: term)) }

  /// The program variables holding value `index` (no existentials: those are anonymous).
  func programVariables(of index: Int) -> [String] {
    classes[index].compactMap {
      if case .variable(let variable) = $0, !variable.isExistential { variable.name } else { nil }
    }
  }

  /// What a node of an address nobody names is labelled with: its existentials, or a constant.
  func anonymousName(of index: Int) -> String {
    let terms = classes[index].filter { term in
      if case .variable(let variable) = term { return variable.isExistential }
      return term.constantValue != nil || !term.isAtomic
    }
    return terms.map(\.description).joined(separator: " = ")
  }

  /// The terms an atom uses as addresses: where it is, its peer, a segment's or predicate's ends.
  private static func addressTerms(_ atom: SpatialAtom) -> [Term] {
    switch atom {
    case .pointsTo(let address, _): [address]
    case .endpoint(let address, let cell): [address] + (cell.peer.map { [$0] } ?? [])
    case .segment, .predicate: atom.terms
    }
  }
}
