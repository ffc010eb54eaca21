import HopSyntax

/// The diagnostic codes of the async checker (HH201–HH212), listed in docs/diagnostics.md.
extension DiagnosticCode {
  /// Condition 1: a procedure's effect may break its own guarantee.
  public static let guaranteeBroken = DiagnosticCode("HH201")
  /// Condition 2: a posted instance's precondition may not hold.
  public static let postedPreconditionBroken = DiagnosticCode("HH202")
  /// Condition 3: a rely does not preserve the precondition of a pending instance.
  public static let relyTooWeak = DiagnosticCode("HH203")
  /// Condition 4: a sibling may break the rely (by default: the precondition) of a pending instance.
  public static let siblingBreaksRely = DiagnosticCode("HH204")
  /// A field read, field write or `dispose` of an address that may not be allocated.
  public static let invalidAccess = DiagnosticCode("HH205")
  /// A loop invariant that may not hold on entry.
  public static let asyncInvariantOnEntry = DiagnosticCode("HH206")
  /// A loop invariant that one iteration may not preserve.
  public static let asyncInvariantNotPreserved = DiagnosticCode("HH207")
  /// `pending_f` under no negation in a precondition.
  public static let positivePending = DiagnosticCode("HH208")
  /// A number where a truth value is needed, or the reverse.
  public static let sortMismatch = DiagnosticCode("HH209")
  /// The solver could not decide a condition (timeout, quantifiers): not proved.
  public static let conditionUnknown = DiagnosticCode("HH210")
  /// A division or remainder whose divisor may be zero.
  public static let divisionByZero = DiagnosticCode("HH211")
  /// A condition that could not be put to the solver (it could not be encoded): not proved.
  public static let conditionNotChecked = DiagnosticCode("HH212")
}

extension DiagnosticCatalog {
  /// HH2xx: `check` of async procedures, the rely/guarantee conditions; HH208 and HH209 are bad input.
  public static let asyncCheck = DiagnosticCatalog(stage: "check, async", codes: [
    .guaranteeBroken, .postedPreconditionBroken, .relyTooWeak, .siblingBreaksRely, .invalidAccess,
    .asyncInvariantOnEntry, .asyncInvariantNotPreserved, .positivePending, .sortMismatch, .conditionUnknown,
    .divisionByZero, .conditionNotChecked,
  ], badInput: [.positivePending, .sortMismatch])
}
