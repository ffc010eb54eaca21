import HopSyntax

/// The codes of `hophop run` (HH5xx): one per fault kind, so a run's faults
/// are diagnostics like the checker's and render with carets the same way.
extension DiagnosticCode {
  /// HH500: the program cannot be run (a literal beyond 64 bits, a form that is not a program expression).
  public static let runtimeCannotRun = DiagnosticCode("HH500")
  /// HH520: no concrete input could be built from the precondition (warning: the procedure is not run).
  public static let runtimeNoInput = DiagnosticCode("HH520")
  /// HH521: `--proc` names no procedure of the file.
  public static let runtimeUnknownProcedure = DiagnosticCode("HH521")

  /// The code of each fault kind, HH501–HH514, written out so that a new kind cannot renumber the others.
  public static func runtimeFault(_ kind: FaultKind) -> DiagnosticCode {
    switch kind {
    case .nullDereference: DiagnosticCode("HH501")
    case .danglingDereference: DiagnosticCode("HH502")
    case .doubleDispose: DiagnosticCode("HH503")
    case .invalidAddress: DiagnosticCode("HH504")
    case .divisionByZero: DiagnosticCode("HH505")
    case .contractViolation: DiagnosticCode("HH506")
    case .unexpectedMessage: DiagnosticCode("HH507")
    case .closeNotFinal: DiagnosticCode("HH508")
    case .closeNotPeers: DiagnosticCode("HH509")
    case .closeWithMessages: DiagnosticCode("HH510")
    case .deadlock: DiagnosticCode("HH511")
    case .leak: DiagnosticCode("HH512")
    case .postconditionFailed: DiagnosticCode("HH513")
    case .asyncPreconditionFalse: DiagnosticCode("HH514")
    }
  }

  /// The codes that mean bad input for `run` (exit 2).
  public static let runtimeInputErrors: Set<DiagnosticCode> = [.runtimeCannotRun, .runtimeUnknownProcedure]
}

extension Fault {
  /// The fault as a diagnostic: at the faulting command, with the seed and the trace as notes.
  public func diagnostic(seed: UInt64, procedure: String, describe: (RunStep) -> String) -> Diagnostic {
    var notes: [Diagnostic.Note] = [.init("in a run of '\(procedure)', thread \(thread); replay with --seed \(seed) --runs 1")]
    if !input.isEmpty { notes.append(.init("input: \(input)")) }
    if !trace.isEmpty {
      notes.append(.init(trace.count == 1 ? "the last command of the run:"
                                          : "the last \(trace.count) commands of the run, oldest first:"))
      notes += trace.map { .init(describe($0)) }
    }
    return Diagnostic(code: .runtimeFault(kind), message: "\(kind.rawValue): \(message)", range: range, notes: notes)
  }
}

extension DiagnosticCatalog {
  /// HH5xx: `hophop run`, a code per fault kind and the codes of a run that cannot start.
  public static let run = DiagnosticCatalog(
    stage: "run",
    codes: [.runtimeCannotRun, .runtimeNoInput, .runtimeUnknownProcedure] + FaultKind.allCases.map(DiagnosticCode.runtimeFault),
    badInput: DiagnosticCode.runtimeInputErrors)
}
