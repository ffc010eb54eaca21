import HopSyntax

/// Which variables a loop's body may read before it assigns them: the ones
/// whose values at the loop's head matter to the next iteration. Inference
/// forgets the values of the others at the head (as SpaceInvader forgets dead
/// variables), so that `n == i` left by `n = i->tl; ...; i = n` does not split
/// list reversal's invariant into cases. Forgetting is a weakening: it can
/// cost completeness, never soundness.
extension SymbolicExecutor {
  /// The locals of the procedure whose values at the head of the loop at `range` nothing reads:
  /// the body assigns them before it reads them, and no command outside the loop reads them.
  func deadAtHead(of range: SourceRange, _ condition: Expression, _ body: Statement, assigned: Set<String>) -> Set<String> {
    var outside = Set<String>()
    for statement in procedureBody.flatMap(\.allStatements)
    where statement.range.start < range.start || statement.range.end > range.end {
      outside.formUnion(statement.directlyEvaluatedExpressions.flatMap(\.variableNames))
      switch statement.kind {
      case .call(let call): outside.formUnion(calleeReads([call]))
      case .parallelCall(let left, let right): outside.formUnion(calleeReads([left, right]))
      default: break
      }
    }
    return assigned.intersection(locals).subtracting(readBeforeAssigned(condition, body)).subtracting(outside)
  }

  /// The variables `condition` and `body` may read before assigning them (callees' global reads count as reads).
  func readBeforeAssigned(_ condition: Expression, _ body: Statement) -> Set<String> {
    var live = condition.variableNames
    var assigned = Set<String>()
    scan(body, &assigned, &live)
    return live
  }

  /// Adds to `live` what `statement` reads that is not in `assigned` yet, then adds what it surely assigns.
  private func scan(_ statement: Statement, _ assigned: inout Set<String>, _ live: inout Set<String>) {
    let reads = { (names: Set<String>, assigned: Set<String>, live: inout Set<String>) in
      live.formUnion(names.subtracting(assigned))
    }
    switch statement.kind {
    case .block(let statements):
      for nested in statements { scan(nested, &assigned, &live) }
    case .ifThenElse(let condition, let then, let otherwise):
      reads(condition.variableNames, assigned, &live)
      var whenTrue = assigned, whenFalse = assigned
      scan(then, &whenTrue, &live)
      if let otherwise { scan(otherwise, &whenFalse, &live) }
      assigned = whenTrue.intersection(whenFalse)
    case .whileLoop(let condition, _, let body):
      reads(condition.variableNames, assigned, &live)
      var inside = assigned
      scan(body, &inside, &live)
    case .withResource(let name, let condition, let body):
      // The protected variables are whatever other threads left: read as the region starts.
      let protected = context.resources[name.name]?.protected.map(global) ?? []
      reads(condition.variableNames, assigned.subtracting(protected), &live)
      var inside = assigned.subtracting(protected)
      scan(body, &inside, &live)
      assigned.formIntersection(inside)
    case .switchReceive(let cases):
      var after: Set<String>?
      for branch in cases {
        reads(branch.receive.endpoint.variableNames, assigned, &live)
        var inside = assigned.union(branch.receive.binding.map { [$0.name] } ?? [])
        for nested in branch.body { scan(nested, &inside, &live) }
        after = after.map { $0.intersection(inside) } ?? inside
      }
      assigned = after ?? assigned
    case .call(let call):
      reads(Set(statement.directlyEvaluatedExpressions.flatMap(\.variableNames)), assigned, &live)
      reads(calleeReads([call]), assigned, &live)
      assigned.formUnion(statement.directlyAssignedVariables)
    case .parallelCall(let left, let right):
      reads(Set(statement.directlyEvaluatedExpressions.flatMap(\.variableNames)), assigned, &live)
      reads(calleeReads([left, right]), assigned, &live)
      assigned.formUnion(statement.directlyAssignedVariables)
    default:
      reads(Set(statement.directlyEvaluatedExpressions.flatMap(\.variableNames)), assigned, &live)
      assigned.formUnion(statement.directlyAssignedVariables)
    }
  }

  /// The globals the callees read or write (a written global's old value may be in their specifications).
  private func calleeReads(_ calls: [Call]) -> Set<String> {
    Set(calls.flatMap { (context.effects[$0.procedure.name]?.all ?? []).map(global) })
  }
}
