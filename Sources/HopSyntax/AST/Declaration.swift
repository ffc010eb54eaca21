/// A whole Hop file.
public struct Program: Hashable, Sendable {
  /// The optional leading field list `hd, tl;`; `nil` when absent (any field allowed).
  public var fields: [Identifier]?
  public var declarations: [Declaration]
  public init(fields: [Identifier]?, declarations: [Declaration]) {
    self.fields = fields
    self.declarations = declarations
  }
}

/// A top-level declaration.
public enum Declaration: Hashable, Sendable {
  case procedure(ProcedureDecl)
  case resource(ResourceDecl)
  case message(MessageDecl)
  case contract(ContractDecl)
  case asyncProcedure(AsyncProcedureDecl)
  case global(GlobalDecl)

  public var range: SourceRange {
    switch self {
    case .procedure(let d): d.range
    case .resource(let d): d.range
    case .message(let d): d.range
    case .contract(let d): d.range
    case .asyncProcedure(let d): d.range
    case .global(let d): d.range
    }
  }
}

/// `f(refs; values) [pre] { local ...; body } [post]` — a Smallfoot/Heap-Hop procedure.
public struct ProcedureDecl: Hashable, Sendable {
  public var name: Identifier
  public var referenceParameters: [Identifier]
  public var valueParameters: [Identifier]
  /// True when the header was written with a `;` (kept for printing).
  public var hasSeparator: Bool
  /// `nil` means `emp`.
  public var precondition: Assertion?
  public var locals: [Identifier]
  public var body: [Statement]
  /// `nil` means `emp`.
  public var postcondition: Assertion?
  public var range: SourceRange

  public init(name: Identifier, referenceParameters: [Identifier], valueParameters: [Identifier], hasSeparator: Bool,
              precondition: Assertion?, locals: [Identifier], body: [Statement], postcondition: Assertion?, range: SourceRange) {
    self.name = name
    self.referenceParameters = referenceParameters
    self.valueParameters = valueParameters
    self.hasSeparator = hasSeparator
    self.precondition = precondition
    self.locals = locals
    self.body = body
    self.postcondition = postcondition
    self.range = range
  }

  public var parameters: [Identifier] { referenceParameters + valueParameters }
}

/// `resource r(x, y) [inv]`.
public struct ResourceDecl: Hashable, Sendable {
  public var name: Identifier
  public var protectedVariables: [Identifier]
  public var invariant: Assertion
  public var range: SourceRange
  public init(name: Identifier, protectedVariables: [Identifier], invariant: Assertion, range: SourceRange) {
    self.name = name
    self.protectedVariables = protectedVariables
    self.invariant = invariant
    self.range = range
  }
}

/// `message m [inv]`: the ownership that travels with `m`.
public struct MessageDecl: Hashable, Sendable {
  public var name: Identifier
  /// `nil` means `emp`. May mention `val` and `src`.
  public var invariant: Assertion?
  public var range: SourceRange
  public init(name: Identifier, invariant: Assertion?, range: SourceRange) {
    self.name = name
    self.invariant = invariant
    self.range = range
  }
}

/// `contract C { initial state s { !m -> t; } ... }`.
public struct ContractDecl: Hashable, Sendable {
  public var name: Identifier
  public var states: [ContractStateDecl]
  public var range: SourceRange
  public init(name: Identifier, states: [ContractStateDecl], range: SourceRange) {
    self.name = name
    self.states = states
    self.range = range
  }
}

/// One state of a contract with its outgoing transitions.
public struct ContractStateDecl: Hashable, Sendable {
  public var name: Identifier
  public var isInitial: Bool
  public var isFinal: Bool
  public var transitions: [TransitionDecl]
  public var range: SourceRange
  public init(name: Identifier, isInitial: Bool, isFinal: Bool, transitions: [TransitionDecl], range: SourceRange) {
    self.name = name
    self.isInitial = isInitial
    self.isFinal = isFinal
    self.transitions = transitions
    self.range = range
  }
}

/// `!m -> t;` or `?m -> t;`.
public struct TransitionDecl: Hashable, Sendable {
  public var direction: Direction
  public var message: Identifier
  public var target: Identifier
  public var range: SourceRange
  public init(direction: Direction, message: Identifier, target: Identifier, range: SourceRange) {
    self.direction = direction
    self.message = message
    self.target = target
    self.range = range
  }
}

/// Whether the endpoint following the contract sends or receives.
public enum Direction: String, Hashable, Sendable, CaseIterable {
  case send = "!"
  case receive = "?"

  public var dual: Direction { self == .send ? .receive : .send }
}

/// `async f(x, y) [pre] rely [R] guarantee [G] { ... }`.
public struct AsyncProcedureDecl: Hashable, Sendable {
  public var name: Identifier
  public var parameters: [Identifier]
  public var precondition: Expression?
  public var rely: Expression?
  public var guarantee: Expression?
  public var locals: [Identifier]
  public var body: [Statement]
  public var range: SourceRange
  public init(name: Identifier, parameters: [Identifier], precondition: Expression?, rely: Expression?, guarantee: Expression?,
              locals: [Identifier], body: [Statement], range: SourceRange) {
    self.name = name
    self.parameters = parameters
    self.precondition = precondition
    self.rely = rely
    self.guarantee = guarantee
    self.locals = locals
    self.body = body
    self.range = range
  }
}

/// `global x, y;`: shared integer variables of the async layer.
public struct GlobalDecl: Hashable, Sendable {
  public var names: [Identifier]
  public var range: SourceRange
  public init(names: [Identifier], range: SourceRange) {
    self.names = names
    self.range = range
  }
}
