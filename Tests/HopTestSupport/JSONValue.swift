/// A JSON value as parsed by `JSONValue.parse`, for tests that inspect or
/// validate hophop's `--format json` output. Its own parser rather than
/// Foundation's `JSONSerialization`, which gives booleans and numbers both as
/// `NSNumber` and so cannot tell `true` from `1`, as a schema's `type` must.
public indirect enum JSONValue: Equatable, Sendable {
  case object([String: JSONValue])
  case array([JSONValue])
  case string(String)
  /// A number, and whether it was written without fraction or exponent.
  case number(Double, isInteger: Bool)
  case boolean(Bool)
  case null

  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public struct ParseError: Error, CustomStringConvertible {
    public var offset: Int
    public var description: String { "invalid JSON at byte \(offset)" }
  }

  /// Parses one JSON document (RFC 8259), with nothing but white space after it.
  public static func parse(_ text: String) throws -> JSONValue {
    var parser = Parser(bytes: Array(text.utf8))
    let value = try parser.value()
    parser.skipSpace()
    guard parser.position == parser.bytes.count else { throw ParseError(offset: parser.position) }
    return value
  }

  private struct Parser {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
      while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    func fail() -> ParseError { ParseError(offset: position) }

    mutating func expect(_ literal: String) throws {
      let expected = Array(literal.utf8)
      guard bytes.count - position >= expected.count, Array(bytes[position..<position + expected.count]) == expected
      else { throw fail() }
      position += expected.count
    }

    mutating func value() throws -> JSONValue {
      skipSpace()
      guard position < bytes.count else { throw fail() }
      switch bytes[position] {
      case UInt8(ascii: "{"):
        position += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
          skipSpace()
          let key = try string()
          skipSpace()
          try expect(":")
          guard members.updateValue(try value(), forKey: key) == nil else { throw fail() }
          skipSpace()
          if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
          try expect("}")
          return .object(members)
        }
      case UInt8(ascii: "["):
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
          items.append(try value())
          skipSpace()
          if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
          try expect("]")
          return .array(items)
        }
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): try expect("true"); return .boolean(true)
      case UInt8(ascii: "f"): try expect("false"); return .boolean(false)
      case UInt8(ascii: "n"): try expect("null"); return .null
      default: return try number()
      }
    }

    mutating func number() throws -> JSONValue {
      let start = position
      var isInteger = true
      while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) {
        if ".eE".utf8.contains(bytes[position]) { isInteger = false }
        position += 1
      }
      guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else { throw fail() }
      return .number(value, isInteger: isInteger)
    }

    mutating func string() throws -> String {
      try expect("\"")
      var scalars = String.UnicodeScalarView()
      var run: [UInt8] = []
      func flush() {
        scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        run.removeAll()
      }
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: "\"") { flush(); return String(scalars) }
        guard byte == UInt8(ascii: "\\") else {
          guard byte >= 0x20 else { throw fail() }
          run.append(byte)
          continue
        }
        flush()
        guard position < bytes.count else { throw fail() }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code) {
            try expect("\\u")
            code = 0x10000 + ((code - 0xD800) << 10) + (try hex4() - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw fail() }
          scalars.append(scalar)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
        default: throw fail()
        }
      }
      throw fail()
    }

    mutating func hex4() throws -> UInt32 {
      guard bytes.count - position >= 4,
            let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
      else { throw fail() }
      position += 4
      return code
    }
  }
}
