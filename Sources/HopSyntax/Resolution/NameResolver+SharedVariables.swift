/// The rules about variables that more than one thread, or more than one
/// procedure, reads: what a resource or message invariant may name, that
/// `init` is never called, and that a global is never passed by reference
/// (docs/language.md §1.4 and §2.1, decision 58). Each one closes a way in
/// which a formula could be read with two meanings.
extension NameResolver {
  /// A resource invariant is read by every `with` of the resource: each variable it
  /// names must be one the resource protects (CSL's side condition), or another
  /// thread could change it outside `with` and the invariant would no longer hold.
  mutating func checkInvariantVariables(of resource: ResourceDecl) {
    let protected = Set(resource.protectedVariables.map(\.name))
    var reported = Set<String>()
    for name in resource.invariant.variableOccurrences where !name.name.hasPrefix("_") {
      guard !protected.contains(name.name), reported.insert(name.name).inserted else { continue }
      diagnostics.append(.unprotectedInvariantVariable(name, resource: resource))
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

  /// A reference parameter aliases its argument; a global argument would also be
  /// the callee's global, and its specification could not say so.
  mutating func checkNotGlobal(_ argument: Identifier, in scope: Scope) {
    if scope.layer == .sync, let own = scope.own, !own.contains(argument.name) {
      diagnostics.append(.globalByReference(argument))
    }
  }
}

extension Diagnostic {
  static func unprotectedInvariantVariable(_ name: Identifier, resource: ResourceDecl) -> Diagnostic {
    let list = (resource.protectedVariables.map(\.name) + [name.name]).joined(separator: ", ")
    return Diagnostic(
      code: .unprotectedInvariantVariable,
      message: "the invariant of resource '\(resource.name.name)' reads '\(name.name)', which '\(resource.name.name)' does not protect",
      range: name.range,
      notes: [Note("another thread may change '\(name.name)' outside 'with \(resource.name.name)', "
                   + "and the invariant would no longer describe the heap it guards"),
              Note("add '\(name.name)' to the resource's list: resource \(resource.name.name)(\(list))")])
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

  static func globalByReference(_ name: Identifier) -> Diagnostic {
    Diagnostic(code: .globalByReference, message: "global variable '\(name.name)' cannot be passed by reference",
               range: name.range,
               notes: [Note("the callee's parameter would be another name of '\(name.name)', which its specification "
                            + "cannot see; copy '\(name.name)' into a local and pass the local, or pass it by value")])
  }
}
