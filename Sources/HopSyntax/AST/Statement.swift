/// A command of the Hop language, as the user wrote it.
public struct Statement: Hashable, Sendable {
  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  public indirect enum Kind: Hashable, Sendable {
    /// `x = e;` (`e` may be `*` in the async layer).
    case assign(Identifier, Expression)
    /// `x = e->f;`
    case lookup(Identifier, pointer: Expression, field: Identifier)
    /// `e->f = v;`
    case mutate(pointer: Expression, field: Identifier, value: Expression)
    /// `x = new();`
    case allocate(Identifier)
    /// `dispose e;`
    case dispose(Expression)
    /// `{ s1 s2 ... }`
    case block([Statement])
    /// `if (c) s else s'`; a missing `else` is `nil`.
    case ifThenElse(condition: Expression, then: Statement, else: Statement?)
    /// `while (c) [inv] s`; the invariant defaults to `emp` (sync) / `true` (async) when `nil`.
    case whileLoop(condition: Expression, invariant: Formula?, body: Statement)
    /// `with r when (c) s`: conditional critical region.
    case withResource(Identifier, condition: Expression, body: Statement)
    /// `f(refs; values);`
    case call(Call)
    /// `f(..) || g(..);`
    case parallelCall(Call, Call)
    /// `(e, f) = open(C);`
    case open(Identifier, Identifier, contract: Identifier)
    /// `close(e, f);`
    case close(Expression, Expression)
    /// `send(m, e, x);` or `send(m, e);`
    case send(message: Identifier, endpoint: Expression, value: Expression?)
    /// `x = receive(m, e);` or `receive(m, e);`
    case receive(Receive)
    /// `switch receive { x = receive(m, e): { ... } ... }`
    case switchReceive([ReceiveCase])
    /// `post f(args);` (async layer)
    case post(procedure: Identifier, arguments: [Expression])
    /// `delete f(args);` (async layer)
    case delete(procedure: Identifier, arguments: [Expression])
  }
}

/// A procedure call with Smallfoot's reference/value argument split.
public struct Call: Hashable, Sendable {
  public var procedure: Identifier
  /// Arguments before the `;`: must be variables, updated by the callee.
  public var referenceArguments: [Expression]
  /// Arguments after the `;` (or all of them when there is no `;`).
  public var valueArguments: [Expression]
  /// True when the call was written with a `;` separator (kept for printing).
  public var hasSeparator: Bool
  public var range: SourceRange

  public init(procedure: Identifier, referenceArguments: [Expression], valueArguments: [Expression], hasSeparator: Bool, range: SourceRange) {
    self.procedure = procedure
    self.referenceArguments = referenceArguments
    self.valueArguments = valueArguments
    self.hasSeparator = hasSeparator
    self.range = range
  }
}

/// One reception: optional binding, message, endpoint.
public struct Receive: Hashable, Sendable {
  public var binding: Identifier?
  public var message: Identifier
  public var endpoint: Expression
  public var range: SourceRange
  public init(binding: Identifier?, message: Identifier, endpoint: Expression, range: SourceRange) {
    self.binding = binding
    self.message = message
    self.endpoint = endpoint
    self.range = range
  }
}

/// One branch of `switch receive`: the reception and what runs after it.
public struct ReceiveCase: Hashable, Sendable {
  public var receive: Receive
  public var body: [Statement]
  public var range: SourceRange
  public init(receive: Receive, body: [Statement], range: SourceRange) {
    self.receive = receive
    self.body = body
    self.range = range
  }
}

/// A specification formula: separation logic in sync procedures, first-order
/// logic in async ones (docs/language.md §1.3 and §3.2).
public enum Formula: Hashable, Sendable {
  case separation(Assertion)
  case firstOrder(Expression)

  public var range: SourceRange {
    switch self {
    case .separation(let a): a.range
    case .firstOrder(let e): e.range
    }
  }
}
