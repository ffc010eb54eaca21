/// The globals each sync procedure of a program may read or write: the names
/// its body uses and its formulas (pre- and postcondition, loop invariants)
/// mention that are not its parameters or locals, and, transitively, those of
/// the procedures it calls (recursion allowed). The checker's call rule gives
/// the writes fresh values and its race check compares reads with writes
/// (a formula's names are reads: the caller's state holds what a callee's
/// postcondition says of them, decision 58); the interpreter gives each
/// global a slot. Computed here once for all of them.
public struct ProcedureGlobals: Sendable {
  /// The globals one procedure reads and writes.
  public struct Effect: Sendable, Equatable {
    public var reads = Set<String>()
    public var writes = Set<String>()
    public init() {}
    /// Every global read or written.
    public var all: Set<String> { reads.union(writes) }
  }

  /// Each procedure's effect, its callees' included; the first declaration of a name counts.
  public private(set) var effects: [String: Effect] = [:]

  public init(_ procedures: [ProcedureDecl]) {
    var calls: [String: Set<String>] = [:]
    for procedure in procedures where effects[procedure.name.name] == nil {
      effects[procedure.name.name] = Self.direct(procedure)
      calls[procedure.name.name] = Self.callees(procedure)
    }
    // Through callees, to a fixed point.
    var changed = true
    while changed {
      changed = false
      for name in effects.keys.sorted() {
        for callee in calls[name, default: []].sorted() {
          guard let theirs = effects[callee], var mine = effects[name] else { continue }
          let before = mine
          mine.reads.formUnion(theirs.reads)
          mine.writes.formUnion(theirs.writes)
          if mine != before {
            effects[name] = mine
            changed = true
          }
        }
      }
    }
  }

  /// What the procedure itself reads and writes of globals, its callees not included.
  public static func direct(_ procedure: ProcedureDecl) -> Effect {
    let own = Set((procedure.parameters + procedure.locals).map(\.name))
    var effect = Effect()
    let statements = procedure.body.flatMap(\.allStatements)
    for statement in statements {
      effect.writes.formUnion(statement.directlyAssignedVariables.filter { !own.contains($0) })
      effect.reads.formUnion(statement.directlyEvaluatedExpressions.flatMap(\.variableNames).filter { !own.contains($0) })
    }
    var formulas = [procedure.precondition, procedure.postcondition].compactMap { $0 }
    for statement in statements {
      if case .whileLoop(_, .separation(let invariant)?, _) = statement.kind { formulas.append(invariant) }
    }
    for formula in formulas { effect.reads.formUnion(formula.programVariables.subtracting(own)) }
    return effect
  }

  /// The procedures the body calls, alone or in parallel.
  private static func callees(_ procedure: ProcedureDecl) -> Set<String> {
    var names = Set<String>()
    for statement in procedure.body.flatMap(\.allStatements) {
      switch statement.kind {
      case .call(let call): names.insert(call.procedure.name)
      case .parallelCall(let left, let right): names.formUnion([left.procedure.name, right.procedure.name])
      default: break
      }
    }
    return names
  }
}
