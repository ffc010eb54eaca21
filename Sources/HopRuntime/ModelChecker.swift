import HopLogic

/// Whether a concrete state satisfies a Hop formula, with the precise
/// semantics of the checker: the formula's atoms must cover the allocated
/// heap exactly, so a cell or endpoint left over is a leak.
///
/// The formula is HopLogic's translation (`AssertionTranslation.heaps`), the
/// same disjuncts the checker proves with, rather than the AST: `if`
/// formulas, default fields and `list` = `lseg(.., NULL)` are read once. The
/// search is a backtracking match: atoms whose address is known consume
/// their cells deterministically (a segment walks its field from the start
/// to the end value); an existential address or segment end is a choice
/// among the free cells or the points of the chain; pure facts and
/// equalities over unbound existentials are checked last, over a small set
/// of candidate values. The search is bounded (`nodeLimit`).
public struct ModelChecker {
  /// The verdict on one state.
  public enum Result: Hashable, Sendable {
    case holds
    /// Some disjunct matches, but these allocated addresses are not described.
    case leak([Int])
    case fails(String)
  }

  let program: RuntimeProgram
  let heap: ConcreteHeap
  /// Values of the free variables (program variables, fixed existentials); nil for unknown names.
  let lookup: (String) -> Int?
  var nodeLimit = 20_000

  public init(program: RuntimeProgram, heap: ConcreteHeap, lookup: @escaping (String) -> Int?) {
    self.program = program
    self.heap = heap
    self.lookup = lookup
  }

  /// A partial match: the values chosen for unbound names, the addresses consumed, facts left to check.
  struct Match {
    var bound: [String: Int] = [:]
    var used = Set<Int>()
    var pending: [PureAtom] = []
  }

  /// The addresses of the first match of a disjunct, other cells allowed to remain: the
  /// ownership a message invariant describes (nil when no disjunct matches).
  public func footprint(_ disjuncts: [SymbolicHeap], among addresses: [Int]? = nil) -> Set<Int>? {
    var search = Search(checker: self, live: addresses ?? heap.programAddresses)
    search.partial = true
    for disjunct in disjuncts {
      search.run(disjunct)
      if let found = search.footprint { return found }
    }
    return nil
  }

  /// Checks every disjunct; the first exact match wins, else the smallest leftover is a leak.
  public func check(_ disjuncts: [SymbolicHeap]) -> Result {
    let live = heap.programAddresses
    var search = Search(checker: self, live: live)
    for disjunct in disjuncts {
      search.run(disjunct)
      if search.exact { return .holds }
    }
    if let leftover = search.smallestLeftover { return .leak(leftover) }
    return .fails(disjuncts.isEmpty ? "the formula is false" : search.lastFailure)
  }

  // MARK: Terms

  func value(_ term: Term, _ match: Match) -> Int? {
    Self.evaluate(term) { name in match.bound[name] ?? lookup(name) }
  }

  /// The integer a term denotes, with `ConcreteArithmetic`; nil when a name has no value, a divisor
  /// is 0 or a value is beyond 64 bits.
  static func evaluate(_ term: Term, _ value: (String) -> Int?) -> Int? {
    switch term {
    case .variable(let variable): return value(variable.name)
    case .null: return 0
    case .integer(let constant): return constant.exactInt
    case .negate(let inner): return evaluate(inner, value).flatMap { try? ConcreteArithmetic.negate($0) }
    case .binary(let op, let left, let right):
      guard let a = evaluate(left, value), let b = evaluate(right, value) else { return nil }
      return try? ConcreteArithmetic.apply(op, a, b)
    }
  }

  /// Makes `term` denote `concrete`: compares, binds a lone unbound name, or defers the equality.
  func unify(_ term: Term, _ concrete: Int, _ match: inout Match) -> Bool {
    if let known = value(term, match) { return known == concrete }
    if case .variable(let variable) = term {
      match.bound[variable.name] = concrete
      return true
    }
    match.pending.append(.equal(term, .integer(BigInteger(concrete))))
    return true
  }

  func holds(_ atom: PureAtom, _ match: Match) -> Bool? {
    switch atom {
    case .equal(let a, let b): guard let x = value(a, match), let y = value(b, match) else { return nil }; return x == y
    case .notEqual(let a, let b): guard let x = value(a, match), let y = value(b, match) else { return nil }; return x != y
    case .less(let a, let b): guard let x = value(a, match), let y = value(b, match) else { return nil }; return x < y
    case .lessEqual(let a, let b): guard let x = value(a, match), let y = value(b, match) else { return nil }; return x <= y
    }
  }

  /// The names of `atom` that have no value yet.
  func unbound(_ atom: PureAtom, _ match: Match) -> [String] {
    atom.variables.filter { variable in
      match.bound[variable.name] == nil && lookup(variable.name) == nil
    }.map(\.name).sorted()
  }
}
