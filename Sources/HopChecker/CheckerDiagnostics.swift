import HopLogic
import HopSyntax

/// The diagnostic codes of the sync checker (HH101–HH107, HH113–HH115, HH117),
/// listed in docs/diagnostics.md. HH108–HH112 belong to the channel rules.
extension DiagnosticCode {
  /// A dereference or `dispose` of an address that may not be owned (NULL, freed, never allocated).
  public static let memoryFault = DiagnosticCode("HH101")
  /// Heap owned at procedure exit that the postcondition does not describe.
  public static let leak = DiagnosticCode("HH102")
  /// The postcondition does not follow from the final state.
  public static let postconditionNotEstablished = DiagnosticCode("HH103")
  /// A loop invariant that may not hold when the loop is entered.
  public static let invariantOnEntry = DiagnosticCode("HH104")
  /// A loop invariant that one iteration of the body may not re-establish.
  public static let invariantNotPreserved = DiagnosticCode("HH105")
  /// The callee's precondition cannot be found in the caller's state.
  public static let callPreconditionNotFound = DiagnosticCode("HH106")
  /// A variable written by one side of a parallel call and used by the other.
  public static let race = DiagnosticCode("HH107")
  /// A resource invariant not re-established at the end of a `with` body, or not established by `init`.
  public static let resourceInvariantNotEstablished = DiagnosticCode("HH113")
  /// A variable protected by a resource, used outside a `with` of that resource.
  public static let unprotectedResourceVariable = DiagnosticCode("HH114")
  /// The prover could not decide a step (case-split limit, solver unknown): the procedure is not proved.
  public static let proofUndecided = DiagnosticCode("HH115")
  /// A `/` or `%` in a sync procedure whose divisor may be zero where it is evaluated.
  public static let syncDivisionByZero = DiagnosticCode("HH117")
}

/// The wording of the sync checker's diagnostics, next to the checker that produces them.
enum CheckerDiagnostics {
  static func memoryFault(_ action: String, _ address: Term, range: SourceRange, state: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .memoryFault, message: "memory fault: \(action) '\(address)', which may not be an allocated cell",
               range: range, notes: state)
  }

  /// A name that is neither a parameter nor a local is a global, declared by being used, so
  /// `dispose tpm;` for `tmp` faults on an unknown global: where one of the procedure's own
  /// variables is that close (`Suggestion`'s rule), the fault says so.
  static func misspeltGlobal(_ address: Term, own: Set<String>) -> [Diagnostic.Note] {
    guard case .variable(let variable) = address, !variable.isExistential, !own.contains(variable.name),
          let close = Suggestion.closest(to: variable.name, among: own) else { return [] }
    return [Diagnostic.Note("'\(variable.name)' is not a parameter or a local here, so it names a global; "
                            + "did you mean '\(close)'?")]
  }

  static func leak(_ procedure: String, leftover: [SpatialAtom], range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .leak, message: "leak: heap owned when '\(procedure)' returns is not described by its postcondition",
               range: range, notes: notes)
  }

  static func postcondition(_ procedure: String, range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .postconditionNotEstablished, message: "the postcondition of '\(procedure)' may not hold",
               range: range, notes: notes)
  }

  static func invariantOnEntry(range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .invariantOnEntry, message: "the loop invariant may not hold when the loop is entered",
               range: range, notes: notes)
  }

  static func invariantNotPreserved(range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .invariantNotPreserved, message: "one iteration of the loop body may not re-establish the invariant",
               range: range, notes: notes)
  }

  static func callPrecondition(_ callee: String, range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .callPreconditionNotFound,
               message: "the precondition of '\(callee)' cannot be found in the current state (no frame)",
               range: range, notes: notes)
  }

  static func parallelPrecondition(_ left: String, _ right: String, range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .callPreconditionNotFound,
               message: "the state cannot be split between the preconditions of '\(left)' and '\(right)'",
               range: range, notes: notes)
  }

  static func race(_ variable: String, writer: String, other: String, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .race, message: "race on '\(variable)': written by \(writer) and used by \(other) in parallel",
               range: range)
  }

  static func resourceInvariant(_ resource: String, range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .resourceInvariantNotEstablished,
               message: "the invariant of resource '\(resource)' may not hold here", range: range, notes: notes)
  }

  static func unprotected(_ variable: String, resource: String, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .unprotectedResourceVariable,
               message: "'\(variable)' is protected by resource '\(resource)' and may only be used inside 'with \(resource)'",
               range: range)
  }

  static func divisionByZero(_ division: Expression, range: SourceRange, state: [Diagnostic.Note]) -> Diagnostic {
    let divisor = if case .binary(_, _, let right) = division.kind { PrettyPrinter.expression(right, .smallfoot) } else { "" }
    return Diagnostic(code: .syncDivisionByZero, message: "division by zero: the divisor '\(divisor)' may be 0",
                      range: range, notes: state)
  }

  static func undecided(_ what: String, reason: String, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .proofUndecided, message: "not proved: the prover could not decide \(what) (\(reason))",
               range: range)
  }

  static func tooManyCases(_ limit: Int, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .proofUndecided, message: "not proved: more than \(limit) symbolic states at this point",
               range: range)
  }

  /// A step that rests on a declaration the checker does not have (its errors are reported where it is declared).
  static func cannotCheck(_ why: String, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .proofUndecided, message: "not proved: \(why)", range: range)
  }

  static func unsupported(_ what: String, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .proofUndecided, message: "not proved: \(what) is not supported by this version of the checker",
               range: range)
  }
}
