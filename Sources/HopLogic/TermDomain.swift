import HopSyntax

/// A condition of the sync checker as a case split: the disjunction of
/// conjunctions of pure atoms in which it is true, and the one in which it
/// is false. `[[]]` is "always" (no facts), `[]` is "never".
public struct CaseSplit: Hashable, Sendable {
  public var whenTrue: [[PureAtom]]
  public var whenFalse: [[PureAtom]]

  public init(whenTrue: [[PureAtom]], whenFalse: [[PureAtom]]) {
    self.whenTrue = whenTrue
    self.whenFalse = whenFalse
  }

  /// No information: both outcomes possible in every state (sound: both branches are explored).
  public static let unknown = CaseSplit(whenTrue: [[]], whenFalse: [[]])
}

/// A `/` or `%` whose divisor must not be zero, in the cases (`guardCases`,
/// a disjunction) where C evaluates it; a nil divisor has no term.
public struct DivisorObligation: Hashable, Sendable {
  public var divisor: Term?
  public var guardCases: [[PureAtom]]
  public var expression: Expression
}

/// Program expressions as terms of the logic, the sync checker's domain of
/// `ExpressionSemantics`. `/` and `%` are C's (the prover's pure solver reads
/// them so). In a specification (`strict`) anything without a term is a
/// `TranslationError`; in a program it is an unknown value (`nil`), and a
/// condition without a term gives no information.
public struct TermDomain: ExpressionDomain {
  public typealias Number = Term?
  public typealias Truth = CaseSplit

  /// Past these sizes a condition gives no information instead (sound: both branches are
  /// explored), so that a long `&&` or `||` chain cannot blow up into millions of cases.
  public static let caseLimit = 64, atomLimit = 1_000

  public var strict: Bool
  /// Every divisor met, in evaluation order.
  public private(set) var obligations: [DivisorObligation] = []
  private var guardCases: [[PureAtom]] = [[]]

  public init(strict: Bool) { self.strict = strict }

  /// `NULL` stays `NULL` (the logic reads it as 0 but prints it as written).
  public mutating func integer(_ value: BigInteger, _ expression: Expression) -> Term? {
    if case .null = expression.kind { return .null }
    return .integer(value)
  }
  public mutating func variable(_ name: String, _ expression: Expression) -> Term? { .variable(Variable(name)) }
  public mutating func boolean(_ value: Bool) -> CaseSplit {
    value ? CaseSplit(whenTrue: [[]], whenFalse: []) : CaseSplit(whenTrue: [], whenFalse: [[]])
  }
  public mutating func negate(_ value: Term?, _ expression: Expression) -> Term? { value.map { .negate($0) } }

  public mutating func arithmetic(_ op: ArithmeticOperator, _ a: Term?, _ b: Term?, _ expression: Expression) -> Term? {
    guard let a, let b else { return nil }
    return .binary(op, a, b)
  }

  public mutating func requireNonZero(_ divisor: Term?, _ expression: Expression) {
    obligations.append(DivisorObligation(divisor: divisor, guardCases: guardCases, expression: expression))
  }

  public mutating func compare(_ op: ComparisonOperator, _ a: Term?, _ b: Term?,
                               _ expression: Expression) throws -> CaseSplit {
    guard let a, let b else { return .unknown }
    let atom: PureAtom = switch op {
    case .equal: .equal(a, b)
    case .notEqual: .notEqual(a, b)
    case .less: .less(a, b)
    case .lessEqual: .lessEqual(a, b)
    }
    return CaseSplit(whenTrue: [[atom]], whenFalse: [[atom.negated]])
  }

  public mutating func not(_ value: CaseSplit) -> CaseSplit {
    CaseSplit(whenTrue: value.whenFalse, whenFalse: value.whenTrue)
  }

  /// `left op right` as cases: `right`'s cases inside those of `left` where C evaluates it.
  /// The cases keep the order in which C's short circuit meets them.
  public mutating func shortCircuit(_ op: ShortCircuitOperator, _ left: CaseSplit,
                                    _ right: (inout TermDomain) throws -> CaseSplit) throws -> CaseSplit {
    let outer = guardCases
    let (enter, decided) = op.rightSideWhen ? (left.whenTrue, left.whenFalse) : (left.whenFalse, left.whenTrue)
    guardCases = Self.product(outer, enter)
    defer { guardCases = outer }
    let rest = try right(&self)
    switch op {
    case .and:
      return CaseSplit(whenTrue: Self.capped(Self.product(enter, rest.whenTrue)),
                       whenFalse: Self.capped(decided + Self.product(enter, rest.whenFalse)))
    case .or:
      return CaseSplit(whenTrue: Self.capped(decided + Self.product(enter, rest.whenTrue)),
                       whenFalse: Self.capped(Self.product(enter, rest.whenFalse)))
    case .implies:
      return CaseSplit(whenTrue: Self.capped(decided + Self.product(enter, rest.whenTrue)),
                       whenFalse: Self.capped(Self.product(enter, rest.whenFalse)))
    }
  }

  /// Equal truth values: both true or both false.
  public mutating func equivalent(_ a: CaseSplit, _ b: CaseSplit) -> CaseSplit {
    CaseSplit(whenTrue: Self.capped(Self.product(a.whenTrue, b.whenTrue) + Self.product(a.whenFalse, b.whenFalse)),
              whenFalse: Self.capped(Self.product(a.whenTrue, b.whenFalse) + Self.product(a.whenFalse, b.whenTrue)))
  }

  public mutating func truth(_ number: Term?, _ expression: Expression) throws -> CaseSplit {
    guard let number else { return .unknown }
    if strict { throw TranslationError(message: "a number is used where a formula is needed", range: expression.range) }
    return CaseSplit(whenTrue: [[.notEqual(number, .int(0))]], whenFalse: [[.equal(number, .int(0))]])
  }

  public mutating func number(_ truth: CaseSplit, _ expression: Expression) throws -> Term? {
    guard strict else { return nil }
    if case .binary(let op, _, _) = expression.kind {
      throw TranslationError(message: "'\(op.rawValue)' is not allowed inside a term", range: expression.range)
    }
    throw TranslationError(message: "this expression is not a term of the logic", range: expression.range)
  }

  public mutating func other(_ expression: Expression) throws -> ExpressionValue<Term?, CaseSplit> {
    if strict { throw TranslationError(message: "this expression is not a term of the logic", range: expression.range) }
    return .number(nil)
  }

  /// No information (one case, no facts) in place of too many cases: an over-approximation.
  private static func capped(_ cases: [[PureAtom]]) -> [[PureAtom]] {
    guard cases.count <= caseLimit, cases.reduce(0, { $0 + $1.count }) <= atomLimit else { return [[]] }
    return cases
  }

  private static func product(_ a: [[PureAtom]], _ b: [[PureAtom]]) -> [[PureAtom]] {
    guard a.count * b.count <= caseLimit else { return [[]] }
    return a.flatMap { x in b.map { y in x + y } }
  }
}
