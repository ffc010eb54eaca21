/// The one JSON document every `hophop` subcommand prints with `--format json`:
///
///     {"tool": "hophop", "version": ..., "command": "check", "exitStatus": 1,
///      "files": [{"path": ..., "diagnostics": [...], "result": {...}}], "error": {...}}
///
/// It exists so that a tool reads every command's output the same way: the
/// envelope and the diagnostics are common, only `result` differs per command
/// (`Payload`: the AST, the formatted text, the verdicts, the traces, ...).
/// `result` is absent for a file the command could not process (unreadable,
/// syntax errors); `error` is present only when the run stopped before it
/// could report on its files (Z3 not loadable). docs/json-schema.json
/// describes the document; `JSONSchemaTests` validates each command's real
/// output against it.
public struct JSONReport<Payload: Encodable>: Encodable {
  public var tool = "hophop"
  public var version = HophopVersion.current
  public var command: String
  /// The process's exit status, so that a tool need not keep it apart from the document.
  public var exitStatus: Int32
  public var files: [JSONFileReport<Payload>]
  public var error: JSONFatalError?

  public init(command: String, exitStatus: ExitStatus, files: [JSONFileReport<Payload>], error: JSONFatalError? = nil) {
    self.command = command
    self.exitStatus = exitStatus.rawValue
    self.files = files
    self.error = error
  }

  /// The document as pretty-printed JSON with sorted keys (byte-for-byte deterministic).
  public var text: String { JSONRenderer.encode(self) }
}

/// One input file in a `JSONReport`: its diagnostics and, when it was processed, the command's result for it.
public struct JSONFileReport<Payload: Encodable>: Encodable {
  public var path: String
  public var diagnostics: [JSONDiagnostic]
  public var result: Payload?

  public init(_ report: FileReport, result: Payload?) {
    path = report.path
    diagnostics = report.diagnostics.map { JSONDiagnostic($0, source: report.source) }
    self.result = result
  }
}

/// Why a run stopped before reporting on its files (there is no file position to give).
public struct JSONFatalError: Encodable, Sendable {
  public var message: String
  public var notes: [String]

  public init(message: String, notes: [String] = []) {
    self.message = message
    self.notes = notes
  }
}

/// The payload of a command whose JSON document carries diagnostics only.
public enum JSONNoResult: Encodable {
  public func encode(to encoder: any Encoder) throws {}
}
