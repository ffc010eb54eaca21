import HopSyntax

/// The JSON encoding shared by every `--format json` document (`JSONReport`).
///
/// Positions are given both as byte offsets and as 1-based line/column.
public enum JSONRenderer {
  /// Encodes any value with sorted keys (`PrettyJSONEncoder`), so output is byte-for-byte deterministic. A value that
  /// cannot be encoded (a number JSON has no notation for) gives a document with an `error` saying so,
  /// never an empty `{}` that a reader would take for a result.
  public static func encode<T: Encodable>(_ value: T) -> String {
    do {
      return try encoded(value)
    } catch {
      let failure = EncodingFailure(error: JSONFatalError(message: "the JSON output could not be encoded: \(error)"))
      return (try? encoded(failure)) ?? "{\"error\": {\"message\": \"the JSON output could not be encoded\"}}\n"
    }
  }

  private static func encoded<T: Encodable>(_ value: T) throws -> String {
    try PrettyJSONEncoder.encode(value) + "\n"
  }

  /// The document in place of one that could not be encoded: strings only, so it always can be.
  private struct EncodingFailure: Encodable {
    var tool = "hophop"
    var version = HophopVersion.current
    var error: JSONFatalError
  }
}

/// The version printed by `--version` and recorded in JSON output.
public enum HophopVersion {
  public static let current = "0.1.0"
}

/// A diagnostic with resolved positions.
public struct JSONDiagnostic: Encodable {
  var code: String
  var severity: String
  var message: String
  var range: JSONRange?
  var notes: [JSONNote]

  public init(_ diagnostic: Diagnostic, source: SourceFile?) {
    code = diagnostic.code.rawValue
    severity = diagnostic.severity.rawValue
    message = diagnostic.message
    range = source.map { JSONRange(diagnostic.range, in: $0) }
    notes = diagnostic.notes.map { note in
      JSONNote(message: note.message, range: note.range.flatMap { r in source.map { JSONRange(r, in: $0) } })
    }
  }
}

struct JSONNote: Encodable {
  var message: String
  var range: JSONRange?
}

/// A source range as byte offsets and 1-based line/column.
public struct JSONRange: Encodable {
  struct Position: Encodable {
    var offset: Int
    var line: Int
    var column: Int
  }
  var start: Position
  var end: Position

  public init(_ range: SourceRange, in source: SourceFile) {
    let s = source.location(of: range.start)
    let e = source.location(of: range.end)
    start = Position(offset: range.start, line: s.line, column: s.column)
    end = Position(offset: range.end, line: e.line, column: e.column)
  }
}
