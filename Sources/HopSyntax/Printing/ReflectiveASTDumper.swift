/// The AST dumper by reflection: prints any value in `ASTDumper`'s format by
/// walking it with `Mirror`. It was `hophop parse`'s dumper; reflection made
/// it 20 times slower than `fmt` (decision 49), so `ASTDumper` now switches
/// over the AST types and uses this one only for values of other types. The
/// test `ASTDumperTests` checks that both print the same on every example, so
/// a new AST case or field that `ASTDumper` does not know is caught.
public struct ReflectiveASTDumper {
  private let file: SourceFile?
  private let includeRanges: Bool
  private var output = ""

  /// Dumps `value`; ranges are shown as `line:col` when `file` is given, as byte offsets otherwise.
  public static func dump(_ value: Any, file: SourceFile? = nil, ranges: Bool = true) -> String {
    var dumper = ReflectiveASTDumper(file: file, includeRanges: ranges)
    dumper.node(value, label: nil, depth: 0)
    return dumper.output
  }

  private init(file: SourceFile?, includeRanges: Bool) {
    self.file = file
    self.includeRanges = includeRanges
  }

  private func rangeText(_ range: SourceRange) -> String {
    guard includeRanges else { return "" }
    guard let file else { return " @\(range.start)..<\(range.end)" }
    return " @\(file.location(of: range.start))-\(file.location(of: range.end))"
  }

  private mutating func emit(_ depth: Int, _ label: String?, _ text: String) {
    let prefix = label.map { $0 == "-" ? "- " : "\($0):" + (text.isEmpty ? "" : " ") } ?? ""
    output += String(repeating: "  ", count: depth) + prefix + text + "\n"
  }

  private mutating func node(_ value: Any, label: String?, depth: Int) {
    if let identifier = value as? Identifier {
      emit(depth, label, identifier.name + rangeText(identifier.range))
      return
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      if let wrapped = mirror.children.first { node(wrapped.value, label: label, depth: depth) } else { emit(depth, label, "nil") }
    case .collection, .set:
      if mirror.children.isEmpty {
        emit(depth, label, "[]")
      } else {
        emit(depth, label, "")
        for child in mirror.children { node(child.value, label: "-", depth: depth + 1) }
      }
    case .enum:
      guard let payload = mirror.children.first else {
        emit(depth, label, ".\(value)")
        return
      }
      emit(depth, label, ".\(payload.label ?? "?")")
      children(of: payload.value, depth: depth + 1)
    case .struct, .class:
      let typeName = String(describing: type(of: value))
      var range = ""
      var kind: Any?
      var rest: [Mirror.Child] = []
      for child in mirror.children {
        if child.label == "range", let r = child.value as? SourceRange {
          range = rangeText(r)
        } else if child.label == "kind" {
          kind = child.value
        } else if child.label == "height" {
          continue  // derived from the kind (TreeHeight.swift)
        } else {
          rest.append(child)
        }
      }
      if let kind, let payload = Mirror(reflecting: kind).children.first {
        emit(depth, label, "\(typeName).\(payload.label ?? "?")\(range)")
        children(of: payload.value, depth: depth + 1)
      } else if let kind {
        emit(depth, label, "\(typeName).\(kind)\(range)")
      } else {
        emit(depth, label, typeName + range)
      }
      for child in rest { node(child.value, label: child.label, depth: depth + 1) }
    case .tuple:
      emit(depth, label, "")
      children(of: value, depth: depth + 1)
    default:
      emit(depth, label, value is String ? "\"\(value)\"" : "\(value)")
    }
  }

  /// The associated values of an enum case: a labelled tuple, or a single value.
  private mutating func children(of payload: Any, depth: Int) {
    let mirror = Mirror(reflecting: payload)
    if mirror.displayStyle == .tuple {
      for (index, child) in mirror.children.enumerated() {
        let label = child.label.map { $0.hasPrefix(".") ? String(index) : $0 } ?? String(index)
        node(child.value, label: label, depth: depth)
      }
    } else {
      node(payload, label: nil, depth: depth)
    }
  }
}
