import Foundation
import HopSyntax

/// The JSON encoding shared by every `--format json` document (`JSONReport`).
///
/// Positions are given both as byte offsets and as 1-based line/column.
public enum JSONRenderer {
  /// Encodes any value with sorted keys, so output is byte-for-byte deterministic.
  public static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self) + "\n"
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
