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

/// A small deterministic PRNG (SplitMix64), so fuzz runs are reproducible from a seed.
public struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
