/// Writes an `Encodable` value as pretty-printed JSON with sorted keys, byte for byte what
/// Foundation's `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// on Linux: two-space indents, `"key" : value`, keys in the order of their UTF-8 bytes, an empty
/// container as `[` or `{`, two newlines and the closing bracket, whole `Double`s without `.0`.
///
/// It exists so that the shipped executable links no Foundation (issue 27: Foundation and its
/// ICU data were most of its size and of its start-up time); `JSONRenderer` is its one user.
public enum PrettyJSONEncoder {
  /// Why a value has no JSON text.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    /// A floating-point number JSON has no notation for (NaN, infinity), at this coding path.
    case nonConformingNumber(String, path: String)
    /// The top-level value encoded nothing.
    case noValue

    public var description: String {
      switch self {
      case .nonConformingNumber(let number, let path): "unable to encode \(number) directly in JSON (at '\(path)')"
      case .noValue: "the top-level value did not encode any values"
      }
    }
  }

  /// The JSON text of `value`, without a final newline.
  public static func encode<T: Encodable>(_ value: T) throws -> String {
    let root = JSONNode()
    try value.encode(to: JSONNodeEncoder(node: root, codingPath: []))
    guard !root.isUnset else { throw Failure.noValue }
    var text = ""
    root.write(to: &text, indent: 0)
    return text
  }

  /// `string` as a JSON string literal: `"` and `\` escaped, control characters as `\b \f \n \r \t`
  /// or `\u00xx`; `/` and everything from U+007F on written as they are.
  static func quoted(_ string: String) -> String {
    var out = "\""
    var pending = string.utf8.startIndex
    let utf8 = string.utf8
    var index = pending
    while index != utf8.endIndex {
      let byte = utf8[index]
      let escape: String? = switch byte {
      case UInt8(ascii: "\""): "\\\""
      case UInt8(ascii: "\\"): "\\\\"
      case 0x08: "\\b"
      case 0x0C: "\\f"
      case 0x0A: "\\n"
      case 0x0D: "\\r"
      case 0x09: "\\t"
      case 0x00..<0x20: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
      default: nil
      }
      if let escape {
        out += string[pending..<index]
        out += escape
        pending = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    out += string[pending..<utf8.endIndex]
    return out + "\""
  }

  /// A floating-point number as `JSONEncoder` writes it: Swift's shortest description, a final `.0` dropped.
  static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, path: [any CodingKey]) throws -> String {
    guard value.isFinite else {
      throw Failure.nonConformingNumber(value.description, path: path.map(\.stringValue).joined(separator: "."))
    }
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}

/// One value of the document being built: unset until something is encoded into it, then a scalar's
/// JSON text, an array or an object. A class, because containers are filled after they are handed out.
final class JSONNode {
  private var scalar: String?
  private var elements: [JSONNode]?
  private var fields: [String: JSONNode]?

  var isUnset: Bool { scalar == nil && elements == nil && fields == nil }

  func set(scalar text: String) { scalar = text }

  /// The node as an array (made one if it was unset); a new element at its end.
  func appendElement() -> JSONNode {
    let element = JSONNode()
    if elements == nil { elements = [] }
    elements!.append(element)
    return element
  }

  var elementCount: Int { elements?.count ?? 0 }
  func makeArray() { if elements == nil { elements = [] } }
  func makeObject() { if fields == nil { fields = [:] } }

  /// The node as an object (made one if it was unset); the value under `key`, replacing any before.
  func field(_ key: String) -> JSONNode {
    let value = JSONNode()
    if fields == nil { fields = [:] }
    fields![key] = value
    return value
  }

  /// Appends the node's text; a nested value that encoded nothing is an empty object, as in `JSONEncoder`.
  func write(to out: inout String, indent: Int) {
    if let scalar {
      out += scalar
    } else if let elements {
      out += "[\n"
      for (index, element) in elements.enumerated() {
        if index > 0 { out += ",\n" }
        Self.indent(&out, indent + 1)
        element.write(to: &out, indent: indent + 1)
      }
      out += "\n"
      Self.indent(&out, indent)
      out += "]"
    } else {
      out += "{\n"
      let sorted = (fields ?? [:]).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      for (index, (key, value)) in sorted.enumerated() {
        if index > 0 { out += ",\n" }
        Self.indent(&out, indent + 1)
        out += PrettyJSONEncoder.quoted(key)
        out += " : "
        value.write(to: &out, indent: indent + 1)
      }
      out += "\n"
      Self.indent(&out, indent)
      out += "}"
    }
  }

  private static func indent(_ out: inout String, _ level: Int) {
    for _ in 0..<level { out += "  " }
  }
}

/// The `Encoder` handed to each value: it writes into its node.
struct JSONNodeEncoder: Encoder {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    node.makeObject()
    return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    node.makeArray()
    return JSONUnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    JSONSingleValueContainer(node: node, codingPath: codingPath)
  }

  /// Encodes `value` into `node`: scalars directly, anything else through its own `encode(to:)`.
  static func encode<T: Encodable>(_ value: T, into node: JSONNode, at path: [any CodingKey]) throws {
    switch value {
    case let text as String: node.set(scalar: PrettyJSONEncoder.quoted(text))
    case let number as Double: node.set(scalar: try PrettyJSONEncoder.number(number, path: path))
    case let number as Float: node.set(scalar: try PrettyJSONEncoder.number(number, path: path))
    default: try value.encode(to: JSONNodeEncoder(node: node, codingPath: path))
    }
  }
}

