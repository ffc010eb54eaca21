import CZ3

/// The sorts of the first-order encodings hophop builds: integers, truth
/// values, and arrays from integer tuples to either (heap fields, the
/// allocation set, pending procedure instances).
public enum SMTSort: Hashable, Sendable, CustomStringConvertible {
  case int
  case bool
  /// An array indexed by `arity` integers with integer or boolean elements.
  indirect case array(arity: Int, element: SMTSort)

  public var description: String {
    switch self {
    case .int: "Int"
    case .bool: "Bool"
    case .array(let arity, let element):
      "(Array \(Array(repeating: "Int", count: arity).joined(separator: " ")) \(element))"
    }
  }
}

/// A term of an `SMTContext`, with its sort kept on the Swift side so that
/// ill-sorted terms are refused before Z3 sees them.
///
/// Terms belong to the context that made them and live as long as it does.
public struct SMTTerm: @unchecked Sendable {
  let ast: Z3_ast
  public let sort: SMTSort

  init(_ ast: Z3_ast, _ sort: SMTSort) {
    self.ast = ast
    self.sort = sort
  }
}

extension SMTTerm: Equatable {
  /// Z3 shares structurally equal terms, so identity of the underlying term is structural equality.
  public static func == (a: SMTTerm, b: SMTTerm) -> Bool { a.ast == b.ast && a.sort == b.sort }
}
