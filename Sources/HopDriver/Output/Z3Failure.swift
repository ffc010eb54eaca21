import HopSMT

/// Z3 was needed and libz3 could not be loaded (decision 63): the session
/// carries this value in place of verdicts it could not reach, and the
/// command prints it, as text on standard error (and, with `--format json`,
/// as the command's document on standard output), with exit status 2: there
/// is no sound answer without Z3.
public struct Z3Failure: Sendable, Hashable {
  /// What failed and why (`cannot load the Z3 library named by HOPHOP_Z3_LIBRARY: ...`).
  public var reason: String

  public init(reason: String) { self.reason = reason }

  init(_ unavailable: SMTUnavailable) { reason = unavailable.reason }

  /// The failure of this process to load libz3, if a query needed it and it could not be loaded.
  static var current: Z3Failure? { SMTLibrary.failure.map(Z3Failure.init) }

  /// What to do about it (the note under the diagnostic, and in the JSON document).
  public static let note = "hophop needs Z3 for arithmetic and quantified side conditions; install Debian's libz3-dev, "
    + "or set HOPHOP_Z3_LIBRARY to the path of libz3.so"

  /// The diagnostic on standard error, in every format.
  public var text: String { "hophop: error: \(reason)\nnote: \(Self.note)\n" }

  /// The `--format json` document: every file without a result, and the reason with the note the text gives.
  public func document(command: String, files: [String]) -> String {
    JSONReport<JSONNoResult>(
      command: command, exitStatus: .badInput,
      files: files.map { JSONFileReport(FileReport(path: $0, source: nil, diagnostics: []), result: nil) },
      error: JSONFatalError(message: reason, notes: [Self.note])).text
  }
}
