/// The height of expression and formula trees, in O(1) per node.
///
/// Every recursive stage after the parser (resolver, printer, dumper,
/// translation to logic, the async encoder) walks these trees on the stack,
/// so the parser refuses a tree deeper than `Parser.maximumDepth` (HH011;
/// docs/decisions.md, "depth budget"). It must know the height of what it
/// builds without walking it again: each node stores its height, computed
/// from its operands' when it is made. An atom has height 1; a node is one
/// more than its highest operand.
extension Expression {
  static func height(of kind: Kind) -> Int {
    switch kind {
    case .variable, .integer, .null, .boolean, .nondeterministic:
      1
    case .unary(_, let operand), .fieldRead(let operand, _), .old(let operand), .valid(let operand),
         .quantified(_, _, let operand):
      operand.height + 1
    case .binary(_, let left, let right):
      max(left.height, right.height) + 1
    case .instance(_, _, let arguments):
      (arguments.lazy.map(\.height).max() ?? 0) + 1
    }
  }
}

extension Assertion {
  static func height(of kind: Kind) -> Int {
    switch kind {
    case .emp, .true, .false:
      1
    case .equal(let left, let right), .notEqual(let left, let right):
      max(left.height, right.height) + 1
    case .star(let left, let right):
      max(left.height, right.height) + 1
    case .pointsTo(let pointer, let fields):
      max(pointer.height, fields.lazy.map(\.value.height).max() ?? 0) + 1
    case .endpoint(let pointer, let spec):
      max(pointer.height, spec.peer?.height ?? 0) + 1
    case .predicate(_, _, let arguments):
      (arguments.lazy.map(\.height).max() ?? 0) + 1
    case .conditional(let condition, let thenBranch, let elseBranch):
      max(condition.height, thenBranch.height, elseBranch.height) + 1
    }
  }
}
