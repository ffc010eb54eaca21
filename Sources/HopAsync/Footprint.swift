import HopSyntax

/// What a procedure body may change, or what a formula reads, in the
/// shared state: globals, heap fields, the allocation set, pending sets.
///
/// Used to skip rely/guarantee queries that cannot fail (a sibling that
/// writes nothing a precondition reads cannot break it) and to know which
/// parts of the state a loop may change.
struct Footprint: Sendable {
  var variables = Set<String>()
  var fieldsRead = Set<String>()
  var fieldsWritten = Set<String>()
  /// `new` or `dispose` (writes) / `valid(..)` (reads).
  var allocation = false
  /// `new()` (writes): it changes every field at the address it returns,
  /// which may be a freed address that a pending instance still points to.
  var allocates = false
  /// `dispose` (writes): an address valid before may be invalid, and reused by a later `new()`.
  var frees = false
  /// Procedures whose pending set is read (`pending_f`, `posted_f`) or written (`post`, `delete`).
  var pending = Set<String>()
  var posts: [AsyncProgram.PostSite] = []

  init() {}

  /// The writes of a procedure body, plus the fields it reads and names in its specifications.
  init(_ procedure: AsyncProcedureDecl) {
    self.init(writesOf: procedure.body)
    for formula in [procedure.precondition, procedure.rely, procedure.guarantee].compactMap({ $0 }) {
      fieldsRead.formUnion(Footprint(readsOf: formula).fieldsRead)
    }
  }

  /// What `statements` may change (variables are every assigned name,
  /// local or global); program expressions read no shared state but variables.
  init(writesOf statements: [Statement]) {
    statements.forEach { addWrites($0) }
  }

  /// What `formula` reads (variables are every free name it mentions).
  init(readsOf formula: Expression) {
    addReads(formula, bound: [])
  }

  /// True when something written by `self` is read by `reads`. A `new()`
  /// counts as a write of every field (at the address it returns).
  func overlaps(reads: Footprint) -> Bool {
    !variables.isDisjoint(with: reads.variables)
      || !fieldsWritten.isDisjoint(with: reads.fieldsRead)
      || (allocates && !reads.fieldsRead.isEmpty)
      || (allocation && reads.allocation)
      || !pending.isDisjoint(with: reads.pending)
  }

  private mutating func addWrites(_ statement: Statement) {
    switch statement.kind {
    case .assign(let name, _):
      variables.insert(name.name)
    case .lookup(let name, _, let field):
      variables.insert(name.name)
      fieldsRead.insert(field.name)
    case .mutate(_, let field, _):
      fieldsWritten.insert(field.name)
    case .allocate(let name):
      variables.insert(name.name)
      allocation = true
      allocates = true
    case .dispose:
      allocation = true
      frees = true
    case .block(let statements):
      statements.forEach { addWrites($0) }
    case .ifThenElse(_, let thenBranch, let elseBranch):
      addWrites(thenBranch)
      if let elseBranch { addWrites(elseBranch) }
    case .whileLoop(_, let invariant, let body):
      if case .firstOrder(let formula)? = invariant { fieldsRead.formUnion(Footprint(readsOf: formula).fieldsRead) }
      addWrites(body)
    case .post(let procedure, _):
      pending.insert(procedure.name)
      posts.append(AsyncProgram.PostSite(callee: procedure.name, range: statement.range))
    case .delete(let procedure, _):
      pending.insert(procedure.name)
    case .withResource, .call, .parallelCall, .open, .close, .send, .receive, .switchReceive:
      break // sync-layer commands; the resolver keeps them out of async procedures
    }
  }

  /// Adds what the formula `expression` reads.
  private mutating func addReads(_ expression: Expression, bound: Set<String>) {
    switch expression.kind {
    case .variable(let name):
      if !bound.contains(name.name) { variables.insert(name.name) }
    case .integer, .null, .boolean, .nondeterministic:
      break
    case .unary(_, let operand), .old(let operand):
      addReads(operand, bound: bound)
    case .binary(_, let left, let right):
      addReads(left, bound: bound)
      addReads(right, bound: bound)
    case .fieldRead(let pointer, let field):
      fieldsRead.insert(field.name)
      addReads(pointer, bound: bound)
    case .valid(let pointer):
      allocation = true
      addReads(pointer, bound: bound)
    case .instance(_, let procedure, let arguments):
      pending.insert(procedure.name)
      arguments.forEach { addReads($0, bound: bound) }
    case .quantified(_, let names, let body):
      addReads(body, bound: bound.union(names.map(\.name)))
    }
  }
}
