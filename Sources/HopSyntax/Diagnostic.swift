/// A problem found in a Hop program, independent of how it is printed.
///
/// Stages return diagnostics as values; only the driver renders them
/// (text with carets, or JSON).
public struct Diagnostic: Hashable, Sendable, Codable {
  /// Stable identifier matched by tests and tools, e.g. `HH010`.
  public var code: DiagnosticCode
  public var severity: Severity
  public var message: String
  /// Where the problem is; rendered with a caret line.
  public var range: SourceRange
  /// Further explanation: the symbolic state, what was needed, related declarations.
  public var notes: [Note]

  public init(code: DiagnosticCode, severity: Severity = .error, message: String, range: SourceRange, notes: [Note] = []) {
    self.code = code
    self.severity = severity
    self.message = message
    self.range = range
    self.notes = notes
  }

  /// How serious a diagnostic is; errors make a command fail.
  public enum Severity: String, Hashable, Sendable, Codable {
    case error, warning, note
  }

  /// A secondary message, optionally pointing at another place in the file.
  public struct Note: Hashable, Sendable, Codable {
    public var message: String
    public var range: SourceRange?
    public init(_ message: String, at range: SourceRange? = nil) {
      self.message = message
      self.range = range
    }
  }
}

/// The stable code of a diagnostic kind (`HH001` ... `HH399`).
///
/// Each stage declares its codes as static members in its own catalog
/// (`SyntaxDiagnostics.swift`, ...); `docs/diagnostics.md` lists them all.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Array where Element == Diagnostic {
  /// True when at least one diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Sorted by position, then code, so output is deterministic.
  public func sortedBySource() -> [Diagnostic] {
    sorted { ($0.range.start, $0.code, $0.message) < ($1.range.start, $1.code, $1.message) }
  }
}
