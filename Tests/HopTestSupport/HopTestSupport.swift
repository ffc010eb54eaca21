import HopRuntime
import HopSyntax

/// Parses `text` as a file named `t.hop`.
public func parseText(_ text: String) -> (file: SourceFile, result: ParseResult) {
  let file = SourceFile(path: "t.hop", text: text)
  return (file, Parser.parse(file))
}

/// The diagnostics of parsing `text`, as `"HH010 3:5"` strings (code and start position).
public func parseDiagnostics(_ text: String) -> [String] {
  let (file, result) = parseText(text)
  return result.diagnostics.map { "\($0.code) \(file.location(of: $0.range.start))" }
}

/// The range-free dump of the first declaration of `text` (which must parse).
public func dumpFirstDeclaration(_ text: String) -> String {
  let (_, result) = parseText(text)
  guard let first = result.program.declarations.first else { return "<no declaration>" }
  return ASTDumper.dump(first, ranges: false)
}

/// A small deterministic PRNG (SplitMix64), so fuzz runs are reproducible from a seed: the
/// interpreter's own generator, one implementation for both.
public typealias SplitMix64 = SeededRandom
