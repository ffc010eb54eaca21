import HopSyntax

/// The checks that need no symbolic state (docs/language.md §1.4): no variable
/// written by one side of a parallel call may be read or written by the
/// other (through callees and their specifications too), and a variable
/// protected by a resource is used only inside a `with` of that resource (or
/// by `init`, which sets it up). A parameter or local of the procedure is
/// its own variable, even where a global has the same name (decision 58).
struct StaticChecks {
  let context: ProgramContext

  func diagnostics(of procedure: ProcedureDecl) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let inInit = procedure.name.name == "init"
    let own = Set((procedure.parameters + procedure.locals).map(\.name))
    for statement in procedure.body {
      walk(statement, inside: [], inInit: inInit, own: own, &found)
    }
    return found
  }

  private func walk(_ statement: Statement, inside: Set<String>, inInit: Bool, own: Set<String>,
                    _ found: inout [Diagnostic]) {
    var inside = inside
    if case .withResource(let resource, _, _) = statement.kind { inside.insert(resource.name) }
    if !inInit {
      let used = Set(statement.directlyAssignedVariables)
        .union(statement.directlyEvaluatedExpressions.flatMap(\.variableNames)).filter { !own.contains($0) }
      for name in used.sorted() {
        if let resource = context.resource(protecting: name), !inside.contains(resource) {
          found.append(CheckerDiagnostics.unprotected(name, resource: resource, range: statement.range))
        }
      }
    }
    if case .parallelCall(let left, let right) = statement.kind, let race = race(left, right, own, statement.range) {
      found.append(race)
    }
    for child in statement.children { walk(child, inside: inside, inInit: inInit, own: own, &found) }
  }

  /// What one side of a parallel call reads and writes: its arguments (the caller's variables)
  /// and its callee's globals.
  private func uses(_ call: Call, _ own: Set<String>) -> (reads: Set<String>, writes: Set<String>) {
    let effect = context.effects[call.procedure.name] ?? .init()
    let writes = Set(call.assignedVariables).union(effect.writes.map { SymbolicExecutor.global($0, shadowedBy: own) })
    let reads = Set((call.referenceArguments + call.valueArguments).flatMap(\.variableNames))
      .union(effect.reads.map { SymbolicExecutor.global($0, shadowedBy: own) })
    return (reads, writes)
  }

  private func race(_ left: Call, _ right: Call, _ own: Set<String>, _ range: SourceRange) -> Diagnostic? {
    let (leftReads, leftWrites) = uses(left, own)
    let (rightReads, rightWrites) = uses(right, own)
    // Variables protected by a resource are only touched inside `with`: mutual exclusion, no race.
    let unprotected = { (name: String) in
      own.contains(name) || context.resource(protecting: SymbolicExecutor.globalName(name)) == nil
    }
    let leftName = "the call of '\(left.procedure.name)'", rightName = "the call of '\(right.procedure.name)'"
    if let name = leftWrites.intersection(rightReads.union(rightWrites)).filter(unprotected).sorted().first {
      return CheckerDiagnostics.race(SymbolicExecutor.globalName(name), writer: leftName, other: rightName, range: range)
    }
    if let name = rightWrites.intersection(leftReads).filter(unprotected).sorted().first {
      return CheckerDiagnostics.race(SymbolicExecutor.globalName(name), writer: rightName, other: leftName, range: range)
    }
    return nil
  }
}
