/// A validator for the subset of JSON Schema (draft 2020-12) that
/// docs/json-schema.json uses: `type`, `enum`, `properties`, `required`,
/// `additionalProperties` (a boolean or a schema), `items`, `oneOf`, `anyOf`, and
/// `$ref` to `#/$defs/...`. There is no JSON Schema validator among the
/// project's dependencies; this one is small enough to trust by its tests.
/// A keyword outside the subset is reported as an error, so the schema
/// cannot silently say more than is checked.
public struct JSONSchemaValidator: Sendable {
  public let schema: JSONValue

  /// Keywords that describe and never constrain.
  static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
  static let constraints: Set<String> = ["type", "enum", "properties", "required", "additionalProperties", "items",
                                         "oneOf", "anyOf", "$ref"]

  public init(schema: JSONValue) { self.schema = schema }

  /// Every violation of the schema by `value`, as `path: what` (empty when the value is valid).
  public func errors(in value: JSONValue) -> [String] {
    var errors: [String] = []
    check(value, against: schema, at: "$", into: &errors)
    return errors
  }

  private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String]) {
    guard case .object(let keywords) = schema else {
      errors.append("\(path): the schema there is not an object")
      return
    }
    for keyword in keywords.keys where !Self.annotations.contains(keyword) && !Self.constraints.contains(keyword) {
      errors.append("\(path): schema keyword '\(keyword)' is not supported by this validator")
    }
    if let reference = keywords["$ref"]?.stringValue {
      let prefix = "#/$defs/"
      guard reference.hasPrefix(prefix), let target = self.schema["$defs"]?[String(reference.dropFirst(prefix.count))]
      else {
        errors.append("\(path): unresolved $ref '\(reference)'")
        return
      }
      check(value, against: target, at: path, into: &errors)
    }
    if let type = keywords["type"] {
      let allowed = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
      if !allowed.contains(where: { Self.has(value, type: $0) }) {
        errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(Self.typeName(value))")
        return
      }
    }
    if let options = keywords["enum"]?.arrayValue, !options.contains(where: { Self.equal($0, value) }) {
      errors.append("\(path): \(Self.brief(value)) is not one of the allowed values")
    }
    if let alternatives = keywords["oneOf"]?.arrayValue {
      let matching = alternatives.filter { alternative in
        var trial: [String] = []
        check(value, against: alternative, at: path, into: &trial)
        return trial.isEmpty
      }.count
      if matching != 1 { errors.append("\(path): matches \(matching) of the oneOf alternatives, not exactly one") }
    }
    if let alternatives = keywords["anyOf"]?.arrayValue, !alternatives.contains(where: { alternative in
      var trial: [String] = []
      check(value, against: alternative, at: path, into: &trial)
      return trial.isEmpty
    }) {
      errors.append("\(path): matches none of the anyOf alternatives")
    }
    if case .object(let members) = value {
      let properties: [String: JSONValue]
      if case .object(let declared) = keywords["properties"] { properties = declared } else { properties = [:] }
      for name in keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
        errors.append("\(path): missing required property '\(name)'")
      }
      for (name, member) in members.sorted(by: { $0.key < $1.key }) {
        if let propertySchema = properties[name] {
          check(member, against: propertySchema, at: "\(path).\(name)", into: &errors)
        } else if let additional = keywords["additionalProperties"] {
          if additional == .boolean(false) {
            errors.append("\(path): property '\(name)' is not allowed")
          } else if additional != .boolean(true) {
            check(member, against: additional, at: "\(path).\(name)", into: &errors)
          }
        }
      }
    }
    if case .array(let items) = value, let itemSchema = keywords["items"] {
      for (index, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(index)]", into: &errors) }
    }
  }

  static func has(_ value: JSONValue, type: String) -> Bool {
    switch (value, type) {
    case (.object, "object"), (.array, "array"), (.string, "string"), (.boolean, "boolean"), (.null, "null"),
         (.number, "number"):
      return true
    case (.number(let number, let isInteger), "integer"):
      return isInteger || number == number.rounded()
    default:
      return false
    }
  }

  static func typeName(_ value: JSONValue) -> String {
    switch value {
    case .object: "object"
    case .array: "array"
    case .string: "string"
    case .number(_, let isInteger): isInteger ? "integer" : "number"
    case .boolean: "boolean"
    case .null: "null"
    }
  }

  /// JSON equality: numbers by value (`1` and `1.0` are the same number).
  static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
    if case .number(let x, _) = a, case .number(let y, _) = b { return x == y }
    return a == b
  }

  static func brief(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): "\"\(text)\""
    case .number(let number, let isInteger): isInteger ? String(Int(number)) : String(number)
    case .boolean(let flag): String(flag)
    default: typeName(value)
    }
  }
}
