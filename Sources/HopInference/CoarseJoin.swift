import HopLogic

/// Single heaps that cover the cases of an inferred invariant which no
/// comparison of program values tells apart (decision 81): Hop's assertions
/// can only write a disjunction as `if e == f then A else B`, so cases that
/// differ in shape alone (msort's `lseg(a, l)` against `lseg(b, l)`, a doubly
/// linked walk's back link, a dead alias) are written as one coarser case.
///
/// Each case is first coarsened: the cells a program variable names are
/// folded as if it were an existential (a cell and a segment become a
/// segment, `lseg(b, l) * l |-> tl: NULL` becomes `list(b)`); a variable
/// folded away is forgotten, one that stays (as a segment's last cell) is
/// kept. The variables the loop's condition reads are never folded. Then the
/// cases are anti-unified: atoms are paired (a lone cell read as a one-cell
/// segment where it pairs with a segment), equal terms stay, a term one case
/// states equal to the other's stays, and any other pair of terms becomes an
/// existential (a back link no comparison reads, a dead variable's alias); of
/// the pure facts only those both state stay. A first round instead keeps a
/// program variable paired with a term of a case that does not mention it
/// (walk_back's dead `y`, whose alias inference forgot in one case): that is
/// no weakening of that case, but the states it came from had `y` there.
///
/// Each candidate is only that: the caller keeps one only if the unchanged
/// loop rule proves it (it holds on the states on entry and the body
/// preserves it), so a generalization that loses what the loop needs, or that
/// is no invariant, is never written.
public struct CoarseJoin: Sendable {
  /// The program variables never folded away: those the loop's condition reads.
  public let kept: Set<Variable>

  public init(kept: Set<Variable>) {
    self.kept = kept
  }

  /// Single heaps that may cover every case, most precise first, canonical and without duplicates: for each
  /// way of coarsening, the anti-unification of the most cases it joins, with the facts they share, then without
  /// pure facts.
  public func candidates(_ cases: [SymbolicHeap]) -> [SymbolicHeap] {
    var result: [SymbolicHeap] = []
    func add(_ heap: SymbolicHeap) {
      let canonical = CanonicalNames.canonical(heap)
      if !result.contains(canonical) { result.append(canonical) }
    }
    let coarsened = cases.map(coarsened)
    var general: [SymbolicHeap] = []
    for absentVariables in [true, false] {
      for variant in [coarsened, cases] {
        // Seeds with the most atoms first: the entry case (often `emp`-like) is left to the loop rule's entry check.
        let order = variant.indices.sorted { variant[$0].spatial.count > variant[$1].spatial.count }
        for seed in order {
          var joined = variant[seed]
          var count = 1
          for other in order where other != seed {
            if let next = Self.antiUnified(joined, variant[other], absentVariables: absentVariables) {
              joined = next
              count += 1
            }
          }
          if count > 1 { general.append(joined) }
        }
      }
    }
    for heap in general { add(heap) }
    for heap in general {
      var bare = heap
      bare.pure = []
      add(bare)
    }
    return result
  }

  /// The case with the cells its program variables name folded like existentials' (`ShapeFolding`),
  /// each variable that survives put back.
  public func coarsened(_ heap: SymbolicHeap) -> SymbolicHeap {
    let named = heap.spatial.flatMap { $0.variables }.filter { !$0.isExistential && !kept.contains($0) }
    var renaming: [Variable: Term] = [:]
    var back: [Variable: Term] = [:]
    for variable in Set(named).sorted() {
      let hidden = Variable("_coarse_" + variable.name)
      renaming[variable] = .variable(hidden)
      back[hidden] = .variable(variable)
    }
    guard !renaming.isEmpty else { return heap }
    var folded = ShapeFolding().fold(heap.substituting(renaming))
    folded.existentials = []  // so that the hidden names are put back (substituting leaves existentials alone)
    folded = folded.substituting(back).closed
    // A fact about a variable folded away no longer says anything about the heap.
    let present = folded.spatial.reduce(into: Set<Variable>()) { $0.formUnion($1.variables) }
    let gone = Set(named).subtracting(present)
    folded.pure.removeAll { !$0.variables.isDisjoint(with: gone) }
    return folded
  }

  // MARK: Anti-unification

  /// One heap that both `a` and `b` are instances of, or nil when their atoms do not pair up.
  /// With `absentVariables`, a program variable of one case paired with a term of another that does not mention
  /// it stays (a dead variable whose alias the other case forgot: walk_back's `y`, `b` after the first step).
  static func antiUnified(_ a: SymbolicHeap, _ b: SymbolicHeap, absentVariables: Bool = false) -> SymbolicHeap? {
    guard a.spatial.count == b.spatial.count, a.spatial.count <= 6 else { return nil }
    var best: (heap: SymbolicHeap, fresh: Int)?
    for pairing in permutations(Array(b.spatial.indices)) {
      var generalizer = Generalizer(a: a, b: b, absentVariables: absentVariables)
      var atoms: [SpatialAtom] = []
      for (index, other) in pairing.enumerated() {
        guard let atom = generalizer.atom(a.spatial[index], b.spatial[other]) else { break }
        atoms.append(atom)
      }
      guard atoms.count == a.spatial.count, best.map({ generalizer.fresh < $0.fresh }) ?? true else { continue }
      let shared = Set(b.pure.flatMap { [$0, flipped($0)] })
      let pure = a.pure.filter { shared.contains($0) && !$0.variables.contains(where: \.isExistential) }
      best = (SymbolicHeap(pure: pure, spatial: atoms), generalizer.fresh)
    }
    return best?.heap
  }

