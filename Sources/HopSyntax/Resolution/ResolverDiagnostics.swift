/// The messages of name resolution, one factory per message.
///
/// Wording lives here so the resolver's logic reads as a list of checks.
extension Diagnostic {
  /// `candidates` are the declared names of the same kind; the closest one, if close enough, is suggested.
  static func undeclared(_ kind: String, _ name: Identifier, among candidates: some Sequence<String> = [String](),
                         hint: String? = nil) -> Diagnostic {
    Diagnostic(code: .undeclaredName, message: "undeclared \(kind) '\(name.name)'", range: name.range,
               notes: Note.didYouMean(name.name, among: candidates) + (hint.map { [Note($0)] } ?? []))
  }

  /// A state named in a transition or an endpoint formula that the contract does not declare.
  static func noSuchState(_ state: Identifier, inContract contract: String, among states: some Sequence<String>)
    -> Diagnostic {
    Diagnostic(code: .undeclaredName, message: "contract '\(contract)' has no state '\(state.name)'",
               range: state.range, notes: Note.didYouMean(state.name, among: states))
  }

  /// `container` completes the message: "duplicate state 'a' in contract 'C'".
  static func duplicate(_ kind: String, _ name: Identifier, in container: String? = nil,
                        previous: SourceRange) -> Diagnostic {
    let place = container.map { " in \($0)" } ?? ""
    return Diagnostic(code: .duplicateDeclaration, message: "duplicate \(kind) '\(name.name)'\(place)",
                      range: name.range, notes: [Note("'\(name.name)' was first declared here", at: previous)])
  }

  /// A sync procedure declared again: allowed, as in Smallfoot.
  static func redeclared(_ name: Identifier, previous: SourceRange) -> Diagnostic {
    Diagnostic(code: .duplicateDeclaration, severity: .warning,
               message: "procedure '\(name.name)' is declared again: both bodies are checked, calls use the first declaration",
               range: name.range, notes: [Note("'\(name.name)' was first declared here", at: previous)])
  }

  static func wrongCount(_ what: String, of name: Identifier, expected: Int, found: Int, range: SourceRange,
                         declaredAt: SourceRange? = nil) -> Diagnostic {
    let plural = expected == 1 ? "" : "s"
    return Diagnostic(code: .wrongArgumentCount,
                      message: "'\(name.name)' takes \(expected) \(what)\(plural), but \(found) \(found == 1 ? "is" : "are") given",
                      range: range, notes: declaredAt.map { [Note("'\(name.name)' is declared here", at: $0)] } ?? [])
  }

  static func referenceArgumentNotVariable(_ range: SourceRange) -> Diagnostic {
    Diagnostic(code: .referenceArgumentNotVariable,
               message: "a reference argument (before ';') must be a variable",
               range: range, notes: [Note("the callee may assign it, so it must name a variable of the caller")])
  }

  static func repeatedReferenceArgument(_ name: Identifier) -> Diagnostic {
    Diagnostic(code: .referenceArgumentNotVariable,
               message: "variable '\(name.name)' is passed by reference twice", range: name.range)
  }

  static func notAsync(_ name: Identifier, use: String, declaredAt: SourceRange) -> Diagnostic {
    Diagnostic(code: .notAsync, message: "'\(use)' needs an async procedure, but '\(name.name)' is not async",
               range: name.range, notes: [Note("'\(name.name)' is declared here", at: declaredAt)])
  }

  static func wrongLayer(_ construct: String, range: SourceRange, allowedIn: String) -> Diagnostic {
    Diagnostic(code: .wrongLayer, message: "\(construct) is not allowed here", range: range,
               notes: [Note("\(construct) may only appear in \(allowedIn)")])
  }

  static func misused(_ message: String, range: SourceRange, note: String? = nil) -> Diagnostic {
    Diagnostic(code: .misusedName, message: message, range: range, notes: note.map { [Note($0)] } ?? [])
  }
}
