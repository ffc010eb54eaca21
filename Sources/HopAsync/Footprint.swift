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
    // The shared traversal (`Statement.allStatements`), then what each command itself does.
    for statement in statements.flatMap(\.allStatements) {
      variables.formUnion(statement.directlyAssignedVariables)
      addWrites(statement)
    }
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

  /// What one command itself changes besides the variables it assigns (nested commands are visited separately).
  private mutating func addWrites(_ statement: Statement) {
    switch statement.kind {
    case .lookup(_, _, let field):
      fieldsRead.insert(field.name)
    case .mutate(_, let field, _):
      fieldsWritten.insert(field.name)
    case .allocate:
      allocation = true
      allocates = true
    case .dispose:
      allocation = true
      frees = true
    case .whileLoop(_, let invariant, _):
      if case .firstOrder(let formula)? = invariant { fieldsRead.formUnion(Footprint(readsOf: formula).fieldsRead) }
    case .post(let procedure, _):
      pending.insert(procedure.name)
      posts.append(AsyncProgram.PostSite(callee: procedure.name, range: statement.range))
    case .delete(let procedure, _):
      pending.insert(procedure.name)
    case .assign, .block, .ifThenElse, .withResource, .call, .parallelCall, .open, .close, .send, .receive,
      .switchReceive:
      break // assignments are counted by the caller; sync-layer commands never reach async procedures
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
