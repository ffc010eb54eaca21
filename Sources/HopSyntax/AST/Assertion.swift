/// A separation-logic formula (Smallfoot / Heap-Hop assertion).
///
/// There is no separate pure part: `E == F` holds only of the empty heap,
/// and `*` is the only conjunction (docs/language.md §1.3).
public struct Assertion: Hashable, Sendable {
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
    case emp
    case `true`
    case `false`
    case equal(Expression, Expression)
    case notEqual(Expression, Expression)
    case star(Assertion, Assertion)
    /// `e |-> f1: v1, f2: v2`; an empty list is `e |->` (an allocated cell).
    /// The shorthands `e |-> v` and `e |-> v, w` are stored with their
    /// default fields (`tl`; `l`, `r`) made explicit.
    case pointsTo(Expression, fields: [FieldValue])
    /// `e |-> C{s, t}, peer: f` or `e |-> ~C{s}`: an endpoint cell.
    case endpoint(Expression, EndpointSpec)
    /// `list`, `lseg`, `dlseg`, `xlseg`, `tree`; `fields` as written (before
    /// the `;`), empty when the defaults of `SpatialPredicate.defaultFields` apply.
    case predicate(SpatialPredicate, fields: [Identifier], arguments: [Expression])
    /// `if c then A else B`, `c` an equality or disequality.
    case conditional(condition: Expression, then: Assertion, else: Assertion)
  }
}

/// One `field: value` component of a points-to.
public struct FieldValue: Hashable, Sendable {
  public var field: Identifier
  public var value: Expression
  public init(field: Identifier, value: Expression) {
    self.field = field
    self.value = value
  }
}

/// The contract part of an endpoint formula: `~C{s, t}, peer: f`.
public struct EndpointSpec: Hashable, Sendable {
  public var contract: Identifier
  /// True for `~C`: the endpoint follows the dual of `C`.
  public var isDual: Bool
  /// The possible current states; at least one.
  public var states: [Identifier]
  public var peer: Expression?
  public init(contract: Identifier, isDual: Bool, states: [Identifier], peer: Expression?) {
    self.contract = contract
    self.isDual = isDual
    self.states = states
    self.peer = peer
  }
}

/// The inductive predicates of Smallfoot, with their arity and default fields.
public enum SpatialPredicate: String, Hashable, Sendable, CaseIterable {
  case list, lseg, dlseg, xlseg, tree

  /// Number of expression arguments.
  public var arity: Int {
    switch self {
    case .list, .tree: 1
    case .lseg: 2
    case .dlseg, .xlseg: 4
    }
  }

  /// Number of explicit field parameters (before `;`) the predicate takes.
  public var fieldCount: Int {
    switch self {
    case .list, .lseg: 1
    case .dlseg, .xlseg, .tree: 2
    }
  }

  /// Fields used when none are written (Smallfoot's configuration).
  public var defaultFields: [String] {
    switch self {
    case .list, .lseg: ["tl"]
    case .dlseg: ["r", "l"]
    case .xlseg: ["l", "l"]
    case .tree: ["l", "r"]
    }
  }
}
