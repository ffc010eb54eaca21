/// The rules about variables that more than one thread, or more than one
/// procedure, reads: what a resource or message invariant may name, that
/// `init` is never called, and that a global is never passed by reference
/// (docs/language.md §1.4 and §2.1, decision 58). Each one closes a way in
/// which a formula could be read with two meanings.
extension NameResolver {
  /// A resource invariant is read by every `with` of the resource and re-established at its end:
  /// a variable it names that the resource does not protect may be assigned only inside a `with`
  /// of that resource (or by `init`, before any thread runs), or another `with` would believe the
  /// invariant of a state it no longer describes. A variable another resource protects changes
  /// under that resource's `with`, where this invariant is not checked, so it may not be named at
  /// all (Smallfoot's "appears in the invariant of r but is protected by r'"). The race check keeps
  /// the threads apart on the rest (decision 58).
  mutating func checkInvariantVariables(_ resources: [ResourceDecl], _ procedures: [ProcedureDecl]) {
    var protector: [String: String] = [:]
    for resource in resources {
      for variable in resource.protectedVariables where protector[variable.name] == nil {
        protector[variable.name] = resource.name.name
      }
    }
    var unprotected: [String: [ResourceDecl]] = [:]
    for resource in resources {
      let protected = Set(resource.protectedVariables.map(\.name))
      var seen = Set<String>()
      for name in resource.invariant.variableOccurrences where !name.name.hasPrefix("_") && !protected.contains(name.name) {
        guard seen.insert(name.name).inserted else { continue }
        if let other = protector[name.name] {
          diagnostics.append(.invariantVariableOfAnotherResource(name, resource: resource.name.name, protectedBy: other))
        } else {
          unprotected[name.name, default: []].append(resource)
        }
      }
    }
    guard !unprotected.isEmpty else { return }
    for procedure in procedures where procedure.name.name != "init" {
      let own = Set((procedure.parameters + procedure.locals).map(\.name))
      var stack = procedure.body.reversed().map { ($0, Set<String>()) }
      while let (statement, inside) = stack.popLast() {
        for name in Set(statement.directlyAssignedVariables).subtracting(own).sorted() {
          for resource in unprotected[name] ?? [] where !inside.contains(resource.name.name) {
            diagnostics.append(.invariantVariableAssignedOutside(name, resource: resource, range: statement.range))
          }
        }
        var nested = inside
        if case .withResource(let resource, _, _) = statement.kind { nested.insert(resource.name) }
        stack.append(contentsOf: statement.children.reversed().map { ($0, nested) })
      }
    }
  }

  /// A message invariant is read at the send and again at the receive, in other
  /// procedures and threads: it may name only `val`, `src` and existentials.
  mutating func checkInvariantVariables(of message: MessageDecl) {
    guard let invariant = message.invariant else { return }
    var reported = Set<String>()
    for name in invariant.variableOccurrences where !name.name.hasPrefix("_") {
      guard !Self.messageVariables.contains(name.name), reported.insert(name.name).inserted else { continue }
      diagnostics.append(.messageInvariantVariable(name, message: message.name.name))
    }
  }

  /// The names a message invariant may use besides existentials.
  static let messageVariables: Set<String> = ["val", "src"]

  /// `init` sets up what resources protect before any thread runs; called later, its
  /// writes outside `with` would race with the threads that hold the resources.
  mutating func checkNotInit(_ call: Call) {
    if call.procedure.name == "init" { diagnostics.append(.initCalled(call.procedure)) }
  }

  /// A reference parameter aliases its argument: a global passed by reference to a procedure
  /// that (through its callees too) mentions that global would have two names there, and the
  /// callee's specification could not say so (Smallfoot's "is (recursively) mentioned in f and
  /// cannot be passed by reference"). Passed to one that never mentions it, it is an ordinary variable.
  mutating func checkGlobalsByReference(_ procedures: [ProcedureDecl]) {
    let effects = ProcedureGlobals(procedures).effects
    for procedure in procedures {
      let own = Set((procedure.parameters + procedure.locals).map(\.name))
      for statement in procedure.body.flatMap(\.allStatements) {
        let calls: [Call] = switch statement.kind {
        case .call(let call): [call]
        case .parallelCall(let left, let right): [left, right]
        default: []
        }
        for call in calls {
          guard let mentioned = effects[call.procedure.name]?.all else { continue }
          for case .variable(let name) in call.referenceArguments.map(\.kind)
          where !own.contains(name.name) && mentioned.contains(name.name) {
            diagnostics.append(.globalByReference(name, callee: call.procedure.name))
          }
        }
      }
    }
  }
}

extension Diagnostic {
  static func invariantVariableOfAnotherResource(_ name: Identifier, resource: String, protectedBy other: String) -> Diagnostic {
    Diagnostic(
      code: .unprotectedInvariantVariable,
      message: "the invariant of resource '\(resource)' reads '\(name.name)', which resource '\(other)' protects",
      range: name.range,
      notes: [Note("'\(name.name)' changes inside 'with \(other)', where the invariant of '\(resource)' is not checked"),
              Note("protect '\(name.name)' by '\(resource)' instead, or leave it out of this invariant")])
  }

  static func invariantVariableAssignedOutside(_ name: String, resource: ResourceDecl, range: SourceRange) -> Diagnostic {
    let list = (resource.protectedVariables.map(\.name) + [name]).joined(separator: ", ")
    let r = resource.name.name
    return Diagnostic(
      code: .unprotectedInvariantVariable,
      message: "'\(name)' is assigned outside 'with \(r)', but the invariant of resource '\(r)' reads it",
      range: range,
      notes: [Note("the invariant may no longer describe the heap '\(r)' guards, and the next 'with \(r)' would believe it"),
              Note("assign '\(name)' inside 'with \(r)', or add it to the resource's list: resource \(r)(\(list))")])
  }

  static func messageInvariantVariable(_ name: Identifier, message: String) -> Diagnostic {
    Diagnostic(
      code: .messageInvariantVariable,
      message: "the invariant of message '\(message)' names '\(name.name)'; it may name only 'val', 'src' and existentials",
      range: name.range,
      notes: [Note("the invariant is read at the send and again at the receive, where '\(name.name)' may differ"),
              Note("send the value as the message's 'val', or make it an existential ('_\(name.name)')")])
  }

  static func initCalled(_ name: Identifier) -> Diagnostic {
    Diagnostic(code: .initCalled, message: "'init' cannot be called: it runs once, before 'main'", range: name.range,
               notes: [Note("init may write the variables resources protect outside 'with' only because no other "
                            + "thread runs yet; put what the call should do in another procedure")])
  }

  static func globalByReference(_ name: Identifier, callee: String) -> Diagnostic {
    Diagnostic(code: .globalByReference,
               message: "global variable '\(name.name)' cannot be passed by reference to '\(callee)', which mentions it",
               range: name.range,
               notes: [Note("the parameter of '\(callee)' would be another name of '\(name.name)', which its specification "
                            + "cannot see; copy '\(name.name)' into a local and pass the local, or pass it by value")])
  }

}
