/// An expression: of a program (`x + 1`, `y->tl` is a statement, not an
/// expression) or of a first-order formula in the async layer (`forall`,
/// `pending_f(..)`, `valid(x)`, `old(..)`, `x->fld`).
///
/// One type serves both so that substitution, printing and resolution are
/// written once; the resolver rejects first-order-only forms in programs.
public struct Expression: Hashable, Sendable {
  public var kind: Kind { didSet { height = Self.height(of: kind) } }
  public var range: SourceRange
  /// Levels of the tree (see `TreeHeight.swift`), kept up to date as `kind` changes.
  public private(set) var height: Int

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
    self.height = Self.height(of: kind)
  }

  public indirect enum Kind: Hashable, Sendable {
    /// A program variable, parameter, global, or (in formulas) a logical variable.
    case variable(Identifier)
    /// A non-negative decimal literal, kept as its digits so no literal overflows.
    case integer(String)
    /// `NULL` (a synonym for `0`, kept apart so it prints as written).
    case null
    /// `true` / `false`.
    case boolean(Bool)
    /// `*`: a nondeterministic value or condition (async layer: `x = *;`, `if (*)`).
    case nondeterministic
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// `e->f` inside a first-order formula.
    case fieldRead(Expression, field: Identifier)
    /// `old(e)`: `e` evaluated in the state at the start of the current procedure.
    case old(Expression)
    /// `pending_f(args)` / `posted_f(args)`.
    case instance(InstancePredicate, procedure: Identifier, arguments: [Expression])
    /// `valid(e)`: `e` is an allocated address.
    case valid(Expression)
    /// `forall x, y. body` / `exists x. body`; the body extends as far right as possible.
    case quantified(Quantifier, variables: [Identifier], body: Expression)
  }
}

/// Prefix operators of both layers.
public enum UnaryOperator: String, Hashable, Sendable, CaseIterable {
  case not = "!"
  case negate = "-"
  case plus = "+"
}

/// Infix operators of both layers.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
  case implies = "==>"
  case or = "||"
  case and = "&&"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case plus = "+"
  case minus = "-"
  case times = "*"
  case divide = "/"
  case modulo = "%"
  case xor = "^"
}

/// The two predicates over pending procedure instances (seeds/002).
public enum InstancePredicate: String, Hashable, Sendable, CaseIterable {
  /// The instance is in the pending set now.
  case pending
  /// The current procedure made the instance pending.
  case posted
}

public enum Quantifier: String, Hashable, Sendable, CaseIterable {
  case forall, exists
}