  /// Pairs of terms made one term: equal, stated equal by a case, or an existential per pair.
  private struct Generalizer {
    let a: SymbolicHeap, b: SymbolicHeap
    let absentVariables: Bool
    let inA: Set<Variable>, inB: Set<Variable>
    var pairs: [[Term]: Term] = [:]
    var fresh = 0

    init(a: SymbolicHeap, b: SymbolicHeap, absentVariables: Bool) {
      self.a = a
      self.b = b
      self.absentVariables = absentVariables
      inA = a.variables
      inB = b.variables
    }

    mutating func term(_ x: Term, _ y: Term) -> Term {
      if x == y && !x.variables.contains(where: \.isExistential) { return x }
      if let value = x.constantValue, value == y.constantValue { return value == BigInteger(0) ? .null : x }
      if case .binary(let op, let l1, let r1) = x, case .binary(let other, let l2, let r2) = y, op == other {
        return .binary(op, term(l1, l2), term(r1, r2))
      }
      // A program value one case states equal to the other's.
      if !x.variables.contains(where: \.isExistential) && states(b, y, x) { return x }
      if !y.variables.contains(where: \.isExistential) && states(a, x, y) { return y }
      if let known = pairs[[x, y]] { return known }
      if absentVariables, let kept = absent(x, from: inB) ?? absent(y, from: inA) {
        pairs[[x, y]] = kept
        return kept
      }
      let variable = Term.v("_g\(fresh)")
      fresh += 1
      pairs[[x, y]] = variable
      return variable
    }

    /// `term` when it is a program variable that `variables` (the other case's) does not include.
    private func absent(_ term: Term, from variables: Set<Variable>) -> Term? {
      guard case .variable(let variable) = term, !variable.isExistential, !variables.contains(variable) else { return nil }
      return term
    }

    private func states(_ heap: SymbolicHeap, _ x: Term, _ y: Term) -> Bool {
      heap.pure.contains(.equal(x, y)) || heap.pure.contains(.equal(y, x))
    }

    /// The two atoms as one, a lone cell read as a one-cell segment of the other's kind; nil when they do not pair.
    mutating func atom(_ x: SpatialAtom, _ y: SpatialAtom) -> SpatialAtom? {
      switch (x, y) {
      case (.pointsTo(let p, let f), .pointsTo(let q, let g)) where Set(f.keys) == Set(g.keys):
        var fields: [String: Term] = [:]
        for key in f.keys.sorted() { fields[key] = term(f[key]!, g[key]!) }
        return .pointsTo(term(p, q), fields: fields)
      case (.segment(let field, let f1, let t1), .segment(let other, let f2, let t2)) where field == other:
        return .segment(field: field, from: term(f1, f2), to: term(t1, t2))
      case (.predicate(let kind, let fields, let xs), .predicate(let other, let gs, let ys))
      where kind == other && fields == gs && xs.count == ys.count:
        return .predicate(kind, fields: fields, arguments: zip(xs, ys).map { term($0, $1) })
      case (.endpoint, .endpoint):
        return x == y ? x : nil
      case (.pointsTo, .segment), (.pointsTo, .predicate):
        return CoarseJoin.segment(x, like: y).flatMap { atom($0, y) }
      case (.segment, .pointsTo), (.predicate, .pointsTo):
        return CoarseJoin.segment(y, like: x).flatMap { atom(x, $0) }
      default:
        return nil
      }
    }
  }

  /// A cell read as a one-cell segment of `target`'s kind (`x |-> tl: y` as `lseg(x, y)`, a cell with `r` and `l`
  /// as `dlseg(x, r, l, x)`, a cell with `l: n ^ p` as `xlseg(x, n, p, x)`), or nil.
  static func segment(_ cell: SpatialAtom, like target: SpatialAtom) -> SpatialAtom? {
    guard case .pointsTo(let address, let values) = cell else { return nil }
    switch target {
    case .segment(let field, _, _):
      guard values.count == 1, let next = values[field] else { return nil }
      return .segment(field: field, from: address, to: next)
    case .predicate(.dlseg, let fields, let arguments) where fields.count == 2 && arguments.count == 4:
      guard let next = values[fields[0]], let back = values[fields[1]] else { return nil }
      return .predicate(.dlseg, fields: fields, arguments: [address, next, back, address])
    case .predicate(.xlseg, let fields, let arguments) where fields.count == 2 && arguments.count == 4:
      guard let link = values[fields[0]] else { return nil }
      // The reading of the link as `next ^ previous` that agrees most with the target's ends.
      let splits = ([Term.null] + xorOperands(link)).compactMap { next -> (Term, Term)? in
        XorLinkedFolding.other(link, than: next).flatMap { $0.isAtomic ? (next, $0) : nil }
      }
      let score = { (split: (Term, Term)) in (split.0 == arguments[1] ? 1 : 0) + (split.1 == arguments[2] ? 1 : 0) }
      guard let (next, previous) = splits.max(by: { score($0) < score($1) }) else { return nil }
      let normal = { (term: Term) in term.constantValue == BigInteger(0) ? Term.null : term }
      return .predicate(.xlseg, fields: fields, arguments: [address, normal(next), normal(previous), address])
    default:
      return nil
    }
  }

  private static func xorOperands(_ term: Term) -> [Term] {
    if case .binary(.xor, let left, let right) = term { return xorOperands(left) + xorOperands(right) }
    return [term]
  }

  private static func flipped(_ fact: PureAtom) -> PureAtom {
    switch fact {
    case .equal(let x, let y): .equal(y, x)
    case .notEqual(let x, let y): .notEqual(y, x)
    default: fact
    }
  }

  private static func permutations(_ items: [Int]) -> [[Int]] {
    guard items.count > 1 else { return [items] }
    return items.indices.flatMap { index in
      var rest = items
      let first = rest.remove(at: index)
      return permutations(rest).map { [first] + $0 }
    }
  }
}
