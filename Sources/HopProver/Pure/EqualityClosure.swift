import HopLogic

/// Equalities and disequalities between terms, closed under the equality
/// rules: a union-find whose classes are merged by equalities, plus the
/// disequalities between classes. Distinct integer constants (NULL is 0) are
/// distinct. Compound terms (`x + 1`) are opaque nodes here — sound, and exact
/// on the equality fragment, which is all the fast path claims to decide.
public struct EqualityClosure: Hashable, Sendable {
  private var parent: [Term: Term] = [:]
  /// Disequalities as pairs of representatives, smaller first.
  private var distinctPairs: Set<[Term]> = []
  /// Set once an equality contradicts a disequality or two constants.
  public private(set) var isContradictory = false

  public init() {}

  /// The representative of `term`'s class: a constant if the class has one, else its least term.
  public func representative(_ term: Term) -> Term {
    let term = Self.normalised(term)
    var current = term
    while let next = parent[current], next != current { current = next }
    return current
  }

  private static func normalised(_ term: Term) -> Term {
    term == .null ? .integer(BigInteger(0)) : term
  }

  public func areEqual(_ a: Term, _ b: Term) -> Bool {
    isContradictory || representative(a) == representative(b)
  }

  public func areDistinct(_ a: Term, _ b: Term) -> Bool {
    if isContradictory { return true }
    let ra = representative(a)
    let rb = representative(b)
    if ra == rb { return false }
    if let ca = ra.constantValue, let cb = rb.constantValue { return ca != cb }
    return distinctPairs.contains(Self.pair(ra, rb))
  }

  private static func pair(_ a: Term, _ b: Term) -> [Term] { a < b ? [a, b] : [b, a] }

  /// Orders candidates for representative: constants, then ordinary names, then fresh (`#`) names.
  private static func rank(_ term: Term) -> (Int, String) {
    if term.constantValue != nil { return (0, term.description) }
    if case .variable(let variable) = term {
      return (variable.name.contains("#") ? 2 : 1, variable.name)
    }
    return (3, term.description)
  }

  public mutating func assertEqual(_ a: Term, _ b: Term) {
    let ra = representative(a)
    let rb = representative(b)
    guard ra != rb else { return }
    if let ca = ra.constantValue, let cb = rb.constantValue, ca != cb {
      isContradictory = true
      return
    }
    if distinctPairs.contains(Self.pair(ra, rb)) {
      isContradictory = true
      return
    }
    let (winner, loser) = Self.rank(ra) < Self.rank(rb) ? (ra, rb) : (rb, ra)
    parent[Self.normalised(a)] = parent[Self.normalised(a)] ?? Self.normalised(a)
    parent[Self.normalised(b)] = parent[Self.normalised(b)] ?? Self.normalised(b)
    parent[winner] = winner
    parent[loser] = winner
    // Path compression for every node pointing into the merged classes.
    for (node, _) in parent { parent[node] = representative(node) }
    // Re-express disequalities on the new representatives.
    distinctPairs = Set(distinctPairs.map { Self.pair(representative($0[0]), representative($0[1])) })
    if distinctPairs.contains(where: { $0[0] == $0[1] }) { isContradictory = true }
  }

  public mutating func assertDistinct(_ a: Term, _ b: Term) {
    let ra = representative(a)
    let rb = representative(b)
    if ra == rb {
      isContradictory = true
      return
    }
    if let ca = ra.constantValue, let cb = rb.constantValue, ca != cb { return }
    distinctPairs.insert(Self.pair(ra, rb))
  }

  /// Adds an equality or a disequality; other atoms are not this closure's business (returns false).
  @discardableResult
  public mutating func assert(_ atom: PureAtom) -> Bool {
    switch atom {
    case .equal(let a, let b): assertEqual(a, b)
    case .notEqual(let a, let b): assertDistinct(a, b)
    case .less, .lessEqual: return false
    }
    return true
  }

  /// Every term that has been mentioned, with its representative.
  public var classes: [Term: Term] {
    Dictionary(uniqueKeysWithValues: parent.keys.map { ($0, representative($0)) })
  }

  /// The facts this closure holds, as atoms over representatives (for printing and for Z3).
  public var facts: [PureAtom] {
    let equalities = parent.keys.sorted().compactMap { node -> PureAtom? in
      let root = representative(node)
      return root == node ? nil : .equal(node, root)
    }
    let disequalities = distinctPairs.sorted { $0.description < $1.description }.map { PureAtom.notEqual($0[0], $0[1]) }
    return equalities + disequalities
  }
}
