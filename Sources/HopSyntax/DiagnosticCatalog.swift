/// The codes one stage reports. Each stage declares its codes (`static let`
/// on `DiagnosticCode`, in its diagnostics file) and lists them once in its
/// catalog, next to the declarations; the catalogs together are the one list
/// of the codes that exist. `hophop explain`'s pages (docs/diagnostics/), the
/// tables of docs/diagnostics.md and the message for an unknown code are
/// checked against them or built from them (decision 62), where before they
/// were kept in step by hand.
public struct DiagnosticCatalog: Sendable {
  /// The stage, as the message for an unknown code names its range: "front end", "check, sync", ...
  public var stage: String
  /// Every code of the stage, in increasing order.
  public var codes: [DiagnosticCode]
  /// The codes that say the input itself is bad (exit 2) rather than give a verdict (exit 1).
  public var badInput: Set<DiagnosticCode>

  public init(stage: String, codes: [DiagnosticCode], badInput: Set<DiagnosticCode> = []) {
    precondition(badInput.isSubset(of: codes), "a catalog's bad-input codes are among its codes")
    self.stage = stage
    self.codes = codes.sorted()
    self.badInput = badInput
  }

  /// HH0xx: reading, lexing, parsing and name resolution; every one is bad input.
  public static let frontEnd: DiagnosticCatalog = {
    let codes: [DiagnosticCode] = [
      .invalidInput, .illegalCharacter, .unterminatedComment,
      .syntaxError, .nestingTooDeep, .wrongLayer, .invalidLiteral,
      .undeclaredName, .duplicateDeclaration, .wrongArgumentCount, .referenceArgumentNotVariable, .notAsync, .misusedName,
      .unprotectedInvariantVariable, .messageInvariantVariable, .initCalled, .globalByReference,
    ]
    return DiagnosticCatalog(stage: "front end", codes: codes, badInput: Set(codes))
  }()
}
