import HopSyntax
import Testing

/// Parses `text` (which must succeed) and resolves its names; the diagnostics as `code line:col`,
/// for the name-resolution tests.
func resolve(_ text: String) -> [String] {
  let file = SourceFile(path: "t.hop", text: text)
  let parsed = Parser.parse(file)
  #expect(parsed.diagnostics.isEmpty, "parse must succeed: \(parsed.diagnostics.map(\.message))")
  return NameResolver.resolve(parsed.program).map { "\($0.code) \(file.location(of: $0.range.start))" }
}
