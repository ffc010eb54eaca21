import Foundation
import HopDriver
import Testing

/// `PrettyJSONEncoder` writes what Foundation's `JSONEncoder` writes with the options hophop used
/// (`[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`), byte for byte: each value here is
/// encoded by both and the texts compared.
@Suite struct PrettyJSONEncoderTests {
  static func foundation<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let ours = try PrettyJSONEncoder.encode(value)
    #expect(ours == (try foundation(value)), sourceLocation: sourceLocation)
  }

  @Test func stringsAreEscapedAsFoundationEscapesThem() throws {
    let strings = ["plain", "quote \" and backslash \\", "a/b//c", "tab\tnew\nline\rreturn", "\u{8}\u{c}",
                   "\u{0}\u{1}\u{f}\u{10}\u{1f} \u{7f}", "", " "]
    try Self.expectSame(strings)
    #expect(try PrettyJSONEncoder.encode(["a/\"\u{1}"]) == "[\n  \"a/\\\"\\u0001\"\n]")
  }

  @Test func unicodeIsWrittenAsItIs() throws {
    try Self.expectSame(["é", "naïve", "日本語", "🦊 and 👩‍👩‍👧", "\u{2028}\u{2029}", "e\u{301}"])
    #expect(try PrettyJSONEncoder.encode("→") == "\"→\"")
  }

  struct Inner: Encodable {
    var name: String
    var list: [Int]
    var missing: String?
    var empty: [String: Int] = [:]
  }

  struct Outer: Encodable {
    var zeta = 1
    var alpha: [Inner]
    var nested: [[String]] = [[], ["x"], ["y", "z"]]
    var map: [String: Inner?]
    var flag = true
    var off = false
  }

  @Test func nestedContainersAndKeyOrderAreFoundations() throws {
    let inner = Inner(name: "n", list: [1, 2, 3], missing: nil)
    try Self.expectSame(Outer(alpha: [inner, Inner(name: "", list: [], missing: "m")],
                              map: ["b": inner, "a": nil, "B": inner, "_x": nil, "a10": nil, "a2": nil, "é": nil, "Z": nil]))
    try Self.expectSame([[String: [Int]]]())
    try Self.expectSame([String: Int]())
    try Self.expectSame([[[Int]]]([[[]], [[1], []]]))
  }

  /// An enum with a hand-written `encode(to:)`, like `ASTJSON`: nested keyed and unkeyed containers,
  /// a single value, an explicit null, and a value that encodes nothing (an empty object, as `JSONNoResult`).
  enum Tree: Encodable {
    case node(String, [Tree])
    case leaf(Int)
    case none
    case nothing

    enum Key: String, CodingKey { case kind, children, fields }
    enum FieldKey: String, CodingKey { case label }

    func encode(to encoder: any Encoder) throws {
      switch self {
      case .node(let label, let children):
        var container = encoder.container(keyedBy: Key.self)
        try container.encode("node", forKey: .kind)
        var fields = container.nestedContainer(keyedBy: FieldKey.self, forKey: .fields)
        try fields.encode(label, forKey: .label)
        var list = container.nestedUnkeyedContainer(forKey: .children)
        for child in children { try list.encode(child) }
        try list.encodeNil()
      case .leaf(let value):
        var container = encoder.singleValueContainer()
        try container.encode(value)
      case .none:
        var container = encoder.singleValueContainer()
        try container.encodeNil()
      case .nothing:
        break
      }
    }
  }

  @Test func handWrittenEncodingsAreFoundations() throws {
    try Self.expectSame(Tree.node("root", [.leaf(1), .none, .nothing, .node("", []), .node("a/b", [.leaf(-2)])]))
    try Self.expectSame(["result": Tree.nothing])
  }

  struct Numbers: Encodable {
    var ints: [Int] = [0, -1, 42, Int.min, Int.max]
    var narrow: [Int8] = [Int8.min, Int8.max]
    var unsigned: [UInt64] = [0, UInt64.max]
    var doubles: [Double] = [0, -0.0, 1, -1, 0.1, 1.5, 2.25e-7, 1e-5, 1e16, 1.7976931348623157e308, 123_456.789, .leastNonzeroMagnitude]
    var floats: [Float] = [0.1, 3, -2.5]
  }

  @Test func numbersAreWrittenAsFoundationWritesThem() throws {
    try Self.expectSame(Numbers())
    #expect(try PrettyJSONEncoder.encode([1.0, 0.5]) == "[\n  1,\n  0.5\n]")
  }

  struct NotANumber: Encodable {
    var values: [Double] = [1, .infinity]
  }

  @Test func whatJSONCannotSayIsAnErrorNotAText() {
    #expect(throws: PrettyJSONEncoder.Failure.nonConformingNumber("inf", path: "values.Index 1")) {
      try PrettyJSONEncoder.encode(NotANumber())
    }
    #expect(throws: PrettyJSONEncoder.Failure.self) { try PrettyJSONEncoder.encode(Double.nan) }
    #expect(throws: PrettyJSONEncoder.Failure.noValue) { try PrettyJSONEncoder.encode(Tree.nothing) }
    #expect((try? Self.foundation(NotANumber())) == nil)
  }
}
