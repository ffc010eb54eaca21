/// A name as written in the source, with where it was written.
public struct Identifier: Hashable, Sendable, CustomStringConvertible {
  public var name: String
  public var range: SourceRange
  public init(_ name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
  public var description: String { name }

  /// Names starting with `_` in a formula are existentially quantified (Smallfoot).
  public var isExistential: Bool { name.hasPrefix("_") }
}
