import HopLogic

/// Equalities and disequalities between terms, closed under the equality
/// rules: a union-find whose classes are merged by equalities, plus the
/// disequalities between classes. Distinct integer constants (NULL is 0) are
/// distinct. Compound terms (`x + 1`) are opaque nodes here — sound, and exact
/// on the equality fragment, which is all the fast path claims to decide.
///
/// The prover asks "are these equal / distinct?" far more often than it adds
/// facts, so every mentioned term is numbered once and points straight at its
/// class (the smaller class is relabelled on a merge, O(n log n) in all), and
/// each class keeps the classes it is distinct from: a query is one hash
/// look-up per term and a few array reads.
public struct EqualityClosure: Hashable, Sendable {
  /// The number of every mentioned term (NULL is recorded as 0).
  private var number: [Term: Int] = [:]
  /// The mentioned terms, by number.
  private var terms: [Term] = []
  /// The class of each term, by number: the number of one of its members.
  private var classOf: [Int] = []
  /// By class: its members (empty for numbers that are not a class any more).
  private var members: [[Int]] = []
  /// By class: its representative, the best-ranked member (see `rank`).
  private var best: [Int] = []
  /// By class: the classes it is known to be distinct from.
  private var distinctFrom: [Set<Int>] = []
  /// Set once an equality contradicts a disequality or two constants.
  public private(set) var isContradictory = false

  public init() {}

  private static func normalised(_ term: Term) -> Term {
    if case .null = term { return .integer(BigInteger(0)) }
    return term
  }

  /// The class of `term`, or nil if it was never mentioned (then it is alone in its class).
  private func classOf(_ term: Term) -> Int? {
    number[Self.normalised(term)].map { classOf[$0] }
  }

  /// The representative of `term`'s class: a constant if the class has one, else its least term.
  public func representative(_ term: Term) -> Term {
    guard let id = classOf(term) else { return Self.normalised(term) }
    return terms[best[id]]
  }

  public func areEqual(_ a: Term, _ b: Term) -> Bool {
    if isContradictory { return true }
    switch (classOf(a), classOf(b)) {
    case (let ca?, let cb?): return ca == cb
    case (nil, nil): return Self.normalised(a) == Self.normalised(b)
    default: return false
    }
  }

  public func areDistinct(_ a: Term, _ b: Term) -> Bool {
    if isContradictory { return true }
    let ca = classOf(a)
    let cb = classOf(b)
    if let ca, let cb {
      return ca != cb && (distinctFrom[ca].contains(cb) || Self.distinctConstants(terms[best[ca]], terms[best[cb]]))
    }
    return !areEqual(a, b) && Self.distinctConstants(representative(a), representative(b))
  }

  private static func distinctConstants(_ a: Term, _ b: Term) -> Bool {
    guard let ca = a.constantValue, let cb = b.constantValue else { return false }
    return ca != cb
  }

  /// Orders candidates for representative: constants, then ordinary names, then fresh (`#`) names.
  private static func rank(_ term: Term) -> (Int, String) {
    if term.constantValue != nil { return (0, term.description) }
    if case .variable(let variable) = term {
      return (variable.name.contains("#") ? 2 : 1, variable.name)
    }
    return (3, term.description)
  }

  /// The class of `term`, numbering it as a class of its own if it was never mentioned.
  private mutating func mention(_ term: Term) -> Int {
    let term = Self.normalised(term)
    if let known = number[term] { return classOf[known] }
    let id = terms.count
    number[term] = id
    terms.append(term)
    classOf.append(id)
    members.append([id])
    best.append(id)
    distinctFrom.append([])
    return id
  }

  public mutating func assertEqual(_ a: Term, _ b: Term) {
    let ca = mention(a)
    let cb = mention(b)
    guard ca != cb else { return }
    if Self.distinctConstants(terms[best[ca]], terms[best[cb]]) || distinctFrom[ca].contains(cb) {
      isContradictory = true
      return
    }
    // The smaller class moves into the larger one; the better-ranked representative stays.
    let (keep, move) = members[ca].count >= members[cb].count ? (ca, cb) : (cb, ca)
    for member in members[move] { classOf[member] = keep }
    members[keep] += members[move]
    members[move] = []
    if Self.rank(terms[best[move]]) < Self.rank(terms[best[keep]]) { best[keep] = best[move] }
    let partners = distinctFrom[move]
    distinctFrom[move] = []
    for partner in partners {
      distinctFrom[partner].remove(move)
      distinctFrom[partner].insert(keep)
    }
    distinctFrom[keep].formUnion(partners)
  }

  public mutating func assertDistinct(_ a: Term, _ b: Term) {
    let ca = mention(a)
    let cb = mention(b)
    if ca == cb {
      isContradictory = true
      return
    }
    if Self.distinctConstants(terms[best[ca]], terms[best[cb]]) { return }
    distinctFrom[ca].insert(cb)
    distinctFrom[cb].insert(ca)
  }

  /// Asserts that the terms are pairwise distinct (the addresses of separate cells).
  /// Returns whether the closure learnt something; a contradiction (two of them equal) is recorded.
  @discardableResult
  public mutating func assertPairwiseDistinct(_ list: [Term]) -> Bool {
    let classes = list.map { mention($0) }
    var learnt = false
    for (index, first) in classes.enumerated() {
      for second in classes[(index + 1)...] {
        if first == second {
          isContradictory = true
          return true
        }
        if distinctFrom[first].contains(second) || Self.distinctConstants(terms[best[first]], terms[best[second]]) {
          continue
        }
        distinctFrom[first].insert(second)
        distinctFrom[second].insert(first)
        learnt = true
      }
    }
    return learnt
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
    number.mapValues { terms[best[classOf[$0]]] }
  }

  /// The facts this closure holds, as atoms over representatives (for printing and for Z3):
  /// each mentioned term equal to its representative, then each disequality once, in a fixed order.
  public var facts: [PureAtom] {
    let equalities = terms.sorted().compactMap { term -> PureAtom? in
      let root = representative(term)
      return root == term ? nil : .equal(term, root)
    }
    var pairs: [(Term, Term)] = []
    for (id, partners) in distinctFrom.enumerated() {
      for partner in partners where id < partner {
        let (a, b) = (terms[best[id]], terms[best[partner]])
        pairs.append(b < a ? (b, a) : (a, b))
      }
    }
    pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    return equalities + pairs.map { PureAtom.notEqual($0.0, $0.1) }
  }
}
