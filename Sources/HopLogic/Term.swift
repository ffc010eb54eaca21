/// A logical or program variable. Names starting with `_` are existential
/// in Smallfoot formulas; the prover's fresh variables use `_` plus a `#n`
/// suffix no source program can write, so they never clash with user names.
public struct Variable: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var name: String
  public init(_ name: String) { self.name = name }

  /// True for `_x`: existentially quantified where it appears in an assertion.
  public var isExistential: Bool { name.hasPrefix("_") }
  public static func < (a: Variable, b: Variable) -> Bool { a.name < b.name }
  public var description: String { name }
}

/// Arithmetic operators on terms (Smallfoot's `+ - * / % ^`).
public enum ArithmeticOperator: String, Hashable, Sendable {
  case plus = "+", minus = "-", times = "*", divide = "/", modulo = "%", xor = "^"
}

/// A term of the logic: what a pointer or a value denotes.
///
/// `NULL` is Smallfoot's synonym for `0`; `Term.null` is kept distinct only so
/// it prints as written, and every reasoning step treats it as the integer 0.
public indirect enum Term: Hashable, Sendable, Comparable, CustomStringConvertible {
  case variable(Variable)
  case null
  case integer(BigInteger)
  case negate(Term)
  case binary(ArithmeticOperator, Term, Term)

  public static func v(_ name: String) -> Term { .variable(Variable(name)) }
  public static func int(_ value: Int) -> Term { .integer(BigInteger(value)) }

  /// The integer this term denotes when it is a constant (`NULL` is 0).
  public var constantValue: BigInteger? {
    switch self {
    case .null: BigInteger(0)
    case .integer(let value): value
    default: nil
    }
  }

  /// True for variables and constants: the terms the equality fast path reasons about exactly.
  public var isAtomic: Bool {
    switch self {
    case .variable, .null, .integer: true
    case .negate, .binary: false
    }
  }

  /// Calls `body` on each occurrence of a variable, left to right: the one walk
  /// behind `variables` of terms, atoms and heaps, which allocates nothing itself.
  public func forEachVariable(_ body: (Variable) -> Void) {
    switch self {
    case .variable(let variable): body(variable)
    case .null, .integer: break
    case .negate(let inner): inner.forEachVariable(body)
    case .binary(_, let left, let right):
      left.forEachVariable(body)
      right.forEachVariable(body)
    }
  }

  /// Whether some variable of the term is a key of `substitution` (then substituting changes it).
  /// A substitution of one variable (an assignment's) is compared name to name, not hashed per occurrence.
  public func mentionsAny(of substitution: [Variable: Term]) -> Bool {
    switch substitution.count {
    case 0: return false
    case 1: return mentions(substitution.first!.key)
    default: return mentionsKey(of: substitution)
    }
  }

  private func mentionsKey(of substitution: [Variable: Term]) -> Bool {
    switch self {
    case .variable(let variable): substitution[variable] != nil
    case .null, .integer: false
    case .negate(let inner): inner.mentionsKey(of: substitution)
    case .binary(_, let left, let right): left.mentionsKey(of: substitution) || right.mentionsKey(of: substitution)
    }
  }

  /// Whether `variable` occurs in the term.
  public func mentions(_ variable: Variable) -> Bool {
    switch self {
    case .variable(let other): other == variable
    case .null, .integer: false
    case .negate(let inner): inner.mentions(variable)
    case .binary(_, let left, let right): left.mentions(variable) || right.mentions(variable)
    }
  }

  /// Replaces variables by terms; variables not in `substitution` stay.
  public func substituting(_ substitution: [Variable: Term]) -> Term {
    if substitution.isEmpty { return self }
    switch self {
    case .variable(let variable): return substitution[variable] ?? self
    case .null, .integer: return self
    case .negate(let inner): return .negate(inner.substituting(substitution))
    case .binary(let op, let left, let right):
      return .binary(op, left.substituting(substitution), right.substituting(substitution))
    }
  }

  public static func < (a: Term, b: Term) -> Bool { a.description < b.description }

  public var description: String {
    switch self {
    case .variable(let variable): variable.name
    case .null: "NULL"
    case .integer(let value): value.description
    case .negate(let inner): "-" + inner.parenthesisedIfCompound
    case .binary(let op, let left, let right):
      "\(left.parenthesisedIfCompound) \(op.rawValue) \(right.parenthesisedIfCompound)"
    }
  }

  private var parenthesisedIfCompound: String { isAtomic ? description : "(\(description))" }
}

extension Term: VariableOccurrences {}
