/// The diagnostic codes of the front end (lexing, parsing, name resolution).
///
/// Codes are stable: tests and example files match on them, never on wording.
/// HH0xx: front end · HH1xx: `check` (sync) · HH2xx: async conditions · HH3xx: contracts.
extension DiagnosticCode {
  // MARK: Input and lexing
  /// The file could not be read, or is not valid UTF-8, or is too large.
  public static let invalidInput = DiagnosticCode("HH001")
  /// A character that cannot start any token.
  public static let illegalCharacter = DiagnosticCode("HH002")
  /// A `/*` comment that is never closed.
  public static let unterminatedComment = DiagnosticCode("HH003")

  // MARK: Parsing
  /// The parser expected something else here.
  public static let syntaxError = DiagnosticCode("HH010")
  /// Nesting deeper than the parser's limit (protects the stack).
  public static let nestingTooDeep = DiagnosticCode("HH011")
  /// A construct that is valid in one layer used in the other (e.g. `post` in a sync procedure).
  public static let wrongLayer = DiagnosticCode("HH012")
  /// A number literal too large for the place it is used in.
  public static let invalidLiteral = DiagnosticCode("HH013")

  // MARK: Name resolution
  /// A procedure, message, contract, state, field, resource or variable that is not declared.
  public static let undeclaredName = DiagnosticCode("HH020")
  /// Two declarations of the same name in one scope.
  public static let duplicateDeclaration = DiagnosticCode("HH021")
  /// A call or predicate with the wrong number of arguments.
  public static let wrongArgumentCount = DiagnosticCode("HH022")
  /// A reference argument (before `;`) that is not a variable, or repeated.
  public static let referenceArgumentNotVariable = DiagnosticCode("HH023")
  /// `pending_f` / `posted_f` / `post f` / `delete f` for an `f` that is not `async`.
  public static let notAsync = DiagnosticCode("HH024")
  /// A name used in a way its declaration does not allow (e.g. calling an async procedure).
  public static let misusedName = DiagnosticCode("HH025")

  // MARK: Variables shared between threads
  /// A resource invariant that names a variable the resource does not protect.
  public static let unprotectedInvariantVariable = DiagnosticCode("HH026")
  /// A message invariant that names a variable other than `val` and `src`.
  public static let messageInvariantVariable = DiagnosticCode("HH027")
  /// A call of `init`, which runs once, before `main`.
  public static let initCalled = DiagnosticCode("HH028")
  /// A global variable passed by reference.
  public static let globalByReference = DiagnosticCode("HH029")
}