/// A JSON object's fields.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws { node.field(key.stringValue).set(scalar: "null") }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try JSONNodeEncoder.encode(value, into: node.field(key.stringValue), at: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey> {
    let child = node.field(key.stringValue)
    child.makeObject()
    return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = node.field(key.stringValue)
    child.makeArray()
    return JSONUnkeyedContainer(node: child, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    JSONNodeEncoder(node: node.field("super"), codingPath: codingPath + [JSONIndexKey(stringValue: "super")])
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    JSONNodeEncoder(node: node.field(key.stringValue), codingPath: codingPath + [key])
  }
}

/// A JSON array's elements.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var count: Int { node.elementCount }

  private var nextPath: [any CodingKey] { codingPath + [JSONIndexKey(intValue: count)] }

  mutating func encodeNil() throws { node.appendElement().set(scalar: "null") }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let path = nextPath
    try JSONNodeEncoder.encode(value, into: node.appendElement(), at: path)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    let path = nextPath
    let child = node.appendElement()
    child.makeObject()
    return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(node: child, codingPath: path))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = nextPath
    let child = node.appendElement()
    child.makeArray()
    return JSONUnkeyedContainer(node: child, codingPath: path)
  }

  mutating func superEncoder() -> any Encoder {
    let path = nextPath
    return JSONNodeEncoder(node: node.appendElement(), codingPath: path)
  }
}

/// A single value: a scalar, or a value that encodes itself into the same node.
struct JSONSingleValueContainer: SingleValueEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.set(scalar: "null") }
  mutating func encode(_ value: Bool) throws { node.set(scalar: value ? "true" : "false") }
  mutating func encode(_ value: String) throws { node.set(scalar: PrettyJSONEncoder.quoted(value)) }
  mutating func encode(_ value: Double) throws { node.set(scalar: try PrettyJSONEncoder.number(value, path: codingPath)) }
  mutating func encode(_ value: Float) throws { node.set(scalar: try PrettyJSONEncoder.number(value, path: codingPath)) }
  mutating func encode(_ value: Int) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: Int8) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: Int16) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: Int32) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: Int64) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: UInt) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: UInt8) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: UInt16) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: UInt32) throws { node.set(scalar: String(value)) }
  mutating func encode(_ value: UInt64) throws { node.set(scalar: String(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws { try JSONNodeEncoder.encode(value, into: node, at: codingPath) }
}

/// An array index or a fixed name in a coding path.
struct JSONIndexKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init(intValue: Int) { stringValue = "Index \(intValue)"; self.intValue = intValue }
}
