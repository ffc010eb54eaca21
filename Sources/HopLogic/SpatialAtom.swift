/// The contract side of an endpoint cell: `C{s, t}` or `~C{s}`, and its peer.
public struct EndpointCell: Hashable, Sendable {
  public var contract: String
  /// True when the endpoint follows the dual `~C`.
  public var isDual: Bool
  /// The states the endpoint may be in (a set, kept sorted for printing).
  public var states: Set<String>
  /// The other end of the channel, when known.
  public var peer: Term?

  public init(contract: String, isDual: Bool, states: Set<String>, peer: Term?) {
    self.contract = contract
    self.isDual = isDual
    self.states = states
    self.peer = peer
  }
}

/// The inductive predicates the prover treats as opaque (matched syntactically
/// and emptied at NULL); list segments have their own case.
public enum InductivePredicate: String, Hashable, Sendable {
  case tree, dlseg, xlseg

  /// The segments with four ends `(a, b, c, d)`: first cell, the cell after the
  /// last, the cell before the first, last cell (`dlseg` and the xor-linked `xlseg`).
  public var isDoublyLinked: Bool { self == .dlseg || self == .xlseg }
}

/// A spatial atom: one piece of heap, disjoint from every other atom of its symbolic heap.
public enum SpatialAtom: Hashable, Sendable, CustomStringConvertible {
  /// `x |-> f: v, g: w`; fields not listed are unconstrained.
  case pointsTo(Term, fields: [String: Term])
  /// `x |-> C{s}, peer: p`: an endpoint cell.
  case endpoint(Term, EndpointCell)
  /// `lseg(f; x, y)`: an acyclic list segment along field `f` from `x` to `y`
  /// (`y` not allocated in it; empty exactly when `x == y`). `list(x)` is `lseg(x, NULL)`.
  case segment(field: String, from: Term, to: Term)
  /// `tree(l; r; x)`, `dlseg(..)`, `xlseg(..)` with their field parameters.
  case predicate(InductivePredicate, fields: [String], arguments: [Term])

  /// The address this atom surely allocates when it is not empty.
  public var address: Term? {
    switch self {
    case .pointsTo(let address, _), .endpoint(let address, _): address
    case .segment(_, let from, _): from
    case .predicate(.tree, _, let arguments): arguments.first
    case .predicate: nil
    }
  }

  /// Whether the atom is a single cell (never empty).
  public var isCell: Bool {
    switch self {
    case .pointsTo, .endpoint: true
    case .segment, .predicate: false
    }
  }

  public var terms: [Term] {
    switch self {
    case .pointsTo(let address, let fields): [address] + fields.keys.sorted().map { fields[$0]! }
    case .endpoint(let address, let cell): [address] + (cell.peer.map { [$0] } ?? [])
    case .segment(_, let from, let to): [from, to]
    case .predicate(_, _, let arguments): arguments
    }
  }

  /// Calls `body` on each term of the atom (a cell's fields in no particular order), building no array.
  public func forEachTerm(_ body: (Term) -> Void) {
    switch self {
    case .pointsTo(let address, let fields):
      body(address)
      for value in fields.values { body(value) }
    case .endpoint(let address, let cell):
      body(address)
      if let peer = cell.peer { body(peer) }
    case .segment(_, let from, let to):
      body(from)
      body(to)
    case .predicate(_, _, let arguments):
      for argument in arguments { body(argument) }
    }
  }

  /// Calls `body` on each occurrence of a variable in the atom.
  public func forEachVariable(_ body: (Variable) -> Void) {
    forEachTerm { $0.forEachVariable(body) }
  }

  /// The atom unchanged (no copy of its fields) when it mentions none of `substitution`'s variables.
  public func substituting(_ substitution: [Variable: Term]) -> SpatialAtom {
    if substitution.isEmpty { return self }
    var mentioned = false
    forEachTerm { if !mentioned && $0.mentionsAny(of: substitution) { mentioned = true } }
    return mentioned ? mapTerms { $0.substituting(substitution) } : self
  }

  /// The same atom with `transform` applied to every term.
  public func mapTerms(_ transform: (Term) -> Term) -> SpatialAtom {
    switch self {
    case .pointsTo(let address, let fields):
      return .pointsTo(transform(address), fields: fields.mapValues(transform))
    case .endpoint(let address, var cell):
      cell.peer = cell.peer.map(transform)
      return .endpoint(transform(address), cell)
    case .segment(let field, let from, let to):
      return .segment(field: field, from: transform(from), to: transform(to))
    case .predicate(let predicate, let fields, let arguments):
      return .predicate(predicate, fields: fields, arguments: arguments.map(transform))
    }
  }

  /// In Hop syntax, fields always explicit.
  public var description: String {
    switch self {
    case .pointsTo(let address, let fields):
      let body = fields.keys.sorted().map { "\($0): \(fields[$0]!)" }.joined(separator: ", ")
      return body.isEmpty ? "\(address) |->" : "\(address) |-> \(body)"
    case .endpoint(let address, let cell):
      let states = cell.states.sorted().joined(separator: ", ")
      let peer = cell.peer.map { ", peer: \($0)" } ?? ""
      return "\(address) |-> \(cell.isDual ? "~" : "")\(cell.contract){\(states)}\(peer)"
    case .segment(let field, let from, let to):
      if to == .null { return "list(\(field); \(from))" }
      return "lseg(\(field); \(from), \(to))"
    case .predicate(let predicate, let fields, let arguments):
      let prefix = fields.map { "\($0); " }.joined()
      return "\(predicate.rawValue)(\(prefix)\(arguments.map(\.description).joined(separator: ", ")))"
    }
  }
}

extension SpatialAtom: VariableOccurrences {}
