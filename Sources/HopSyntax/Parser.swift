/// The outcome of parsing one file: a (possibly partial) program and the
/// diagnostics found on the way. Parsing never traps and never throws.
public struct ParseResult: Sendable {
  public var program: Program
  public var diagnostics: [Diagnostic]
  public init(program: Program, diagnostics: [Diagnostic]) {
    self.program = program
    self.diagnostics = diagnostics
  }
}

/// Recursive-descent parser for all three layers of the Hop language.
public enum Parser {
  /// Parses a whole file. PLACEHOLDER until the parser lands.
  public static func parse(_ file: SourceFile) -> ParseResult {
    ParseResult(program: Program(fields: nil, declarations: []),
                diagnostics: [Diagnostic(code: .syntaxError, message: "parser not implemented", range: .point(0))])
  }
}
