/// A half-open span of bytes `[start, end)` in a `SourceFile`.
///
/// Every AST node and diagnostic carries one, so errors can point at the
/// exact text the user wrote.
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// An empty range at one offset (used for "expected X here").
  public static func point(_ offset: Int) -> SourceRange { SourceRange(start: offset, end: offset) }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
  }

  public var length: Int { end - start }
  public var description: String { "\(start)..<\(end)" }
}
