import HopSyntax

/// What one run of a session found, file by file; the CLI renders it.
public struct Report: Sendable {
  public var files: [FileReport]
  public init(files: [FileReport]) { self.files = files }

  /// Every diagnostic of every file.
  public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
  public var hasErrors: Bool { diagnostics.hasErrors }
}

/// The diagnostics of one input file (and the file, when it could be read, to draw carets).
public struct FileReport: Sendable {
  public var path: String
  /// `nil` when the file could not be read.
  public var source: SourceFile?
  public var diagnostics: [Diagnostic]
  public init(path: String, source: SourceFile?, diagnostics: [Diagnostic]) {
    self.path = path
    self.source = source
    self.diagnostics = diagnostics
  }
}

/// The process exit codes of every hophop command (docs/language.md §4).
public enum ExitStatus: Int32, Sendable {
  /// Everything was proved / nothing to report.
  case success = 0
  /// The input is well-formed but something is not valid.
  case failure = 1
  /// Bad input: unreadable file, syntax or name errors, or an analysis that is not available.
  case badInput = 2
}
