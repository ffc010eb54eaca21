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
///
/// The addresses of the cells of one heap (and NULL) are pairwise distinct;
/// there are many of them and they are asserted again and again, so they are
/// not stored pair by pair (n² facts for n cells) but as one mark per class,
/// `separate`: two different marked classes are distinct, and merging two
/// marked classes is a contradiction (decision 47).
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
  /// By class: the classes it is known to be distinct from (besides the `separate` ones).
  private var distinctFrom: [Set<Int>] = []
  /// By class: whether it holds the address of a cell (or NULL), so that it is
  /// distinct from every other marked class (`assertSeparate`).
  private var separate: [Bool] = []
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
      return ca != cb && ((separate[ca] && separate[cb]) || distinctFrom[ca].contains(cb) || Self.distinctConstants(terms[best[ca]], terms[best[cb]]))
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
    separate.append(false)
    return id
  }

  public mutating func assertEqual(_ a: Term, _ b: Term) {
    let ca = mention(a)
    let cb = mention(b)
    guard ca != cb else { return }
    if Self.distinctConstants(terms[best[ca]], terms[best[cb]]) || distinctFrom[ca].contains(cb)
      || (separate[ca] && separate[cb]) {
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
    separate[keep] = separate[keep] || separate[move]
    separate[move] = false
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

  /// Asserts that the terms are the addresses of separate cells of the heap
  /// (NULL may be among them): pairwise distinct, and distinct from every
  /// term asserted separate before — all calls on one closure describe one
  /// heap (the prover's left-hand side, whose cells are all allocated at once).
  /// Linear: each class is marked, nothing is stored per pair.
  /// Returns whether the closure learnt something (a class newly marked); a
  /// contradiction (two of them equal) is recorded.
  @discardableResult
  public mutating func assertSeparate(_ list: [Term]) -> Bool {
    // By class number (each term mentioned here adds at most one): a class met twice is a contradiction.
    var seen = [Bool](repeating: false, count: terms.count + list.count)
    var learnt = false
    for term in list {
      let id = mention(term)
      if seen[id] {
        isContradictory = true
        return true
      }
      seen[id] = true
      if !separate[id] {
        separate[id] = true
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
  /// The separate classes are listed pair by pair here, so this is quadratic in their number.
  public var facts: [PureAtom] { facts(omittingSeparatePairsWhere: nil) }

  /// `facts`, without the disequalities between two separate classes whose
  /// representatives both satisfy `omitted` (which is asked once per separate
  /// class): a caller that drops such pairs anyway (because they follow from
  /// the heap) does not pay for listing them.
  public func facts(omittingSeparatePairsWhere omitted: ((Term) -> Bool)?) -> [PureAtom] {
    // Only the terms that are not their class's representative make a fact: they are picked
    // before sorting (a term's order is its text), so n cells alone in their classes sort nothing.
    let equalities = terms.indices.filter { best[classOf[$0]] != $0 }.sorted { terms[$0] < terms[$1] }
      .map { PureAtom.equal(terms[$0], terms[best[classOf[$0]]]) }
    // Terms are ordered by their text: each one's text is made once, not at every comparison.
    var texts: [Int: String] = [:]
    func text(_ number: Int) -> String {
      if let known = texts[number] { return known }
      let made = terms[number].description
      texts[number] = made
      return made
    }
    // Pairs of term numbers (each class's representative), the one with the smaller text first.
    var pairs: [(Int, Int)] = []
    func add(_ id: Int, _ partner: Int) {
      let (a, b) = (best[id], best[partner])
      pairs.append(text(b) < text(a) ? (b, a) : (a, b))
    }
    for (id, partners) in distinctFrom.enumerated() {
      for partner in partners where id < partner { add(id, partner) }
    }
    // The separate pairs that are not already explicit; none between two distinct constants (they say nothing).
    let marked = separate.indices.filter { separate[$0] && !members[$0].isEmpty }
    let kept = marked.filter { !(omitted?(terms[best[$0]]) ?? false) }
    let keptSet = Set(kept)
    for id in kept {
      for partner in marked where partner != id && !(keptSet.contains(partner) && partner < id) {
        if distinctFrom[id].contains(partner) || Self.distinctConstants(terms[best[id]], terms[best[partner]]) { continue }
        add(id, partner)
      }
    }
    pairs.sort { $0.0 != $1.0 ? text($0.0) < text($1.0) : text($0.1) < text($1.1) }
    return equalities + pairs.map { PureAtom.notEqual(terms[$0.0], terms[$0.1]) }
  }
}
