/// The front end as one call: parse, then resolve names if parsing succeeded.
///
/// Resolution is skipped after a parse error, because a partial program
/// would produce follow-on "undeclared" errors that only confuse.
public enum Frontend {
  /// A parsed program, and every front-end diagnostic sorted by position.
  public struct Result: Sendable {
    public var program: Program
    public var diagnostics: [Diagnostic]
    /// True when the program can be handed to an analysis.
    public var isUsable: Bool { !diagnostics.hasErrors }
  }

  public static func analyze(_ file: SourceFile) -> Result {
    let parsed = Parser.parse(file)
    guard !parsed.diagnostics.hasErrors else {
      return Result(program: parsed.program, diagnostics: parsed.diagnostics.sortedBySource())
    }
    let resolution = NameResolver.resolve(parsed.program)
    return Result(program: parsed.program, diagnostics: (parsed.diagnostics + resolution).sortedBySource())
  }
}
