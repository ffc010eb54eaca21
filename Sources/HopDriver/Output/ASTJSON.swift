import HopSyntax

/// The syntax tree as JSON data (`hophop parse --format json`): the same tree
/// `ASTDumper` prints, for an editor or a script to walk.
///
/// A node is `{"node": "Statement.lookup", "range": ..., "fields": {...}}`:
/// its type and case (as `ASTDumper` names them), its range when it has one
/// (and ranges are asked for), and its associated values and other fields by
/// label (by position, `"0"`, `"1"`, when unlabelled). A field's value is a
/// node, a list, a string, a number, a boolean, or null when absent. An
/// identifier is a node `Identifier` with the field `name`.
///
/// The walk is by reflection (`Mirror`), as `ReflectiveASTDumper`'s, so that
/// every case and field of the AST is in the document without a second
/// switch over the AST to keep in step; it is slower than the text dump
/// (decision 49), which is still what `hophop parse` prints as text.
public indirect enum ASTJSON: Encodable {
  case node(String, range: JSONRange?, fields: [(String, ASTJSON)])
  case list([ASTJSON])
  case string(String)
  case integer(Int)
  case boolean(Bool)
  case null

  /// The tree of `value` (a `Program`, a declaration, ...); ranges resolved in `file` unless `ranges` is false.
  public static func tree(_ value: Any, file: SourceFile, ranges: Bool = true) -> ASTJSON {
    Walker(file: file, ranges: ranges).value(value)
  }

  private enum Key: String, CodingKey { case node, range, fields }

  private struct FieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .node(let name, let range, let fields):
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(name, forKey: .node)
      try container.encodeIfPresent(range, forKey: .range)
      var nested = container.nestedContainer(keyedBy: FieldKey.self, forKey: .fields)
      for (label, value) in fields { try nested.encode(value, forKey: FieldKey(stringValue: label)) }
    case .list(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(item) }
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .integer(let number):
      var container = encoder.singleValueContainer()
      try container.encode(number)
    case .boolean(let flag):
      var container = encoder.singleValueContainer()
      try container.encode(flag)
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    }
  }

  /// The reflective walk, following `ReflectiveASTDumper`'s reading of the AST types.
  private struct Walker {
    let file: SourceFile
    let ranges: Bool

    func range(_ range: SourceRange) -> JSONRange? { ranges ? JSONRange(range, in: file) : nil }

    func value(_ value: Any) -> ASTJSON {
      if let identifier = value as? Identifier {
        return .node("Identifier", range: range(identifier.range), fields: [("name", .string(identifier.name))])
      }
      switch value {
      case let text as String: return .string(text)
      case let flag as Bool: return .boolean(flag)
      case let number as Int: return .integer(number)
      default: break
      }
      let mirror = Mirror(reflecting: value)
      switch mirror.displayStyle {
      case .optional:
        return mirror.children.first.map { self.value($0.value) } ?? .null
      case .collection, .set:
        return .list(mirror.children.map { self.value($0.value) })
      case .enum:
        let typeName = String(describing: type(of: value))
        guard let payload = mirror.children.first else { return .string("\(value)") }
        return .node("\(typeName).\(payload.label ?? "?")", range: nil, fields: fields(ofPayload: payload.value))
      case .struct, .class:
        let typeName = String(describing: type(of: value))
        var nodeRange: JSONRange?
        var kind: Any?
        var rest: [(String, ASTJSON)] = []
        for (index, child) in mirror.children.enumerated() {
          if child.label == "range", let r = child.value as? SourceRange {
            nodeRange = range(r)
          } else if child.label == "kind" {
            kind = child.value
          } else if child.label == "height" {
            continue  // derived from the kind (TreeHeight.swift)
          } else {
            rest.append((child.label ?? String(index), self.value(child.value)))
          }
        }
        guard let kind else { return .node(typeName, range: nodeRange, fields: rest) }
        guard let payload = Mirror(reflecting: kind).children.first else {
          return .node("\(typeName).\(kind)", range: nodeRange, fields: rest)
        }
        return .node("\(typeName).\(payload.label ?? "?")", range: nodeRange,
                     fields: fields(ofPayload: payload.value) + rest)
      case .tuple:
        return .node("tuple", range: nil, fields: fields(ofPayload: value))
      default:
        return .string("\(value)")
      }
    }

    /// The associated values of an enum case: a labelled tuple, or a single value labelled `0`.
    func fields(ofPayload payload: Any) -> [(String, ASTJSON)] {
      let mirror = Mirror(reflecting: payload)
      guard mirror.displayStyle == .tuple else { return [("0", value(payload))] }
      return mirror.children.enumerated().map { index, child in
        (child.label.map { $0.hasPrefix(".") ? String(index) : $0 } ?? String(index), value(child.value))
      }
    }
  }
}
